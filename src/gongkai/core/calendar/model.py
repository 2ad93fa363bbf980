"""The working-day calendar: year arrangements in, O(1) working-day arithmetic out.

See the package docstring (:mod:`gongkai.core.calendar`) for the public API and the file format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate, compress

from ..errors import CalendarUnavailable
from .statutory import FIRST_YEAR, LAST_YEAR, statutory_holidays

WEEK = b"\x01\x01\x01\x01\x01\x00\x00"  # working days of a week without holidays, Monday first
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def weekday_name(day: date) -> str:
    """周一 … 周日."""
    return WEEKDAYS[day.weekday()]


def cn_date(day: date) -> str:
    """2025年10月8日（周三）."""
    return f"{day.year}年{day.month}月{day.day}日（{weekday_name(day)}）"


class Source(StrEnum):
    """Where a year's arrangement comes from."""

    OFFICIAL = "official"
    """The State Council's notice as bundled with the software (generated from chinese-calendar)."""
    OVERRIDE = "override"
    """Entered by an administrator (override file or the web side's database)."""
    PROVISIONAL = "provisional"
    """No notice known: weekends plus the fixed statutory holidays only."""

    @property
    def label(self) -> str:
        return {
            Source.OFFICIAL: "官方安排（随软件附带）",
            Source.OVERRIDE: "管理员录入",
            Source.PROVISIONAL: "暂定（尚未公布放假安排，仅按周末和法定节日计算）",
        }[self]


class DayKind(StrEnum):
    """What kind of day a date is."""

    WORKDAY = "workday"  # an ordinary Monday–Friday working day
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday off
    HOLIDAY = "holiday"  # a day off under the holiday arrangement (法定节假日及调休放假)
    MAKEUP = "makeup"  # a Saturday or Sunday that is a working day (调休上班)


@dataclass(frozen=True)
class Holiday:
    """A block of days off announced under one name, e.g. 国庆节、中秋节 10月1日至8日."""

    name: str
    start: date
    end: date

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class MakeupDay:
    """A weekend day that is a working day (调休上班), and the holiday it makes up for."""

    day: date
    name: str


@dataclass(frozen=True)
class YearArrangement:
    """One year's holiday arrangement: the content of the State Council's yearly notice."""

    year: int
    holidays: tuple[Holiday, ...]
    workdays: tuple[MakeupDay, ...] = ()
    source: Source = Source.OVERRIDE
    notice: str = ""

    @classmethod
    def provisional(cls, year: int) -> YearArrangement:
        """Weekends plus the fixed statutory holidays (《全国年节及纪念日放假办法》 Art. 2)."""
        return cls(
            year=year,
            holidays=tuple(Holiday(n, s, e) for n, s, e in statutory_holidays(year)),
            source=Source.PROVISIONAL,
            notice="未公布放假安排，按《全国年节及纪念日放假办法》第二条暂定",
        )


@dataclass(frozen=True)
class Answer[T]:
    """A calendar answer that says whether it rests on a provisional year."""

    value: T
    provisional: bool
    provisional_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class DayInfo:
    """Everything the calendar knows about one day."""

    day: date
    workday: bool
    kind: DayKind
    name: str  # holiday name for HOLIDAY and MAKEUP days, 周六/周日 for WEEKEND, else ""
    provisional: bool

    @property
    def reason(self) -> str:
        """Why the day is (not) a working day, in Chinese: 周六, 国庆节, 调休上班（春节）…"""
        if self.kind is DayKind.MAKEUP:
            return f"调休上班（{self.name}）"
        if self.kind is DayKind.HOLIDAY:
            return f"{self.name}放假"
        if self.kind is DayKind.WEEKEND:
            return self.name
        return "工作日"


@dataclass(frozen=True)
class YearCoverage:
    """Which source covers a year, for ``gongkai calendar --check`` and the admin page."""

    year: int
    source: Source
    notice: str
    workdays: int


def _limit_message(day: date, first: date, last: date) -> str:
    return (
        f"日期 {day.isoformat()} 超出工作日历的范围：本系统只计算 {first.year}年1月1日至"
        f"{last.year}年12月31日之间的工作日（{first.year}年5月15日起施行修订后的条例；"
        f"{last.year}年以后尚无节日数据）。"
    )


