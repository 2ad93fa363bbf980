"""The request clock: the pipeline of its four stages, and the fast path for lists.

``compute_deadline`` = :func:`.replay.replay` → :func:`.open_state.open_state` →
:func:`.count.count` → :func:`.conclude.conclude`. Each stage is a pure function of what the
previous one returned (and the calendar and ``as_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..calendar import WorkCalendar, default_calendar
from ..errors import CalendarUnavailable, RuleError
from .conclude import conclude
from .count import count
from .events import Event
from .open_state import open_state
from .replay import replay
from .results import Deadline
from .rules import ANSWER_DAYS, EXTENSION_DAYS


def compute_deadline(
    events: Sequence[Event],
    *,
    as_of: date,
    calendar: WorkCalendar | None = None,
    explain: bool = True,
) -> Deadline:
    """The due date of a disclosure request from its event log, explained step by step.

    See the package docstring for the rules (Art. 30–35 of the 条例, 国办函〔2020〕109号).
    Raises RuleError (Chinese message naming the rule) for an impossible event log.
    ``explain=False`` leaves ``steps`` empty and is many times faster (lists of requests);
    everything else, including every check of the log, is the same.
    """
    cal = calendar if calendar is not None else default_calendar()
    try:
        replayed = replay(list(events), cal, explain=explain)
        ended = open_state(replayed, as_of, explain=explain)
        if ended is not None:
            return ended
        counted = count(replayed, as_of, cal, explain=explain)
        return conclude(replayed, counted, as_of, cal, explain=explain)
    except CalendarUnavailable as exc:
        raise RuleError(f"无法计算期限：{exc}") from exc


def due_date(
    received: date,
    pauses: Sequence[tuple[date, date]] = (),
    *,
    extended: bool = False,
    calendar: WorkCalendar | None = None,
) -> date:
    """The fast path: the due date of a request received on ``received`` with the given
    inclusive pauses (Art. 32/33 ¶3, 109号), 20 working days or 40 when ``extended``
    (Art. 33 ¶2). Pauses must be sorted by start and lie on or after ``received``.
    """
    cal = calendar if calendar is not None else default_calendar()
    last_start = received
    for s, e in pauses:
        if e < s:
            raise RuleError(f"暂停结束日 {e.isoformat()} 早于开始日 {s.isoformat()}")
        if s < last_start:
            raise RuleError("暂停不能早于收到申请之日，且须按开始日期先后排列")
        last_start = s
    n = ANSWER_DAYS + EXTENSION_DAYS if extended else ANSWER_DAYS
    try:
        return cal.add_workdays_excluding(received, n, pauses)
    except CalendarUnavailable as exc:
        raise RuleError(f"无法计算期限：{exc}") from exc
