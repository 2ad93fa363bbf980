"""The statutory clock for one application: the core computes, the web side caches the result.

The due date is never typed: :func:`refresh_due` recomputes it from the event log after every
event and after every calendar change (peer-systems.md §8, lesson 3).
"""

from __future__ import annotations

import datetime as dt

from gongkai.core import wallclock
from gongkai.core.calendar import WorkCalendar
from gongkai.core.deadlines import Deadline, compute_deadline
from gongkai.core.errors import RuleError
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.snapshots import clock_events, received_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.workcalendar.snapshots import work_calendar


def deadline_for(
    application: Application,
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The clock's answer for the application; closed applications are judged on their
    closing day. A log the clock refuses raises ApplicationError with the clock's message."""
    if application.status == Status.PENDING.value:
        raise ApplicationError(NOT_CONFIRMED)
    if as_of is None:
        as_of = application.closed_on or wallclock.today()
    try:
        return compute_deadline(
            clock_events(application), as_of=as_of, calendar=calendar or work_calendar()
        )
    except RuleError as exc:
        raise ApplicationError(str(exc), code="clock_refused") from None


NOT_CONFIRMED = (
    "网上申请尚待确认：确认收到之日为收到申请之日（条例第三十一条第三项），确认后开始计算答复期限"
)

# The fields refresh_due writes; every save after it lists them.
CLOCK_FIELDS = ("due_on", "due_provisional", "lapses_on", "consultation_ends_on")


def refresh_due(
    application: Application, *, calendar: WorkCalendar | None = None
) -> Deadline | None:
    """Recompute the cached clock fields (``due_on``, ``due_provisional``, ``lapses_on``) from
    the event log (pass ``calendar`` when recomputing many at once). An online application
    not yet confirmed has no clock: its fields stay empty and None is returned."""
    if application.status == Status.PENDING.value:
        application.due_on, application.due_provisional, application.lapses_on = None, False, None
        application.consultation_ends_on = None
        return None
    deadline = deadline_for(application, calendar=calendar)
    application.due_on = deadline.due
    application.due_provisional = deadline.provisional
    application.lapses_on = applicant_deadline(application, deadline)
    application.consultation_ends_on = consultation_end(application, deadline)
    return deadline


def consultation_end(application: Application, deadline: Deadline) -> dt.date | None:
    """While consulting: the last reply day of the consultations not yet answered (15 working
    days from the party's receipt, 条例第三十二条、第三十四条); the pause ends after it."""
    if application.status != Status.CONSULTING.value:
        return None
    pending = [c.reply_due for c in deadline.consultations if c.answered is None]
    return max(pending) if pending else None


def applicant_deadline(application: Application, deadline: Deadline) -> dt.date | None:
    """The last day the applicant has, while the request waits on the applicant: the 补正
    period named in the notice (条例第三十条) or the 20 working days to pay the fee
    (国办函〔2020〕109号). None when the request waits on nobody or no period was set."""
    if application.status == Status.AWAITING_FEE.value:
        return deadline.fee_payment_due
    if application.status == Status.AWAITING_CORRECTION.value:
        asked = [
            e for e in application.events.all() if e.kind == EventKind.CORRECTION_REQUESTED.value
        ]
        return asked[-1].due if asked else None
    return None


def receipt_day(channel: str, arrived_on: dt.date, confirmed_on: dt.date | None) -> dt.date:
    """The day of receipt by 条例 第三十一条 for the channel and the dates entered."""
    event = received_event(channel, arrived_on, confirmed_on)
    try:
        return compute_deadline([event], as_of=arrived_on, calendar=work_calendar()).receipt
    except RuleError as exc:
        raise ApplicationError(str(exc), code="clock_refused") from None


def correction_deadline(application: Application) -> dt.date | None:
    """The last day on which 补正 may be asked for (7 working days after receipt, 条例 第三十条)."""
    return deadline_for(application).correction_window_end
