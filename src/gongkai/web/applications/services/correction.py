"""补正 (条例 第三十条): asked once, within 7 working days; the period restarts on its arrival."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.clock import correction_deadline
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, required_text


@transaction.atomic
def application_request_correction(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    note: str,
    reply_by: dt.date | None = None,
) -> Application:
    """条例 第三十条: ask the applicant once, within 7 working days of receipt, to make the
    request clear; the clock stops until the correction arrives."""
    application = step.take_open(application, acting_user, step.OPEN_ACTIVE, "发出补正通知")
    if application.events.filter(kind=EventKind.CORRECTION_REQUESTED.value).exists():
        raise ApplicationError("补正通知只能一次性发出（条例第三十条），本申请已发过补正通知")
    note = required_text(note, "请写明需要补正的事项和合理的补正期限", field="note")
    step.check_day(application, day, "补正通知")
    latest = correction_deadline(application)
    if latest is not None and day > latest:
        raise ApplicationError(
            f"补正通知应在收到申请之日起7个工作日内发出（最迟{latest.isoformat()}，条例第三十条）",
            field="day",
        )
    if reply_by is not None and reply_by <= day:
        raise ApplicationError("补正期限应晚于发出补正通知之日", field="reply_by")
    return step.record_step(
        application,
        EventKind.CORRECTION_REQUESTED,
        day,
        acting_user,
        action=AuditAction.CORRECTION_REQUEST,
        changes={"correction_requested": day},
        status=Status.AWAITING_CORRECTION,
        note=note,
        due=reply_by,
    )


@transaction.atomic
def application_receive_correction(
    *, acting_user: User, application: Application, day: dt.date, note: str = ""
) -> Application:
    """条例 第三十条: the answer period counts again, in full, from the day the correction arrives."""
    application = step.take_open(
        application, acting_user, {Status.AWAITING_CORRECTION}, "登记收到补正"
    )
    step.check_day(application, day, "收到补正")
    return step.record_step(
        application,
        EventKind.CORRECTION_RECEIVED,
        day,
        acting_user,
        action=AuditAction.CORRECTION_RECEIVE,
        changes={"correction_received": day},
        status=Status.IN_PROGRESS,
        note=note.strip(),
    )
