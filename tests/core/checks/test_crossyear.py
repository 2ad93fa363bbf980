"""Checks against last year's report: carryover, rules in force, reused text."""

from __future__ import annotations

import dataclasses

from check_builders import bump, consistent_report, of, set_cell

from gongkai.core.checks import check_report
from gongkai.core.report import CellRef, Paragraph, Report


def last_year_of(report: Report) -> Report:
    """A previous report consistent with ``report``: its 四 is this year's 二, and its rules in
    force plus this year's issued minus repealed give this year's count."""
    assert report.year is not None
    previous = consistent_report(report.year - 1)
    for column in ("natural", "total"):
        carried = report.cells[CellRef("t3", "carried_in", column)].number
        before = previous.cells[CellRef("t3", "carried_out", column)].number
        previous = bump(previous, CellRef("t3", "carried_out", column), carried - before)
        previous = bump(previous, CellRef("t3", "closed_total", column), before - carried)
    return previous


def test_a_consistent_pair_of_years_gets_no_cross_year_finding() -> None:
    report = consistent_report(2022)
    previous = last_year_of(report)
    previous = set_cell(previous, CellRef("t2", "normative_docs", "in_force"), 10)
    previous = dataclasses.replace(
        previous, paragraphs=(Paragraph("去年的正文完全不同，讲的是别的事情。" * 3, 2),)
    )
    found = check_report(report, previous)
    assert [f for f in found if f.code in ("carryover", "t2-in-force", "reused-text")] == []


def test_this_years_carried_in_must_be_last_years_carried_out() -> None:
    report = consistent_report(2022)
    previous = bump(last_year_of(report), CellRef("t3", "carried_out", "natural"), 3)
    found = of(check_report(report, previous), "carryover")
    assert [(f.row, f.column) for f in found] == [("carried_in", "natural")]
    assert "“自然人”列" in found[0].message and "2021年度报告" in found[0].message
    assert "四、结转下年度继续办理" in found[0].message and "相差3" in found[0].message
    assert of(check_report(report), "carryover") == []  # needs the previous report


def test_rules_in_force_follow_last_years_count_plus_issued_minus_repealed() -> None:
    report = consistent_report(2022)  # 3 issued, 1 repealed, 12 in force
    previous = set_cell(last_year_of(report), CellRef("t2", "normative_docs", "in_force"), 10)
    assert of(check_report(report, previous), "t2-in-force") == []
    previous = set_cell(previous, CellRef("t2", "normative_docs", "in_force"), 15)
    [found] = of(check_report(report, previous), "t2-in-force")
    assert "15＋本年“本年制发件数”3－“本年废止件数”1＝17" in found.message
    assert found.row == "normative_docs" and found.column == "in_force"


def test_repealing_more_than_existed_is_a_t2_count_error() -> None:
    report = set_cell(consistent_report(2022), CellRef("t2", "normative_docs", "repealed"), 9)
    previous = set_cell(last_year_of(report), CellRef("t2", "normative_docs", "in_force"), 2)
    found = of(check_report(report, previous), "t2-count")
    assert [f.column for f in found] == ["repealed"]


def test_a_narrative_copied_from_last_year_is_reused_text() -> None:
    report = consistent_report(2022)
    previous = last_year_of(report)  # same wording, numbers and years differ
    [found] = of(check_report(report, previous), "reused-text")
    assert "2021年度报告高度雷同" in found.message
    assert of(check_report(report), "reused-text") == []


def test_table_rules_need_the_report_of_the_year_before() -> None:
    report = consistent_report(2022)
    two_years_back = bump(consistent_report(2020), CellRef("t3", "carried_out", "natural"), 3)
    found = check_report(report, two_years_back)
    assert not [f for f in found if f.code in ("carryover", "t2-in-force")]
    assert [f.code for f in found if f.code == "reused-text"] == ["reused-text"]
