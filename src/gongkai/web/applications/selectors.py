"""Every read of the request register, scoped by the user's memberships (style guide R6).

公开办 and 系统管理员 see every agency below their government; everyone else sees the agencies
they belong to. Views never query the models directly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.core.vocabulary import CaseResult
from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import OPEN_STATUSES, WAITING_STATUSES, Status
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.common.listing import matching_any, narrowed
from gongkai.web.common.models import AuditRecord
from gongkai.web.orgs.selectors import agency_list_registrable, agency_list_visible

__all__ = ["agency_list_registrable", "agency_list_visible"]


def application_list_visible(*, user: Any, include_voided: bool = False) -> QuerySet[Application]:
    # One OR-ed condition (own agencies, or anything below an overseen government): measured
    # faster than an ``agency_id IN (…)`` list on SQLite, where the list turns into one index
    # probe per agency (bench/web_queue.py).
    governments = permissions.overseen_government_ids(user)
    scope = Q(agency_id__in=permissions.own_agency_ids(user))
    if governments:
        scope |= Q(agency__government_id__in=governments)
    apps = Application.objects.filter(scope)
    if not include_voided:
        apps = apps.filter(voided=False)
    return apps.select_related("agency", "applicant", "assigned_to")


def application_get_visible(*, user: Any, pk: int) -> Application:
    """The application, or 404 when it does not exist or is outside the user's scope (a user
    of another agency learns nothing, not even that it exists)."""
    try:
        return application_list_visible(user=user, include_voided=True).get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("没有找到该申请，或您无权查看") from None


def application_events(*, application: Application) -> QuerySet[ApplicationEvent]:
    return application.events.select_related("actor").order_by("day", "id")


def application_audit(*, application: Application) -> QuerySet[AuditRecord]:
    return application.audit.select_related("actor").order_by("at", "id")


QUEUE_VIEWS = {
    "mine": "我的案件",
    "soon": "3个工作日内到期",
    "overdue": "已超期",
    "waiting": "等待申请人或第三方",
    "lapsed": "补正或缴费期限已过",
    "open": "全部在办",
    "closed": "已办结",
    "all": "全部",
}


@dataclass(frozen=True)
class QueueFilters:
    view: str = "open"
    agency: int | None = None
    status: str = ""
    applicant_kind: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str = ""
    sort: str = ""


# The queue's sortable columns: key → (label, ordering); "-key" sorts descending.
QUEUE_SORTS = {
    "number": ("受理编号", ("year", "seq", "id")),
    "agency": ("受理机关", ("agency__name", "id")),
    "applicant": ("申请人", ("applicant__name", "id")),
    "received": ("收到日期", ("received_on", "id")),
    "status": ("状态", ("status", "id")),
    "due": ("答复期限", ("due_on", "id")),
}


def queue_ordering(sort: str) -> tuple[str, ...] | None:
    """The ORM ordering for ``sort`` ("due", "-received" …), or None for the view's default."""
    key = sort.removeprefix("-")
    if key not in QUEUE_SORTS:
        return None
    fields = QUEUE_SORTS[key][1]
    if sort.startswith("-"):
        return tuple(f if f.startswith("-") else f"-{f}" for f in fields)
    return fields


def clock_running_q(today: dt.date) -> Q:
    """Open requests whose answer period counts on ``today``: not paused, or consulting past
    the parties' limit (条例第三十二条、第三十四条: the clock has run again since)."""
    lapsed_consultation = Q(status=Status.CONSULTING.value, consultation_ends_on__lt=today)
    return Q(status__in=OPEN_STATUSES) & (~Q(status__in=WAITING_STATUSES) | lapsed_consultation)


def application_queue(
    *, user: Any, filters: QueueFilters, today: dt.date, soon_until: dt.date
) -> QuerySet[Application]:
    """The work queue: one of the views of :data:`QUEUE_VIEWS`, filtered.

    ``soon_until`` is the date 3 working days after ``today`` (computed by the calendar)."""
    apps = application_list_visible(user=user)
    view = filters.view
    if view == "mine":
        apps = apps.filter(assigned_to=user, status__in=OPEN_STATUSES)
    elif view == "soon":
        apps = apps.filter(clock_running_q(today), due_on__gte=today, due_on__lte=soon_until)
    elif view == "overdue":
        apps = apps.filter(clock_running_q(today), due_on__lt=today)
    elif view == "waiting":
        apps = apps.filter(status__in=WAITING_STATUSES)
    elif view == "lapsed":
        apps = apps.filter(status__in=WAITING_STATUSES, lapses_on__lt=today)
    elif view == "open":
        apps = apps.filter(status__in=OPEN_STATUSES)
    elif view == "closed":
        apps = apps.exclude(status__in=OPEN_STATUSES)
    apps = narrowed(
        apps,
        agency_id=filters.agency,
        status=filters.status,
        applicant__kind=filters.applicant_kind,
        received_on__gte=filters.received_from,
        received_on__lte=filters.received_to,
    )
    if filters.q:
        apps = apps.filter(
            matching_any(
                filters.q, "number__icontains", "applicant__name__icontains", "subject__icontains"
            )
        )
    ordering = queue_ordering(filters.sort)
    if ordering is not None:
        return apps.order_by(*ordering)
    if view in {"closed", "all"}:
        return apps.order_by("-received_on", "-id")
    return apps.order_by("due_on", "id")


AUDIT_LABELS = {
    "number": "受理编号",
    "applicant": "申请人",
    "channel": "申请方式",
    "received_on": "收到申请日期",
    "due_on": "答复期限",
    "status": "状态",
    "assigned_to": "经办人",
    "correction_requested": "补正通知日期",
    "correction_received": "收到补正日期",
    "consulted": "征求意见对象",
    "consultation_answered": "已答复的征求对象",
    "fee_notice": "收费金额（元）",
    "fee_paid": "缴费金额（元）",
    "extension_requested": "申请延期日期",
    "extension": "延长期限",
    "custom_due": "第三十五条答复期限",
    "outcome": "办理结果",
    "legal_basis": "法律依据",
    "closed_on": "办结日期",
    "voided": "作废",
    # review and litigation cases (litigation.services), recorded on the request's audit trail
    "filed_on": "申请复议/起诉日期",
    "body": "复议机关或审理法院",
    "result": "审结结果",
    "decided_on": "审结日期",
    "review_body_codefendant": "本机关作为复议机关为共同被告",
}
# Stored codes shown by their label ("corrected" → "结果纠正", "False" → "否").
AUDIT_VALUE_LABELS = {
    "result": {r.value: r.label for r in CaseResult},
}


def _audit_value(value: Any, key: str = "") -> str:
    if value is None or value == "":
        return "（空）"
    if value is True or value == "True":
        return "是"
    if value is False or value == "False":
        return "否"
    text = str(value)
    for code, label in AUDIT_VALUE_LABELS.get(key, {}).items():
        text = re.sub(rf"\b{re.escape(code)}\b", label, text)
    return text


def audit_change_lines(changes: dict[str, Any]) -> list[str]:
    """An audit record's JSON diff as Chinese lines: "答复期限：2025-03-31 → 2025-04-08"."""
    lines = []
    for key, value in changes.items():
        label = AUDIT_LABELS.get(key, key)
        if isinstance(value, list) and len(value) == 2:
            old, new = _audit_value(value[0], key), _audit_value(value[1], key)
            lines.append(f"{label}：{old} → {new}")
        else:
            lines.append(f"{label}：{_audit_value(value, key)}")
    return lines
