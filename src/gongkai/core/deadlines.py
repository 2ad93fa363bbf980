"""Statutory deadlines of the 《政府信息公开条例》 (国务院令第711号), computed from an event log.

Stable API (the web side calls these; time is always an argument)
-----------------------------------------------------------------
::

    deadline = compute_deadline(events, as_of=today, calendar=None)   # -> Deadline
    deadline.due, .workdays_left, .overdue, .provisional, .state, .outcome, .steps
    deadline.as_dict()                                                  # JSON-ready

    due_date(received, pauses=((start, end), …), extended=False)       # the fast path -> date
    publication_deadline(formed_or_changed, as_of=today)               # Art. 26 -> Deadline
    annual_report_deadline(year, government_report=False)              # Art. 49 -> AnnualReportDeadline

Events are immutable dataclasses, given in the order they happened (same-day events keep their
order): :class:`Received` (first, exactly once), :class:`CorrectionRequested`,
:class:`CorrectionReceived`, :class:`ThirdPartyConsulted` / :class:`ThirdPartyAnswered`,
:class:`AgencyConsulted` / :class:`AgencyAnswered`, :class:`FeeNoticeSent` / :class:`FeePaid`,
:class:`Paused` (a closed pause in one event), :class:`ExtensionApproved`,
:class:`CustomDueDateSet`. The due date is never stored by hand:
recompute it whenever an event is added or the calendar changes.

The rules
---------
* Art. 31 — the day of receipt: in person, the day of submission; by mail, the day the agency
  signs for it (registered mail) or, for ordinary mail, the day it confirms receipt with the
  applicant (``confirmed_on``); online or by fax, the day both sides confirm (``confirmed_on``,
  else the day it arrived, taken as confirmed that day); e-mail, the day the agency's mail system
  receives it (国办公开办函〔2015〕207号).
* Art. 33 ¶2 — answer within 20 working days of receipt; the day of receipt is not counted, day 1
  is the first working day after it (《民法典》 Art. 201). An extension approved by the head of the
  工作机构 adds at most 20 working days, once, and must be approved before the period runs out.
* Art. 30 — a request for 补正 must be made within 7 working days of receipt, once; the period
  restarts from the day the corrected application is received. No correction by the applicant's
  deadline: the request ends (Table 3 （六）1, ``other.no_correction``).
* Art. 32, Art. 33 ¶3, Art. 34 — time spent consulting a third party or another agency is not
  counted. A third party (and, for co-produced information, an agency) has 15 working days to
  reply; the date is shown (counted from sending, as the agency rarely knows the day of delivery).
* 国办函〔2020〕109号 — time from the fee notice to payment is not counted; payment is due within
  20 working days from the day after the applicant receives the notice. Unpaid by then: the
  request ends (Table 3 （六）2, ``other.no_fee_paid`` in the 2021 format).
* Art. 35 — for a request of excessive volume or frequency with reasonable grounds the agency may
  set a later, reasonable due date (:class:`CustomDueDateSet`); it replaces the statutory one.
* Pauses: the days from the day a pause starts to the day it ends, both inclusive, are not
  counted (自…之日起至…之日止). Overlapping pauses count once. A pause that begins after the
  period has run out does not revive it.
* Art. 26 — proactive information is published within 20 working days of being formed or changed.
* Art. 49 — annual reports are published by 31 January (a department's report); the report of a
  people's government at county level or above, by 31 March.

Bad input raises :class:`~gongkai.core.errors.RuleError` with a Chinese message naming the rule:
events out of order, a pause that ends before it starts, a 补正 after its window or a second one,
a second extension, a late payment, a date the calendar does not cover. Never a wrong date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from .calendar import WorkCalendar, cn_date, default_calendar, weekday_name
from .errors import CalendarUnavailable, RuleError
from .formats import FORMATS, format_for_year

ANSWER_DAYS = 20  # Art. 33 ¶2
EXTENSION_DAYS = 20  # Art. 33 ¶2
CORRECTION_WINDOW = 7  # Art. 30
CONSULTATION_REPLY_DAYS = 15  # Art. 32, Art. 34
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号
PUBLICATION_DAYS = 20  # Art. 26

ONE_DAY = timedelta(days=1)


# ====================================================================== events


class Channel(StrEnum):
    """How an application arrived (Art. 29, Art. 31)."""

    IN_PERSON = "当面"
    MAIL = "邮寄"
    ONLINE = "网络"
    FAX = "传真"
    EMAIL = "电子邮件"


@dataclass(frozen=True)
class Received:
    """The application arrived on ``on`` through ``channel`` (Art. 31).

    ``confirmed_on``: for ordinary mail, the day the agency confirmed receipt with the applicant;
    online or by fax, the day both sides confirmed. It becomes the day of receipt.
    """

    on: date
    channel: Channel = Channel.IN_PERSON
    confirmed_on: date | None = None


@dataclass(frozen=True)
class CorrectionRequested:
    """The agency asked, once, for 补正 (Art. 30); ``reply_by`` is the deadline it gave."""

    on: date
    reply_by: date | None = None


@dataclass(frozen=True)
class CorrectionReceived:
    """The corrected application arrived; the period restarts from this day (Art. 30)."""

    on: date


@dataclass(frozen=True)
class ThirdPartyConsulted:
    """A written consultation of a third party was sent (Art. 32)."""

    on: date
    party: str = ""


@dataclass(frozen=True)
class ThirdPartyAnswered:
    """The third party's opinion arrived, or the agency closed the consultation (Art. 32)."""

    on: date
    party: str = ""


