"""Stage 4 of the request clock: the due date and its explanation.

:func:`conclude` applies an Art. 35 due date over the statutory one, says whether the period
touches a year without a published holiday arrangement (provisional), counts the working days
left on ``as_of``, adds the closing DUE line and orders the explanation by day.
"""

from __future__ import annotations

from datetime import date

from ..calendar import WorkCalendar, cn_date
from ..errors import RuleError
from .count import Counted
from .replay import Replayed
from .results import Deadline, RequestState, Step, StepKind


def conclude(
    replayed: Replayed, counted: Counted, as_of: date, cal: WorkCalendar, *, explain: bool = True
) -> Deadline:
    """The :class:`Deadline` of a running (or paused) request."""
    r = replayed
    steps = [*r.notes, *counted.steps]
    statutory_due = due = counted.due
    custom = r.custom
    if custom is not None:
        if custom.due < statutory_due:
            raise RuleError(
                f"条例第三十五条确定的延迟答复期限（{custom.due.isoformat()}）不能早于法定答复期限"
                f"（{statutory_due.isoformat()}）"
            )
        due = custom.due
        if explain:
            steps.append(
                Step(
                    StepKind.NOTE,
                    custom.on,
                    custom.on,
                    f"{cn_date(custom.on)}依据条例第三十五条确定延迟答复的合理期限为{cn_date(custom.due)}"
                    + (f"（理由：{custom.reason}）" if custom.reason else "")
                    + f"，取代法定期限{cn_date(statutory_due)}。",
                )
            )
    provisional = cal.is_provisional(r.start, due)
    left = cal.workdays_between(as_of, due)
    overdue = as_of > due
    if explain:
        steps.append(
            Step(
                StepKind.DUE,
                due,
                due,
                f"答复期限：{cn_date(due)}"
                + ("（暂停中，随暂停结束日期顺延）" if counted.paused_now else "")
                + (
                    "。注意：期间涉及尚未公布放假安排的年份，按周末和法定节日暂定，公布后须重新计算"
                    if provisional
                    else ""
                )
                + (
                    f"。截至{cn_date(as_of)}已逾期{-left}个工作日"
                    if overdue
                    else f"。截至{cn_date(as_of)}还剩{left}个工作日"
                )
                + "。",
            )
        )
    steps.sort(key=lambda step: (step.kind is StepKind.DUE, step.start))
    return Deadline(
        state=RequestState.PAUSED if counted.paused_now else RequestState.RUNNING,
        due=due,
        statutory_due=statutory_due,
        start=r.start,
        receipt=r.receipt,
        limit=counted.limit,
        as_of=as_of,
        workdays_left=left,
        overdue=overdue,
        provisional=provisional,
        outcome=None,
        steps=tuple(steps),
        consultations=r.consultations,
        fee_payment_due=r.fee_due,
        correction_window_end=r.window_end,
        extended=r.extension is not None,
        custom=custom is not None,
    )
