"""补正 (条例 第三十条): asked once, within 7 working days; the period restarts on its arrival."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from gongkai.web.applications.clock import correction_deadline
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services.common import (
    OPEN_ACTIVE,
    add_event,
    check_day,
    lock,
    require_handler,
    require_open,
    require_status,
    save_with_clock,
    set_status,
    write_audit,
)
from gongkai.web.common.errors import ApplicationError


@transaction.atomic
def application_request_correction(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    note: str,
    reply_by: dt.date | None = None,
) -> Application:
    """条例 第三十条: ask the applicant once, within 7 working days of receipt, to make the
    request clear; the clock stops until the correction arrives."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    require_status(application, OPEN_ACTIVE, "发出补正通知")
    if application.events.filter(kind=EventKind.CORRECTION_REQUESTED.value).exists():
        raise ApplicationError("补正通知只能一次性发出（条例第三十条），本申请已发过补正通知")
    if not note.strip():
        raise ApplicationError("请写明需要补正的事项和合理的补正期限", field="note")
    check_day(application, day, "补正通知")
    latest = correction_deadline(application)
    if latest is not None and day > latest:
        raise ApplicationError(
            f"补正通知应在收到申请之日起7个工作日内发出（最迟{latest.isoformat()}，条例第三十条）",
            field="day",
        )
    if reply_by is not None and reply_by <= day:
        raise ApplicationError("补正期限应晚于发出补正通知之日", field="reply_by")
    add_event(
        application,
        EventKind.CORRECTION_REQUESTED,
        day,
        acting_user,
        note=note.strip(),
        due=reply_by,
    )
    changes = set_status(application, Status.AWAITING_CORRECTION) | {"correction_requested": day}
    changes |= save_with_clock(application, ["status"])
    write_audit(application=application, action="发出补正通知", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_receive_correction(
    *, acting_user: Any, application: Application, day: dt.date, note: str = ""
) -> Application:
    """条例 第三十条: the answer period counts again, in full, from the day the correction arrives."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    require_status(application, {Status.AWAITING_CORRECTION}, "登记收到补正")
    check_day(application, day, "收到补正")
    add_event(application, EventKind.CORRECTION_RECEIVED, day, acting_user, note=note.strip())
    changes = set_status(application, Status.IN_PROGRESS) | {"correction_received": day}
    changes |= save_with_clock(application, ["status"])
    write_audit(application=application, action="收到补正材料", actor=acting_user, changes=changes)
    return application
