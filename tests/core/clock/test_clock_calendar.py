"""The working-day calendar: the official notices, the override file, provisional years."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.calendar import (
    CalendarFileError,
    CalendarUnavailable,
    DayKind,
    Holiday,
    MakeupDay,
    Source,
    WorkCalendar,
    YearArrangement,
    add_workdays,
    add_workdays_answer,
    arrangement_as_mapping,
    arrangement_from_mapping,
    bundled_arrangements,
    generate,
    is_workday,
    is_workday_answer,
    load_calendar,
    read_calendar_file,
    statutory,
    workdays_between,
    workdays_between_answer,
)

DATA = Path(generate.__file__).resolve().parent.parent / "data"
CAL = WorkCalendar.from_sources(bundled_arrangements())


def days(first: str, last: str) -> list[date]:
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


# The State Council's notices, written out by hand from the published texts (not from a library).
# 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025), the 2026 notice.
OFFICIAL: dict[int, tuple[list[date], list[date]]] = {
    2024: (
        days("2024-01-01", "2024-01-01")  # 元旦
        + days("2024-02-10", "2024-02-17")  # 春节
        + days("2024-04-04", "2024-04-06")  # 清明节
        + days("2024-05-01", "2024-05-05")  # 劳动节
        + days("2024-06-10", "2024-06-10")  # 端午节
        + days("2024-09-15", "2024-09-17")  # 中秋节
        + days("2024-10-01", "2024-10-07"),  # 国庆节
        [
            date(2024, 2, 4),  # Sunday, 春节
            date(2024, 2, 18),  # Sunday, 春节
            date(2024, 4, 7),  # Sunday, 清明节
            date(2024, 4, 28),  # Sunday, 劳动节
            date(2024, 5, 11),  # Saturday, 劳动节
            date(2024, 9, 14),  # Saturday, 中秋节
            date(2024, 9, 29),  # Sunday, 国庆节
            date(2024, 10, 12),  # Saturday, 国庆节
        ],
    ),
    2025: (
        days("2025-01-01", "2025-01-01")  # 元旦
        + days("2025-01-28", "2025-02-04")  # 春节 (from 除夕 under the 2025 rules)
        + days("2025-04-04", "2025-04-06")  # 清明节
        + days("2025-05-01", "2025-05-05")  # 劳动节
        + days("2025-05-31", "2025-06-02")  # 端午节
        + days("2025-10-01", "2025-10-08"),  # 国庆节、中秋节
        [
            date(2025, 1, 26),  # Sunday, 春节
            date(2025, 2, 8),  # Saturday, 春节
            date(2025, 4, 27),  # Sunday, 劳动节
            date(2025, 9, 28),  # Sunday, 国庆节
            date(2025, 10, 11),  # Saturday, 国庆节
        ],
    ),
    2026: (
        days("2026-01-01", "2026-01-03")  # 元旦
        + days("2026-02-15", "2026-02-23")  # 春节
        + days("2026-04-04", "2026-04-06")  # 清明节
        + days("2026-05-01", "2026-05-05")  # 劳动节
        + days("2026-06-19", "2026-06-21")  # 端午节
        + days("2026-09-25", "2026-09-27")  # 中秋节
        + days("2026-10-01", "2026-10-07"),  # 国庆节
        [
            date(2026, 1, 4),  # Sunday, 元旦
            date(2026, 2, 14),  # Saturday, 春节
            date(2026, 2, 28),  # Saturday, 春节
            date(2026, 5, 9),  # Saturday, 劳动节
            date(2026, 9, 20),  # Sunday, 国庆节
            date(2026, 10, 10),  # Saturday, 国庆节
        ],
    ),
}


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_every_day_of_2024_to_2026_follows_the_notice_written_out_by_hand(year: int) -> None:
    off, makeup = OFFICIAL[year]
    for day in days(f"{year}-01-01", f"{year}-12-31"):
        expected = day in makeup or (day.weekday() < 5 and day not in off)
        assert CAL.is_workday(day) is expected, day
    for day in makeup:
        assert day.weekday() >= 5
        assert CAL.day_info(day).kind is DayKind.MAKEUP


def test_2025_national_day_is_off_from_the_1st_to_the_8th_with_two_weekend_workdays() -> None:
    assert not any(CAL.is_workday(d) for d in days("2025-10-01", "2025-10-08"))
    assert CAL.is_workday(date(2025, 9, 28)) and date(2025, 9, 28).weekday() == 6
    assert CAL.is_workday(date(2025, 10, 11)) and date(2025, 10, 11).weekday() == 5
    assert CAL.day_info(date(2025, 10, 6)).reason == "中秋节放假"
    assert CAL.day_info(date(2025, 10, 11)).reason == "调休上班（国庆节）"


def test_every_day_2019_to_2026_agrees_with_the_holidays_package() -> None:
    china = holidays.China(years=range(2019, 2027))
    disagreements = [
        day
        for day in days("2019-01-01", "2026-12-31")
        if CAL.is_workday(day) != china.is_working_day(day)
    ]
    assert disagreements == []


def test_the_bundled_file_is_what_the_generator_makes_from_chinese_calendar() -> None:
    fresh = (DATA / "cn_workdays.json").read_text(encoding="utf-8") == generate.render()
    assert fresh, "chinese-calendar changed: run `uv run python -m gongkai.core.calendar.generate`"


def test_the_bundled_years_are_official_and_later_years_provisional() -> None:
    coverage = {c.year: c.source for c in CAL.coverage()}
    assert all(coverage[y] is Source.OFFICIAL for y in range(2019, 2027))
    assert all(coverage[y] is Source.PROVISIONAL for y in range(2027, statutory.LAST_YEAR + 1))


def test_the_lunar_table_agrees_with_the_chinese_lunisolar_calendar() -> None:
    from holidays.calendars.chinese import _ChineseLunisolar

    lunisolar = _ChineseLunisolar()
    for year in range(statutory.FIRST_YEAR, statutory.LAST_YEAR + 1):
        spring, qingming, dragon, autumn = statutory.lunar_dates(year)
        assert spring == lunisolar.lunar_new_year_date(year)[0]
        assert qingming == lunisolar.qingming_date(year)[0]
        assert dragon == lunisolar.dragon_boat_date(year)[0]
        assert autumn == lunisolar.mid_autumn_date(year)[0]


def test_a_provisional_year_has_the_statutory_holidays_and_says_so() -> None:
    # 2027: 春节 is 2月6日, so 除夕 2月5日 (Friday) to 初三 2月8日 are off; no 调休 known.
    for day in days("2027-02-05", "2027-02-08"):
        assert not CAL.is_workday(day)
    assert CAL.day_info(date(2027, 2, 5)).name == "春节"
    assert CAL.is_workday(date(2027, 5, 3))  # Monday after 劳动节 (5月1日、2日 fall on a weekend)
    assert not CAL.is_workday(date(2027, 10, 1))
    answer = CAL.is_workday_answer(date(2027, 3, 1))
    assert answer.value is True and answer.provisional and answer.provisional_years == (2027,)
    assert CAL.is_workday_answer(date(2026, 3, 2)).provisional is False


def test_a_count_that_reaches_into_a_provisional_year_is_provisional() -> None:
    inside = CAL.add_workdays_answer(date(2026, 11, 2), 20)
    across = CAL.add_workdays_answer(date(2026, 12, 20), 20)
    assert inside.provisional is False
    assert across.provisional is True and across.provisional_years == (2027,)
    assert CAL.workdays_between_answer(date(2026, 12, 1), date(2027, 1, 5)).provisional


def test_add_workdays_does_not_count_the_start_day_and_skips_the_national_day_block() -> None:
    # The dependencies.md demo: received Friday 2025-09-26 -> 20 working days -> 2025-10-30.
    assert CAL.add_workdays(date(2025, 9, 26), 20) == date(2025, 10, 30)
    # From a Saturday, counting starts on the next day (chinese-calendar's find_workday would
    # give 10-31 here).
    assert CAL.add_workdays(date(2025, 9, 27), 20) == date(2025, 10, 30)
    assert CAL.add_workdays(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert CAL.add_workdays(date(2025, 10, 9), -1) == date(2025, 9, 30)
    assert CAL.add_workdays(date(2025, 10, 3), 0) == date(2025, 10, 3)


def test_workdays_between_counts_after_the_start_up_to_and_including_the_end() -> None:
    assert CAL.workdays_between(date(2025, 9, 26), date(2025, 10, 30)) == 20
    assert CAL.workdays_between(date(2025, 10, 30), date(2025, 9, 26)) == -20
    assert CAL.workdays_between(date(2025, 10, 1), date(2025, 10, 8)) == 0


@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2050, 6, 30)),
    st.integers(min_value=0, max_value=80),
)
def test_counting_back_gives_the_start_again(day: date, n: int) -> None:
    later = CAL.add_workdays(day, n)
    assert CAL.workdays_between(day, later) == n
    if n > 0:
        assert CAL.is_workday(later)
    if CAL.is_workday(day):
        assert CAL.add_workdays(later, -n) == day


@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2050, 6, 30)),
    st.integers(min_value=1, max_value=60),
)
def test_add_workdays_agrees_with_walking_day_by_day(day: date, n: int) -> None:
    walked, left = day, n
    while left:
        walked += timedelta(days=1)
        left -= CAL.is_workday(walked)
    assert CAL.add_workdays(day, n) == walked


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.is_workday(date(2018, 12, 31)),
        lambda: CAL.add_workdays(date(2018, 6, 1), 20),
        lambda: CAL.add_workdays(date(2050, 12, 20), 20),
        lambda: CAL.workdays_between(date(2019, 1, 2), date(2125, 1, 1)),
        lambda: CAL.add_workdays(date(2019, 1, 3), -5),
    ],
)
def test_dates_outside_the_calendar_get_a_chinese_error_naming_the_limit(call: object) -> None:
    with pytest.raises(CalendarUnavailable, match="2019年1月1日至2050年12月31日"):
        call()  # type: ignore[operator]


def test_the_module_level_functions_use_the_default_calendar() -> None:
    assert is_workday(date(2025, 9, 28)) is True
    assert add_workdays(date(2025, 9, 26), 20) == date(2025, 10, 30)
    assert workdays_between(date(2025, 9, 26), date(2025, 10, 30)) == 20
    assert is_workday_answer(date(2027, 1, 4)).provisional
    assert add_workdays_answer(date(2025, 9, 26), 20).value == date(2025, 10, 30)
    assert workdays_between_answer(date(2025, 9, 26), date(2025, 10, 30)).value == 20


# ------------------------------------------------------------------ the override source


def test_the_example_override_file_turns_2027_into_an_administrators_year() -> None:
    cal = load_calendar({"GONGKAI_CALENDAR_FILE": str(DATA / "calendar-override.example.json")})
    coverage = {c.year: c.source for c in cal.coverage()}
    assert coverage[2026] is Source.OFFICIAL
    assert coverage[2027] is Source.OVERRIDE
    assert coverage[2028] is Source.PROVISIONAL
    assert cal.is_workday(date(2027, 2, 14))  # a Sunday the example makes a working day
    assert not cal.is_workday(date(2027, 2, 12))  # a Friday the example gives off
    assert not cal.is_workday_answer(date(2027, 2, 12)).provisional


def test_without_the_environment_variable_only_the_bundled_data_is_used() -> None:
    cal = load_calendar({})
    assert {c.source for c in cal.coverage() if c.year == 2027} == {Source.PROVISIONAL}


def test_an_override_replaces_a_bundled_year_completely(tmp_path: Path) -> None:
    # Suppose the State Council had announced an extra day off on 2026-03-02.
    document = {
        "years": {
            "2026": {
                **arrangement_as_mapping(CAL.arrangements[2026]),
                "holidays": [
                    *arrangement_as_mapping(CAL.arrangements[2026])["holidays"],
                    {"name": "特别假日", "start": "2026-03-02"},
                ],
            }
        }
    }
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    cal = load_calendar({"GONGKAI_CALENDAR_FILE": str(path)})
    assert not cal.is_workday(date(2026, 3, 2))
    assert cal.day_info(date(2026, 3, 2)).reason == "特别假日放假"
    assert cal.add_workdays(date(2026, 2, 27), 1) == date(2026, 2, 28)  # 调休 Saturday kept
    assert cal.add_workdays(date(2026, 2, 28), 1) == date(2026, 3, 3)


def test_a_toml_override_file_works_too(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text(
        "[years.2027]\n"
        'notice = "测试"\n'
        'holidays = [{ name = "元旦", start = 2027-01-01, end = 2027-01-03 }]\n'
        'workdays = [{ date = "2027-01-09", name = "元旦" }]\n',
        encoding="utf-8",
    )
    (arrangement,) = read_calendar_file(path)
    assert arrangement.holidays == (Holiday("元旦", date(2027, 1, 1), date(2027, 1, 3)),)
    assert arrangement.workdays == (MakeupDay(date(2027, 1, 9), "元旦"),)


def test_the_web_side_can_feed_arrangements_from_its_database() -> None:
    typed = arrangement_from_mapping(
        2027,
        {
            "holidays": [{"name": "春节", "start": "2027-02-05", "end": "2027-02-11"}],
            "workdays": [{"date": "2027-02-14", "name": "春节"}],
        },
    )
    cal = WorkCalendar.from_sources(bundled_arrangements(), [typed])
    assert cal.is_workday(date(2027, 2, 14)) and not cal.is_workday(date(2027, 2, 11))
    assert cal.arrangements[2027].source is Source.OVERRIDE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"holidays": [{"name": "春节", "start": "2027-02-30"}]}, "不是有效日期"),
        ({"holidays": [{"start": "2027-02-05"}]}, "缺少节日名称"),
        (
            {"holidays": [{"name": "春节", "start": "2027-02-11", "end": "2027-02-05"}]},
            "早于开始日期",
        ),
        ({"holidays": [{"name": "春节", "start": "2028-02-05"}]}, "不属于2027年"),
        ({"workdays": [{"date": "2027-02-10", "name": "春节"}]}, "本来就上班"),
        (
            {
                "holidays": [{"name": "春节", "start": "2027-02-06", "end": "2027-02-07"}],
                "workdays": [{"date": "2027-02-06", "name": "春节"}],
            },
            "同时被列为放假日和调休上班日",
        ),
        ({"holidays": "春节"}, "应是列表"),
    ],
)
def test_a_mistake_in_an_arrangement_is_named_in_chinese(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(CalendarFileError, match=message):
        arrangement_from_mapping(2027, data)


def test_a_broken_override_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CalendarFileError, match="格式错误"):
        read_calendar_file(path)
    with pytest.raises(CalendarFileError, match="无法读取"):
        read_calendar_file(tmp_path / "missing.json")


def test_an_arrangement_for_a_year_after_2050_extends_the_calendar() -> None:
    arrangement = YearArrangement(2051, (Holiday("元旦", date(2051, 1, 1), date(2051, 1, 1)),))
    cal = WorkCalendar.from_sources(bundled_arrangements(), [arrangement])
    assert cal.last == date(2051, 12, 31)
    assert not cal.is_workday(date(2051, 1, 1))


def test_the_default_calendar_reads_the_file_named_by_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gongkai.core.calendar import reset_default_calendar

    monkeypatch.setenv("GONGKAI_CALENDAR_FILE", str(DATA / "calendar-override.example.json"))
    reset_default_calendar()
    try:
        assert is_workday(date(2027, 2, 14))  # a Sunday the example makes a working day
        assert not is_workday_answer(date(2027, 2, 14)).provisional
    finally:
        monkeypatch.delenv("GONGKAI_CALENDAR_FILE")
        reset_default_calendar()
    assert not is_workday(date(2027, 2, 14))
    assert is_workday_answer(date(2027, 2, 14)).provisional
