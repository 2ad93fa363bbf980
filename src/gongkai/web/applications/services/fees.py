"""Fees (国办函〔2020〕109号): the time from the fee notice to payment does not count.

The workbench issues a notice through :func:`application_issue_computed_fee_notice`: the amount
is never typed. The clerk picks 按件 or 按量 (one, never both — Art. 3) and, for 按量, enters the
pages to be provided (so a 按量 fee can be noticed before the answer); the amount is this
application's share of the applicant's month (按件, Art. 4 — the month's fee is charged once)
or the tiers of its pages (按量, Art. 5), computed by gongkai.core.fees. The page count is saved
with the notice so that the fee letter itemises the same fee.
:func:`application_issue_fee_notice` records a given amount (the demo's history uses it).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.fees import computed_fee
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
    step.check_delivered(day, delivered_on, "申请人收到收费通知")
    return step.record_step(
        application,
        EventKind.FEE_NOTICE,
        day,
        acting_user,
        action=AuditAction.FEE_NOTICE,
        changes={"fee_notice": str(amount)},
        status=Status.AWAITING_FEE,
        amount=amount,
        note=note.strip(),
        due=delivered_on,
    )


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
    return step.record_step(
        application,
        EventKind.FEE_PAID,
        day,
        acting_user,
        action=AuditAction.FEE_PAYMENT,
        changes={"fee_paid": str(amount)},
        status=Status.IN_PROGRESS,
        amount=amount,
    )


@transaction.atomic
def application_issue_computed_fee_notice(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    method: str,
    pages: int | None = None,
    note: str = "",
    delivered_on: dt.date | None = None,
) -> Application:
    """Compute the fee, then record the notice through the register's fee-notice service (which
    checks the handler, the status and the dates, and writes the audit record)."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if method == "按量" and pages is not None and locked.pages != pages:
        locked.pages = pages
    fee = computed_fee(locked, method, pages if method == "按量" else None)
    if fee.total <= 0:
        raise ApplicationError(
            "按所选计收方式本申请应收费用为0元（未超过免费范围），无需发出收费通知"
            "（国办函〔2020〕109号第四条、第五条）",
            field="method",
        )
    explanation = f"{method}计收：{fee.explanation}"
    application = application_issue_fee_notice(
        acting_user=acting_user,
        application=locked,
        day=day,
        amount=fee.total,
        note="\n".join(part for part in (explanation, note.strip()) if part),
        delivered_on=delivered_on,
    )
    if method == "按量" and pages is not None and application.pages != pages:
        application.pages = pages
        application.save(update_fields=["pages", "updated_at"])
    return application
