"""Stage 1 of the request clock: replay the event log.

:func:`replay` checks every event against the rules in force when it happened (Art. 30–35,
国办函〔2020〕109号) and folds the log into a :class:`Replayed` — the day of receipt, the day the
period starts (after a 补正, the day the correction arrived), the pauses, the consultations with
their reply dates, the fee notice, the extension and an Art. 35 due date — plus the notes the
explanation shows for them. It does not count days; that is :mod:`.count`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ..calendar import WorkCalendar, cn_date
from ..errors import RuleError
from .events import (
    AgencyAnswered,
    AgencyConsulted,
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    Event,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    Paused,
    Received,
    ThirdPartyAnswered,
    ThirdPartyConsulted,
)
from .explainer import Explainer
from .receipt import receipt_day
from .results import Consultation, Step
from .rules import ANSWER_DAYS, CONSULTATION_REPLY_DAYS, CORRECTION_WINDOW, FEE_PAYMENT_DAYS


@dataclass
class Pause:
    kind: str  # "third_party", "agency", "fee" or "other" (a recorded Paused span)
    name: str
    start: date
    end: date | None
    label: str
    article: str
    # The last day the pause may last: a consultation's reply date (条例 第三十二条, 第三十四条:
    # 15 working days from the party's receipt). Silence does not stop the clock for ever;
    # after it the agency decides and the period runs again, even if a reply comes later.
    cap: date | None = None

    @property
    def open(self) -> bool:
        """Not ended yet (a consultation unanswered, a fee unpaid): it runs up to ``as_of``."""
        return self.end is None

    def running_on(self, as_of: date) -> bool:
        """Still pausing the clock on ``as_of`` (open, and its reply date not passed)."""
        return self.open and (self.cap is None or as_of <= self.cap)

    def last_day(self, as_of: date) -> date:
        """The inclusive last day not counted, as of ``as_of``."""
        end = self.end if self.end is not None else max(as_of, self.start)
        return min(end, self.cap) if self.cap is not None else end


@dataclass(frozen=True)
class Replayed:
    """The state of a request after its whole log, before any day is counted."""

    receipt: date
    window_end: date  # the last day to ask for 补正 (Art. 30)
    start: date  # the period runs from the day after this one
    correction_asked: CorrectionRequested | None
    correction_done: bool
    pauses: tuple[Pause, ...]
    consultations: tuple[Consultation, ...]
    extension: ExtensionApproved | None
    custom: CustomDueDateSet | None
    fee_notice: FeeNoticeSent | None
    fee_due: date | None
    fee_paid: FeePaid | None
    notes: tuple[Step, ...]

    @property
    def awaiting_correction(self) -> bool:
        return self.correction_asked is not None and not self.correction_done


def check_order(events: Sequence[Event]) -> Received:
    """The log starts with its receipt and is in date order; returns the receipt."""
    if not events or not isinstance(events[0], Received):
        raise RuleError("事件记录必须以“收到申请”开始（条例第三十一条）")
    for before, after in pairwise(events):
        if after.on < before.on:
            raise RuleError(
                f"事件顺序错误：{after.on.isoformat()} 的事件排在 {before.on.isoformat()} 之后，"
                "请按发生日期先后记录"
            )
    return events[0]


def replay(events: Sequence[Event], cal: WorkCalendar, *, explain: bool = True) -> Replayed:
    """Check the log and fold it into a :class:`Replayed` (see the module docstring)."""
    first = check_order(events)
    receipt, receipt_text = receipt_day(first)
    ex = Explainer(cal, explain)
    ex.note(
        receipt,
        f"{receipt_text}。答复期限为{ANSWER_DAYS}个工作日，自次日起算"
        "（条例第三十三条第二款；期间开始之日不计入）。",
    )
    window_end = cal.add_workdays(receipt, CORRECTION_WINDOW)

    start = receipt
    correction_asked: CorrectionRequested | None = None
    correction_done = False
    pauses: list[Pause] = []
    open_pauses: dict[tuple[str, str], list[Pause]] = {}
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
            delivered = event.received_on or event.on
            if delivered < event.on:
                raise RuleError(
                    f"对方收到征求意见书的日期 {delivered.isoformat()} 不能早于发出日期 "
                    f"{event.on.isoformat()}"
                )
            # The reply period counts from the party's receipt (条例 第三十二条: 自收到征求意见书
            # 之日起15个工作日内; 第三十四条 likewise), not from sending.
            reply_due = cal.add_workdays(delivered, CONSULTATION_REPLY_DAYS)
            pause = Pause(key[0], name, event.on, None, label, article, cap=reply_due)
            pauses.append(pause)
            open_pauses.setdefault(key, []).append(pause)
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
                Pause(
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
                Pause("fee", "", event.on, None, "等待申请人缴纳信息处理费", "国办函〔2020〕109号")
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

    return Replayed(
        receipt=receipt,
        window_end=window_end,
        start=start,
        correction_asked=correction_asked,
        correction_done=correction_done,
        pauses=tuple(pauses),
        consultations=tuple(consultations),
        extension=extension,
        custom=custom,
        fee_notice=fee_notice,
        fee_due=fee_due,
        fee_paid=fee_paid,
        notes=tuple(ex.steps),
    )
