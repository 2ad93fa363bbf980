"""A third national format is a declaration plus its data (issue 9, item 4): a synthetic format,
declared from the 2021 one with one row changed and registered, is read, checked and counted by
the same code, without an edit anywhere else."""

from __future__ import annotations

import dataclasses
import random

import pytest

from gongkai.core.checks import check_report
from gongkai.core.formats import FORMAT_2021, FORMATS, Format, Row, format_for_year
from gongkai.core.formats.common import OTHER, legacy_other, outcome_keys, rules, table3
from gongkai.core.parsing import read_report
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.render.text import render_text
from gongkai.core.report import CellRef

# The changed row: （六）3.其他 becomes a new （六）3 and 其他 moves to （六）4.
NEW_ROW = Row("other.bulk", "3.申请人通过互联网批量提交同类申请、行政机关合并处理", OTHER)
_OTHER = (
    FORMAT_2021.t3.row("other.no_correction"),
    FORMAT_2021.t3.row("other.no_fee_paid"),
    NEW_ROW,
    Row("other.other", "4.其他", OTHER),
)

FORMAT_2031 = dataclasses.replace(
    FORMAT_2021,
    key="2031",
    name="中华人民共和国政府信息公开工作年度报告格式（示例修订）",
    document="示例〔2030〕1号",
    first_year=2031,
    t3=table3(_OTHER),
    markers=(*FORMAT_2021.markers, "批量提交同类申请"),
    outcome_rows=outcome_keys(_OTHER),
    rules=rules(outcome_keys(_OTHER)),
    legacy_rows=(legacy_other(_OTHER),),
)


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> Format:
    """The registry with the third format in force from 2031 (the 2021 format ends in 2030)."""
    monkeypatch.setitem(FORMATS, "2021", dataclasses.replace(FORMAT_2021, last_year=2030))
    monkeypatch.setitem(FORMATS, "2031", FORMAT_2031)
    return FORMAT_2031


def a_report(fmt: Format, seed: int = 5):
    cells = random_cells(random.Random(seed), fmt, busy=30)
    return build_report(agency="示例市示例区教育局", year=2031, cells=cells, format_key=fmt.key)


def test_the_year_finds_the_new_format(registered: Format) -> None:
    assert format_for_year(2031) is registered
    assert format_for_year(2030).key == "2021"


def test_a_consistent_report_in_the_new_format_passes_every_table_check(registered) -> None:
    report = a_report(registered)
    assert report.value("t3", "other.bulk", "total") is not None
    errors = [f for f in check_report(report) if f.table is not None]
    assert errors == []


def test_a_changed_cell_of_the_new_row_breaks_its_row_and_column_sums(registered) -> None:
    report = a_report(registered)
    ref = CellRef("t3", "other.bulk", "natural")
    cells = {r: c.value for r, c in report.cells.items()}
    cells[ref] = int(cells[ref] or 0) + 3
    broken = build_report(agency=report.agency or "", year=2031, cells=cells, format_key="2031")
    found = {(f.code, f.row, f.column): f.message for f in check_report(broken)}
    row_sum = found[("t3-row-sum", "other.bulk", "total")]
    assert "（六）其他处理 3.申请人通过互联网批量提交同类申请" in row_sum
    assert "相差3" in row_sum
    assert (
        "（六）3.申请人通过互联网批量提交同类申请"
        in found[("t3-outcome-sum", "closed_total", "natural")]
    )


@pytest.mark.parametrize("shape", ["lines", "pipes"])
def test_the_reader_recognises_the_new_format_and_reads_its_new_row(registered, shape) -> None:
    report = a_report(registered, seed=11)
    text = render_text(report, shape)
    read = read_report(text.encode(), "2031.txt")
    assert read.format_key == "2031"
    assert {r: c.value for r, c in read.cells.items()} == {
        r: c.value for r, c in report.cells.items()
    }
    assert [f for f in check_report(read) if f.table is not None] == []


def test_the_new_format_reads_the_2019_single_other_row_under_its_legacy_rule(registered) -> None:
    report = a_report(registered, seed=13)
    cells = {r: c.value for r, c in report.cells.items()}
    for column in registered.t3.blocks[0].columns:
        parts = [cells.pop(CellRef("t3", key, column.key)) for key in outcome_keys(_OTHER)[-4:]]
        cells[CellRef("t3", "other", column.key)] = sum(int(p or 0) for p in parts)
    merged = build_report(agency="示例市示例区教育局", year=2031, cells=cells, format_key="2031")
    assert not [f for f in check_report(merged) if f.code.startswith("t3-")]
    cells[CellRef("t3", "other", "natural")] = (
        int(cells[CellRef("t3", "other", "natural")] or 0) + 1
    )
    broken = build_report(agency="示例市示例区教育局", year=2031, cells=cells, format_key="2031")
    codes = {(f.code, f.row) for f in check_report(broken)}
    assert ("t3-row-sum", "other") in codes
    assert ("t3-outcome-sum", "closed_total") in codes
