"""The itemised 信息处理费 of an application (国办函〔2020〕109号, via gongkai.core.fees).

按件 counts the applicant's applications to the same agency in the natural month of receipt
(the same applicant = the same ID number); 按量 counts the pages provided. The agency picks one.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.core.errors import RuleError
from gongkai.core.fees import FeeResult, per_application, per_page
from gongkai.web.applications.models import Application


@dataclass(frozen=True)
class FeeBreakdown:
    month_count: int
    by_application: FeeResult | None
    by_page: FeeResult | None
    error: str = ""


def applicant_month_count(application: Application) -> int:
    """Applications of the same applicant to the same agency in the month of receipt."""
    same = Application.objects.filter(
        agency_id=application.agency_id,
        voided=False,
        received_on__year=application.received_on.year,
        received_on__month=application.received_on.month,
    )
    if application.applicant.id_number:
        same = same.filter(applicant__id_number=application.applicant.id_number)
    else:
        same = same.filter(applicant_id=application.applicant_id)
    return same.count()


def fee_breakdown(application: Application) -> FeeBreakdown:
    count = applicant_month_count(application)
    try:
        by_application = per_application(count)
        by_page = per_page(application.pages) if application.pages is not None else None
    except RuleError as exc:
        return FeeBreakdown(count, None, None, str(exc))
    return FeeBreakdown(count, by_application, by_page)
