"""Round trip (issue 2, item 8): random consistent reports rendered in each flattened shape parse
back to identical cells, and a change to any single cell is caught by the checker.

What a single-cell change can honestly be caught by:
* table 3 — every cell sits in a row with a 总计 (t3-row-sum) and a column with the printed 勾稽
  rule (t3-balance / t3-outcome-sum): any change is an error;
* table 4 — every cell sits in a block with a 总计 (t4-sum): any change is an error;
* table 2 — there is no arithmetic within one year's table. A count made negative is impossible
  (t2-count, an error); with last year's report, a changed 制发/废止/现行有效 count of the 2021
  format breaks 现行有效 = 上年 + 制发 − 废止 (t2-in-force, a warning). Other table-2 changes
  (e.g. 行政许可 decisions 120 → 121) cannot be detected from the reports, and are not claimed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import damage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding, Severity
from gongkai.core.formats import FORMATS, Format, ValueKind
from gongkai.core.parsing import read_report
from gongkai.core.render.synthetic import Cells, build_report, t3_from_outcomes, t4_from_results
from gongkai.core.render.text import SHAPES, render_text
from gongkai.core.report import CellRef, Number, Report

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PLACES = ("示例市示例区", "样板市样板县", "演示市演示区", "虚拟市虚构区", "模拟市模拟县")
OFFICES = ("政务服务数据管理局", "教育局", "卫生健康局", "司法局", "自然资源和规划局", "统计局")

counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 400))


@st.composite
def t2_cells(draw: st.DrawFn, fmt: Format) -> Cells:
    cells: Cells = {}
    for _, row, column in fmt.t2.cells():
        ref = CellRef("t2", row.key, column.key)
        if column.kind is ValueKind.AMOUNT:
            cells[ref] = draw(
                st.one_of(
                    st.just(0),
                    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(9999), places=4),
                )
            )
        elif column.kind is ValueKind.SIGNED:
            cells[ref] = draw(st.integers(-30, 30))
        else:
            cells[ref] = draw(counts)
    for key in ("rules", "normative_docs"):
        # nothing repealed that never existed (2021); cumulative ≥ this year's (2019)
        for part, whole in (("issued", "in_force"), ("published", "total_published")):
            part_ref, whole_ref = CellRef("t2", key, part), CellRef("t2", key, whole)
            if part_ref in cells:
                cells[whole_ref] = int(cells[whole_ref] or 0) + int(cells[part_ref] or 0)
    for _, row, column in fmt.t2.cells():  # 2019: a change removes no more items than there were
        if column.key == "change":
            prev = int(cells[CellRef("t2", row.key, "prev_items")] or 0)
            ref = CellRef("t2", row.key, "change")
            cells[ref] = max(int(cells[ref] or 0), -prev)
    return cells


@st.composite
def consistent_reports(
    draw: st.DrawFn, *, blanks: bool = False, format_key: str | None = None
) -> Report:
    fmt = FORMATS[format_key or draw(st.sampled_from(sorted(FORMATS)))]
    year = draw(st.integers(fmt.first_year, fmt.last_year or fmt.first_year + 8))
    agency = draw(st.sampled_from(PLACES)) + draw(st.sampled_from(OFFICES))
    applicants = [c.key for c in fmt.t3.blocks[0].columns if c.key != "total"]
    outcomes = {(row, column): draw(counts) for row in fmt.outcome_rows for column in applicants}
    carried_out = {column: draw(counts) for column in applicants}
    carried_in = {}
    for column in applicants:
        room = sum(outcomes[(r, column)] for r in fmt.outcome_rows) + carried_out[column]
        carried_in[column] = draw(st.integers(0, room))
    cells = t3_from_outcomes(fmt, outcomes, carried_in, carried_out)
    results = {
        (row.key, column.key): draw(counts)
        for row in fmt.t4.rows
        for column in fmt.t4.block_of(row.key).columns
        if column.key != "total"
    }
    cells.update(t4_from_results(fmt, results))
    cells.update(draw(t2_cells(fmt)))
    if blanks:  # a cell that reads as 0 may be printed blank without breaking any sum
        zeros = sorted(ref for ref, value in cells.items() if value == 0)
        if zeros:
            for ref in draw(st.lists(st.sampled_from(zeros), max_size=6, unique=True)):
                cells[ref] = None
    published = dt.date(year + 1, 1, draw(st.integers(5, 30)))
    return build_report(agency=agency, year=year, cells=cells, published=published)


def values(report: Report) -> dict[CellRef, Number | None]:
    return {ref: cell.value for ref, cell in report.cells.items()}


def reparse(report: Report, shape: str) -> Report:
    return read_report(render_text(report, shape).encode("utf-8"), name=f"roundtrip-{shape}.txt")


def with_cell(report: Report, ref: CellRef, value: Number | None) -> Report:
    cells = dict(values(report))
    cells[ref] = value
    return build_report(
        agency=report.agency or "",
        year=report.year or 0,
        cells=cells,
        format_key=report.format_key,
        published=report.published,
        texts={s.key: s.text for s in report.sections},
    )


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level is Severity.ERROR]


# --- Parsing back ------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(report=consistent_reports())
def test_a_consistent_report_parses_back_to_identical_cells(shape: str, report: Report) -> None:
    parsed = reparse(report, shape)
    assert values(parsed) == values(report)
    assert (parsed.year, parsed.agency, parsed.format_key, parsed.published) == (
        report.year,
        report.agency,
        report.format_key,
        report.published,
    )


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(report=consistent_reports(blanks=True))
def test_blank_cells_parse_back_as_blank_in_every_shape(shape: str, report: Report) -> None:
    assert values(reparse(report, shape)) == values(report)


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(report=consistent_reports())
def test_a_consistent_report_has_no_error_finding(shape: str, report: Report) -> None:
    assert errors(check_report(reparse(report, shape))) == []


# --- A single changed cell is caught -----------------------------------------------------------


@st.composite
def changed_cell(draw: st.DrawFn, report: Report, table: str) -> tuple[CellRef, int]:
    fmt = report.format
    assert fmt is not None
    refs = [CellRef(table, r.key, c.key) for _, r, c in fmt.table(table).cells()]
    ref = draw(st.sampled_from(refs))
    old = int(report.cells[ref].number)
    delta = draw(st.integers(1, 9))
    new = old + delta if old < delta or draw(st.booleans()) else old - delta
    return ref, new


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(data=st.data())
def test_changing_any_cell_of_table_3_is_an_arithmetic_error(
    shape: str, data: st.DataObject
) -> None:
    report = data.draw(consistent_reports())
    ref, new = data.draw(changed_cell(report, "t3"))
    findings = check_report(reparse(with_cell(report, ref, new), shape))
    caught = [
        f for f in errors(findings) if f.code in ("t3-row-sum", "t3-balance", "t3-outcome-sum")
    ]
    assert caught, f"{ref} changed to {new} was not caught: {findings}"
    assert any(f.code == "t3-row-sum" and f.row == ref.row for f in caught)


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(data=st.data())
def test_changing_any_cell_of_table_4_is_a_block_sum_error(shape: str, data: st.DataObject) -> None:
    report = data.draw(consistent_reports())
    ref, new = data.draw(changed_cell(report, "t4"))
    findings = check_report(reparse(with_cell(report, ref, new), shape))
    assert any(f.code == "t4-sum" and f.level is Severity.ERROR for f in findings), findings


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(data=st.data())
def test_a_table_2_count_made_negative_is_an_impossible_count(
    shape: str, data: st.DataObject
) -> None:
    report = data.draw(consistent_reports(format_key="2021"))
    fmt = FORMATS["2021"]
    refs = [CellRef("t2", r.key, c.key) for _, r, c in fmt.t2.cells() if c.kind is ValueKind.COUNT]
    ref = data.draw(st.sampled_from(refs))
    findings = check_report(reparse(with_cell(report, ref, -data.draw(st.integers(1, 50))), shape))
    assert any(f.code == "t2-count" and f.level is Severity.ERROR for f in findings), findings


def previous_year_of(report: Report) -> Report:
    """Last year's report of the same agency, consistent with this year's 现行有效件数 and 结转."""
    cells = values(report)
    for key in ("rules", "normative_docs"):
        issued, repealed, in_force = (
            CellRef("t2", key, c) for c in ("issued", "repealed", "in_force")
        )
        cells[in_force] = (
            int(cells[in_force] or 0) - int(cells[issued] or 0) + int(cells[repealed] or 0)
        )
    for column in ("natural", "commercial", "research", "nonprofit", "legal", "other", "total"):
        cells[CellRef("t3", "carried_out", column)] = cells[CellRef("t3", "carried_in", column)]
    assert report.year is not None and report.published is not None
    return dataclasses.replace(
        build_report(
            agency=report.agency or "",
            year=report.year - 1,
            cells=cells,
            texts={"overview": "上一年度的报告。"},
        ),
        path="last-year.txt",
    )


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(data=st.data())
def test_with_last_years_report_a_changed_document_count_breaks_the_in_force_balance(
    shape: str, data: st.DataObject
) -> None:
    report = data.draw(
        consistent_reports(format_key="2021").filter(lambda r: (r.year or 0) >= 2022)
    )
    previous = previous_year_of(report)
    assert not [
        f for f in check_report(reparse(report, shape), previous) if f.code == "t2-in-force"
    ]
    row = data.draw(st.sampled_from(["rules", "normative_docs"]))
    ref = CellRef("t2", row, data.draw(st.sampled_from(["issued", "repealed", "in_force"])))
    old = int(report.cells[ref].number)
    new = old + data.draw(st.integers(1, 9))
    findings = check_report(reparse(with_cell(report, ref, new), shape), previous)
    assert any(f.code == "t2-in-force" and f.row == row for f in findings), findings


# --- Damaged shapes (issue 12, item 3): the right cells or a precise refusal -----------------
#
# Each damage that real pages show is applied to a random consistent report printed in the
# " | " shape. The reader must give back every cell it gives at its right value (a cell it
# refuses is left out, with a note naming it), and the checker must find no error that the
# damage did not itself cause.


def read_text(text: str) -> Report:
    return read_report(text.encode("utf-8"), name="damaged.txt")


def read_intact(text: str, report: Report) -> tuple[Report, list[Finding]]:
    """Read ``text`` (``report`` printed, then damaged): every cell comes back at its value and
    the checker finds no error. Returns the report read and the findings (what the damage left
    as notes and warnings)."""
    got = read_text(text)
    assert values(got) == values(report)
    findings = check_report(got)
    assert errors(findings) == []
    return got, findings


def no_wrong_cells(got: Report, want: Report) -> None:
    wrong = {
        ref: (want.cells[ref].value if ref in want.cells else "—", cell.value)
        for ref, cell in got.cells.items()
        if ref not in want.cells or want.cells[ref].value != cell.value
    }
    assert wrong == {}


@SETTINGS
@given(report=consistent_reports())
def test_empty_filler_lines_under_the_headers_are_skipped(report: Report) -> None:
    read_intact(damage.header_fillers(render_text(report, "pipes")), report)


@SETTINGS
@given(report=consistent_reports(), data=st.data())
def test_a_stray_symbol_before_a_number_keeps_the_row_and_is_reported(
    report: Report, data: st.DataObject
) -> None:
    row = data.draw(st.integers(0, len(damage.t3_rows(render_text(report, "pipes"))) - 1))
    column = data.draw(st.integers(0, 6))
    symbol = data.draw(st.sampled_from(["※", "*", "·", "`", "#"]))
    text = render_text(report, "pipes")
    printed = damage.t3_rows(text)[row][1][-7 + column]
    _got, findings = read_intact(
        damage.replace_t3_cell(text, row, column, symbol + printed), report
    )
    assert any(f.code == "non-numeric-cell" and symbol + printed in f.message for f in findings)


@SETTINGS
@given(report=consistent_reports(), data=st.data())
def test_a_cell_that_lost_its_digits_is_left_out_and_the_rest_of_its_row_kept(
    report: Report, data: st.DataObject
) -> None:
    text = render_text(report, "pipes")
    row = data.draw(st.integers(0, len(damage.t3_rows(text)) - 1))
    column = data.draw(st.integers(0, 6))
    garbled = data.draw(st.sampled_from(["\ufffd", "1\ufffd", "\ufffd\ufffd"]))
    got = read_text(damage.replace_t3_cell(text, row, column, garbled))
    no_wrong_cells(got, report)
    assert len(values(report)) - len(values(got)) == 1  # that one cell, nothing else
    findings = check_report(got)
    assert errors(findings) == []
    assert any(f.code == "non-numeric-cell" and garbled in f.message for f in findings)


@SETTINGS
@given(report=consistent_reports())
def test_table_4_whose_header_lost_its_total_columns_is_read(report: Report) -> None:
    read_intact(damage.t4_header_without_totals(render_text(report, "pipes")), report)


@SETTINGS
@given(report=consistent_reports(blanks=True), data=st.data())
def test_a_row_that_kept_only_its_printed_cells_is_refused_by_name(
    report: Report, data: st.DataObject
) -> None:
    text = render_text(report, "pipes")
    short = [k for k, (_, cells) in enumerate(damage.t3_rows(text)) if "" in cells[-7:]]
    if not short:
        return
    row = data.draw(st.sampled_from(short))
    label = damage.t3_rows(text)[row][1][-8]
    got = read_text(damage.only_printed_cells(text, row))
    no_wrong_cells(got, report)
    findings = check_report(got)
    refused = [f for f in findings if f.code == "unparsed-table" and f.table == "t3"]
    assert len(refused) == 1 and refused[0].row is not None
    assert label.split("（")[0] in refused[0].message or label in refused[0].message
    assert {f.code for f in errors(findings)} == {"unparsed-table"}


@SETTINGS
@given(report=consistent_reports(format_key="2021"))
def test_the_2019_single_other_row_in_a_2021_table_is_read_as_its_sum(report: Report) -> None:
    text, sums = damage.legacy_other_row(render_text(report, "pipes"))
    got = read_text(text)
    legacy = {ref.column: v for ref, v in values(got).items() if ref.row == "other"}
    columns = [c.key for c in FORMATS["2021"].t3.blocks[0].columns]
    assert [legacy.get(c) for c in columns] == sums
    rest = {ref: v for ref, v in values(got).items() if ref.row != "other"}
    want = {ref: v for ref, v in values(report).items() if not ref.row.startswith("other.")}
    assert rest == want
    findings = check_report(got)
    assert errors(findings) == []
    assert any(f.code == "label-deviation" and "（六）其他处理" in f.message for f in findings)


@SETTINGS
@given(report=consistent_reports(format_key="2021"), data=st.data())
def test_altered_leaf_labels_are_read_and_reported_beside_the_official_ones(
    report: Report, data: st.DataObject
) -> None:
    import random

    rng = random.Random(data.draw(st.integers(0, 2**16)))
    text, changed = damage.altered_labels(render_text(report, "pipes"), rng)
    _got, findings = read_intact(text, report)
    deviations = [f for f in findings if f.code == "label-deviation"]
    for label in changed:
        assert any(label in f.message for f in deviations), (label, deviations)


@SETTINGS
@given(report=consistent_reports())
def test_an_extra_row_is_a_label_deviation_not_an_unreadable_table(report: Report) -> None:
    _got, findings = read_intact(damage.extra_row(render_text(report, "pipes")), report)
    assert any(f.code == "label-deviation" and "其他情形" in f.message for f in findings)


@SETTINGS
@given(report=consistent_reports())
def test_without_a_title_the_year_comes_from_the_narrative(report: Report) -> None:
    assert report.year is not None and report.agency is not None
    text = damage.without_title(render_text(report, "pipes"), report.agency, report.year)
    got, _findings = read_intact(text, report)
    assert got.year == report.year
    assert got.agency is None  # nothing names it; "我局" is not a name
    assert any(n.code == "section-title" and f"取为{report.year}年" in n.message for n in got.notes)


# --- Reports without line breaks or without tables (issue 12, item 2) ------------------------


@pytest.mark.parametrize("shape", ["lines", "paragraphs"])
@SETTINGS
@given(report=consistent_reports(blanks=True))
def test_a_report_run_together_on_one_line_reads_right_or_refuses(
    shape: str, report: Report
) -> None:
    assert report.year is not None and report.agency is not None
    text = damage.on_one_line(render_text(report, shape), report.agency, report.year)
    got = read_text(text)
    assert (got.year, got.agency) == (report.year, report.agency)
    assert [s.number for s in got.sections] == [1, 2, 3, 4, 5, 6]
    no_wrong_cells(got, report)
    assert {f.code for f in errors(check_report(got))} <= {"unparsed-table"}


@SETTINGS
@given(report=consistent_reports())
def test_a_narrative_only_page_is_a_report_whose_tables_are_missing(report: Report) -> None:
    got = read_text(damage.narrative_only(render_text(report, "pipes")))
    assert [s.number for s in got.sections] == [1, 2, 3, 4, 5, 6]
    assert got.cells == {}
    findings = check_report(got)
    assert {f.code for f in errors(findings)} == {"no-data"}
    assert {f.table for f in findings if f.code == "no-data"} == {"t2", "t3", "t4"}


# --- The narrative's category words (issue 12, item 5): never a false pairing ----------------


@SETTINGS
@given(report=consistent_reports())
def test_the_narratives_result_words_agree_with_a_consistent_table(report: Report) -> None:
    granted = report.cells[CellRef("t3", "granted", "total")].number
    partial = report.cells[CellRef("t3", "partial", "total")].number
    closed = report.cells[CellRef("t3", "closed_total", "total")].number
    sentence = (
        f"本年度共办结政府信息公开申请{closed}件，其中同意公开{granted}件，"
        f"部分同意公开{partial}件；对收到的政府信息公开申请，已答复同意公开的{granted}件。"
    )
    text = render_text(report, "pipes").replace("\n二、", f"\n{sentence}\n二、", 1)
    assert errors(check_report(read_text(text))) == []


# --- The narrative's own claims (issue 12, item 6) -------------------------------------------


@SETTINGS
@given(report=consistent_reports())
def test_a_claim_that_all_was_handled_is_an_error_exactly_when_requests_carry_over(
    report: Report,
) -> None:
    claim = "本年度收到的政府信息公开申请均已按时办结。"
    text = render_text(report, "pipes").replace("\n二、", f"\n{claim}\n二、", 1)
    got = read_text(text)
    carried = report.cells[CellRef("t3", "carried_out", "total")].number
    found = [f for f in errors(check_report(got)) if f.row == "carried_out"]
    assert bool(found) is bool(carried)
    assert numbering_findings(check_report(got)) == []


def numbering_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == "section-title" and "一级标题的编号" in f.message]


# --- Run-together digits settled by the narrative (issue 12, item 4) -------------------------


@SETTINGS
@given(report=consistent_reports(format_key="2021"), data=st.data())
def test_a_glued_document_row_is_read_right_by_the_narratives_figures_or_refused(
    report: Report, data: st.DataObject
) -> None:
    row = data.draw(st.sampled_from(["rules", "normative_docs"]))
    label = FORMATS["2021"].t2.row(row).label
    cells = [report.cells[CellRef("t2", row, c)].number for c in ("issued", "repealed", "in_force")]
    printed = f"{label} | " + " | ".join(str(v) for v in cells) + " |"
    text = render_text(report, "pipes")
    assert printed in text
    said = data.draw(st.sampled_from(["issued", "in_force", "both"]))
    statements = []
    if said in ("issued", "both"):
        statements.append(f"本年度制发{label}{cells[0]}件")
    if said in ("in_force", "both"):
        statements.append(f"现行有效{label}{cells[2]}件")
    narrative = "，".join(statements) + "。"
    glued = text.replace(printed, label + "".join(str(v) for v in cells)).replace(
        "\n第二十条第（一）项", f"\n{narrative}\n第二十条第（一）项", 1
    )
    got = read_text(glued)
    no_wrong_cells(got, report)
    findings = check_report(got)
    assert {f.code for f in errors(findings)} <= {"unparsed-table"}
    if CellRef("t2", row, "issued") not in got.cells:
        assert any(f.code == "unparsed-table" and f.row == row for f in findings)


@SETTINGS
@given(report=consistent_reports(format_key="2021").filter(lambda r: (r.year or 0) >= 2022))
def test_a_glued_document_row_is_read_right_by_last_years_in_force_or_refused(
    report: Report,
) -> None:
    label = FORMATS["2021"].t2.row("normative_docs").label
    cells = [
        report.cells[CellRef("t2", "normative_docs", c)].number
        for c in ("issued", "repealed", "in_force")
    ]
    printed = f"{label} | " + " | ".join(str(v) for v in cells) + " |"
    glued = render_text(report, "pipes").replace(printed, label + "".join(str(v) for v in cells))
    got = read_report(glued.encode("utf-8"), "glued.txt", previous_year_of(report))
    no_wrong_cells(got, report)
    findings = check_report(got, previous_year_of(report))
    assert {f.code for f in errors(findings)} <= {"unparsed-table"}
