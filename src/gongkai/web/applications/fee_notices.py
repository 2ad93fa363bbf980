"""The fee notice with a computed amount (国办函〔2020〕109号 Arts. 3–5; 条例 第四十二条).

The amount on a 收费通知 is never typed: the clerk picks 按件 or 按量 (one, never both — Art. 3)
and, for 按量, enters the pages to be provided (so a 按量 fee can be noticed before the answer);
the amount is this application's share of the applicant's month (按件, Art. 4) or the tiers of
its pages (按量, Art. 5), computed by gongkai.core.fees. The application's page count is saved
with the notice so that the fee letter itemises the same fee.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from gongkai.web.applications import services
from gongkai.web.applications.fees import computed_fee
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError


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
    application = services.application_issue_fee_notice(
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
