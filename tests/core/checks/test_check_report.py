"""check_report as a whole: every code has a check, notes are kept, order and duplicates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from check_builders import add_paragraph, bump, consistent_report, set_cell, set_section

from gongkai.core.checks import CHECKS, check_report
from gongkai.core.findings import CODES, Finding
from gongkai.core.report import CellRef, Report


def ref(table: str, row: str, column: str) -> CellRef:
    return CellRef(table, row, column)


def _note(code: str) -> Report:
    return dataclasses.replace(
        consistent_report(2021), notes=(Finding(code, "读取时的发现", line=5),)
    )


def _blank_t3() -> Report:
    report = consistent_report(2021)
    cells = {
        r: dataclasses.replace(c, value=None) if r.table == "t3" else c
        for r, c in report.cells.items()
    }
    return dataclasses.replace(report, cells=cells)


def _previous_differs() -> tuple[Report, Report]:
    report = consistent_report(2022)
    return report, bump(consistent_report(2021), ref("t3", "carried_out", "legal"), 1)


# One report (and previous report) per code that deserves exactly that finding among others.
BAD: dict[str, Callable[[], Report | tuple[Report, Report]]] = {
    "t3-balance": lambda: bump(
        bump(consistent_report(2021), ref("t3", "received", "legal"), 1),
        ref("t3", "received", "total"),
        1,
    ),
    "t3-outcome-sum": lambda: bump(
        bump(consistent_report(2021), ref("t3", "granted", "legal"), 1),
        ref("t3", "granted", "total"),
        1,
    ),
    "t3-row-sum": lambda: bump(consistent_report(2021), ref("t3", "partial", "total"), 1),
    "t4-sum": lambda: bump(consistent_report(2021), ref("t4", "review", "upheld"), 1),
    "t2-count": lambda: set_cell(consistent_report(2021), ref("t2", "licensing", "decisions"), -5),
    "format-version": lambda: consistent_report(2021, format_key="2019"),
    "year-mismatch": lambda: add_paragraph(
        consistent_report(2021), "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
    ),
    "text-table-mismatch": lambda: add_paragraph(
        consistent_report(2021), "全年共收到政府信息公开申请1000件。"
    ),
    "missing-section": lambda: set_section(consistent_report(2021), "overview", None),
    "unparsed-table": lambda: _note("unparsed-table"),
    "no-data": _blank_t3,
    "empty-section": lambda: set_section(consistent_report(2021), "problems", "无。"),
    "carryover": _previous_differs,
    "t2-in-force": lambda: (
        consistent_report(2022),
        set_cell(consistent_report(2021), ref("t2", "normative_docs", "in_force"), 3),
    ),
    "reused-text": lambda: (consistent_report(2022), consistent_report(2021)),
    "duplicate-paragraph": lambda: add_paragraph(consistent_report(2021), "规范审核审核发布机制。"),
    "text-arithmetic": lambda: add_paragraph(
        consistent_report(2021), "共发布信息50条：动态30条，公告30条。"
    ),
    "blank-cell": lambda: set_cell(consistent_report(2021), ref("t4", "review", "pending"), None),
    "non-numeric-cell": lambda: set_cell(
        consistent_report(2021), ref("t2", "penalty", "decisions"), 7, raw="七", interpreted=True
    ),
    "unit": lambda: set_cell(
        consistent_report(2021), ref("t2", "fees", "amount_wan"), Decimal("1.234567")
    ),
    "label-deviation": lambda: _note("label-deviation"),
    "section-title": lambda: set_section(
        consistent_report(2021), "problems", "一是问题；二是改进。", "五、存在问题"
    ),
    "late-publication": lambda: consistent_report(2021, published=dt.date(2022, 2, 15)),
    "fee-not-reported": lambda: set_section(consistent_report(2021), "other", "无。"),
    "outdated-basis": lambda: add_paragraph(
        consistent_report(2021), "根据国办公开办函〔2019〕60号的要求编制本报告。"
    ),
    "missing-number": lambda: add_paragraph(
        consistent_report(2021), "现有信息。公开资质条、许可证76条、备案16条。"
    ),
}


def test_every_finding_code_has_an_example() -> None:
    assert set(BAD) == set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_finding_code_is_found_on_its_example_and_not_on_a_consistent_report(
    code: str,
) -> None:
    case = BAD[code]()
    report, previous = case if isinstance(case, tuple) else (case, None)
    assert code in {f.code for f in check_report(report, previous)}
    # The consistent report has none (cross-year codes: see test_crossyear for a good pair).
    assert code not in {f.code for f in check_report(consistent_report(report.year or 2021))}


def test_the_registry_holds_pure_functions_of_report_and_previous() -> None:
    report = consistent_report(2021)
    for family, checks in CHECKS.items():
        assert checks, family
        for check in checks:
            assert list(check(report, None)) == [], check.__name__


def test_the_readers_notes_are_reported_with_the_checks_findings() -> None:
    note = Finding(
        "label-deviation", "表三行标签“5.属于三类内容事务信息”与标准不符", line=230, table="t3"
    )
    report = dataclasses.replace(consistent_report(2021), notes=(note,))
    assert check_report(report) == [note]


def test_findings_are_sorted_by_line_and_without_duplicates() -> None:
    report = bump(consistent_report(2021), ref("t3", "partial", "total"), 1)
    text = "规范审核审核发布机制。"
    report = add_paragraph(report, text, line=3)
    note = Finding("duplicate-paragraph", "重复", line=1)
    report = dataclasses.replace(report, notes=(note, note))
    found = check_report(report)
    lines = [f.line for f in found]
    assert lines == sorted(lines, key=lambda n: (n is None, n or 0))
    assert len(found) == len(set(found))
    assert found[0] == note
