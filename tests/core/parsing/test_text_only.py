"""Reports without line breaks or without tables (issue 12, item 2).

Fixtures: one fictional agency's report as a crawler stores a page (everything on one line,
headings inline, the title only named in 《…》 in the first sentence, the blank 规章 cell
dropped); the same report as a text-only page (its tables were images); and a news item that
names the report but is not it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.core.checks import check_report
from gongkai.core.errors import UnreadableInput
from gongkai.core.findings import Severity
from gongkai.core.parsing import read_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text-only"
AGENCY = "虚拟市虚构区生态环境分局"


def test_a_report_on_one_line_is_read_as_a_report() -> None:
    report = read_path(FIXTURES / "one-line-crawler.txt")
    assert (report.year, report.agency) == (2021, AGENCY)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.value("t2", "normative_docs", "repealed") == 458
    assert report.value("t3", "received", "total") is not None
    assert len([c for c in report.cells if c.table in ("t3", "t4")]) == 25 * 7 + 15
    # 规章 printed "0 0" for three columns (its blank cell dropped): refused, not guessed.
    assert not [c for c in report.cells if c.row == "rules"]
    findings = check_report(report)
    refused = [f for f in findings if f.level is Severity.ERROR]
    assert [(f.code, f.row) for f in refused] == [("unparsed-table", "rules")]


def test_a_narrative_only_page_is_checked_and_its_missing_tables_reported() -> None:
    report = read_path(FIXTURES / "narrative-only.txt")
    assert (report.year, report.agency) == (2021, AGENCY)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    findings = check_report(report)
    missing = {f.table for f in findings if f.code == "no-data"}
    assert missing == {"t2", "t3", "t4"}
    assert {f.code for f in findings if f.level is Severity.ERROR} == {"no-data"}


def test_a_page_that_only_names_a_report_is_still_not_a_report() -> None:
    with pytest.raises(UnreadableInput):
        read_path(FIXTURES / "news-item.txt")