@dataclass(frozen=True)
class AgencyConsulted:
    """Another agency was consulted (Art. 33 ¶3; co-produced information, Art. 34)."""

    on: date
    agency: str = ""


@dataclass(frozen=True)
class AgencyAnswered:
    """The consulted agency answered (Art. 33 ¶3, Art. 34)."""

    on: date
    agency: str = ""


@dataclass(frozen=True)
class FeeNoticeSent:
    """A 收费通知 was sent (国办函〔2020〕109号); ``received_on``: the day the applicant got it."""

    on: date
    received_on: date | None = None


@dataclass(frozen=True)
class FeePaid:
    """The applicant paid the 信息处理费."""

    on: date


@dataclass(frozen=True)
class Paused:
    """A closed span of time that does not count, recorded in one event (``on`` to ``until``,
    both inclusive) — for imports and the calculator, when the individual consultation events
    are not at hand. ``reason`` names what it was (征求第三方意见 …); Art. 32, Art. 33 ¶3."""

    on: date
    until: date
    reason: str = ""


@dataclass(frozen=True)
class ExtensionApproved:
    """The head of the 工作机构 approved an extension of 20 working days (Art. 33 ¶2)."""

    on: date


@dataclass(frozen=True)
class CustomDueDateSet:
    """A reasonable later due date set under Art. 35 and told to the applicant."""

    on: date
    due: date
    reason: str = ""


Event = (
    Received
    | CorrectionRequested
    | CorrectionReceived
    | ThirdPartyConsulted
    | ThirdPartyAnswered
    | AgencyConsulted
    | AgencyAnswered
    | FeeNoticeSent
    | FeePaid
    | Paused
    | ExtensionApproved
    | CustomDueDateSet
)


# ====================================================================== results


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


# ====================================================================== helpers


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _span(a: date, b: date) -> str:
    if a == b:
        return f"{a.year}年{_md(a)}"
    if a.year == b.year:
        return f"{a.year}年{_md(a)}至{_md(b)}"
    return f"{a.year}年{_md(a)}至{b.year}年{_md(b)}"


def _runs(skipped: Sequence[SkippedDay]) -> str:
    """``9月27日（周六）、10月1日至10月8日（国庆节放假）`` — consecutive days with one reason
    are joined; runs of weekend days keep their own reasons."""
    parts: list[str] = []
    i = 0
    while i < len(skipped):
        j = i
        while (
            j + 1 < len(skipped)
            and skipped[j + 1].day == skipped[j].day + ONE_DAY
            and skipped[j + 1].reason == skipped[i].reason
            and skipped[i].reason not in ("周六", "周日")
        ):
            j += 1
        a, b = skipped[i].day, skipped[j].day
        parts.append(
            f"{_md(a)}（{skipped[i].reason}）"
            if a == b
            else f"{_md(a)}至{_md(b)}（{skipped[i].reason}）"
        )
        i = j + 1
    return "、".join(parts)


