"""Stage 2 of the request clock: a request whose period is not running.

A request waiting for its 补正 has no due date yet (Art. 30); one whose applicant let the 补正
deadline or the payment deadline pass has ended (Art. 30; 国办函〔2020〕109号) and is counted in
table 3 under “其他处理”. :func:`open_state` returns the :class:`Deadline` of such a request, or
``None`` when the period runs and its days must be counted (:mod:`.count`).
"""

from __future__ import annotations

from datetime import date

from ..calendar import cn_date
from ..formats import current_format, format_for_year
from .replay import Replayed
from .results import Deadline, RequestState, Step, StepKind
from .rules import ANSWER_DAYS, FEE_PAYMENT_DAYS


def ended_outcome(year: int, key_2021: str) -> str:
    """The table-3 row key of an abandoned request in the format of ``year``."""
    try:
        fmt = format_for_year(year)
    except LookupError:
        fmt = current_format()
    return key_2021 if key_2021 in fmt.outcome_rows else "other"


def open_state(replayed: Replayed, as_of: date, *, explain: bool = True) -> Deadline | None:
    """The deadline of a request awaiting or abandoned at 补正, or abandoned unpaid; else None."""
    r = replayed

    def steps(day: date, text: str) -> tuple[Step, ...]:
        return (*r.notes, Step(StepKind.NOTE, day, day, text)) if explain else r.notes

    if r.correction_asked is not None and not r.correction_done:
        reply_by = r.correction_asked.reply_by
        if reply_by is not None and as_of > reply_by:
            state = RequestState.ENDED_NO_CORRECTION
            outcome: str | None = ended_outcome(reply_by.year, "other.no_correction")
            explained = steps(
                reply_by,
                f"补正期限已于{cn_date(reply_by)}届满，申请人逾期未补正，视为放弃申请，行政机关不再处理"
                "（条例第三十条；年报表三“其他处理”）。",
            )
        else:
            state, outcome = RequestState.AWAITING_CORRECTION, None
            explained = steps(
                as_of, "正在等待申请人补正；收到补正后答复期限重新计算（条例第三十条）。"
            )
        return _stopped(r, as_of, state, outcome, explained)

    fee_due = r.fee_due
    if r.fee_notice is not None and r.fee_paid is None and fee_due is not None and as_of > fee_due:
        outcome = ended_outcome(fee_due.year, "other.no_fee_paid")
        explained = steps(
            fee_due,
            f"缴费期限（收到收费通知次日起{FEE_PAYMENT_DAYS}个工作日）已于{cn_date(fee_due)}届满，申请人逾期未缴纳信息处理费，"
            "视为放弃申请，行政机关不再处理（国办函〔2020〕109号；年报表三“其他处理”）。",
        )
        return _stopped(r, as_of, RequestState.ENDED_FEE_UNPAID, outcome, explained)
    return None


def _stopped(
    r: Replayed, as_of: date, state: RequestState, outcome: str | None, steps: tuple[Step, ...]
) -> Deadline:
    """A request without a running period: no due date; an unpaid one keeps its start and fee
    deadline (国办函〔2020〕109号), one at 补正 has no start yet (Art. 30)."""
    fee_ended = state is RequestState.ENDED_FEE_UNPAID
    return Deadline(
        state=state,
        due=None,
        statutory_due=None,
        start=r.start if fee_ended else None,
        receipt=r.receipt,
        limit=ANSWER_DAYS,
        as_of=as_of,
        workdays_left=None,
        overdue=False,
        provisional=False,
        outcome=outcome,
        steps=steps,
        consultations=r.consultations,
        fee_payment_due=r.fee_due if fee_ended else None,
        correction_window_end=r.window_end,
    )
