"""The working calendar the clock uses: bundled official notices + the administrator's years."""

from __future__ import annotations

from gongkai.core.calendar import (
    WorkCalendar,
    YearArrangement,
    arrangement_from_mapping,
    bundled_arrangements,
)
from gongkai.web.workcalendar.models import YearOverride

_cache: dict[str, WorkCalendar] = {}


def _stamp() -> str:
    rows = YearOverride.objects.order_by().values_list("year", "updated_at")
    return ";".join(f"{year}:{at.isoformat()}" for year, at in sorted(rows))


def override_arrangements() -> list[YearArrangement]:
    return [
        arrangement_from_mapping(row.year, row.arrangement)
        for row in YearOverride.objects.order_by("year")
    ]


def work_calendar() -> WorkCalendar:
    """The calendar for the database's current overrides, rebuilt when an override changes
    (checked with one small query, so every process sees an administrator's edit at once)."""
    stamp = _stamp()
    calendar = _cache.get(stamp)
    if calendar is None:
        _cache.clear()
        calendar = WorkCalendar.from_sources(bundled_arrangements(), override_arrangements())
        _cache[stamp] = calendar
    return calendar
