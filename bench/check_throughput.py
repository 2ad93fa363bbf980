"""Throughput of `gongkai check`'s engine: parse + check, on one core, for text and HTML inputs.

    uv run python bench/check_throughput.py                 # 3000 reports of each kind
    uv run python bench/check_throughput.py --count 500 --profile

Synthetic consistent reports of fictional agencies (both formats, 2019–2025) are rendered in the
three text shapes and as a simple HTML page (made here from the `` | `` shape: one ``<table>``
per run of table rows, ``<p>`` for the narrative); then each input is read with
``read_report`` and checked with ``check_report`` in this one process. Generation is not timed.
Prints reports per second for text and for HTML, and the peak resident memory of the process.
The target (issue 2, item 9) is at least 300 text reports a second per core.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import io
import pstats
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence

from gongkai.core.render.synthetic import random_report
from gongkai.core.render.text import SHAPES, render_text
from gongkai.core.report import Report

TARGET_TEXT_PER_SECOND = 300


def render_html(report: Report) -> str:
    """The report as an HTML page: ``<p>`` paragraphs and ``<table>``s of the pipes shape's rows."""
    parts = ['<html><head><meta charset="utf-8"></head><body>']
    in_table = False
    for line in render_text(report, "pipes").splitlines():
        if line.endswith(" |") or line == "|":
            if not in_table:
                parts.append('<table border="1">')
                in_table = True
            cells = line.removesuffix(" |").split(" | ")
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        else:
            if in_table:
                parts.append("</table>")
                in_table = False
            parts.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def inputs(count: int, seed: int) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    rng = random.Random(seed)
    texts: list[tuple[str, bytes]] = []
    pages: list[tuple[str, bytes]] = []
    for index in range(count):
        report = random_report(rng, busy=rng.choice([3, 20, 200]))
        shape = SHAPES[index % len(SHAPES)]
        texts.append((f"r{index}-{shape}.txt", render_text(report, shape).encode("utf-8")))
        pages.append((f"r{index}.html", render_html(report).encode("utf-8")))
    return texts, pages


def measure(
    items: Sequence[tuple[str, bytes]],
    read: Callable[[bytes, str], Report],
    check: Callable[[Report], object],
) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds for parse + check of every item, and how many items raised.

    The CPU time of this process is the per-core cost even when other processes share the
    machine; the wall-clock time is what a user waits on an otherwise idle core.
    """
    failures = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for name, data in items:
        try:
            check(read(data, name))
        except Exception:
            failures += 1
    return time.perf_counter() - wall, time.process_time() - cpu, failures


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="reports of each kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--profile", action="store_true", help="cProfile the text run")
    args = parser.parse_args(argv)

    from gongkai.core.checks import check_report
    from gongkai.core.parsing import read_report

    def read(data: bytes, name: str) -> Report:
        return read_report(data, name=name)

    def check(report: Report) -> object:
        return check_report(report)

    started = time.perf_counter()
    texts, pages = inputs(args.count, args.seed)
    size = sum(len(d) for _, d in texts) / len(texts) / 1024
    print(f"generated {len(texts)} text and {len(pages)} HTML reports "
          f"(text {size:.1f} KiB on average) in {time.perf_counter() - started:.1f} s")  # fmt: skip
    rss_before = peak_rss_mb()

    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    text_wall = text_cpu = 0.0
    text_failures = 0
    for shape in SHAPES:
        subset = [item for item in texts if item[0].endswith(f"-{shape}.txt")]
        wall, cpu, failures = measure(subset, read, check)
        text_wall, text_cpu, text_failures = (
            text_wall + wall,
            text_cpu + cpu,
            text_failures + failures,
        )
        print(f"  text/{shape:<10} {len(subset) / cpu:8.0f} reports/s of CPU time")
    if profiler:
        profiler.disable()
    html_wall, html_cpu, html_failures = measure(pages, read, check)
    text_rate = len(texts) / text_cpu
    for kind, count, wall, cpu, failures in (
        ("text", len(texts), text_wall, text_cpu, text_failures),
        ("html", len(pages), html_wall, html_cpu, html_failures),
    ):
        print(
            f"{kind} : {count / cpu:8.0f} reports/s per core of CPU time "
            f"({count / wall:.0f}/s wall clock; {failures} failed to read or check)"
        )
    print(f"peak RSS {peak_rss_mb():.0f} MB (after generating the inputs: {rss_before:.0f} MB)")
    verdict = "meets" if text_rate >= TARGET_TEXT_PER_SECOND else "MISSES"
    print(f"{verdict} the target of {TARGET_TEXT_PER_SECOND} text reports/s per core")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
