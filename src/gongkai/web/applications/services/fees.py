"""Fees (国办函〔2020〕109号): the time from the fee notice to payment does not count."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

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
def application_issue_fee_notice(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    amount: Decimal,
    note: str = "",
    delivered_on: dt.date | None = None,
) -> Application:
    """国办函〔2020〕109号: the time from the fee notice to payment does not count; the applicant
    has 20 working days to pay."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    require_status(application, OPEN_ACTIVE, "发出收费通知")
    if amount <= 0:
        raise ApplicationError("收费金额必须大于0元", field="amount")
    check_day(application, day, "收费通知")
    if delivered_on is not None and delivered_on < day:
        raise ApplicationError("申请人收到收费通知的日期不能早于发出日期", field="delivered_on")
    add_event(
        application,
        EventKind.FEE_NOTICE,
        day,
        acting_user,
        amount=amount,
        note=note.strip(),
        due=delivered_on,
    )
    changes = set_status(application, Status.AWAITING_FEE) | {"fee_notice": str(amount)}
    changes |= save_with_clock(application, ["status"])
    write_audit(application=application, action="发出收费通知", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_record_payment(
    *, acting_user: Any, application: Application, day: dt.date, amount: Decimal
) -> Application:
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    require_status(application, {Status.AWAITING_FEE}, "登记缴费")
    noticed = (
        application.events.filter(kind=EventKind.FEE_NOTICE.value)
        .values_list("amount", flat=True)
        .last()
    )
    if noticed is not None and amount != noticed:
        raise ApplicationError(f"缴费金额应与收费通知一致（{noticed}元）", field="amount")
    check_day(application, day, "缴费")
    add_event(application, EventKind.FEE_PAID, day, acting_user, amount=amount)
    changes = set_status(application, Status.IN_PROGRESS) | {"fee_paid": str(amount)}
    changes |= save_with_clock(application, ["status"])
    write_audit(application=application, action="登记缴费", actor=acting_user, changes=changes)
    return application
