"""The audit trail as its readers see it (issue 13, item 9): every record — requests, agencies,
memberships, calendar, settings, logins — visible to those allowed, filterable, exportable.

Who sees what:

* an installation-wide administrator (superuser, or holding the calendar permission): everything;
* a government's 系统管理员 and 公开办: the records of their government — those about its
  requests, its agencies, the memberships of its agencies and its staff's accounts, every record
  its staff wrote, and the calendar's (shared by all);
* nobody else (case officers see a request's own trail on the request).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import Membership
from gongkai.web.common.models import AuditRecord
from gongkai.web.orgs.models import Agency

ENTITY_LABELS = {
    "application": "申请",
    "agency": "机构",
    "membership": "工作人员角色",
    "user": "账户与登录",
    "calendar": "工作日历",
    "letter": "文书",
    "letter_settings": "文书编号设置",
    "letter_template": "文书模板",
    "attachment": "附件",
    "item": "主动公开信息",
    "channel": "发布渠道",
    "category": "主题分类",
    "case": "复议诉讼",
}


def can_read_audit(user: Any) -> bool:
    return permissions.can_admin_calendar(user) or bool(permissions.overseen_government_ids(user))


def audit_visible(*, user: Any) -> QuerySet[AuditRecord]:
    """Every audit record ``user`` may read (none for those who may read none)."""
    records = AuditRecord.objects.select_related("actor", "application")
    if permissions.can_admin_calendar(user):
        return records
    governments = permissions.overseen_government_ids(user)
    if not governments:
        return records.none()
    agencies = Agency.objects.filter(government_id__in=governments)
    agency_ids = [str(pk) for pk in agencies.values_list("pk", flat=True)]
    members = Membership.objects.filter(agency__in=agencies)
    member_ids = [str(pk) for pk in members.values_list("pk", flat=True)]
    staff = list(members.values_list("user_id", flat=True).distinct())
    return records.filter(
        Q(application__agency__government_id__in=governments)
        | Q(actor_id__in=staff)
        | Q(entity="agency", entity_id__in=agency_ids)
        | Q(entity="membership", entity_id__in=member_ids)
        | Q(entity="user", entity_id__in=[str(pk) for pk in staff])
        | Q(entity="calendar")
    )


@dataclass(frozen=True)
class AuditFilters:
    entity: str = ""
    action: str = ""
    actor: str = ""  # username or name, contains
    since: dt.date | None = None
    until: dt.date | None = None


def audit_filtered(*, user: Any, filters: AuditFilters) -> QuerySet[AuditRecord]:
    records = audit_visible(user=user)
    if filters.entity:
        records = records.filter(entity=filters.entity)
    if filters.action:
        wanted = filters.action.strip()
        codes = [a.value for a in AuditAction if wanted in a.label or wanted == a.value]
        records = records.filter(action__in=codes)
    if filters.actor:
        records = records.filter(
            Q(actor__username__contains=filters.actor)
            | Q(actor__first_name__contains=filters.actor)
        )
    if filters.since:
        records = records.filter(at__date__gte=filters.since)
    if filters.until:
        records = records.filter(at__date__lte=filters.until)
    return records.order_by("-at", "-id")
