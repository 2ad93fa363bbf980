"""Year-end view time for an agency with 100,000 requests (issue 5: "the issue note reports the
year-end view's time for an agency with 100,000 requests").

    uv run python bench/yearend.py [--requests 100000] [--runs 5]
    DATABASE_URL=postgres://… uv run python bench/yearend.py     # on PostgreSQL (empty database)

Streams the requests of one agency from the demo generator (``gongkai.core.demo.iter_requests``:
two years, every applicant type and outcome row, 补正/consultations/fees/extensions, some open at
year end), bulk-inserts them into a fresh database in a temporary folder (or ``DATABASE_URL``),
adds the agency's 第二十条 records and cases, and times:

* ``count_year`` alone on the facts in memory (the pure counting, no database);
* ``year_end`` (the selector: table 3 aggregated by the database, tables 2 and 4 read + counted);
* the path before aggregation: every request's facts read from the database and counted;
* the year-end page through Django's test client (auth, scoping, counting, rendering tables
  2–4 with a link on every number);
* a drill-down page of the biggest cell (一、本年新收 · 总计), first page of 100 records.

Prints the median and the slowest of ``--runs`` runs after one warm-up run.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from typing import Any

from benchkit import arguments, django_on_fresh_database, page_step, timed


def load_agency(requests: int, year: int) -> tuple[Any, Any, list[Any]]:
    """A fresh database (a temporary folder, or ``DATABASE_URL``) holding one agency with
    ``requests`` requests over ``year - 1`` and ``year``, its 第二十条 records and 60 cases;
    returns the agency, an officer of it and the requests' facts."""
    django_on_fresh_database()  # exits with status 2 on a database that is not empty

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from gongkai.core.demo import generate_district, iter_requests
    from gongkai.core.demo.facts import request_facts
    from gongkai.web.accounts.models import Membership
    from gongkai.web.applications.models import Applicant, Application
    from gongkai.web.litigation.models import Case
    from gongkai.web.orgs.models import AgencyKind
    from gongkai.web.orgs.services import agency_create
    from gongkai.web.proactive.models import Decision, Document, Fee

    years = (year - 1, year)
    started = time.perf_counter()
    agency = agency_create(code="gov", name="示例市云溪区人民政府", kind=AgencyKind.GOVERNMENT)
    user = get_user_model().objects.create_user("gov_jbr", password="x")
    Membership.objects.create(user=user, agency=agency, role="officer")

    facts = []
    first_id: int | None = None
    batch: list[Any] = []

    def flush() -> None:
        applicants = Applicant.objects.bulk_create(
            [
                Applicant(agency=agency, **dataclasses.asdict(r.applicant))  # the same fields
                for r in batch
            ]
        )
        rows = Application.objects.bulk_create(
            [
                Application(
                    agency=agency,
                    number=f"{r.number}-{r.id}",
                    year=r.received.year,
                    seq=r.id,
                    applicant=person,
                    channel=r.channel.value,
                    arrived_on=r.received,
                    received_on=r.received,
                    subject=r.subject,
                    requested_form=r.requested_form,
                    delivery=r.delivery,
                    status=r.state.value,
                    outcome=r.outcome or "",
                    closed_on=r.closed,
                )
                for r, person in zip(batch, applicants, strict=True)
            ]
        )
        nonlocal first_id
        if first_id is None:
            first_id = rows[0].pk
        batch.clear()

    for request in iter_requests(seed=0, years=years, requests=requests, agencies=("gov",)):
        facts.append(request_facts(request))
        batch.append(request)
        if len(batch) == 5000:
            flush()
    if batch:
        flush()
    district = generate_district(seed=0, years=years, requests_per_year=0)
    for d in (d for d in district.documents if d.agency == "gov"):
        Document.objects.create(
            agency=agency,
            kind=d.kind.value,
            title=d.title,
            issued_on=d.issued,
            repealed_on=d.repealed,
        )
    for x in district.decisions[:40]:
        Decision.objects.create(
            agency=agency,
            kind=x.kind.value,
            start_on=x.start,
            end_on=x.end,
            count=x.count,
            source_note=x.source_note or "基准",
        )
    for f in district.fees:
        Fee.objects.create(
            agency=agency, item=f.item, start_on=f.start, end_on=f.end, amount=f.amount
        )
    assert first_id is not None
    for i in range(60):
        Case.objects.create(
            agency=agency,
            application_id=first_id + i * 100,
            kind=("review", "suit_direct", "suit_after_review")[i % 3],
            filed_on=facts[i * 100].received.replace(year=year),
            body="示例市人民政府",
        )
    total = Application.objects.count()
    in_year = Application.objects.filter(received_on__year=year).count()
    print(
        f"插入 {total:,} 件申请（{year}年收到 {in_year:,} 件），1 个机关："
        f"{time.perf_counter() - started:.1f} 秒"
    )
    print(f"数据库：{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")

    return agency, user, facts


def biggest_cell_url(agency: Any, year: int) -> str:
    """The drill-down page of table 3's biggest cell (一、本年新收 · 总计), first page."""
    from django.urls import reverse

    return (
        f"{reverse('yearend:cell')}?agency={agency.pk}&year={year}&table=t3&row=received&col=total"
    )


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv, requests=100_000, runs=5, year=2025)
    agency, user, facts = load_agency(args.requests, args.year)
    from django.test import Client
    from django.urls import reverse

    from gongkai.core.yearend import YearRecords, count_year
    from gongkai.web.yearend.selectors import year_end, year_records

    print(f"{'测量项':<30}{'中位数 ms':>12}{'最慢 ms':>12}")

    class Results(list[tuple[str, float, float]]):
        def append(self, row: tuple[str, float, float]) -> None:
            super().append(row)
            print(f"{row[0]:<30}{row[1]:>12.1f}{row[2]:>12.1f}", flush=True)

    results = Results()
    median, worst = timed(
        args.runs, lambda: count_year(YearRecords(requests=facts), year=args.year, agency="x")
    )
    results.append(("count_year（内存中，纯计数）", median, worst))
    median, worst = timed(args.runs, lambda: year_end(agency=agency, year=args.year))
    results.append(("year_end（库内聚合表三）", median, worst))

    def per_record() -> Any:  # the path before aggregation: every request read and counted
        records = year_records(agency=agency, year=args.year)
        return count_year(records, year=args.year, agency=agency.name)

    median, worst = timed(args.runs, per_record)
    results.append(("逐条读库 + 计数（旧路径）", median, worst))

    client = Client()
    client.force_login(user)
    page = page_step(client, f"{reverse('yearend:index')}?agency={agency.pk}&year={args.year}")
    median, worst = timed(args.runs, page)
    results.append(("年度统计页面（完整请求）", median, worst))
    median, worst = timed(args.runs, page_step(client, biggest_cell_url(agency, args.year)))
    results.append(("下钻页面（本年新收·总计，第1页）", median, worst))

    return 0


if __name__ == "__main__":
    sys.exit(main())
