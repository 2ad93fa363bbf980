"""Table 3 counted by the database: one GROUP BY over an agency's requests, not a Python loop
over every row (at 100,000 requests, converting each row's dates was most of the year-end time).

:func:`request_totals` applies the rules of :func:`gongkai.core.yearend.count_year` (its module
docstring) with conditional aggregates per applicant type and recorded outcome; the core maps
the outcomes to the format's rows and adds up the totals. Records the rules refuse (a closing
date before the receipt, a closed request without outcome, an unknown applicant type or
outcome) make it return None: the caller then counts per record, whose error names the record.

:func:`cell_requests` is the drill-down: the requests behind one table-3 cell, as a query of
that cell alone (the same conditions), so a click never recounts the agency.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet

from gongkai.core.formats import Format, format_for_year
from gongkai.core.formats.common import T3_APPLICANT_COLUMNS
from gongkai.core.yearend import RequestTotals
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.orgs.models import Agency


def _bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def requests_touching(*, agency: Agency, year: int) -> QuerySet[Application]:
    """The requests ``agency``'s table 3 of ``year`` can count: received by 31 December
    (第三十一条: an online application waiting for confirmation is not received yet) and not
    closed before 1 January; voided ones excluded."""
    start, end = _bounds(year)
    return (
        Application.objects.filter(agency=agency, voided=False, received_on__lte=end)
        .exclude(status=Status.PENDING.value)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    )


def _stage_filters(year: int) -> dict[str, Q]:
    start, end = _bounds(year)
    return {
        "received": Q(received_on__gte=start),
        "carried_in": Q(received_on__lt=start),
        "carried_out": Q(closed_on__isnull=True) | Q(closed_on__gt=end),
        "closed": Q(closed_on__lte=end),  # closed_on >= start holds for every request touching
    }


def request_totals(*, agency: Agency, year: int) -> RequestTotals | None:
    """Table 3's leaf cells of ``agency`` and ``year`` in one query (None: a record the rules
    refuse is among them — count per record to name it)."""
    stages = _stage_filters(year)
    rows = (
        requests_touching(agency=agency, year=year)
        .values("applicant__kind", "outcome")
        .annotate(
            received=Count("id", filter=stages["received"]),
            carried_in=Count("id", filter=stages["carried_in"]),
            carried_out=Count("id", filter=stages["carried_out"]),
            closed=Count("id", filter=stages["closed"]),
            backwards=Count("id", filter=Q(closed_on__lt=F("received_on"))),
            unanswered=Count("id", filter=Q(closed_on__isnull=False, outcome="")),
        )
        .order_by()
    )
    columns = set(T3_APPLICANT_COLUMNS)
    outcomes = set(format_for_year(year).outcome_rows)
    cells: dict[tuple[str, str], int] = {}
    for row in rows:
        applicant, outcome = row["applicant__kind"], row["outcome"]
        if row["backwards"] or row["unanswered"] or applicant not in columns:
            return None
        if row["closed"] and not (
            outcome in outcomes or (outcome.startswith("other.") and "other" in outcomes)
        ):
            return None
        for stage in ("received", "carried_in", "carried_out"):
            key = (stage, applicant)
            cells[key] = cells.get(key, 0) + row[stage]
        if row["closed"]:
            key = (outcome, applicant)
            cells[key] = cells.get(key, 0) + row["closed"]
    return RequestTotals(cells)


def _outcome_filter(fmt: Format, row: str) -> Q:
    """The recorded outcomes counted in ``row`` (a 2021-format （六） outcome closed in a
    2019-format year is counted in （六）其他处理)."""
    q = Q(outcome=row)
    if row == "other":
        q |= Q(outcome__startswith="other.") & ~Q(outcome__in=fmt.outcome_rows)
    return q


def cell_requests(
    *, agency: Agency, year: int, fmt: Format, row: str, column: str
) -> QuerySet[Application] | None:
    """The requests behind table 3's cell (``row``, ``column``) — None for no such cell."""
    stages = _stage_filters(year)
    if row in ("received", "carried_in", "carried_out"):
        q = stages[row]
    elif row == "closed_total":
        q = stages["closed"]
    elif row in fmt.outcome_rows:
        q = stages["closed"] & _outcome_filter(fmt, row)
    else:
        return None
    if column != "total":
        if column not in T3_APPLICANT_COLUMNS:
            return None
        q &= Q(applicant__kind=column)
    return (
        requests_touching(agency=agency, year=year)
        .filter(q)
        .select_related("applicant")
        .order_by("received_on", "id")
    )