@dataclass
class _Pause:
    kind: str  # "third_party", "agency", "fee" or "other" (a recorded Paused span)
    name: str
    start: date
    end: date | None
    label: str
    article: str

    @property
    def open(self) -> bool:
        """Not ended yet (a consultation unanswered, a fee unpaid): it runs up to ``as_of``."""
        return self.end is None


@dataclass
class _Explainer:
    cal: WorkCalendar
    enabled: bool = True
    steps: list[Step] = field(default_factory=list)

    def note(self, day: date, text: str) -> None:
        if self.enabled:
            self.steps.append(Step(StepKind.NOTE, day, day, text))

    def _skipped(self, a: date, b: date) -> tuple[tuple[SkippedDay, ...], int]:
        """The days off in a..b (inclusive) and the number of working days there."""
        skipped = tuple(SkippedDay(d.day, d.reason) for d in self.cal.days_off(a, b))
        return skipped, (b - a).days + 1 - len(skipped)

    def count(self, a: date, b: date, first: int) -> None:
        """A COUNT step over a..b (inclusive), numbering its working days from ``first``."""
        if not self.enabled:
            return
        skipped, counted = self._skipped(a, b)
        makeup_days = self.cal.makeup_days(a, b)
        text = f"{_span(a, b)}：计入第{first}至第{first + counted - 1}个工作日，共{counted}个"
        if counted == 1:
            text = f"{_span(a, b)}：计入第{first}个工作日，共1个"
        if skipped:
            text += f"；不计：{_runs(skipped)}"
        if makeup_days:
            names = "、".join(
                f"{_md(d.day)}（{d.name}调休，{weekday_name(d.day)}上班）" for d in makeup_days
            )
            text += f"；调休上班日照常计入：{names}"
        makeup = tuple(d.day for d in makeup_days)
        self.steps.append(Step(StepKind.COUNT, a, b, text + "。", counted, 0, skipped, makeup))

    def pause(self, a: date, b: date, label: str, article: str, extra: str) -> None:
        """A PAUSE step over a..b (inclusive): working days there do not count."""
        if not self.enabled:
            return
        skipped, paused = self._skipped(a, b)
        text = f"{_span(a, b)}：{label}，不计入期限（{article}），其中{paused}个工作日不计算"
        if skipped:
            text += f"，另有非工作日：{_runs(skipped)}"
        self.steps.append(Step(StepKind.PAUSE, a, b, text + extra + "。", 0, paused, skipped))


def _merge(pauses: list[_Pause], as_of: date) -> list[tuple[date, date, list[_Pause]]]:
    """Pauses as inclusive intervals (open ones end on ``as_of``), overlaps merged."""
    spans: list[tuple[date, date, list[_Pause]]] = []
    for p in sorted(pauses, key=lambda p: p.start):
        end = p.end if p.end is not None else max(as_of, p.start)
        if spans and p.start <= spans[-1][1]:
            s, e, members = spans[-1]
            spans[-1] = (s, max(e, end), [*members, p])
        else:
            spans.append((p.start, end, [p]))
    return spans


def _pause_notes(
    members: list[_Pause], consultations: list[Consultation], fee_due: date | None, as_of: date
) -> str:
    """What the explanation adds to a pause: the reply or payment deadline each part of it
    runs to (条例第三十二条、第三十四条; 109号), and whether it is still running."""
    notes = []
    for p in members:
        for c in consultations:
            if c.sent == p.start and c.kind == p.kind and c.name == p.name:
                third = c.kind == "third_party"
                notes.append(
                    f"；{'第三方' if third else '被征求意见机关'}"
                    f"答复期限至{cn_date(c.reply_due)}（{CONSULTATION_REPLY_DAYS}个工作日，"
                    f"{'条例第三十二条' if third else '条例第三十四条'}）"
                )
                break
        if p.kind == "fee" and fee_due is not None:
            notes.append(
                f"；缴费期限至{cn_date(fee_due)}，即收到通知次日起{FEE_PAYMENT_DAYS}个工作日"
            )
        if p.open:
            notes.append(f"；截至{cn_date(as_of)}尚未结束，答复期限将随之顺延")
    return "".join(notes)


