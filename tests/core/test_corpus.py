"""The seed and every corpus file, read by the parser and checked (issue 2, item 8).

"Every corpus file parses to the numbers in its README row and gets the findings listed there,
and nothing more at error severity." The expectations are the team brief's reading of
`shared/corpus/README.md`; the numbers and lines below are the ones a careful reader found.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding
from gongkai.core.parsing import read_path
from gongkai.core.report import Report

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.is_dir():  # a checkout outside /work: fall back to the fixed location
    SHARED = Path("/work/shared")
pytestmark = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason="the shared corpus is not on this machine"
)
SEED = SHARED / "seeds" / "000_822ba8cb839ef3f2.txt"
CORPUS = SHARED / "corpus"


@cache
def read(name: str) -> tuple[Report, tuple[Finding, ...]]:
    path = SEED if name == "000" else CORPUS / name
    report = read_path(path)
    return report, tuple(check_report(report))


def findings(name: str, code: str | None = None) -> list[Finding]:
    return [f for f in read(name)[1] if code is None or f.code == code]


def errors(name: str) -> set[str]:
    return {f.code for f in findings(name) if f.severity == "error"}


def warnings(name: str) -> set[str]:
    return {f.code for f in findings(name) if f.severity == "warning"}


def t3(name: str, row: str, column: str = "total") -> object:
    return read(name)[0].value("t3", row, column)


def t3_balance(name: str) -> list[object]:
    """Table 3's 一 新收, 二 上年结转, 三（七）总计 and 四 结转下年度 (the T3-1 balance), totals."""
    return [t3(name, r) for r in ("received", "carried_in", "closed_total", "carried_out")]


def t4_blocks(name: str) -> list[tuple[object, ...]]:
    report = read(name)[0]
    return [
        tuple(
            report.value("t4", row, c) for c in ("upheld", "corrected", "other", "pending", "total")
        )
        for row in ("review", "suit_direct", "suit_after_review")
    ]


# file -> (error codes, exactly; warning codes that must be present)
EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "000": ({"year-mismatch"}, {"duplicate-paragraph", "blank-cell"}),
    "001.txt": ({"unparsed-table"}, {"duplicate-paragraph", "missing-number"}),
    "003.txt": ({"unparsed-table"}, {"duplicate-paragraph"}),
    "008.html": ({"text-table-mismatch"}, {"unit", "blank-cell", "text-arithmetic"}),
    "009.txt": ({"unparsed-table"}, {"section-title"}),
    "012.txt": ({"unparsed-table"}, set()),
    "013.txt": ({"unparsed-table"}, set()),
    "016.txt": ({"t2-count", "unparsed-table"}, set()),
    "019.txt": ({"unparsed-table"}, {"outdated-basis"}),
    "021.txt": ({"unparsed-table"}, {"unit", "label-deviation"}),
    "026.txt": ({"unparsed-table"}, set()),
}


