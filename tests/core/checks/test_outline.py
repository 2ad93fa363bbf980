"""The outline and the narrative's own claims (issue 12, items 2 and 6).

Fixtures under tests/fixtures/outline: one fictional agency's consistent report with its outline
damaged as real reports damage it — sub-topics numbered 一、二、 at the top level, a section
missing and the next taking its number — and with a claim that every request was handled.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding, Severity
from gongkai.core.parsing import read_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "outline"


def findings(name: str) -> list[Finding]:
    return check_report(read_path(FIXTURES / name))


def numbering(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.code == "section-title" and "一级标题的编号" in f.message]


def test_sub_topics_numbered_at_the_top_level_restart_the_count() -> None:
    found = findings("subtopics-at-top-level.txt")
    [finding] = numbering(found)
    assert "“一、加强组织领导”重新从一开始编号" in finding.message
    assert "正文印为“一、总体情况”“一、加强组织领导”“二、完善工作制度”" in finding.message
    assert "统一格式为“一、总体情况”“二、主动公开政府信息情况”" in finding.message
    assert [f for f in found if f.level is Severity.ERROR] == []


def test_a_missing_section_whose_number_the_next_one_took() -> None:
    found = findings("section-missing-next-renumbered.txt")
    [finding] = numbering(found)
    assert "“五、其他需要报告的事项”是第六部分的内容，却编为第五部分" in finding.message
    missing = [f.message for f in found if f.code == "missing-section"]
    assert len(missing) == 1 and "五、存在的主要问题及改进情况" in missing[0]  # 六 is there


def test_a_consistent_outline_has_no_numbering_finding() -> None:
    assert numbering(findings("all-handled-except-carried.txt")) == []


def test_a_claim_that_everything_was_handled_while_requests_are_carried_over() -> None:
    found = [f for f in findings("all-handled-claim.txt") if f.level is Severity.ERROR]
    assert [(f.code, f.row) for f in found] == [("text-table-mismatch", "carried_out")]
    assert "均已按时办结" in found[0].message and "结转下年度继续办理”为2件" in found[0].message


def test_the_claim_is_not_read_where_the_sentence_excepts_the_carried_over_requests() -> None:
    found = findings("all-handled-except-carried.txt")
    assert [f for f in found if f.level is Severity.ERROR] == []
