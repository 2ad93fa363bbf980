"""The annual report of one agency with 100,000 requests: counting, composition and each output.

    uv run python bench/report.py [--requests 100000] [--runs 3]
    DATABASE_URL=postgres://… uv run python bench/report.py     # on PostgreSQL (empty database)

Loads one agency's requests from the demo generator into a fresh database (as
``bench/yearend.py`` does: two years, every applicant type and outcome row, some open at year
end, with 第二十条 records and cases), opens its report workspace for the second year and times:

* the counts: ``year_end`` (table 3 aggregated by the database) against the path before it
  (every request read from the database and counted by ``count_year``), and the number of
  queries of each;
* the drill-down page of table 3's biggest cell (一 · 总计, first page; it used to recount the
  agency, now it reads that cell's requests only);
* the composition of the whole report from the registers (``reports.selectors.compose_draft``:
  counts, proactive facts, fees, last year's report) and the draft + HTML;
* the checker on the rendered draft (``check_draft``, what the workspace page shows live);
* each output rendered from one composed report (txt, html, json, docx, pdf).

Prints the median and the slowest wall time of ``--runs`` runs after one warm-up run, and the
median CPU time (SQLite runs in the process, so it includes the database's work).
"""

from __future__ import annotations

import sys
from typing import Any

from benchkit import arguments, page_step, timed_cpu
from yearend import biggest_cell_url, load_agency  # bench/yearend.py, beside this script


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv, requests=100_000, runs=3, year=2025)
    agency, user, _facts = load_agency(args.requests, args.year)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from gongkai.core.annual import render
    from gongkai.core.yearend import count_year
    from gongkai.web.reports import selectors as reports
    from gongkai.web.reports.models import ReportDraft
    from gongkai.web.yearend.selectors import year_end, year_records

    draft = ReportDraft.objects.create(
        agency=agency, year=args.year, problems="一是政策解读形式较为单一。下一步将加强培训。"
    )

    def per_record() -> Any:
        return count_year(year_records(agency=agency, year=args.year), year=args.year, agency="")

    for label, action in (
        ("year_end", lambda: year_end(agency=agency, year=args.year)),
        ("per record", per_record),
    ):
        with CaptureQueriesContext(connection) as captured:
            action()
        print(f"queries of {label}: {len(captured.captured_queries)}")

    client = Client()
    client.force_login(user)
    drill_down = page_step(client, biggest_cell_url(agency, args.year))
    report = reports.compose_draft(draft)
    rows: list[tuple[str, Any]] = [
        ("counts: year_end (DB aggregation)", lambda: year_end(agency=agency, year=args.year)),
        ("counts: per record (before)", per_record),
        ("drill-down page (t3 received, page 1)", drill_down),
        ("compose_draft (counts + compose)", lambda: reports.compose_draft(draft)),
        ("draft + html", lambda: render(reports.compose_draft(draft), "html")),
        ("check_draft (txt read back, checked)", lambda: reports.check_draft(draft)),
    ]
    rows += [
        (f"render {kind}", lambda kind=kind: render(report, kind))
        for kind in ("txt", "html", "json", "docx", "pdf")
    ]
    print(f"{'step':<40}{'median ms':>12}{'max ms':>12}{'CPU ms':>12}")
    for label, action in rows:
        median, worst, cpu = timed_cpu(args.runs, action)
        print(f"{label:<40}{median:>12.1f}{worst:>12.1f}{cpu:>12.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