def test_every_corpus_file_has_an_expectation() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "README.md"}
    assert files == set(EXPECTED) - {"000"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gets_exactly_its_errors_and_at_least_its_warnings(name: str) -> None:
    expected_errors, expected_warnings = EXPECTED[name]
    assert errors(name) == expected_errors, [
        f.message for f in findings(name) if f.severity == "error"
    ]
    assert expected_warnings <= warnings(name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_file_has_a_table_arithmetic_error(name: str) -> None:
    assert not [f for f in findings(name) if f.code.startswith(("t3-", "t4-"))]


@pytest.mark.parametrize("name", ["012.txt", "013.txt", "016.txt", "019.txt", "021.txt", "026.txt"])
def test_excerpts_are_truncated_with_one_note_and_no_missing_section(name: str) -> None:
    report, _ = read(name)
    assert report.truncated
    assert len(findings(name, "unparsed-table")) == 1
    assert "中断" in findings(name, "unparsed-table")[0].message
    assert findings(name, "missing-section") == []


def test_the_seed_reads_as_a_2020_report_of_the_audit_office_in_the_2019_format() -> None:
    report, _ = read("000")
    assert (report.year, report.agency, report.format_key) == (2020, "定海区审交办", "2019")
    assert report.published == dt.date(2021, 1, 13)
    fmt = report.format
    assert fmt is not None
    assert all(report.value("t3", row.key, "total") == 0 for row in fmt.t3.rows)


def test_the_seed_states_the_wrong_year_on_line_2_and_again_in_its_duplicate_on_line_4() -> None:
    mismatches = findings("000", "year-mismatch")
    assert [f.line for f in mismatches] == [2, 4]
    assert mismatches[0].message == (
        "报告年度为2020年，但正文称“现将区审交办2019年开展政府信息公开工作情况报告如下”"
    )
    [duplicate] = [f for f in findings("000", "duplicate-paragraph") if f.line == 4]
    assert "第2行" in duplicate.message


def test_the_seeds_blank_cells_are_grouped_per_row() -> None:
    report, _ = read("000")
    blank = findings("000", "blank-cell")
    rows = {(f.table, f.row) for f in blank}
    assert len(blank) == len(rows)
    fmt = report.format
    assert fmt is not None
    assert len(blank) <= len(fmt.t3.rows) + len(fmt.t4.rows) + len(fmt.t2.rows)
    assert ("t3", "received") in rows


def test_pingtan_2019_reads_its_run_together_table_three() -> None:
    assert [t3("001.txt", "received", c) for c in ("natural", "commercial", "total")] == [23, 0, 23]
    assert t3("001.txt", "closed_total") == 23
    assert t3("001.txt", "carried_out") == 0
    notes = " ".join(f.message for f in findings("001.txt", "unparsed-table"))
    assert "898989" in notes and "3960181" in notes


def test_pingtan_2019_repeats_a_fragment_and_loses_a_number() -> None:
    repeated = " ".join(f.message for f in findings("001.txt", "duplicate-paragraph"))
    assert "聚焦新中国成立70周年平潭专场新闻发布会" in repeated
    [missing] = findings("001.txt", "missing-number")
    assert "全年公开核准企业资质条" in missing.message


def test_pingtan_2021_balances_and_doubles_a_word() -> None:
    assert t3_balance("003.txt") == [70, 0, 69, 1]
    assert t4_blocks("003.txt") == [(1, 0, 2, 0, 3), (12, 0, 0, 0, 12), (0, 0, 0, 0, 0)]
    assert "693665" in findings("003.txt", "unparsed-table")[0].message
    assert any("审核" in f.message for f in findings("003.txt", "duplicate-paragraph"))
    assert findings("003.txt", "late-publication") == []  # a government report: 3月31日


def test_shanghai_2019_contradicts_its_table_exactly_twice() -> None:
    assert t3_balance("008.html") == [859, 18, 805, 72]
    mismatches = findings("008.html", "text-table-mismatch")
    assert len(mismatches) == 2
    granted, unable = sorted(mismatches, key=lambda f: "无法提供" in f.message)
    assert "予以公开及部分公开258件" in granted.message and "275" in granted.message
    assert "无法提供265件" in unable.message and "337" in unable.message


def test_shanghai_2019_prints_a_unit_in_a_cell_and_its_narrative_does_not_add_up() -> None:
    [unit] = findings("008.html", "unit")
    assert "251000元" in unit.message
    [arithmetic] = findings("008.html", "text-arithmetic")
    assert "716" in arithmetic.message and "805" in arithmetic.message
    assert "90.74%" in arithmetic.message
    blank = findings("008.html", "blank-cell")
    assert any(f.row == "granted" and "272" in f.message for f in blank)


def test_shanghai_2025_reads_its_garbled_tables_and_its_narrative_agrees() -> None:
    assert t3_balance("009.txt") == [1295, 189, 1191, 293]
    assert t4_blocks("009.txt") == [(40, 0, 10, 5, 55), (2, 0, 4, 6, 12), (6, 0, 9, 7, 22)]
    rows = " ".join(f.message for f in findings("009.txt", "unparsed-table"))
    assert "规章" in rows and "行政规范性文件" in rows
    assert findings("009.txt", "missing-section") == []
    assert findings("009.txt", "text-table-mismatch") == []
    assert findings("009.txt", "text-arithmetic") == []


def test_a_township_with_rules_in_force_is_an_error() -> None:
    [count] = findings("016.txt", "t2-count")
    assert (count.table, count.row) == ("t2", "rules")
    assert "6" in count.message and "乡镇" in count.message


def test_a_2022_township_report_citing_the_2019_notice_has_an_outdated_basis() -> None:
    [basis] = findings("019.txt", "outdated-basis")
    assert "国办公开办函〔2019〕60号" in basis.message


def test_a_traditional_script_township_report_has_implausible_fees() -> None:
    [unit] = findings("021.txt", "unit")
    assert "190.457379" in unit.message and "6位小数" in unit.message and "乡镇" in unit.message
    assert unit.row == "fees"


def test_a_narrative_whose_parts_add_up_is_not_reported() -> None:
    assert findings("026.txt", "text-arithmetic") == []


def test_pingtan_2021_against_its_2019_report_has_no_cross_year_finding() -> None:
    report, _ = read("003.txt")
    previous, _ = read("001.txt")
    found = check_report(report, previous)
    assert not [f for f in found if f.code in ("carryover", "t2-in-force", "reused-text")]
