"""China's working-day calendar (工作日历): the days the 条例's working-day periods count.

Stable API (the web side and :mod:`gongkai.core.deadlines` rely on it)
-----------------------------------------------------------------------
Plain functions on the default calendar (bundled data + the override file, see below)::

    is_workday(day) -> bool
    add_workdays(day, n) -> date          # the n-th working day after `day`; `day` not counted
    workdays_between(start, end) -> int   # working days in (start, end]; negative if end < start

The same with provenance — an :class:`Answer` with ``.value``, ``.provisional`` and
``.provisional_years``::

    is_workday_answer(day), add_workdays_answer(day, n), workdays_between_answer(start, end)

A calendar object for everything else (the web side builds one from its database)::

    cal = WorkCalendar.from_sources(bundled_arrangements(), overrides)   # overrides: YearArrangement…
    cal.is_workday(day); cal.add_workdays(day, n); cal.workdays_between(a, b)
    cal.is_workday_answer(day); cal.add_workdays_answer(day, n); cal.workdays_between_answer(a, b)
    cal.day_info(day)          # DayInfo: kind (workday/weekend/holiday/makeup), name, reason
    cal.days_off(a, b); cal.makeup_days(a, b); cal.coverage()   # YearCoverage per year
    cal.add_workdays_excluding(day, n, pauses)                  # the deadline hot path

    YearArrangement(year, holidays=(Holiday(name, start, end), …),
                    workdays=(MakeupDay(day, name), …), source=Source.OVERRIDE, notice="…")
    arrangement_from_mapping(year, {...})  # validate what an administrator typed (CalendarFileError)

Counting rule: a period counted in days starts on the day after the event (条例 Art. 31 fixes
the day of receipt; 《民法典》 Art. 201: the first day is not counted). Working days are Monday to
Friday, minus the days off of the State Council's yearly holiday notice, plus the Saturdays and
Sundays it declares working days (调休上班).

Coverage and provisional answers
--------------------------------
* 2019 through 2026: the official notices, bundled as ``gongkai/core/data/cn_workdays.json``
  (generated from chinese-calendar by ``python -m gongkai.core.calendar.generate``; the tests
  cross-check every day against ``holidays.China().is_working_day`` and against the 2024–2026
  notices written out by hand).
* Any year in the override file or entered on the web: that arrangement replaces the bundled one.
* Every other year up to 2050: **provisional** — Saturdays, Sundays and the fixed statutory
  holidays of 《全国年节及纪念日放假办法》 (2025 revision, Art. 2: 元旦1天, 春节4天 from 除夕,
  清明1天, 劳动节2天, 端午1天, 中秋1天, 国庆3天), no 调休. Every answer that rests on such a
  day says so (``Answer.provisional``), and deadlines carry the flag.
* Before 2019-01-01 or after the last covered year: :class:`CalendarUnavailable`, with a Chinese
  message naming the limit. Never a silent guess.

Override file (adding the 2027 notice takes minutes and no upgrade)
--------------------------------------------------------------------
Point ``GONGKAI_CALENDAR_FILE`` at a JSON (or ``.toml``) file; a ready example is
``gongkai/core/data/calendar-override.example.json``. Format ``gongkai-calendar/1`` (the bundled
file uses it too)::

    {
      "format": "gongkai-calendar/1",
      "years": {
        "2027": {
          "notice": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）",
          "holidays": [
            {"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
            {"name": "春节", "start": "2027-02-05", "end": "2027-02-12"}
          ],
          "workdays": [
            {"date": "2027-02-14", "name": "春节"}
          ]
        }
      }
    }

``holidays``: every block of days off, inclusive, weekend days inside the block included (``end``
may be omitted for a single day). ``workdays``: every Saturday or Sunday that is a working day,
with the holiday it makes up for. A year listed here replaces the bundled or provisional
arrangement of that year completely. Mistakes (bad dates, a weekday listed as 调休上班, a day both
off and on, a date outside the year) raise :class:`CalendarFileError` naming the year and entry.
After editing the file, restart the process or call :func:`reset_default_calendar`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from ..errors import CalendarUnavailable
from .lawful import arrangement_problems, statutory_days
from .model import (
    Answer,
    DayInfo,
    DayKind,
    Holiday,
    MakeupDay,
    Source,
    WorkCalendar,
    YearArrangement,
    YearCoverage,
    cn_date,
    weekday_name,
)
from .sources import (
    ENV_VAR,
    CalendarFileError,
    arrangement_as_mapping,
    arrangement_from_mapping,
    arrangements_from_document,
    bundled_arrangements,
    bundled_source,
    override_path,
    read_calendar_file,
)
from .statutory import FIRST_YEAR, LAST_YEAR, statutory_holidays


def load_calendar(environ: Mapping[str, str] | None = None) -> WorkCalendar:
    """Bundled arrangements plus the override file named by ``GONGKAI_CALENDAR_FILE``."""
    env = os.environ if environ is None else environ
    path = override_path(env)
    overrides = read_calendar_file(path) if path is not None else []
    return WorkCalendar.from_sources(bundled_arrangements(), overrides)


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The process-wide calendar (built once; see :func:`reset_default_calendar`)."""
    return load_calendar()


def reset_default_calendar() -> None:
    """Forget the cached default calendar, e.g. after the override file changed."""
    default_calendar.cache_clear()


def is_workday(day: date) -> bool:
    """Whether ``day`` is a working day on the default calendar."""
    return default_calendar().is_workday(day)


def add_workdays(day: date, n: int) -> date:
    """The n-th working day after ``day`` on the default calendar (``day`` not counted)."""
    return default_calendar().add_workdays(day, n)


def workdays_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` on the default calendar."""
    return default_calendar().workdays_between(start, end)


def is_workday_answer(day: date) -> Answer[bool]:
    return default_calendar().is_workday_answer(day)


def add_workdays_answer(day: date, n: int) -> Answer[date]:
    return default_calendar().add_workdays_answer(day, n)


def workdays_between_answer(start: date, end: date) -> Answer[int]:
    return default_calendar().workdays_between_answer(start, end)


__all__ = [
    "ENV_VAR",
    "FIRST_YEAR",
    "LAST_YEAR",
    "Answer",
    "CalendarFileError",
    "CalendarUnavailable",
    "DayInfo",
    "DayKind",
    "Holiday",
    "MakeupDay",
    "Source",
    "WorkCalendar",
    "YearArrangement",
    "YearCoverage",
    "add_workdays",
    "add_workdays_answer",
    "arrangement_as_mapping",
    "arrangement_from_mapping",
    "arrangement_problems",
    "arrangements_from_document",
    "bundled_arrangements",
    "bundled_source",
    "cn_date",
    "default_calendar",
    "is_workday",
    "is_workday_answer",
    "load_calendar",
    "override_path",
    "read_calendar_file",
    "reset_default_calendar",
    "statutory_days",
    "statutory_holidays",
    "weekday_name",
    "workdays_between",
    "workdays_between_answer",
]