@dataclass(frozen=True, eq=False)
class WorkCalendar:
    """Working days from year arrangements, precomputed as integer ordinals.

    Day ``i`` of the calendar is ``first + i``. ``_cum[i]`` counts the working days in days
    ``0..i`` (inclusive), ``_workdays`` lists the indices of working days in order, and
    ``_pcum[i]`` counts the days in a provisional year among ``0..i``. With these, every
    question is answered in O(1) without walking day by day.
    """

    arrangements: Mapping[int, YearArrangement]
    first: date
    last: date
    _base: int = field(repr=False)
    _work: bytes = field(repr=False)
    _cum: list[int] = field(repr=False)
    _workdays: list[int] = field(repr=False)
    _pcum: list[int] = field(repr=False)
    _names: Mapping[int, str] = field(repr=False)

    # ---------------------------------------------------------------- construction

    @classmethod
    def from_sources(
        cls,
        bundled: Iterable[YearArrangement] = (),
        overrides: Iterable[YearArrangement] = (),
    ) -> WorkCalendar:
        """Build a calendar: an override replaces the bundled arrangement of the same year;
        every year from 2019 to the last year covered by neither is provisional."""
        years: dict[int, YearArrangement] = {}
        for arrangement in bundled:
            years[arrangement.year] = arrangement
        for arrangement in overrides:
            years[arrangement.year] = arrangement
        last_year = max([LAST_YEAR, *years])
        for year in range(FIRST_YEAR, last_year + 1):
            if year not in years:
                years[year] = YearArrangement.provisional(year)
        years = {y: a for y, a in sorted(years.items()) if FIRST_YEAR <= y <= last_year}
        return cls._build(years, date(FIRST_YEAR, 1, 1), date(last_year, 12, 31))

    @classmethod
    def _build(cls, years: dict[int, YearArrangement], first: date, last: date) -> WorkCalendar:
        base = first.toordinal()
        size = last.toordinal() - base + 1
        week = WEEK[first.weekday() :]  # from the first day's weekday to Sunday
        work = bytearray((week + WEEK * (size // 7 + 1))[:size])
        names: dict[int, str] = {}
        for arrangement in years.values():  # in year order: a notice may reach into December before
            for holiday in arrangement.holidays:
                for day in holiday.days():
                    i = day.toordinal() - base
                    if 0 <= i < size:
                        work[i] = 0
                        previous = names.get(i)
                        if previous and holiday.name not in previous.split("、"):
                            names[i] = f"{previous}、{holiday.name}"
                        else:
                            names[i] = holiday.name
            for makeup in arrangement.workdays:
                i = makeup.day.toordinal() - base
                if 0 <= i < size:
                    work[i] = 1
                    names[i] = makeup.name
        in_provisional = bytearray(size)
        for year, arrangement in years.items():
            if arrangement.source is Source.PROVISIONAL:
                lo = max(date(year, 1, 1).toordinal() - base, 0)
                hi = min(date(year, 12, 31).toordinal() - base + 1, size)
                in_provisional[lo:hi] = b"\x01" * max(hi - lo, 0)
        cum = list(accumulate(work))
        workdays = list(compress(range(size), work))
        pcum = list(accumulate(in_provisional))
        return cls(years, first, last, base, bytes(work), cum, workdays, pcum, names)

    # ---------------------------------------------------------------- low level

    def index(self, day: date) -> int:
        """The calendar's index of ``day``; CalendarUnavailable outside the covered range."""
        i = day.toordinal() - self._base
        if i < 0 or i >= len(self._work):
            raise CalendarUnavailable(_limit_message(day, self.first, self.last))
        return i

    def _day(self, i: int) -> date:
        if i < 0 or i >= len(self._work):
            beyond = self.first - timedelta(days=1) if i < 0 else self.last + timedelta(days=1)
            raise CalendarUnavailable(_limit_message(beyond, self.first, self.last))
        return date.fromordinal(self._base + i)

    def _provisional_years(self, lo: int, hi: int) -> tuple[int, ...]:
        """Provisional years among day indices lo..hi (inclusive); () when lo > hi."""
        if lo > hi:
            return ()
        before = self._pcum[lo - 1] if lo > 0 else 0
        if self._pcum[hi] == before:
            return ()
        first_year = self._day(lo).year
        last_year = self._day(hi).year
        return tuple(
            y
            for y in range(first_year, last_year + 1)
            if self.arrangements[y].source is Source.PROVISIONAL
        )

    def _nth_after(self, i: int, n: int) -> int:
        """Index of the n-th working day after index i (n may be negative or zero)."""
        if n == 0:
            return i
        if n > 0:
            k = self._cum[i] + n - 1
            if k >= len(self._workdays):
                raise CalendarUnavailable(
                    _limit_message(self.last + timedelta(days=1), self.first, self.last)
                )
            return self._workdays[k]
        k = self._cum[i] - self._work[i] + n
        if k < 0:
            raise CalendarUnavailable(
                _limit_message(self.first - timedelta(days=1), self.first, self.last)
            )
        return self._workdays[k]

    # ---------------------------------------------------------------- plain answers

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day (调休上班 Saturdays and Sundays included)."""
        return bool(self._work[self.index(day)])

    def add_workdays(self, day: date, n: int) -> date:
        """The n-th working day after ``day``; ``day`` itself is not counted (条例 Art. 31 and
        the general rule of 《民法典》 Art. 201: a period starts on the following day).

        ``n == 0`` gives ``day``; a negative ``n`` counts back (the |n|-th working day before).
        """
        return self._day(self._nth_after(self.index(day), n))

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative if ``end`` is
        before ``start``. ``add_workdays(start, workdays_between(start, end)) == end`` whenever
        ``end`` is a working day."""
        i, j = self.index(start), self.index(end)
        return self._cum[j] - self._cum[i]

    # ---------------------------------------------------------------- answers with provenance

    def is_workday_answer(self, day: date) -> Answer[bool]:
        i = self.index(day)
        years = self._provisional_years(i, i)
        return Answer(bool(self._work[i]), bool(years), years)

    def add_workdays_answer(self, day: date, n: int) -> Answer[date]:
        i = self.index(day)
        j = self._nth_after(i, n)
        lo, hi = (i + 1, j) if j >= i else (j, i - 1)
        years = self._provisional_years(lo, hi)
        return Answer(self._day(j), bool(years), years)

    def workdays_between_answer(self, start: date, end: date) -> Answer[int]:
        i, j = self.index(start), self.index(end)
        lo, hi = (i + 1, j) if j >= i else (j + 1, i)
        years = self._provisional_years(lo, hi)
        return Answer(self._cum[j] - self._cum[i], bool(years), years)

    def is_provisional(self, start: date, end: date) -> bool:
        """Whether any day from ``start`` to ``end`` (inclusive) lies in a provisional year."""
        i, j = self.index(start), self.index(end)
        return bool(self._provisional_years(min(i, j), max(i, j)))

    # ---------------------------------------------------------------- day details

    def day_info(self, day: date) -> DayInfo:
        i = self.index(day)
        work = bool(self._work[i])
        provisional = self.arrangements[day.year].source is Source.PROVISIONAL
        weekend = day.weekday() >= 5
        if work:
            kind = DayKind.MAKEUP if weekend else DayKind.WORKDAY
            name = self._names.get(i, "") if weekend else ""
        elif i in self._names:
            kind, name = DayKind.HOLIDAY, self._names[i]
        else:
            kind, name = DayKind.WEEKEND, weekday_name(day)
        return DayInfo(day, work, kind, name, provisional)

    def days_off(self, start: date, end: date) -> list[DayInfo]:
        """The non-working days from ``start`` to ``end`` inclusive, with their reasons."""
        i, j = self.index(start), self.index(end)
        return [self.day_info(self._day(k)) for k in range(i, j + 1) if not self._work[k]]

    def makeup_days(self, start: date, end: date) -> list[DayInfo]:
        """The 调休上班 weekend days from ``start`` to ``end`` inclusive."""
        i, j = self.index(start), self.index(end)
        out = []
        for k in range(i, j + 1):
            if self._work[k]:
                day = self._day(k)
                if day.weekday() >= 5:
                    out.append(self.day_info(day))
        return out

    def coverage(self) -> list[YearCoverage]:
        """Every year the calendar covers, with its source."""
        out = []
        for year, arrangement in self.arrangements.items():
            i = self.index(date(year, 1, 1))
            j = self.index(date(year, 12, 31))
            count = self._cum[j] - (self._cum[i - 1] if i > 0 else 0)
            out.append(YearCoverage(year, arrangement.source, arrangement.notice, count))
        return out

    # ---------------------------------------------------------------- the deadline hot path

    def add_workdays_excluding(
        self, day: date, n: int, pauses: Sequence[tuple[date, date]] = ()
    ) -> date:
        """The n-th working day after ``day`` when the working days inside ``pauses`` do not
        count (条例 Art. 32, Art. 33 ¶3: consultation time is not counted).

        Each pause is an inclusive ``(first, last)`` pair of dates, sorted by first day and
        starting after ``day``; overlapping pauses are merged. A pause that starts after the
        period has run out changes nothing. ``n`` must be positive.
        """
        cum = self._cum
        base = self._base
        size = len(cum)
        pos = day.toordinal() - base
        if pos < 0 or pos >= size:
            raise CalendarUnavailable(_limit_message(day, self.first, self.last))
        counted_to = cum[pos]  # working days used up to the current position
        remaining = n
        for first, last in pauses:
            s = first.toordinal() - base
            e = last.toordinal() - base
            if s < 0 or e >= size:
                bad = first if s < 0 else last
                raise CalendarUnavailable(_limit_message(bad, self.first, self.last))
            available = cum[s - 1] - counted_to if s > 0 else 0
            if available >= remaining:
                break
            if available > 0:
                remaining -= available
            if cum[e] > counted_to:
                counted_to = cum[e]
        k = counted_to + remaining - 1
        if k >= len(self._workdays):
            raise CalendarUnavailable(
                _limit_message(self.last + timedelta(days=1), self.first, self.last)
            )
        return date.fromordinal(base + self._workdays[k])
