"""The shared steps of every service: lock the row, check the handler and the state, check an
event's date, record the event, save with the recomputed due date, write the audit record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.applications.clock import CLOCK_FIELDS, refresh_due
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.applications.signals import approval_decided, approval_requested
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text
from gongkai.web.common.models import AuditRecord


def write_audit(
    *,
    application: Application | None,
    action: AuditAction,
    actor: Any,
    changes: dict[str, Any],
    reason: str = "",
    entity: str = "application",
    entity_id: str | None = None,
) -> AuditRecord:
    return audit_record(
        application=application,
        entity=entity,
        entity_id=entity_id if entity_id is not None else (application.pk if application else ""),
        action=action,
        actor=actor,
        changes=changes,
        reason=reason,
    )


def lock(application: Application) -> Application:
    """Re-read the row under a lock so that two clerks cannot act on stale state."""
    return Application.objects.select_for_update().select_related("agency").get(pk=application.pk)


def require_handler(user: Any, application: Application) -> None:
    if not permissions.can_view_application(user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_handle(user, application):
        raise PermissionDenied("只有本机关的经办人、审核人或公开办可以办理该申请")


def require_open(application: Application) -> None:
    if application.voided:
        raise ApplicationError("该申请已作废，不能再办理")
    if not Status(application.status).is_open:
        raise ApplicationError(f"该申请已{Status(application.status).label}，不能再办理")


def take_open(
    application: Application,
    acting_user: User,
    allowed: set[Status] | None = None,
    action: str = "",
) -> Application:
    """The start of every step of the procedure: lock the row, check that the user handles
    the request and that it is open, and (when ``allowed`` is given) that its status allows
    ``action``. Returns the locked row."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    if allowed is not None:
        require_status(application, allowed, action)
    return application


def require_status(application: Application, allowed: set[Status], action: str) -> None:
    status = Status(application.status)
    if status not in allowed:
        allowed_text = "、".join(s.label for s in Status if s in allowed)
        raise ApplicationError(
            f"当前状态为“{status.label}”，不能{action}（仅限{allowed_text}状态）"
        )


def check_day(application: Application, day: dt.date, what: str) -> None:
    """Event dates: not in the future, not before receipt, not before the last recorded event."""
    if day > wallclock.today():
        raise ApplicationError(
            f"{what}日期不能晚于今天（{wallclock.today().isoformat()}）", field="day"
        )
    if day < application.received_on:
        raise ApplicationError(
            f"{what}日期不能早于收到申请之日（{application.received_on.isoformat()}）", field="day"
        )
    last = application.events.order_by("-day", "-id").values_list("day", flat=True).first()
    if last is not None and day < last:
        raise ApplicationError(
            f"{what}日期不能早于上一次办理事件的日期（{last.isoformat()}），请按时间顺序登记",
            field="day",
        )


def add_event(
    application: Application, kind: EventKind, day: dt.date, actor: Any, **fields: Any
) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, kind=kind.value, day=day, actor=actor, **fields
    )


def set_status(application: Application, status: Status) -> dict[str, Any]:
    old = application.status
    application.status = status.value
    return {"status": [Status(old).label, status.label]} if old != status.value else {}


def save_with_clock(application: Application, fields: list[str]) -> dict[str, Any]:
    """Save, recompute the due date from the event log, and return the due-date change."""
    old_due = application.due_on
    refresh_due(application)
    application.save(update_fields=[*fields, *CLOCK_FIELDS, "updated_at"])
    if old_due != application.due_on:
        return {"due_on": [old_due, application.due_on]}
    return {}


def save_and_audit(
    application: Application,
    fields: list[str],
    *,
    action: AuditAction,
    actor: Any,
    changes: dict[str, Any],
    reason: str = "",
) -> Application:
    """How a step ends: save ``fields`` with the due date recomputed from the event log, and
    write the audit record of ``changes`` (with the due-date change, if any)."""
    changes = changes | save_with_clock(application, fields)
    write_audit(application=application, action=action, actor=actor, changes=changes, reason=reason)
    return application


def check_delivered(day: dt.date, delivered_on: dt.date | None, receipt: str) -> None:
    """A letter sent on ``day`` cannot have arrived before it (``receipt``: who received what,
    e.g. "申请人收到收费通知")."""
    if delivered_on is not None and delivered_on < day:
        raise ApplicationError(f"{receipt}的日期不能早于发出日期", field="delivered_on")


def refusal_reason(reason: str, what: str) -> str:
    """The reasons a 审核人 gives for ``what`` (退回, 驳回, 不予签发): required; stripped."""
    return required_text(reason, f"请写明{what}的理由", field="reason")


def record_step(
    application: Application,
    kind: EventKind,
    day: dt.date,
    actor: Any,
    *,
    action: AuditAction,
    changes: dict[str, Any],
    status: Status | None = None,
    fields: tuple[str, ...] = (),
    reason: str = "",
    **event_fields: Any,
) -> Application:
    """How a step of the procedure ends: record its ``kind`` event on ``day``, move to
    ``status`` (when given), then save the status and ``fields`` with the due date recomputed
    and audit ``changes`` (after the status change)."""
    add_event(application, kind, day, actor, **event_fields)
    if status is not None:
        changes = set_status(application, status) | changes
    return save_and_audit(
        application, ["status", *fields], action=action, actor=actor, changes=changes, reason=reason
    )


def ask_reviewers(application: Application, day: dt.date, asked_by: Any, message: str) -> None:
    """Tell the agency's 审核人 (but not ``asked_by``) that a decision waits for them."""
    approval_requested.send(
        sender=Application, application=application, day=day, exclude=asked_by, message=message
    )


def tell_requester(
    application: Application, user_id: int | None, day: dt.date, message: str
) -> None:
    """Tell the officer who asked (``user_id``) what the 审核人 decided."""
    approval_decided.send(
        sender=Application, user_id=user_id, application=application, day=day, message=message
    )


OPEN_ACTIVE = {Status.REGISTERED, Status.IN_PROGRESS}


def require_reviewer(acting_user: Any, application: Application, refusal: str) -> None:
    """A decision of the agency's 审核人 (an extension, a 签发): visible, a reviewer there, and
    the request still open; ``refusal`` says who may decide instead."""
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_approve_extension(acting_user, application):
        raise PermissionDenied(refusal)
    require_open(application)
