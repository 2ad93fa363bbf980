"""The annual report of one agency with 100,000 requests: counting, composition and each output.

    uv run python bench/report.py [--requests 100000] [--runs 3]

Streams one agency's requests from the demo generator (two years, every applicant type and
outcome row, some open at year end), counts the second year's tables with
``gongkai.core.yearend.count_year`` (in memory: the pure counting, no database), composes the
whole report (``gongkai.core.annual.compose``) and renders every output. Prints the median and the
slowest of ``--runs`` runs after one warm-up run.

Not measured here (not done yet): the database side — reading the facts through the web
selectors, and counting by aggregation in the database.
"""

from __future__ import annotations

import argparse
from typing import Any

from benchkit import timed

from gongkai.core.annual import AgencyInfo, OfficerText, compose, render
from gongkai.core.demo import iter_requests
from gongkai.core.demo.facts import request_facts
from gongkai.core.yearend import YearRecords, count_year

YEARS = (2024, 2025)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    facts = [
        request_facts(r)
        for r in iter_requests(seed=0, years=YEARS, requests=args.requests, agencies=("gov",))
    ]
    agency = AgencyInfo(name="示例市云溪区人民政府", is_government=True, office_name="区政府办公室")
    text = OfficerText(problems="一是政策解读形式较为单一。下一步将加强培训。")

    def count() -> Any:
        return count_year(
            YearRecords(requests=facts),
            year=YEARS[1],
            agency=agency.name,
            is_government_report=True,
        )

    counted = count()
    report = compose(counted, agency=agency, text=text)
    rows = [
        (f"count_year ({len(facts):,} requests)", lambda: count()),
        ("compose", lambda: compose(counted, agency=agency, text=text)),
        (
            "count + compose + html",
            lambda: render(compose(count(), agency=agency, text=text), "html"),
        ),
    ]
    rows += [
        (f"render {kind}", lambda kind=kind: render(report, kind))
        for kind in ("txt", "html", "json", "docx", "pdf")
    ]
    print(f"{'step':<36}{'median ms':>12}{'max ms':>12}")
    for label, action in rows:
        median, worst = timed(args.runs, action)
        print(f"{label:<36}{median:>12.1f}{worst:>12.1f}")


if __name__ == "__main__":
    main()
