"""An administrator's arrangement may not be empty, partial, or drop a statutory holiday
(《全国年节及纪念日放假办法》 Art. 2, as revised by 国务院令第795号 from 2025)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gongkai.core.calendar import (
    YearArrangement,
    arrangement_problems,
    bundled_arrangements,
    statutory_days,
)
from gongkai.core.calendar.model import Holiday, MakeupDay


@pytest.mark.parametrize("arrangement", bundled_arrangements(), ids=lambda a: str(a.year))
def test_every_bundled_notice_keeps_the_statutory_holidays(arrangement) -> None:
    assert arrangement_problems(arrangement) == []


def test_the_2025_revision_adds_new_years_eve_and_may_the_second() -> None:
    assert ("春节", date(2025, 1, 28)) in statutory_days(2025)
    assert ("劳动节", date(2025, 5, 2)) in statutory_days(2025)
    assert ("春节", date(2024, 2, 9)) not in statutory_days(2024)
    assert len(statutory_days(2024)) == 11 and len(statutory_days(2025)) == 13


def test_an_empty_arrangement_is_refused() -> None:
    problems = arrangement_problems(YearArrangement(2027, ()))
    assert problems and "放假安排为空" in problems[0]


def test_a_partial_arrangement_names_what_is_missing() -> None:
    full = YearArrangement.provisional(2027)
    partial = replace(full, holidays=tuple(h for h in full.holidays if h.name != "国庆节"))
    [problem] = arrangement_problems(partial)
    assert "国庆节（2027-10-01、2027-10-02、2027-10-03）" in problem
    assert "不能取消" in problem


def test_a_statutory_day_made_a_working_day_is_refused() -> None:
    full = YearArrangement.provisional(2027)
    worked = replace(full, workdays=(MakeupDay(date(2027, 5, 1), "劳动节"),))
    assert "劳动节（2027-05-01）" in arrangement_problems(worked)[0]


def test_a_shortened_spring_festival_is_refused() -> None:
    full = YearArrangement.provisional(2027)
    short = tuple(
        Holiday(h.name, h.start, date(2027, 2, 7)) if h.name == "春节" else h for h in full.holidays
    )
    assert "春节（2027-02-08）" in arrangement_problems(replace(full, holidays=short))[0]
