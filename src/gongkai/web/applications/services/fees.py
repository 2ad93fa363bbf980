"""Fees (国办函〔2020〕109号): the time from the fee notice to payment does not count."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError


@transaction.atomic
def application_issue_fee_notice(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    amount: Decimal,
    note: str = "",
    delivered_on: dt.date | None = None,
) -> Application:
    """国办函〔2020〕109号: the time from the fee notice to payment does not count; the applicant
    has 20 working days to pay."""
    application = step.take_open(application, acting_user, step.OPEN_ACTIVE, "发出收费通知")
    if amount <= 0:
        raise ApplicationError("收费金额必须大于0元", field="amount")
    step.check_day(application, day, "收费通知")
    if delivered_on is not None and delivered_on < day:
        raise ApplicationError("申请人收到收费通知的日期不能早于发出日期", field="delivered_on")
    step.add_event(
        application,
        EventKind.FEE_NOTICE,
        day,
        acting_user,
        amount=amount,
        note=note.strip(),
        due=delivered_on,
    )
    changes = step.set_status(application, Status.AWAITING_FEE) | {"fee_notice": str(amount)}
    changes |= step.save_with_clock(application, ["status"])
    step.write_audit(
        application=application, action=AuditAction.FEE_NOTICE, actor=acting_user, changes=changes
    )
    return application


@transaction.atomic
def application_record_payment(
    *, acting_user: User, application: Application, day: dt.date, amount: Decimal
) -> Application:
    application = step.take_open(application, acting_user, {Status.AWAITING_FEE}, "登记缴费")
    noticed = (
        application.events.filter(kind=EventKind.FEE_NOTICE.value)
        .values_list("amount", flat=True)
        .last()
    )
    if noticed is not None and amount != noticed:
        raise ApplicationError(f"缴费金额应与收费通知一致（{noticed}元）", field="amount")
    step.check_day(application, day, "缴费")
    step.add_event(application, EventKind.FEE_PAID, day, acting_user, amount=amount)
    changes = step.set_status(application, Status.IN_PROGRESS) | {"fee_paid": str(amount)}
    changes |= step.save_with_clock(application, ["status"])
    step.write_audit(
        application=application, action=AuditAction.FEE_PAYMENT, actor=acting_user, changes=changes
    )
    return application
