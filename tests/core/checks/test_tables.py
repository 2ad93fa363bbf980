"""Table checks: each finding appears on a perturbed report and not on the consistent one."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import pytest
from check_builders import bump, codes, consistent_report, of, set_cell

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding
from gongkai.core.formats import FORMATS
from gongkai.core.formats.common import T3_APPLICANT_COLUMNS
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.report import CellRef, Report

YEARS = [2020, 2021]


def ref(table: str, row: str, column: str) -> CellRef:
    return CellRef(table, row, column)


@pytest.mark.parametrize("year", YEARS)
def test_a_consistent_report_gets_no_finding_at_all(year: int) -> None:
    assert check_report(consistent_report(year)) == []


@pytest.mark.parametrize("year", YEARS)
def test_one_more_request_received_breaks_the_balance_of_its_column_and_of_the_total(
    year: int,
) -> None:
    report = bump(consistent_report(year), ref("t3", "received", "natural"), 1)
    report = bump(report, ref("t3", "received", "total"), 1)
    found = of(check_report(report), "t3-balance")
    assert [(f.column, f.severity) for f in found] == [("natural", "error"), ("total", "error")]
    total = found[1]
    fmt = report.format
    assert fmt is not None
    assert fmt.t3.row("received").label in total.message
    assert fmt.t3.row("carried_out").label in total.message
    assert "相差1" in total.message
    assert total.line == report.cells[ref("t3", "closed_total", "total")].line
    assert f"第{total.line}行" in total.message
    assert "t3-row-sum" not in codes(check_report(report))


@pytest.mark.parametrize("year", YEARS)
def test_an_outcome_row_that_does_not_add_up_to_the_closed_total_is_an_error(year: int) -> None:
    report = bump(consistent_report(year), ref("t3", "granted", "commercial"), 3)
    report = bump(report, ref("t3", "granted", "total"), 3)
    found = of(check_report(report), "t3-outcome-sum")
    assert [f.column for f in found] == ["commercial", "total"]
    assert "（一）予以公开" in found[0].message and "商业企业" in found[0].message
    assert "相差3" in found[0].message
    assert "t3-balance" not in codes(check_report(report))


@pytest.mark.parametrize("year", YEARS)
def test_a_row_total_that_is_not_the_sum_of_its_applicants_is_an_error(year: int) -> None:
    report = bump(consistent_report(year), ref("t3", "withheld.third_party", "natural"), 2)
    found = check_report(report)
    row_sum = of(found, "t3-row-sum")
    assert [(f.row, f.column) for f in row_sum] == [("withheld.third_party", "total")]
    assert "4.保护第三方合法权益" in row_sum[0].message
    assert "自然人" in row_sum[0].message and "相差2" in row_sum[0].message
    # the natural column no longer adds up to its （七）总计 either
    assert [f.column for f in of(found, "t3-outcome-sum")] == ["natural"]


def test_a_table_four_block_that_does_not_add_up_is_an_error() -> None:
    report = bump(consistent_report(2021), ref("t4", "suit_direct", "total"), 1)
    found = of(check_report(report), "t4-sum")
    assert [(f.table, f.row) for f in found] == [("t4", "suit_direct")]
    assert "未经复议直接起诉" in found[0].message and "结果维持" in found[0].message


@pytest.mark.parametrize("year", YEARS)
def test_a_blank_total_is_a_blank_cell_warning_with_the_value_that_reconciles(year: int) -> None:
    report = set_cell(consistent_report(year), ref("t3", "granted", "total"), None)
    found = check_report(report)
    assert not [f for f in found if f.code.startswith(("t3-", "t4-"))]
    blank = of(found, "blank-cell")
    assert len(blank) == 1
    expected = consistent_report(year).cells[ref("t3", "granted", "total")].number
    assert blank[0].row == "granted" and blank[0].column == "total"
    assert f"应为{expected}" in blank[0].message
    assert blank[0].severity == "warning"


def test_blank_cells_are_grouped_per_row() -> None:
    report = consistent_report(2021)
    for column in ("research", "nonprofit", "other"):  # all 0 in the consistent report
        report = set_cell(report, ref("t3", "received", column), None)
    blank = of(check_report(report), "blank-cell")
    assert len(blank) == 1
    assert "“科研机构”“社会公益组织”“其他”列空白" in blank[0].message
    assert "应填写数字" in blank[0].message


def test_a_seed_like_table_blank_except_its_zero_totals_gives_only_blank_cell_warnings() -> None:
    report = consistent_report(2020)
    cells = dict(report.cells)
    for r, cell in report.cells.items():
        if r.table in ("t3", "t4"):
            keep = r.column == "total"
            cells[r] = dataclasses.replace(cell, value=0 if keep else None)
    found = check_report(dataclasses.replace(report, cells=cells))
    assert not [f for f in found if f.code.startswith(("t3-", "t4-")) or f.code == "no-data"]
    blank = of(found, "blank-cell")
    fmt = FORMATS["2019"]
    # Issue 12, item 5: a whole applicant block (and every table-4 block alike) blank is one
    # finding each, not one line per row.
    assert len(blank) == 2
    assert f"六类申请人各列在全部{len(fmt.t3.rows)}行都是空白" in blank[0].message
    assert blank[1].table == "t4" and "各项（行政复议、行政诉讼）" in blank[1].message


def test_blank_cells_in_a_few_rows_are_still_listed_row_by_row() -> None:
    report = consistent_report(2022)
    cells = dict(report.cells)
    for row in ("granted", "partial"):
        ref = CellRef("t3", row, "research")
        cells[ref] = dataclasses.replace(cells[ref], value=None)
    blank = of(check_report(dataclasses.replace(report, cells=cells)), "blank-cell")
    assert [f.row for f in blank] == ["granted", "partial"]


def test_a_blank_that_falls_short_on_the_larger_side_is_still_an_error() -> None:
    # The parts exceed 总计 and a part is blank: a blank cannot make a sum too large.
    report = set_cell(consistent_report(2021), ref("t3", "granted", "research"), None)
    report = bump(report, ref("t3", "granted", "natural"), 1)
    found = check_report(report)
    assert [f.row for f in of(found, "t3-row-sum")] == ["granted"]
    assert [f.row for f in of(found, "blank-cell")] == ["granted"]


def test_an_interpreted_cell_is_a_non_numeric_cell_warning() -> None:
    report = set_cell(
        consistent_report(2020), ref("t2", "licensing", "change"), -2, raw="减2", interpreted=True
    )
    found = of(check_report(report), "non-numeric-cell")
    assert len(found) == 1
    assert "“行政许可”行“本年增/减”列印为“减2”" in found[0].message
    assert of(check_report(consistent_report(2020)), "non-numeric-cell") == []


def fees(
    report: Report, value: Decimal | int, raw: str | None = None, unit: str | None = None
) -> Report:
    return set_cell(
        report, ref("t2", "fees", "amount_wan"), value, raw=raw or str(value), unit=unit
    )


@pytest.mark.parametrize(
    ("agency", "value", "raw", "unit", "reason"),
    [
        ("北坡镇人民政府", Decimal("190.457379"), None, None, "6位小数"),
        ("北坡镇人民政府", Decimal("190.457379"), None, None, "乡镇（街道）一年收费"),
        ("某市某区市场监督管理局", Decimal("0.123456"), None, None, "6位小数"),
        ("某市某区市场监督管理局", Decimal(25100000), None, None, "超过100亿元"),
        ("某市某区市场监督管理局", 2500, "2500元", "元", "单元格却写“元”"),
    ],
)
def test_implausible_fee_amounts_are_unit_warnings(
    agency: str, value: Decimal | int, raw: str | None, unit: str | None, reason: str
) -> None:
    report = fees(consistent_report(2021, agency=agency), value, raw, unit)
    found = of(check_report(report), "unit")
    assert len(found) == 1 and reason in found[0].message
    assert (found[0].table, found[0].row, found[0].column) == ("t2", "fees", "amount_wan")


@pytest.mark.parametrize(
    ("agency", "value"),
    [
        ("北坡镇人民政府", Decimal("12.5")),
        ("某市某区市场监督管理局", Decimal("96171.6")),
        ("某市某区市场监督管理局", Decimal("0.0035")),
    ],
)
def test_plausible_fee_amounts_are_not_unit_warnings(agency: str, value: Decimal) -> None:
    report = fees(consistent_report(2021, agency=agency), value)
    assert of(check_report(report), "unit") == []


def test_a_procurement_amount_printed_in_yuan_is_a_unit_warning() -> None:
    report = set_cell(
        consistent_report(2020),
        ref("t2", "procurement", "amount"),
        251000,
        raw="251000元",
        unit="元",
    )
    found = of(check_report(report), "unit")
    assert len(found) == 1
    assert "“政府集中采购”行“采购总金额”列为“251000元”" in found[0].message
    assert "25.1万元" in found[0].message


def t2_count(report: Report) -> list[Finding]:
    return of(check_report(report), "t2-count")


def test_a_negative_count_is_impossible_but_a_negative_change_is_not() -> None:
    assert t2_count(set_cell(consistent_report(2021), ref("t2", "penalty", "decisions"), -1))
    assert t2_count(consistent_report(2020)) == []  # 行政许可 本年增/减 is -2 there


def test_more_items_removed_than_existed_is_impossible_in_the_2019_table() -> None:
    report = set_cell(consistent_report(2020), ref("t2", "licensing", "change"), -13)
    [found] = t2_count(report)
    assert "上一年项目数量" in found.message and "-1" in found.message


def test_a_cumulative_count_below_this_years_count_is_impossible_in_the_2019_table() -> None:
    report = set_cell(consistent_report(2020), ref("t2", "normative_docs", "total_published"), 2)
    [found] = t2_count(report)
    assert "对外公开总数量" in found.message and "本年新公开数量" in found.message


def test_fewer_in_force_than_issued_and_not_repealed_is_impossible_in_the_2021_table() -> None:
    # 3 issued, 1 repealed, 1 in force: last year's count would have been -1.
    report = set_cell(consistent_report(2021), ref("t2", "normative_docs", "in_force"), 1)
    [found] = t2_count(report)
    assert found.row == "normative_docs" and found.column == "in_force"
    assert "上年现行有效件数为负" in found.message
    assert (
        t2_count(set_cell(consistent_report(2021), ref("t2", "normative_docs", "in_force"), 2))
        == []
    )


@pytest.mark.parametrize("agency", ["太平镇人民政府", "某县城关街道办事处", "某乡"])
def test_a_township_cannot_have_rules(agency: str) -> None:
    report = set_cell(consistent_report(2021, agency=agency), ref("t2", "rules", "in_force"), 6)
    [found] = t2_count(report)
    assert "乡镇（街道）无权制定规章" in found.message and "“现行有效件数”6" in found.message


def test_a_township_is_recognised_by_how_its_text_speaks_of_itself() -> None:
    report = consistent_report(2021, agency="", extra={"overview": ["我镇认真落实条例要求。"]})
    report = set_cell(report, ref("t2", "rules", "in_force"), 6)
    assert t2_count(report)


def test_a_department_may_count_rules_it_implements() -> None:
    report = set_cell(consistent_report(2021), ref("t2", "rules", "in_force"), 6)
    assert t2_count(report) == []


def test_tables_without_any_number_are_a_no_data_error() -> None:
    report = consistent_report(2021)
    cells = {
        r: dataclasses.replace(c, value=None) if r.table == "t3" else c
        for r, c in report.cells.items()
    }
    found = check_report(dataclasses.replace(report, cells=cells))
    assert [(f.code, f.table) for f in of(found, "no-data")] == [("no-data", "t3")]
    assert of(found, "blank-cell") == []  # the rows are not listed once more


def test_a_table_the_reader_could_not_read_is_not_also_no_data() -> None:
    report = consistent_report(2021)
    cells = {r: c for r, c in report.cells.items() if r.table != "t4"}
    note = Finding("unparsed-table", "表四在第300行中断，文件不完整", line=300, table="t4")
    report = dataclasses.replace(report, cells=cells, notes=(note,))
    found = check_report(report)
    assert of(found, "no-data") == []
    assert of(found, "unparsed-table") == [note]


def test_every_applicant_column_is_checked() -> None:
    for column in T3_APPLICANT_COLUMNS:
        report = bump(consistent_report(2021), ref("t3", "carried_out", column), 1)
        report = bump(report, ref("t3", "carried_out", "total"), 1)
        assert column in [f.column for f in of(check_report(report), "t3-balance")]


def test_a_blank_cell_its_row_determines_is_counted_in_its_column() -> None:
    report = set_cell(consistent_report(2021), ref("t3", "granted", "natural"), None)
    assert not [f for f in check_report(report) if f.code.startswith("t3-")]
    # One more request closed than the results account for, hidden behind the blank cell.
    for row in ("closed_total", "received"):
        for column in ("natural", "total"):
            report = bump(report, ref("t3", row, column), 1)
    found = of(check_report(report), "t3-outcome-sum")
    assert [f.column for f in found] == ["natural", "total"]
    assert "“（一）予以公开”行“自然人”列）已按本行各列之和计入" in found[0].message
    assert "（一）予以公开 2" in found[0].message


@pytest.mark.parametrize("year", YEARS)
def test_changing_any_single_cell_of_tables_three_and_four_is_an_error(year: int) -> None:
    report = consistent_report(year)
    for changed in sorted(r for r in report.cells if r.table in ("t3", "t4")):
        found = check_report(bump(report, changed, 1))
        errors = {f.code for f in found if f.severity == "error" and f.table == changed.table}
        assert errors, changed


@pytest.mark.parametrize("year", YEARS)
def test_blanking_any_single_cell_is_a_warning_never_an_error(year: int) -> None:
    report = consistent_report(year)
    for blanked in sorted(r for r in report.cells if r.table in ("t3", "t4")):
        found = check_report(set_cell(report, blanked, None))
        assert [f.code for f in found if f.code.startswith(("t3-", "t4-"))] == [], blanked
        assert [f.row for f in of(found, "blank-cell")] == [blanked.row]


def test_a_legacy_other_row_that_does_not_add_up_is_named_with_the_printed_column_labels() -> None:
    # A 2021-format table 3 printing the 2019 format's single （六）其他处理 row: its row sum is
    # checked, and the message names the columns as printed (总计, 自然人), not by machine key.
    fmt = FORMATS["2021"]
    cells = random_cells(random.Random(3), fmt, busy=30)
    (legacy,) = fmt.legacy_rows
    for column in fmt.t3.blocks[0].columns:
        parts = [cells.pop(CellRef("t3", key, column.key)) for key in legacy.replaces]
        cells[CellRef("t3", "other", column.key)] = sum(int(p or 0) for p in parts)
    cells[CellRef("t3", "other", "natural")] = (
        int(cells[CellRef("t3", "other", "natural")] or 0) + 1
    )
    report = build_report(agency="示例市示例区教育局", year=2022, cells=cells)
    (finding,) = [f for f in check_report(report) if f.code == "t3-row-sum"]
    assert finding.row == "other"
    assert finding.message.startswith("表三“（六）其他处理”行：“总计”为")
    assert "自然人 " in finding.message and "natural" not in finding.message