def _receipt_day(event: Received) -> tuple[date, str]:
    """The day of receipt under Art. 31 and the sentence explaining it."""
    on, confirmed = event.on, event.confirmed_on
    if confirmed is not None and confirmed < on:
        raise RuleError(
            f"确认日期 {confirmed.isoformat()} 早于申请到达日期 {on.isoformat()}："
            "条例第三十一条的确认只能在收到申请之后"
        )
    channel = event.channel
    if channel is Channel.IN_PERSON:
        if confirmed is not None and confirmed != on:
            raise RuleError(
                "当面提交的申请以提交之日为收到申请之日（条例第三十一条第一项），不需要确认日期"
            )
        return on, f"{cn_date(on)}当面提交申请，提交之日即为收到申请之日（条例第三十一条第一项）"
    if channel is Channel.MAIL:
        if confirmed is not None:
            return confirmed, (
                f"{cn_date(on)}收到平常信函，{cn_date(confirmed)}与申请人确认，"
                "确认之日为收到申请之日（条例第三十一条第二项）"
            )
        return on, f"{cn_date(on)}签收邮寄的申请，签收之日为收到申请之日（条例第三十一条第二项）"
    if channel is Channel.EMAIL:
        return on, (
            f"{cn_date(on)}电子邮件到达本机关邮件系统，以该日为收到申请之日"
            "（条例第三十一条，国办公开办函〔2015〕207号）"
        )
    how = "通过互联网渠道" if channel is Channel.ONLINE else "通过传真"
    if confirmed is not None:
        return confirmed, (
            f"{cn_date(on)}{how}提交申请，{cn_date(confirmed)}双方确认，"
            "确认之日为收到申请之日（条例第三十一条第三项）"
        )
    return on, (
        f"{cn_date(on)}{how}提交申请，当日双方确认，以该日为收到申请之日（条例第三十一条第三项）"
    )


def _ended_outcome(year: int, key_2021: str) -> str:
    """The table-3 row key of an abandoned request in the format of ``year``."""
    try:
        fmt = format_for_year(year)
    except LookupError:
        fmt = FORMATS["2021"]
    return key_2021 if key_2021 in fmt.outcome_rows else "other"


# ====================================================================== the request clock


def compute_deadline(
    events: Sequence[Event],
    *,
    as_of: date,
    calendar: WorkCalendar | None = None,
    explain: bool = True,
) -> Deadline:
    """The due date of a disclosure request from its event log, explained step by step.

    See the module docstring for the rules (Art. 30–35 of the 条例, 国办函〔2020〕109号).
    Raises RuleError (Chinese message naming the rule) for an impossible event log.
    ``explain=False`` leaves ``steps`` empty and is many times faster (lists of requests);
    everything else, including every check of the log, is the same.
    """
    cal = calendar if calendar is not None else default_calendar()
    try:
        return _compute(list(events), as_of, cal, explain)
    except CalendarUnavailable as exc:
        raise RuleError(f"无法计算期限：{exc}") from exc


