"""What the clock computes: the deadline, its state and the lines of its explanation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class RequestState(StrEnum):
    """Where the clock of a request stands."""

    RUNNING = "running"
    PAUSED = "paused"
    AWAITING_CORRECTION = "awaiting_correction"
    ENDED_NO_CORRECTION = "ended_no_correction"
    ENDED_FEE_UNPAID = "ended_fee_unpaid"

    @property
    def label(self) -> str:
        return {
            RequestState.RUNNING: "答复期限计算中",
            RequestState.PAUSED: "暂停计算（征求意见或等待缴费）",
            RequestState.AWAITING_CORRECTION: "等待申请人补正",
            RequestState.ENDED_NO_CORRECTION: "申请人逾期未补正，不再处理（其他处理）",
            RequestState.ENDED_FEE_UNPAID: "申请人逾期未缴费，不再处理（其他处理）",
        }[self]


class StepKind(StrEnum):
    NOTE = "note"  # an event or a rule, no days
    COUNT = "count"  # days that count toward the period
    PAUSE = "pause"  # days that do not count
    DUE = "due"  # the conclusion


@dataclass(frozen=True)
class SkippedDay:
    """A day that was not counted, and why (周六, 国庆节放假, 征求第三方意见 …)."""

    day: date
    reason: str


@dataclass(frozen=True)
class Step:
    """One line of the explanation.

    For COUNT and PAUSE steps, every calendar day from ``start`` to ``end`` is either counted
    (``counted``), paused (``paused``, working days inside a pause) or in ``skipped`` (not a
    working day); so ``(end - start).days + 1 == counted + paused + len(skipped)``. COUNT and
    PAUSE steps tile the days after the start of the period up to the due date, and the
    ``counted`` of all COUNT steps add up to the period's length.
    """

    kind: StepKind
    start: date
    end: date
    text: str
    counted: int = 0
    paused: int = 0
    skipped: tuple[SkippedDay, ...] = ()
    makeup: tuple[date, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "counted": self.counted,
            "paused": self.paused,
            "skipped": [{"day": s.day.isoformat(), "reason": s.reason} for s in self.skipped],
            "makeup": [d.isoformat() for d in self.makeup],
            "text": self.text,
        }


@dataclass(frozen=True)
class Consultation:
    """A consultation shown with its reply date (Art. 32 / Art. 34: 15 working days)."""

    kind: str  # "third_party" or "agency"
    name: str
    sent: date
    reply_due: date
    answered: date | None


@dataclass(frozen=True)
class Deadline:
    """The computed deadline of a request (or of a publication, Art. 26)."""

    state: RequestState
    due: date | None
    statutory_due: date | None
    start: date | None
    receipt: date
    limit: int
    as_of: date
    workdays_left: int | None
    overdue: bool
    provisional: bool
    outcome: str | None
    steps: tuple[Step, ...]
    consultations: tuple[Consultation, ...] = ()
    fee_payment_due: date | None = None
    correction_window_end: date | None = None
    extended: bool = False
    custom: bool = False

    @property
    def explanation(self) -> str:
        return "\n".join(step.text for step in self.steps)

    def as_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d is not None else None

        return {
            "due": iso(self.due),
            "statutory_due": iso(self.statutory_due),
            "state": self.state.value,
            "state_label": self.state.label,
            "receipt": iso(self.receipt),
            "start": iso(self.start),
            "limit": self.limit,
            "as_of": iso(self.as_of),
            "workdays_left": self.workdays_left,
            "overdue": self.overdue,
            "provisional": self.provisional,
            "outcome": self.outcome,
            "extended": self.extended,
            "custom": self.custom,
            "fee_payment_due": iso(self.fee_payment_due),
            "correction_window_end": iso(self.correction_window_end),
            "consultations": [
                {
                    "kind": c.kind,
                    "name": c.name,
                    "sent": iso(c.sent),
                    "reply_due": iso(c.reply_due),
                    "answered": iso(c.answered),
                }
                for c in self.consultations
            ],
            "steps": [s.as_dict() for s in self.steps],
        }


@dataclass(frozen=True)
class AnnualReportDeadline:
    """When the annual report on ``year`` must be published (Art. 49)."""

    year: int
    due: date
    rule: str
