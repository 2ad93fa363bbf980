"""Damaged table rows, read or refused precisely (issue 12, item 3).

The fixtures under tests/fixtures/damaged are one fictional agency's consistent report printed in
the " | " shape that pages and conversions publish (corpus 013, 026), each with one kind of
damage seen on real pages: header filler lines left by colspans, garbled cells, a table-4 header
without its 总计 columns, a row that kept only its non-blank cells, the 2019 format's single
（六）其他处理 row in a 2021 table, and altered or extra row labels.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding, Severity
from gongkai.core.parsing import read_path
from gongkai.core.report import CellRef, Report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "damaged"
COLUMNS = ("natural", "commercial", "research", "nonprofit", "legal", "other", "total")


def read(name: str) -> tuple[Report, list[Finding]]:
    report = read_path(FIXTURES / name)
    return report, check_report(report)


def row(report: Report, key: str, table: str = "t3") -> list[object]:
    return [report.value(table, key, c) for c in COLUMNS]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level is Severity.ERROR]


def test_filler_lines_under_the_headers_are_not_a_blank_row() -> None:
    report, findings = read("header-fillers.txt")
    assert errors(findings) == []
    assert row(report, "received") == [9, 1, 0, 2, 1, 1, 14]
    assert [report.value("t4", "review", c) for c in ("corrected", "total")] == [2, 6]
    assert len(report.cells) == 10 + 25 * 7 + 15  # every cell of the three tables


def test_a_stray_symbol_is_read_and_a_lost_digit_is_left_out_with_the_printed_text() -> None:
    report, findings = read("garbled-cells.txt")
    assert errors(findings) == []
    assert row(report, "received") == [9, 1, 0, 2, 1, 1, 14]
    stray = report.cells[CellRef("t3", "received", "natural")]
    assert (stray.raw, stray.interpreted) == ("※9", True)
    assert CellRef("t3", "withheld.internal_affairs", "nonprofit") not in report.cells
    kept = [report.value("t3", "withheld.internal_affairs", c) for c in COLUMNS if c != "nonprofit"]
    assert kept == [0, 0, 0, 0, 0, 0]
    messages = [f.message for f in findings if f.code == "non-numeric-cell"]
    assert any("“※9”" in m for m in messages)
    assert any("“\ufffd”" in m and "社会公益组织" in m for m in messages)


def test_table_4_without_its_total_columns_in_the_header_is_read() -> None:
    report, findings = read("t4-header-without-totals.txt")
    assert errors(findings) == []
    assert [report.value("t4", "review", c) for c in ("corrected", "total")] == [2, 6]
    assert len([c for c in report.cells if c.table == "t4"]) == 15


def test_a_row_that_kept_only_its_printed_cells_is_refused_by_name_not_guessed() -> None:
    report, findings = read("only-printed-cells.txt")
    assert not [c for c in report.cells if c.row == "partial"]
    refused = [f for f in findings if f.code == "unparsed-table"]
    assert len(refused) == 1 and refused[0].row == "partial"
    assert "（二）部分公开" in refused[0].message and "空白的格可能被略去" in refused[0].message
    assert [f.code for f in errors(findings)] == ["unparsed-table"]  # no sum error from a guess


def test_the_2019_single_other_row_is_read_into_six_with_a_format_note() -> None:
    report, findings = read("legacy-other-row.txt")
    assert errors(findings) == []
    assert row(report, "other") == [2, 0, 0, 0, 0, 0, 2]
    assert not [c for c in report.cells if c.row.startswith("other.")]
    note = next(f for f in findings if f.code == "label-deviation" and f.row == "other")
    assert "（六）其他处理" in note.message and "共3行" in note.message


def test_the_2019_single_other_row_keeps_the_outcome_sum_checked(tmp_path: Path) -> None:
    text = (FIXTURES / "legacy-other-row.txt").read_text(encoding="utf-8")
    broken = text.replace(
        "（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "（六）其他处理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    )
    assert broken != text
    path = tmp_path / "report.txt"
    path.write_text(broken, encoding="utf-8")
    found = check_report(read_path(path))
    sums = [f for f in errors(found) if f.code == "t3-outcome-sum"]
    assert sums and all("（六）其他处理 3" in f.message for f in sums)


def test_altered_and_extra_labels_are_reported_beside_the_official_ones() -> None:
    report, findings = read("altered-labels.txt")
    assert errors(findings) == []
    assert len([c for c in report.cells if c.table == "t3"]) == 25 * 7
    deviations = [f.message for f in findings if f.code == "label-deviation"]
    assert any("其他情形" in m and "不是统一格式中的行" in m for m in deviations)
    for printed, official in (
        ("(一)予以公开(含主动公开的信息)", "（一）予以公开"),
        ("申请公开的信息中含有不应当公开的内容", "（二）部分公开（区分处理的"),
        ("6.属于过程性信息", "6.属于四类过程性信息"),
        ("2.没有现成信息需另行制作", "2.没有现成信息需要另行制作"),
        ("4.无正当理由大量反复申请的", "4.无正当理由大量反复申请"),
    ):
        assert any(printed in m and f"“{official}" in m for m in deviations), printed
