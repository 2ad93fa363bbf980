"""Benchmark: due dates per second for random requests with pauses (issue 3, item 6).

    uv run python bench/deadlines.py                 # a million cases
    uv run python bench/deadlines.py --cases 200000 --explained 20000

Cases are generated first (not timed): a receipt day in 2019–2026, 0–3 pauses (征求意见 or
waiting for a fee) of 0–25 days starting within 30 days of the previous one, and an extension
in one case out of four. Then three things are timed:

* ``WorkCalendar.add_workdays_excluding`` — the integer-ordinal hot path itself;
* ``deadlines.due_date`` — the public fast path (validates the pauses, then the hot path);
* ``deadlines.compute_deadline(..., explain=False)`` — the full event-log rules without the
  explanation (what a list of requests needs), on every case;
* ``deadlines.compute_deadline`` with full Chinese explanation, on a smaller sample.

A sample of the fast results is checked against the full computation, so a fast wrong answer
cannot pass as a result.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta

from gongkai.core.calendar import WorkCalendar, bundled_arrangements
from gongkai.core.deadlines import (
    Event,
    ExtensionApproved,
    Paused,
    Received,
    compute_deadline,
    due_date,
)

Case = tuple[date, list[tuple[date, date]], bool]


def make_cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    first = date(2019, 1, 1).toordinal()
    last = date(2026, 10, 31).toordinal()
    cases: list[Case] = []
    for _ in range(n):
        received = date.fromordinal(rng.randint(first, last))
        pauses = []
        at = received
        for _ in range(rng.randint(0, 3)):
            start = at + timedelta(days=rng.randint(0, 30))
            end = start + timedelta(days=rng.randint(0, 25))
            pauses.append((start, end))
            at = end
        cases.append((received, pauses, rng.random() < 0.25))
    return cases


def events_for(case: Case) -> list[Event]:
    received, pauses, extended = case
    events: list[Event] = [Received(received)]
    if extended:
        events.append(ExtensionApproved(received))
    events += [Paused(a, b) for a, b in pauses]
    return events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="答复期限计算速度基准")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--explained", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=20251126)
    args = parser.parse_args(argv)

    cal = WorkCalendar.from_sources(bundled_arrangements())
    cases = make_cases(args.cases, args.seed)
    with_pauses = sum(1 for _, p, _ in cases if p)
    print(f"cases: {len(cases):,} ({with_pauses:,} with pauses, seed {args.seed})")

    hot = cal.add_workdays_excluding
    t0 = time.perf_counter()
    raw = [hot(r, 40 if x else 20, p) for r, p, x in cases]
    t1 = time.perf_counter()
    print(f"calendar hot path:   {len(cases) / (t1 - t0):>12,.0f} due dates/s ({t1 - t0:.2f} s)")

    t0 = time.perf_counter()
    fast = [due_date(r, p, extended=x, calendar=cal) for r, p, x in cases]
    t1 = time.perf_counter()
    fast_rate = len(cases) / (t1 - t0)
    print(f"deadlines.due_date:  {fast_rate:>12,.0f} due dates/s ({t1 - t0:.2f} s)")
    assert raw == fast

    logs = [events_for(c) for c in cases]
    t0 = time.perf_counter()
    quick = [
        compute_deadline(log, as_of=c[0], calendar=cal, explain=False).due
        for log, c in zip(logs, cases, strict=True)
    ]
    t1 = time.perf_counter()
    print(
        f"compute_deadline(explain=False): {len(cases) / (t1 - t0):>9,.0f} deadlines/s ({t1 - t0:.2f} s)"
    )
    assert quick == fast

    sample = cases[: args.explained]
    t0 = time.perf_counter()
    full = [
        compute_deadline(log, as_of=c[0], calendar=cal)
        for log, c in zip(logs, sample, strict=False)
    ]
    t1 = time.perf_counter()
    print(
        f"compute_deadline:    {len(sample) / (t1 - t0):>12,.0f} explained deadlines/s "
        f"({len(sample):,} cases, {t1 - t0:.2f} s)"
    )
    wrong = sum(1 for d, f in zip(full, fast, strict=False) if d.due != f)
    print(f"fast path vs explained computation: {wrong} disagreements in {len(sample):,}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
