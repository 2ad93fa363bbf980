"""The demo's working-day calendar and its random working days."""

from __future__ import annotations

import datetime as dt
import random

from ..calendar import WorkCalendar, bundled_arrangements


def demo_calendar() -> WorkCalendar:
    """The bundled working-day calendar (no override file), so the demo never varies."""
    return WorkCalendar.from_sources(bundled_arrangements(), ())


def workday_in(rng: random.Random, cal: WorkCalendar, start: dt.date, end: dt.date) -> dt.date:
    """A random working day in ``start``..``end``; before the calendar's first year (2019),
    where only old documents are dated, any Monday to Friday."""
    span = (end - start).days
    while True:
        day = start + dt.timedelta(days=rng.randint(0, span))
        if day < cal.first:
            if day.weekday() < 5:
                return day
        elif cal.is_workday(day):
            return day
