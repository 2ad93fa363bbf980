"""The records one agency's tables 2–4 count, read from the registers (scoped by permission).

The year-end view and its drill-down stand on :func:`year_end`: the counting itself is
:func:`gongkai.core.yearend.count_year`, pure Python, the same the report generator uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count, F
from django.http import Http404

from gongkai.core.vocabulary import ProactiveChannel
from gongkai.core.yearend import (
    CaseFacts,
    DecisionFacts,
    DocumentFacts,
    FeeFacts,
    MatterFacts,
    ProcurementFacts,
    RequestFacts,
    YearEnd,
    YearRecords,
    count_year,
)
from gongkai.web.accounts import permissions
from gongkai.web.applications.models import Application
from gongkai.web.litigation.models import Case
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.proactive.models import (
    Decision,
    Document,
    Fee,
    Item,
    Matter,
    Procurement,
)
from gongkai.web.yearend import aggregate


def agency_for(*, user: Any, pk: int) -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not permissions.can_view_agency(user, agency):
        raise Http404("没有找到该机构，或您无权查看")
    return agency


def year_records(*, agency: Agency, year: int) -> YearRecords:
    """Every fact of ``agency``'s registers that can touch ``year`` (voided records excluded).

    The requests are a lazy iterator, read only if table 3 is counted per record (the
    reference path, and the one that names a record that cannot be counted)."""
    end = dt.date(year, 12, 31)
    requests = (  # ordered by receipt, so drill-down pages list requests in date order
        aggregate.requests_touching(agency=agency, year=year)
        .values_list("id", "received_on", "applicant__kind", "closed_on", "outcome")
        .order_by("received_on", "id")
    )
    return YearRecords(
        requests=(
            RequestFacts(pk, received, kind, closed, (outcome or None) if closed else None)
            for pk, received, kind, closed, outcome in requests.iterator(chunk_size=5000)
        ),
        documents=[
            DocumentFacts(pk, kind, issued, repealed, published)
            for pk, kind, issued, repealed, published in Document.objects.filter(
                agency=agency, voided=False, issued_on__lte=end
            ).values_list("id", "kind", "issued_on", "repealed_on", "published_on")
        ],
        decisions=[
            DecisionFacts(pk, kind, s, e, n)
            for pk, kind, s, e, n in Decision.objects.filter(
                agency=agency, voided=False, end_on__year=year
            ).values_list("id", "kind", "start_on", "end_on", "count")
        ],
        fees=[
            FeeFacts(pk, s, e, amount)
            for pk, s, e, amount in Fee.objects.filter(
                agency=agency, voided=False, end_on__year=year
            ).values_list("id", "start_on", "end_on", "amount")
        ],
        matters=[
            MatterFacts(pk, kind, listed, delisted)
            for pk, kind, listed, delisted in Matter.objects.filter(
                agency=agency, voided=False, listed_on__lte=end
            ).values_list("id", "kind", "listed_on", "delisted_on")
        ],
        procurements=[
            ProcurementFacts(pk, day, amount)
            for pk, day, amount in Procurement.objects.filter(
                agency=agency, voided=False, day__year=year
            ).values_list("id", "day", "amount")
        ],
        cases=[
            CaseFacts(pk, kind, filed, result or None, decided, co)
            for pk, kind, filed, result, decided, co in Case.objects.filter(
                agency=agency, voided=False, filed_on__year=year
            ).values_list(
                "id", "kind", "filed_on", "result", "decided_on", "review_body_codefendant"
            )
        ],
    )


def year_end(*, agency: Agency, year: int) -> YearEnd:
    """Tables 2, 3 and 4 of ``agency`` for ``year``, straight from the records.

    Table 3 is counted by the database (:func:`aggregate.request_totals`, a constant number of
    queries however many requests there are), so its cells carry no record ids: the drill-down
    asks :func:`aggregate.cell_requests` for one cell's requests. Where a request cannot be
    counted, the requests are counted one by one instead, so the error names it.

    Raises :class:`gongkai.core.yearend.UncountableRecord` for a record that cannot be counted.
    """
    records = year_records(agency=agency, year=year)
    totals = aggregate.request_totals(agency=agency, year=year)
    if totals is not None:
        records = replace(records, requests=(), request_totals=totals)
    return count_year(
        records,
        year=year,
        agency=agency.name,
        is_government_report=agency.kind == AgencyKind.GOVERNMENT,
    )


def year_end_without_requests(*, agency: Agency, year: int) -> YearEnd:
    """Tables 2 and 4 of ``agency`` for ``year`` with the records behind each cell, table 3
    left uncounted: what a drill-down into table 2 or 4 needs (their registers are small)."""
    return count_year(
        replace(year_records(agency=agency, year=year), requests=()),
        year=year,
        agency=agency.name,
        is_government_report=agency.kind == AgencyKind.GOVERNMENT,
    )


# Which register a table-2 row's records live in.
T2_SOURCES = {
    "rules": "documents",
    "normative_docs": "documents",
    "licensing": "decisions",
    "other_services": "decisions",
    "penalty": "decisions",
    "coercion": "decisions",
    "fees": "fees",
    "procurement": "procurements",
}


@dataclass(frozen=True)
class Drill:
    kind: str  # "applications", "cases", "documents", "decisions", "fees", "procurements"
    records: Iterable[Any]  # a query, or one page of it


# 2019-format table-2 columns counted from the lists of matters, not from decisions.
MATTER_COLUMNS = frozenset({"prev_items", "change"})


def drill(*, table: str, row: str, column: str, ids: tuple[Any, ...]) -> Drill:
    if table == "t3":
        return Drill(
            "applications",
            Application.objects.filter(pk__in=ids)
            .select_related("applicant")
            .order_by("received_on", "id"),
        )
    if table == "t4":
        return Drill(
            "cases",
            Case.objects.filter(pk__in=ids).select_related("application").order_by("filed_on"),
        )
    kind = "matters" if column in MATTER_COLUMNS else T2_SOURCES.get(row)
    if kind is None:
        raise Http404("没有这一行")
    model = {
        "documents": Document,
        "decisions": Decision,
        "fees": Fee,
        "procurements": Procurement,
        "matters": Matter,
    }[kind]
    return Drill(kind, model._default_manager.filter(pk__in=ids))


@dataclass(frozen=True)
class ProactiveSummary:
    """What section 一 of the report says about proactive disclosure (the seed: "政务动态：25条；
    …通过政务新媒体微信公众号…公开…37条"): items published in the year by category and by
    channel, and how many went out after the 20 working days of 条例第二十六条."""

    total: int
    late: int
    by_category: list[tuple[str, int]]
    by_channel: list[tuple[str, str, int]]  # channel name, kind label, items


def proactive_summary(*, agency: Agency, year: int) -> ProactiveSummary:

    items = Item.objects.filter(agency=agency, voided=False, published_on__year=year)
    by_category = [
        (row["category__name"], row["n"])
        for row in items.values("category__name")
        .annotate(n=Count("id"))
        .order_by("-n", "category__name")
    ]
    by_channel = [
        (row["channels__name"], ProactiveChannel(row["channels__kind"]).label, row["n"])
        for row in items.filter(channels__isnull=False)
        .values("channels__name", "channels__kind")
        .annotate(n=Count("id"))
        .order_by("-n", "channels__name")
    ]
    return ProactiveSummary(
        total=items.count(),
        late=items.filter(published_on__gt=F("due_on")).count(),
        by_category=by_category,
        by_channel=by_channel,
    )
