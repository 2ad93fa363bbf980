"""Benchmark: the checker alone — ``check_report`` time per report (issue 2, item 5).

    uv run python bench/check_report.py                  # the seed and the corpus, 200 rounds
    uv run python bench/check_report.py --rounds 1000 FILE...

Each input is parsed once (not timed). Every round checks a fresh copy of each report (the
checker memoises per report object, so a copy costs what a new report costs) and the CPU time
of ``check_report`` is measured; the best of five runs is printed per file, then the mean over
files and the mean per report with a previous year's report (cross-year checks on).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from gongkai.core.checks import check_report
from gongkai.core.parsing import read_path
from gongkai.core.report import Report

SHARED = Path("/work/shared")
DEFAULT = [SHARED / "seeds" / "000_822ba8cb839ef3f2.txt", *sorted((SHARED / "corpus").glob("0*"))]


def fresh(report: Report) -> Report:
    """A copy that shares no memoised state with ``report`` (new paragraph and section text)."""
    return dataclasses.replace(
        report,
        paragraphs=tuple(
            dataclasses.replace(p, text=(p.text + " ")[:-1]) for p in report.paragraphs
        ),
        sections=tuple(dataclasses.replace(s, text=(s.text + " ")[:-1]) for s in report.sections),
    )


def per_report_ms(report: Report, rounds: int, previous: Report | None = None) -> float:
    best = float("inf")
    for _ in range(5):
        copies = [fresh(report) for _ in range(rounds)]
        start = time.process_time()
        for copy in copies:
            check_report(copy, previous)
        best = min(best, (time.process_time() - start) / rounds * 1000)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    reports = [(path, read_path(path)) for path in args.files]
    times = []
    for path, report in reports:
        ms = per_report_ms(report, args.rounds)
        times.append(ms)
        print(f"{path.name:32s} {ms:6.3f} ms  ({len(report.narrative):6d} characters of narrative)")
    print(f"{'mean over files':32s} {sum(times) / len(times):6.3f} ms")
    if len(reports) > 1:
        first, second = reports[0][1], reports[1][1]
        with_previous = per_report_ms(first, args.rounds, dataclasses.replace(second, year=None))
        print(f"{'with a previous report':32s} {with_previous:6.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
