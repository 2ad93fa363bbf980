"""Properties: every rendered shape reads back to the cells it was rendered from, and no input,
however mangled, makes the reader fail with anything but UnreadableInput."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.core.errors import UnreadableInput
from gongkai.core.formats import FORMATS
from gongkai.core.parsing import read_report
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.render.text import SHAPES, render_text
from gongkai.core.report import Report

from .builders import report_html

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def reports(draw: st.DrawFn) -> Report:
    fmt = FORMATS[draw(st.sampled_from(sorted(FORMATS)))]
    year = draw(st.integers(fmt.first_year, fmt.last_year or fmt.first_year + 5))
    rng = random.Random(draw(st.integers(0, 10**6)))
    cells = random_cells(rng, fmt, busy=draw(st.sampled_from([2, 30, 900])))
    zeros = sorted(ref for ref, value in cells.items() if value == 0)
    for ref in draw(st.lists(st.sampled_from(zeros), max_size=8, unique=True)) if zeros else []:
        cells[ref] = None  # printed blank
    agency = draw(st.sampled_from(["示例市示例区教育局", "样板县人民政府", "演示市司法局"]))
    published = dt.date(year + 1, 1, draw(st.integers(2, 28)))
    return build_report(agency=agency, year=year, cells=cells, published=published)


def same(got: Report, want: Report) -> None:
    assert {r: c.value for r, c in got.cells.items()} == {r: c.value for r, c in want.cells.items()}
    assert (got.year, got.agency, got.published, got.format_key) == (
        want.year,
        want.agency,
        want.published,
        want.format_key,
    )
    assert [s.number for s in got.sections] == [1, 2, 3, 4, 5, 6]
    assert got.notes == () and not got.truncated


@SETTINGS
@given(reports(), st.sampled_from(SHAPES))
def test_every_text_shape_reads_back_to_the_same_cells(report: Report, shape: str) -> None:
    same(read_report(render_text(report, shape).encode("utf-8"), f"r.{shape}.txt"), report)


@SETTINGS
@given(reports())
def test_an_html_rendering_reads_back_to_the_same_cells(report: Report) -> None:
    same(read_report(report_html(report).encode("utf-8"), "r.html"), report)


PIECES = [
    "|",
    " | ",
    "\n",
    "\n\n",
    "0",
    "12",
    "—",
    "一、",
    "四、",
    "（七）总计",
    "行政复议",
    "。",
    "\t",
    "\xa0",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    reports(),
    st.sampled_from(SHAPES),
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(PIECES), st.integers(1, 300)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["r.txt", "r.html", "r"]),
)
def test_mangled_input_never_breaks_the_reader(
    report: Report, shape: str, edits: list[tuple[float, int, str, int]], name: str
) -> None:
    data = bytearray(render_text(report, shape).encode("utf-8"))
    for where, op, piece, size in edits:
        at = int(where * len(data))
        if op == 0:
            del data[at : at + size]
        elif op == 1:
            data[at:at] = piece.encode("utf-8")
        elif op == 2:
            data[at:at] = data[max(0, at - size) : at]
        else:
            data[at:at] = bytes((at * 7 + i * 13) % 256 for i in range(size % 7 + 1))
    try:
        got = read_report(bytes(data), name)
    except UnreadableInput as error:
        assert str(error) and "\n" not in str(error)
        return
    for cell in got.cells.values():
        assert cell.line is not None and cell.line >= 1
