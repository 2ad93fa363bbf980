"""Run-together digits settled by the report's own numbers (issue 12, item 4).

Fixtures under tests/fixtures/run-together: a fictional report whose table-2 row
"行政规范性文件693665" (as crawlers run corpus 003's row together: 69/3/665) has nine splits into
three cells; the narrative states some of its figures.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.core.checks import check_report
from gongkai.core.findings import Severity
from gongkai.core.parsing import read_path
from gongkai.core.parsing.facts import document_facts

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "run-together"
COLUMNS = ("issued", "repealed", "in_force")


def test_the_only_split_that_agrees_with_the_narrative_is_read_with_a_note() -> None:
    report = read_path(FIXTURES / "settled-by-narrative.txt")
    assert [report.value("t2", "normative_docs", c) for c in COLUMNS] == [69, 3, 665]
    [note] = [n for n in report.notes if n.table == "t2"]
    assert note.level is Severity.INFO
    assert "“制发行政规范性文件69件”" in note.message and "69/3/665" in note.message
    assert [f for f in check_report(report) if f.level is Severity.ERROR] == []


def test_when_several_splits_agree_the_refusal_names_them() -> None:
    report = read_path(FIXTURES / "two-splits-remain.txt")
    assert [report.value("t2", "normative_docs", c) for c in COLUMNS] == [None] * 3
    [refusal] = [f for f in check_report(report) if f.table == "t2"]
    assert refusal.code == "unparsed-table" and refusal.row == "normative_docs"
    assert "6/93/665" in refusal.message and "69/3/665" in refusal.message


def test_a_stated_figure_that_fits_no_split_is_a_text_table_mismatch() -> None:
    report = read_path(FIXTURES / "narrative-fits-no-split.txt")
    assert [report.value("t2", "normative_docs", c) for c in COLUMNS] == [None] * 3
    [mismatch] = [f for f in check_report(report) if f.table == "t2"]
    assert mismatch.code == "text-table-mismatch" and mismatch.level is Severity.ERROR
    assert "现行有效行政规范性文件600件" in mismatch.message and "693665" in mismatch.message


def test_the_facts_read_and_the_ones_left_alone() -> None:
    facts = document_facts("本年制发规章2件，废止规章1件；现行有效行政规范性文件 665 件。")
    assert facts == {
        ("rules", "issued"): (2, "制发规章2件"),
        ("rules", "repealed"): (1, "废止规章1件"),
        ("normative_docs", "in_force"): (665, "现行有效行政规范性文件665件"),
    }
    # two different figures for one cell are no fact
    assert document_facts("制发规范性文件3件。……制发规范性文件4件。") == {}


def test_with_last_years_report_the_in_force_chain_settles_the_split() -> None:
    """现行有效 = 上年现行有效 + 制发 − 废止: 599 + 69 − 3 = 665 holds for 69/3/665 only."""
    from gongkai.core.render.synthetic import build_report
    from gongkai.core.report import CellRef, Report

    def last_year(in_force: int) -> Report:
        return build_report(
            agency="示例",
            year=2021,
            cells={CellRef("t2", "normative_docs", "in_force"): in_force},
            format_key="2021",
        )

    report = read_path(FIXTURES / "two-splits-remain.txt", last_year(599))
    assert [report.value("t2", "normative_docs", c) for c in COLUMNS] == [69, 3, 665]
    [note] = [n for n in report.notes if n.table == "t2"]
    assert note.level is Severity.INFO and "上年报告的现行有效件数599件" in note.message
    refused = read_path(FIXTURES / "two-splits-remain.txt", last_year(1))
    [finding] = [n for n in refused.notes if n.table == "t2"]
    assert finding.code == "text-table-mismatch"  # no split fits the stated figure and the chain
