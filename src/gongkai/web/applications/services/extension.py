"""A longer period: the extension of 条例 第三十三条第二款 (asked by the case officer, approved
by a 审核人) and the reasonable due date of 第三十五条."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.deadlines import EXTENSION_DAYS
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text

EXTENSION_WORKDAYS = EXTENSION_DAYS  # 条例 第三十三条第二款: 延长的期限最长不得超过20个工作日


@transaction.atomic
def application_request_extension(
    *, acting_user: User, application: Application, day: dt.date, reason: str
) -> Application:
    """条例 第三十三条第二款: the case officer asks for an extension; a 审核人 approves it."""
    application = step.take_open(application, acting_user)
    if application.events.filter(kind=EventKind.EXTENSION.value).exists():
        raise ApplicationError("答复期限只能延长一次（条例第三十三条第二款），本申请已延期")
    if pending_extension_request(application):
        raise ApplicationError("已有待审核的延期申请，请等待审核人审批")
    reason = required_text(reason, "请写明需要延长答复期限的理由", field="reason")
    step.check_day(application, day, "申请延期")
    step.add_event(application, EventKind.EXTENSION_REQUESTED, day, acting_user, note=reason)
    step.write_audit(
        application=application,
        action=AuditAction.EXTENSION_REQUEST,
        actor=acting_user,
        changes={"extension_requested": day},
        reason=reason,
    )
    step.ask_reviewers(
        application,
        day,
        acting_user,
        f"{application.number} 的延期答复申请待您审批：{reason}",
    )
    return application


# A reviewer's decision on a pending request: approved (the extension itself), rejected, or
# returned to the case officer with reasons.
DECISIONS = (EventKind.EXTENSION, EventKind.EXTENSION_REJECTED, EventKind.EXTENSION_RETURNED)


def pending_extension_request(application: Application) -> ApplicationEvent | None:
    requested = application.events.filter(kind=EventKind.EXTENSION_REQUESTED.value).last()
    if requested is None:
        return None
    decided = application.events.filter(
        kind__in=[k.value for k in DECISIONS], id__gt=requested.id
    ).exists()
    return None if decided else requested


def _require_reviewer_of_pending(acting_user: Any, application: Application) -> ApplicationEvent:
    """The request a reviewer is deciding; nobody decides on their own request."""
    step.require_reviewer(
        acting_user, application, "延期答复须经本机关审核人（政府信息公开工作机构负责人）批准"
    )
    requested = pending_extension_request(application)
    if requested is None:
        raise ApplicationError("没有待审批的延期申请，请经办人先提出延期申请")
    if requested.actor_id is not None and requested.actor_id == acting_user.pk:
        raise PermissionDenied("不能审批自己提出的延期申请，请由本机关其他审核人审批")
    return requested


@transaction.atomic
def application_approve_extension(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
) -> Application:
    """条例 第三十三条第二款: extension approved by the 工作机构's responsible person (审核人),
    at most 20 working days, once."""
    application = step.lock(application)
    requested = _require_reviewer_of_pending(acting_user, application)
    step.check_day(application, day, "批准延期")
    current_due = application.due_on
    if current_due is not None and day > current_due:
        raise ApplicationError(
            f"延期须在原答复期限（{current_due.isoformat()}）届满前批准", field="day"
        )
    step.record_step(
        application,
        EventKind.EXTENSION,
        day,
        acting_user,
        action=AuditAction.EXTENSION_APPROVE,
        changes={"extension": f"{EXTENSION_WORKDAYS}个工作日"},
        workdays=EXTENSION_WORKDAYS,
        note=requested.note,
    )
    step.tell_requester(
        application,
        requested.actor_id,
        day,
        f"{application.number} 的延期答复申请已批准，答复期限延长{EXTENSION_WORKDAYS}个工作日",
    )
    return application


@transaction.atomic
def application_decline_extension(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    reason: str,
    returned: bool = False,
) -> Application:
    """A 审核人 rejects a pending extension request (驳回: the period stays as it is) or returns it
    to the case officer with reasons (退回: to be revised and asked again). Either way the
    reasons are recorded, audited and sent to the officer who asked."""
    application = step.lock(application)
    requested = _require_reviewer_of_pending(acting_user, application)
    what = "退回" if returned else "驳回"
    reason = step.refusal_reason(reason, what)
    step.check_day(application, day, f"{what}延期申请")
    kind = EventKind.EXTENSION_RETURNED if returned else EventKind.EXTENSION_REJECTED
    step.add_event(application, kind, day, acting_user, note=reason)
    step.write_audit(
        application=application,
        action=AuditAction.EXTENSION_RETURN if returned else AuditAction.EXTENSION_REJECT,
        actor=acting_user,
        changes={"extension_decision": what},
        reason=reason,
    )
    follow = "请修改后重新提出" if returned else "原答复期限不变"
    step.tell_requester(
        application,
        requested.actor_id,
        day,
        f"{application.number} 的延期答复申请被{what}（{reason}），{follow}",
    )
    return application


@transaction.atomic
def application_set_due_date(
    *, acting_user: User, application: Application, day: dt.date, due: dt.date, reason: str
) -> Application:
    """条例 第三十五条: for a request of unreasonable volume or frequency the agency may set a
    later, reasonable due date and tell the applicant; it replaces the statutory one."""
    application = step.take_open(application, acting_user)
    if application.events.filter(kind=EventKind.DUE_DATE_SET.value).exists():
        raise ApplicationError("本申请已依第三十五条确定过答复期限")
    reason = required_text(reason, "请写明依第三十五条确定答复期限的理由", field="reason")
    if due <= day:
        raise ApplicationError("确定的答复期限应晚于作出决定之日", field="due")
    step.check_day(application, day, "确定答复期限")
    return step.record_step(
        application,
        EventKind.DUE_DATE_SET,
        day,
        acting_user,
        action=AuditAction.DUE_DATE_SET,
        changes={"custom_due": due},
        reason=reason,
        due=due,
        note=reason,
    )
