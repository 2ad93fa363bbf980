"""The working calendar changed: every due date that counts working days must move.

The calendar sits below the registers (they read it through
:func:`gongkai.web.workcalendar.snapshots.work_calendar`), so it does not call them: the
registers whose due dates it moves connect a receiver to :data:`calendar_changed` when Django
starts (their ``AppConfig.ready``). Each receiver recomputes its own due dates and returns a
:class:`CalendarEffect` saying what moved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.dispatch import Signal

# Sent with ``acting_user`` and ``reason`` inside the saving transaction.
calendar_changed = Signal()

# Sent with ``calendar`` (a WorkCalendar not saved yet) before a change is confirmed: each
# receiver returns a :class:`CalendarEffect` of the due dates that would move, saving nothing.
calendar_preview = Signal()


@dataclass(frozen=True)
class DueDateChange:
    application: Any
    old: dt.date | None
    new: dt.date | None


@dataclass(frozen=True)
class CalendarEffect:
    """What one register's recomputation did."""

    changes: list[DueDateChange] = field(default_factory=list)  # requests (条例第三十三条)
    failed: list[tuple[Any, str]] = field(default_factory=list)  # logs the clock refused
    item_changes: list[Any] = field(default_factory=list)  # proactive items (第二十六条)
