"""Variants of a whole report that real agencies publish and the corpus does not hold.

Each test takes one consistent synthetic report, prints it the way some agency would, and shows
that the reader gets every cell right — or leaves the doubtful cells out with a note, never a
wrong number.
"""

from __future__ import annotations

import random

from gongkai.core.formats import FORMAT_2021
from gongkai.core.parsing import read_report
from gongkai.core.render.synthetic import random_report
from gongkai.core.render.text import render_text
from gongkai.core.report import Report


def _report() -> Report:
    return random_report(random.Random(5), year=2022, busy=20)


def _wrong_cells(expected: Report, got: Report) -> list[str]:
    """Every cell read with a value other than the one printed (left-out cells do not count)."""
    wrong = []
    for ref, cell in got.cells.items():
        printed = expected.cells.get(ref)
        if printed is None or printed.value != cell.value:
            wrong.append(f"{ref}: {None if printed is None else printed.value} → {cell.value}")
    return wrong


def _reads_back_whole(expected: Report, got: Report) -> None:
    assert _wrong_cells(expected, got) == []
    assert set(got.cells) == set(expected.cells)


def test_a_table_of_contents_with_dot_leaders_and_page_numbers_is_skipped() -> None:
    report = _report()
    lines = render_text(report, "pipes").split("\n")
    contents = ["目录"] + [
        f"{section.title}{'…' * 6}{page}" for page, section in enumerate(FORMAT_2021.sections, 1)
    ]
    text = "\n".join(lines[:1] + contents + lines[1:])
    got = read_report(text.encode("utf-8"), "report.txt")
    _reads_back_whole(report, got)
    overview = got.section("overview")
    assert overview is not None and overview.heading_line == 2 + len(contents)
    assert got.notes == ()
