"""The year and agency when the title does not say them (issue 12, item 1).

The fixtures are one fictional agency's report, printed without a title line and without the
statistical-period sentence — as crawlers and some sites publish them — so that the year is
only in the narrative ("2022年，我局坚持…", "截至2022年12月31日", 《…2022年…年度报告》).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.core.checks import check_report
from gongkai.core.findings import Severity
from gongkai.core.parsing import read_path
from gongkai.core.parsing.narrative_meta import is_pronoun
from gongkai.core.report import Report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "narrative-meta"
AGENCY = "示例市示例区交通运输局"


def read(name: str) -> Report:
    return read_path(FIXTURES / name)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("no-title-opening-year.txt", "2022年，我局坚持"),
        ("no-title-as-of.txt", "截至2022年12月31日"),
    ],
)
def test_the_year_is_taken_from_the_narrative_with_a_note_saying_where(
    name: str, said: str
) -> None:
    report = read(name)
    assert report.year == 2022
    note = next(n for n in report.notes if "报告年度按正文" in n.message)
    assert note.level is Severity.INFO and said in note.message and note.line == 3
    assert [f for f in check_report(report) if f.level is Severity.ERROR] == []


def test_the_title_named_in_the_first_sentence_gives_year_and_agency() -> None:
    report = read("title-in-book.txt")
    assert (report.year, report.agency) == (2022, AGENCY)
    assert report.title == f"{AGENCY}2022年政府信息公开工作年度报告"


def test_years_that_disagree_are_reported_and_no_year_is_guessed() -> None:
    report = read("years-disagree.txt")
    assert report.year is None
    note = next(n for n in report.notes if n.code == "year-mismatch")
    assert note.level is Severity.WARNING
    assert "2022年，我局坚持" in note.message and "2021年，全年新收" in note.message


def test_a_title_followed_by_an_about_line_gives_the_agency() -> None:
    report = read("title-then-about-line.txt")
    assert (report.year, report.agency) == (2022, AGENCY)


def test_a_pronoun_is_never_the_agency() -> None:
    report = read("pronoun-only.txt")
    assert report.agency is None
    assert report.year == 2022
    assert all(is_pronoun(word) for word in ("我局", "本机关", "我镇", "本街道", "我镇人民政府"))
    assert not any(is_pronoun(word) for word in ("本溪市教育局", "北坡镇", "本级政府办公室"))


def test_checks_that_need_the_year_run_on_a_year_from_the_narrative() -> None:
    late = check_report(read("no-title-late.txt"))
    assert [f.code for f in late if f.code == "late-publication"] == ["late-publication"]
    early = check_report(read("no-title-2020-with-2021-tables.txt"))
    assert "format-version" in {f.code for f in early if f.level is Severity.ERROR}
    assert read("no-title-late.txt").published == dt.date(2023, 3, 15)


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        (f"{AGENCY}2022年政府信息公开年度报告", AGENCY),  # without 工作
        (f"{AGENCY}2022年度的政府信息公开工作年度报告", AGENCY),  # an extra 的
        ("北坡镇2022年政府信息公开工作年度报告", "北坡镇"),  # a bare township name
        ("北坡镇政府信息公开工作年度报告", "北坡镇"),  # … and no year: the narrative's
        ("我镇2022年政府信息公开工作年度报告", None),  # a pronoun is no name
    ],
)
def test_title_variants_give_the_agency(title: str, agency: str | None, tmp_path: Path) -> None:
    body = (FIXTURES / "no-title-opening-year.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(title + "\n" + body, encoding="utf-8")
    report = read_path(path)
    assert (report.year, report.agency) == (2022, agency)