def _compute(events: list[Event], as_of: date, cal: WorkCalendar, explain: bool) -> Deadline:
    if not events or not isinstance(events[0], Received):
        raise RuleError("事件记录必须以“收到申请”开始（条例第三十一条）")
    for before, after in pairwise(events):
        if after.on < before.on:
            raise RuleError(
                f"事件顺序错误：{after.on.isoformat()} 的事件排在 {before.on.isoformat()} 之后，"
                "请按发生日期先后记录"
            )
    first = events[0]
    assert isinstance(first, Received)
    receipt, receipt_text = _receipt_day(first)
    ex = _Explainer(cal, explain)
    ex.note(
        receipt,
        f"{receipt_text}。答复期限为{ANSWER_DAYS}个工作日，自次日起算"
        "（条例第三十三条第二款；期间开始之日不计入）。",
    )
    window_end = cal.add_workdays(receipt, CORRECTION_WINDOW)

    start = receipt
    correction_asked: CorrectionRequested | None = None
    correction_done = False
    pauses: list[_Pause] = []
    open_pauses: dict[tuple[str, str], list[_Pause]] = {}
    consultations: list[Consultation] = []
    extension: ExtensionApproved | None = None
    custom: CustomDueDateSet | None = None
    fee_notice: FeeNoticeSent | None = None
    fee_due: date | None = None
    fee_paid: FeePaid | None = None

    def waiting() -> bool:
        return correction_asked is not None and not correction_done

    for event in events[1:]:
        if isinstance(event, Received):
            raise RuleError("一件申请只能有一个“收到申请”事件；再次提交的申请应另行登记")
        if fee_due is not None and fee_paid is None and event.on > fee_due:
            raise RuleError(
                f"缴费期限已于 {fee_due.isoformat()} 届满；逾期未缴费的，视为放弃申请，不再处理"
                "（国办函〔2020〕109号），之后不能再记录其他事件"
            )
        if isinstance(event, CorrectionRequested):
            if correction_asked is not None:
                raise RuleError("补正只能一次性告知（条例第三十条），不能第二次要求补正")
            if event.on > window_end:
                raise RuleError(
                    f"补正告知应在收到申请之日起7个工作日内（条例第三十条），即不晚于"
                    f"{window_end.isoformat()}；{event.on.isoformat()} 已超过期限"
                )
            if any(p.open for p in pauses) or (fee_notice is not None and fee_paid is None):
                raise RuleError(
                    "仍在征求意见或等待缴费时不能要求补正；请先记录答复或缴费（条例第三十条）"
                )
            if event.reply_by is not None and event.reply_by <= event.on:
                raise RuleError("补正期限应晚于告知补正之日（条例第三十条：合理的补正期限）")
            correction_asked = event
            ex.note(
                event.on,
                f"{cn_date(event.on)}一次性告知申请人补正（条例第三十条：收到申请之日起7个工作日内，"
                f"最迟{cn_date(window_end)}）"
                + (f"，补正期限至{cn_date(event.reply_by)}" if event.reply_by else "")
                + "。补正前不计算答复期限。",
            )
            continue
        if isinstance(event, CorrectionReceived):
            if correction_asked is None:
                raise RuleError("没有告知补正，不能记录“收到补正”（条例第三十条）")
            if correction_done:
                raise RuleError("补正只有一次（条例第三十条），不能第二次记录“收到补正”")
            if correction_asked.reply_by is not None and event.on > correction_asked.reply_by:
                raise RuleError(
                    f"申请人在补正期限（{correction_asked.reply_by.isoformat()}）之后才补正："
                    "逾期不补正的视为放弃申请（条例第三十条）；如有正当理由，请先延长补正期限"
                )
            correction_done = True
            start = event.on
            if pauses:
                ex.note(event.on, "补正前的暂停不再影响期限，因为期限自收到补正之日重新计算。")
            pauses = []
            ex.note(
                event.on,
                f"{cn_date(event.on)}收到补正后的申请，答复期限自次日起重新计算{ANSWER_DAYS}个工作日"
                "（条例第三十条）。",
            )
            continue
        if waiting():
            raise RuleError(
                f"{event.on.isoformat()}：等待申请人补正期间答复期限尚未重新起算（条例第三十条），"
                "请先记录“收到补正”"
            )
        if isinstance(event, ThirdPartyConsulted | AgencyConsulted):
            third = isinstance(event, ThirdPartyConsulted)
            name = event.party if isinstance(event, ThirdPartyConsulted) else event.agency
            key = ("third_party" if third else "agency", name)
            label = (
                f"征求第三方{('（' + name + '）') if name else ''}意见"
                if third
                else f"征求其他机关{('（' + name + '）') if name else ''}意见"
            )
            article = (
                "条例第三十二条、第三十三条第三款" if third else "条例第三十三条第三款、第三十四条"
            )
            pause = _Pause(key[0], name, event.on, None, label, article)
            pauses.append(pause)
            open_pauses.setdefault(key, []).append(pause)
            reply_due = cal.add_workdays(event.on, CONSULTATION_REPLY_DAYS)
            consultations.append(Consultation(key[0], name, event.on, reply_due, None))
            continue
        if isinstance(event, ThirdPartyAnswered | AgencyAnswered):
            third = isinstance(event, ThirdPartyAnswered)
            name = event.party if isinstance(event, ThirdPartyAnswered) else event.agency
            key = ("third_party" if third else "agency", name)
            stack = open_pauses.get(key)
            if not stack:
                who = "第三方" if third else "其他机关"
                raise RuleError(
                    f"{event.on.isoformat()} 记录了{who}{('（' + name + '）') if name else ''}的答复，"
                    "但此前没有发出征求意见：暂停不能在开始之前结束"
                    f"（{'条例第三十二条' if third else '条例第三十三条第三款'}）"
                )
            pause = stack.pop(0)
            pause.end = event.on
            for n, c in enumerate(consultations):
                if (
                    c.kind == key[0]
                    and c.name == name
                    and c.sent == pause.start
                    and c.answered is None
                ):
                    consultations[n] = Consultation(c.kind, c.name, c.sent, c.reply_due, event.on)
                    break
            continue
        if isinstance(event, Paused):
            if event.until < event.on:
                raise RuleError(
                    f"暂停结束日 {event.until.isoformat()} 早于开始日 {event.on.isoformat()}："
                    "暂停不能在开始之前结束"
                )
            reason = event.reason or "征求意见等依法不计入期限的时间"
            pauses.append(
                _Pause(
                    "other",
                    "",
                    event.on,
                    event.until,
                    reason,
                    "条例第三十二条、第三十三条第三款",
                )
            )
            continue
        if isinstance(event, FeeNoticeSent):
            if fee_notice is not None:
                raise RuleError("收费通知只能发出一次（国办函〔2020〕109号）")
            delivered = event.received_on or event.on
            if delivered < event.on:
                raise RuleError("申请人收到收费通知的日期不能早于发出日期（国办函〔2020〕109号）")
            fee_notice = event
            fee_due = cal.add_workdays(delivered, FEE_PAYMENT_DAYS)
            pauses.append(
                _Pause("fee", "", event.on, None, "等待申请人缴纳信息处理费", "国办函〔2020〕109号")
            )
            continue
        if isinstance(event, FeePaid):
            if fee_notice is None or fee_due is None:
                raise RuleError("没有发出收费通知，不能记录缴费（国办函〔2020〕109号）")
            if fee_paid is not None:
                raise RuleError("已经记录过缴费")
            fee_paid = event
            for p in pauses:
                if p.kind == "fee" and p.open:
                    p.end = event.on
            continue
        if isinstance(event, ExtensionApproved):
            if extension is not None:
                raise RuleError(
                    "答复期限只能延长一次，延长的期限最长不超过20个工作日（条例第三十三条第二款）"
                )
            extension = event
            continue
        if isinstance(event, CustomDueDateSet):
            if event.due <= event.on:
                raise RuleError("条例第三十五条确定的答复期限应晚于作出决定之日")
            custom = event
            continue
        raise RuleError(f"无法识别的事件：{type(event).__name__}")

    # ---------------------------------------------------------------- open states
    if correction_asked is not None and not correction_done:
        reply_by = correction_asked.reply_by
        if reply_by is not None and as_of > reply_by:
            state = RequestState.ENDED_NO_CORRECTION
            outcome: str | None = _ended_outcome(reply_by.year, "other.no_correction")
            ex.note(
                reply_by,
                f"补正期限已于{cn_date(reply_by)}届满，申请人逾期未补正，视为放弃申请，行政机关不再处理"
                "（条例第三十条；年报表三“其他处理”）。",
            )
        else:
            state, outcome = RequestState.AWAITING_CORRECTION, None
            ex.note(as_of, "正在等待申请人补正；收到补正后答复期限重新计算（条例第三十条）。")
        return Deadline(
            state=state,
            due=None,
            statutory_due=None,
            start=None,
            receipt=receipt,
            limit=ANSWER_DAYS,
            as_of=as_of,
            workdays_left=None,
            overdue=False,
            provisional=False,
            outcome=outcome,
            steps=tuple(ex.steps),
            consultations=tuple(consultations),
            correction_window_end=window_end,
        )

    if fee_notice is not None and fee_paid is None and fee_due is not None and as_of > fee_due:
        ex.note(
            fee_due,
            f"缴费期限（收到收费通知次日起{FEE_PAYMENT_DAYS}个工作日）已于{cn_date(fee_due)}届满，申请人逾期未缴纳信息处理费，"
            "视为放弃申请，行政机关不再处理（国办函〔2020〕109号；年报表三“其他处理”）。",
        )
        return Deadline(
            state=RequestState.ENDED_FEE_UNPAID,
            due=None,
            statutory_due=None,
            start=start,
            receipt=receipt,
            limit=ANSWER_DAYS,
            as_of=as_of,
            workdays_left=None,
            overdue=False,
            provisional=False,
            outcome=_ended_outcome(fee_due.year, "other.no_fee_paid"),
            steps=tuple(ex.steps),
            consultations=tuple(consultations),
            fee_payment_due=fee_due,
            correction_window_end=window_end,
        )

    for p in pauses:
        if p.start < start:
            raise RuleError("暂停不能早于答复期限的起算日（条例第三十条、第三十一条）")
        if p.end is not None and p.end < p.start:
            raise RuleError(f"暂停结束日 {p.end.isoformat()} 早于开始日 {p.start.isoformat()}")

    # ---------------------------------------------------------------- the count
    spans = _merge(pauses, as_of)
    interval = [(s, e) for s, e, _ in spans]
    base_due = cal.add_workdays_excluding(start, ANSWER_DAYS, interval)
    limit = ANSWER_DAYS
    if extension is not None:
        if extension.on < start:
            raise RuleError("延长答复期限应在答复期限起算之后批准（条例第三十三条第二款）")
        if extension.on > base_due:
            raise RuleError(
                f"延长答复期限应在期限届满（{base_due.isoformat()}）前经工作机构负责人同意并告知申请人"
                f"（条例第三十三条第二款），{extension.on.isoformat()} 已经逾期"
            )
        limit += EXTENSION_DAYS

    paused_now = False
    pos = start
    remaining = limit
    for s, e, members in spans:
        seg_end = s - ONE_DAY
        available = cal.workdays_between(pos, seg_end) if seg_end > pos else 0
        if available >= remaining:
            for p in members if ex.enabled else ():
                ex.note(p.start, f"{cn_date(p.start)}开始{p.label}时期限已届满，不影响答复期限。")
            continue
        if seg_end > pos:
            ex.count(pos + ONE_DAY, seg_end, limit - remaining + 1)
            remaining -= available
        a = max(s, pos + ONE_DAY)
        if s <= as_of and any(p.open for p in members):
            paused_now = True
        if ex.enabled:
            label = "、".join(dict.fromkeys(p.label for p in members))
            articles = "；".join(dict.fromkeys(p.article for p in members))
            if e >= a:
                ex.pause(
                    a, e, label, articles, _pause_notes(members, consultations, fee_due, as_of)
                )
            else:
                ex.note(s, f"{_span(s, e)}{label}：这段时间本就不计入期限，无需顺延。")
        pos = max(pos, e)

    due = cal.add_workdays(pos, remaining)
    if due > pos:
        ex.count(pos + ONE_DAY, due, limit - remaining + 1)
    if extension is not None:
        ex.note(
            extension.on,
            f"{cn_date(extension.on)}经政府信息公开工作机构负责人同意延长答复期限{EXTENSION_DAYS}个工作日"
            f"（条例第三十三条第二款）：原期限{cn_date(base_due)}，延长后共{limit}个工作日。",
        )
    statutory_due = due
    if custom is not None:
        if custom.due < statutory_due:
            raise RuleError(
                f"条例第三十五条确定的延迟答复期限（{custom.due.isoformat()}）不能早于法定答复期限"
                f"（{statutory_due.isoformat()}）"
            )
        due = custom.due
        ex.note(
            custom.on,
            f"{cn_date(custom.on)}依据条例第三十五条确定延迟答复的合理期限为{cn_date(custom.due)}"
            + (f"（理由：{custom.reason}）" if custom.reason else "")
            + f"，取代法定期限{cn_date(statutory_due)}。",
        )
    provisional = cal.is_provisional(start, due)
    left = cal.workdays_between(as_of, due)
    overdue = as_of > due
    if explain:
        ex.steps.append(
            Step(
                StepKind.DUE,
                due,
                due,
                f"答复期限：{cn_date(due)}"
                + ("（暂停中，随暂停结束日期顺延）" if paused_now else "")
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
    ex.steps.sort(key=lambda step: (step.kind is StepKind.DUE, step.start))
    return Deadline(
        state=RequestState.PAUSED if paused_now else RequestState.RUNNING,
        due=due,
        statutory_due=statutory_due,
        start=start,
        receipt=receipt,
        limit=limit,
        as_of=as_of,
        workdays_left=left,
        overdue=overdue,
        provisional=provisional,
        outcome=None,
        steps=tuple(ex.steps),
        consultations=tuple(consultations),
        fee_payment_due=fee_due,
        correction_window_end=window_end,
        extended=extension is not None,
        custom=custom is not None,
    )


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


# ====================================================================== other deadlines


def publication_deadline(
    formed_or_changed: date, *, as_of: date, calendar: WorkCalendar | None = None
) -> Deadline:
    """Proactive information is published within 20 working days of the day it is formed or
    changed (条例 Art. 26), unless a law or regulation sets another period."""
    cal = calendar if calendar is not None else default_calendar()
    try:
        ex = _Explainer(cal)
        ex.note(
            formed_or_changed,
            f"{cn_date(formed_or_changed)}政府信息形成或者变更，应自该日起{PUBLICATION_DAYS}个工作日内"
            "及时公开（条例第二十六条），自次日起算。",
        )
        due = cal.add_workdays(formed_or_changed, PUBLICATION_DAYS)
        ex.count(formed_or_changed + ONE_DAY, due, 1)
        provisional = cal.is_provisional(formed_or_changed, due)
        left = cal.workdays_between(as_of, due)
    except CalendarUnavailable as exc:
        raise RuleError(f"无法计算期限：{exc}") from exc
    ex.steps.append(
        Step(
            StepKind.DUE,
            due,
            due,
            f"公开期限：{cn_date(due)}"
            + ("（涉及尚未公布放假安排的年份，暂定）" if provisional else "")
            + "。",
        )
    )
    return Deadline(
        state=RequestState.RUNNING,
        due=due,
        statutory_due=due,
        start=formed_or_changed,
        receipt=formed_or_changed,
        limit=PUBLICATION_DAYS,
        as_of=as_of,
        workdays_left=left,
        overdue=as_of > due,
        provisional=provisional,
        outcome=None,
        steps=tuple(ex.steps),
    )


def annual_report_deadline(year: int, *, government_report: bool = False) -> AnnualReportDeadline:
    """When the annual report on ``year`` is due (条例 Art. 49): a department publishes its
    report by 1月31日 of the next year; the 政府信息公开工作主管部门 of a people's government at
    county level or above publishes the government's own (本级政府) report by 3月31日."""
    if year < 2019:
        raise RuleError("年度报告期限按2019年修订的条例计算，只支持2019年度及以后的报告")
    if government_report:
        return AnnualReportDeadline(
            year,
            date(year + 1, 3, 31),
            f"本级人民政府{year}年度报告应于{year + 1}年3月31日前公布（条例第四十九条）",
        )
    return AnnualReportDeadline(
        year,
        date(year + 1, 1, 31),
        f"{year}年度报告应于{year + 1}年1月31日前向本级政府信息公开工作主管部门提交并向社会公布"
        "（条例第四十九条）",
    )


__all__ = [
    "ANSWER_DAYS",
    "CONSULTATION_REPLY_DAYS",
    "CORRECTION_WINDOW",
    "EXTENSION_DAYS",
    "FEE_PAYMENT_DAYS",
    "PUBLICATION_DAYS",
    "AgencyAnswered",
    "AgencyConsulted",
    "AnnualReportDeadline",
    "Channel",
    "Consultation",
    "CorrectionReceived",
    "CorrectionRequested",
    "CustomDueDateSet",
    "Deadline",
    "Event",
    "ExtensionApproved",
    "FeeNoticeSent",
    "FeePaid",
    "Paused",
    "Received",
    "RequestState",
    "SkippedDay",
    "Step",
    "StepKind",
    "ThirdPartyAnswered",
    "ThirdPartyConsulted",
    "annual_report_deadline",
    "compute_deadline",
    "due_date",
    "publication_deadline",
]
