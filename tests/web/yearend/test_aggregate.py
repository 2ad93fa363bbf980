"""Table 3 counted by the database: the same cells as the per-record count of the core, a number
of queries that does not grow with the number of requests, and a drill-down that reads one
cell's requests without recounting the agency."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.core.formats import format_for_year
from gongkai.core.formats.common import T3_APPLICANT_COLUMNS
from gongkai.core.yearend import count_year
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Applicant, Application
from gongkai.web.yearend import aggregate
from gongkai.web.yearend.selectors import year_end, year_records

YEAR = 2025


def _outcomes(year: int) -> list[str]:
    rows = list(format_for_year(year).outcome_rows)
    if year < 2021:  # 2021-format （六） outcomes recorded in a 2019-format year: counted in 其他
        rows += ["other.no_correction", "other.no_fee"]
    return rows


def _bulk(agency, n: int, *, year: int = YEAR, start: int = 0) -> None:
    """``n`` requests of every applicant type: received over two years, some closed in the
    year (every outcome), some before it, some after it, some still open, some voided."""
    applicants = {
        kind: Applicant.objects.get_or_create(agency=agency, kind=kind, name=f"申请人{kind}")[0]
        for kind in T3_APPLICANT_COLUMNS
    }
    kinds = itertools.cycle(T3_APPLICANT_COLUMNS)
    outcomes = itertools.cycle(_outcomes(year))
    rows = []
    for i in range(start, start + n):
        received = dt.date(year - 1, 6, 1) + dt.timedelta(days=(i * 7) % 540)
        mode = i % 5
        closed = {
            0: None,
            1: received + dt.timedelta(days=15),
            2: received + dt.timedelta(days=40),
            3: received + dt.timedelta(days=3),
            4: received + dt.timedelta(days=200),
        }[mode]
        rows.append(
            Application(
                agency=agency,
                number=f"T{i}",
                year=received.year,
                seq=i + 1,
                applicant=applicants[next(kinds)],
                channel="mail",
                arrived_on=received,
                received_on=received,
                subject="测试",
                requested_form="纸质",
                delivery="邮寄",
                status=Status.REGISTERED.value if closed is None else Status.ANSWERED.value,
                closed_on=closed,
                outcome=next(outcomes) if closed else "",
                voided=i % 23 == 0,
            )
        )
    Application.objects.bulk_create(rows)


def _per_record(agency, year: int):
    """The reference: the core counting every request's facts one by one."""
    return count_year(year_records(agency=agency, year=year), year=year, agency=agency.name)


@pytest.mark.parametrize("year", [2020, YEAR])
def test_the_database_count_equals_the_per_record_count(district, year):
    _bulk(district.dept_a, 400, year=year)
    counted, reference = (
        year_end(agency=district.dept_a, year=year),
        _per_record(district.dept_a, year),
    )
    assert counted.report.cells.keys() == reference.report.cells.keys()
    for ref, cell in reference.report.cells.items():
        assert counted.report.cells[ref].number == cell.number, ref
    assert reference.value("t3", "closed_total", "total") > 0
    assert reference.value("t3", "carried_in", "total") > 0
    # Every table-3 cell's drill-down lists exactly the requests the reference puts there.
    fmt = format_for_year(year)
    for row in fmt.t3.rows:
        for column in (*T3_APPLICANT_COLUMNS, "total"):
            behind = aggregate.cell_requests(
                agency=district.dept_a, year=year, fmt=fmt, row=row.key, column=column
            )
            assert behind is not None
            expected = sorted(reference.records("t3", row.key, column))
            assert sorted(behind.values_list("pk", flat=True)) == expected, (row.key, column)


def test_the_number_of_queries_does_not_grow_with_the_requests(district):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            year_end(agency=district.dept_a, year=YEAR)
        requests = [q["sql"] for q in captured if '"applications_application"' in q["sql"]]
        # The requests are read once, grouped: never one row per request.
        assert len(requests) == 1 and "GROUP BY" in requests[0].upper()
        return len(captured.captured_queries)

    _bulk(district.dept_a, 10)
    few = queries()
    _bulk(district.dept_a, 190, start=10)
    many = queries()
    assert few == many
    assert year_end(agency=district.dept_a, year=YEAR).value("t3", "received", "total") > 10


def test_a_drill_down_reads_one_cell_and_does_not_recount(client, district):
    _bulk(district.dept_a, 200)
    reference = _per_record(district.dept_a, YEAR)
    expected = reference.records("t3", "received", "natural")
    client.force_login(district.officer_a)
    query = {"agency": district.dept_a.pk, "year": YEAR, "table": "t3", "row": "received"}
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("yearend:cell"), {**query, "col": "natural"})
    assert page.status_code == 200
    text = page.content.decode()
    assert f"（{len(expected)} 条记录）" in text
    numbers = set(Application.objects.filter(pk__in=expected).values_list("number", flat=True))
    shown = {n for n in numbers if f">{n}</a>" in text}
    assert shown == numbers
    # Only this cell: its count (the paginator's) and one page of its rows — the agency's
    # requests are neither grouped nor read whole.
    requests = [q["sql"].upper() for q in captured if '"applications_application"' in q["sql"]]
    assert len(requests) == 2
    assert all("GROUP BY" not in sql for sql in requests)
    assert all("COUNT(" in sql or "LIMIT" in sql for sql in requests)
    assert client.get(reverse("yearend:cell"), {**query, "col": "nobody"}).status_code == 404
