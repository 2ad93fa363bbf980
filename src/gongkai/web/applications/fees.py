"""The itemised 信息处理费 of an application (国办函〔2020〕109号, via gongkai.core.fees).

按件 (109号 Art. 4) counts per applicant (the same applicant = the same ID number) and per
natural month of receipt, at the same agency. The month's fee is owed once: each application
carries the share of the tier its position in the month falls in (the 11th and 12th of a month
100元 each, so 12 applications owe 200元 in all — never the month's whole fee on every notice).
按量 (Art. 5) counts the pages provided for this application. The agency picks one (Art. 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from gongkai.core.errors import RuleError
from gongkai.core.fees import FeeResult, application_share, per_application, per_page
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError

FEE_METHOD_CHOICES = [("按件", "按件计收（109号第四条）"), ("按量", "按量计收（109号第五条）")]


@dataclass(frozen=True)
class FeeBreakdown:
    month_count: int
    position: int
    by_application: FeeResult | None
    month_total: FeeResult | None
    by_page: FeeResult | None
    error: str = ""


def _same_applicant_month(application: Application) -> QuerySet[Application]:
    same = Application.objects.filter(
        agency_id=application.agency_id,
        voided=False,
        received_on__year=application.received_on.year,
        received_on__month=application.received_on.month,
    )
    if application.applicant.id_number:
        return same.filter(applicant__id_number=application.applicant.id_number)
    return same.filter(applicant_id=application.applicant_id)


def applicant_month_count(application: Application) -> int:
    """Applications of the same applicant to the same agency in the month of receipt."""
    return _same_applicant_month(application).count()


def applicant_month_position(application: Application) -> int:
    """Which of the applicant's applications of the month this one is, in order of receipt
    (then of registration): the k of 109号 Art. 4's "第k件"."""
    order = list(_same_applicant_month(application).order_by("received_on", "pk").values("pk"))
    for index, row in enumerate(order, start=1):
        if row["pk"] == application.pk:
            return index
    return len(order) + 1  # a voided application is not counted; it would come last


def computed_fee(application: Application, method: str, pages: int | None = None) -> FeeResult:
    """The fee this application's notice must state: 按件 its share of the month, 按量 its
    pages (``pages`` if given, else the pages on the register). Raises ApplicationError in
    Chinese for what the clerk must fix."""
    try:
        if method == "按件":
            return application_share(applicant_month_position(application))
        if method == "按量":
            pages = application.pages if pages is None else pages
            if pages is None:
                raise ApplicationError("按量计收请填写提供信息的页数", field="pages")
            return per_page(pages)
    except RuleError as exc:
        raise ApplicationError(str(exc), field="pages") from None
    raise ApplicationError("请选择计收方式：按件或按量（只能选择一种）", field="method")


def fee_breakdown(application: Application) -> FeeBreakdown:
    count = applicant_month_count(application)
    position = applicant_month_position(application)
    try:
        share = application_share(position)
        month = per_application(count)
        by_page = per_page(application.pages) if application.pages is not None else None
    except RuleError as exc:
        return FeeBreakdown(count, position, None, None, None, str(exc))
    return FeeBreakdown(count, position, share, month, by_page)


def total(result: FeeResult | None) -> Decimal:
    return result.total if result is not None else Decimal(0)
