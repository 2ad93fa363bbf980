"""Stage 3 of the request clock: count the working days.

:func:`count` merges the pauses (overlaps count once; an open one runs to ``as_of``), checks the
extension against the period it extends (Art. 33 ¶2), and walks the period from the day after
its start: the days that count, the pauses that do not, a pause that starts after the period ran
out noted as harmless. The result is the statutory due date and the COUNT and PAUSE steps
that tile the days up to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..calendar import WorkCalendar, cn_date
from ..errors import RuleError
from .explainer import Explainer, span
from .replay import Pause, Replayed
from .results import Consultation, Step
from .rules import ANSWER_DAYS, CONSULTATION_REPLY_DAYS, EXTENSION_DAYS, FEE_PAYMENT_DAYS, ONE_DAY


@dataclass(frozen=True)
class Counted:
    """The statutory due date, the period's length, and whether a pause runs on ``as_of``."""

    due: date
    base_due: date  # the due date without the extension
    limit: int
    paused_now: bool
    steps: tuple[Step, ...]


def merge_pauses(pauses: Sequence[Pause], as_of: date) -> list[tuple[date, date, list[Pause]]]:
    """Pauses as inclusive intervals (open ones end on ``as_of``), overlaps merged."""
    spans: list[tuple[date, date, list[Pause]]] = []
    for p in sorted(pauses, key=lambda p: p.start):
        end = p.last_day(as_of)
        if spans and p.start <= spans[-1][1]:
            s, e, members = spans[-1]
            spans[-1] = (s, max(e, end), [*members, p])
        else:
            spans.append((p.start, end, [p]))
    return spans


def pause_notes(
    members: list[Pause], consultations: Sequence[Consultation], fee_due: date | None, as_of: date
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
        if p.cap is not None and (p.end is None or p.end > p.cap) and as_of > p.cap:
            who = "第三方" if p.kind == "third_party" else "被征求意见机关"
            notes.append(
                f"；{who}在答复期限内未答复，自{cn_date(p.cap + ONE_DAY)}起恢复计算，"
                "由本机关依法决定（条例第三十二条、第三十四条）"
            )
        elif p.running_on(as_of):
            notes.append(f"；截至{cn_date(as_of)}尚未结束，答复期限将随之顺延")
    return "".join(notes)


def check_pauses(replayed: Replayed) -> None:
    """No pause starts before the period does, or ends before it starts."""
    for p in replayed.pauses:
        if p.start < replayed.start:
            raise RuleError("暂停不能早于答复期限的起算日（条例第三十条、第三十一条）")
        if p.end is not None and p.end < p.start:
            raise RuleError(f"暂停结束日 {p.end.isoformat()} 早于开始日 {p.start.isoformat()}")


def count(replayed: Replayed, as_of: date, cal: WorkCalendar, *, explain: bool = True) -> Counted:
    """The statutory due date of a running request and the steps that count to it."""
    r = replayed
    check_pauses(r)
    ex = Explainer(cal, explain)
    spans = merge_pauses(r.pauses, as_of)
    interval = [(s, e) for s, e, _ in spans]
    base_due = cal.add_workdays_excluding(r.start, ANSWER_DAYS, interval)
    limit = ANSWER_DAYS
    if r.extension is not None:
        if r.extension.on < r.start:
            raise RuleError("延长答复期限应在答复期限起算之后批准（条例第三十三条第二款）")
        if r.extension.on > base_due:
            raise RuleError(
                f"延长答复期限应在期限届满（{base_due.isoformat()}）前经工作机构负责人同意并告知申请人"
                f"（条例第三十三条第二款），{r.extension.on.isoformat()} 已经逾期"
            )
        limit += EXTENSION_DAYS

    paused_now = False
    pos = r.start
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
        if s <= as_of and any(p.running_on(as_of) for p in members):
            paused_now = True
        if ex.enabled:
            label = "、".join(dict.fromkeys(p.label for p in members))
            articles = "；".join(dict.fromkeys(p.article for p in members))
            if e >= a:
                ex.pause(
                    a, e, label, articles, pause_notes(members, r.consultations, r.fee_due, as_of)
                )
            else:
                ex.note(s, f"{span(s, e)}{label}：这段时间本就不计入期限，无需顺延。")
        pos = max(pos, e)

    due = cal.add_workdays(pos, remaining)
    if due > pos:
        ex.count(pos + ONE_DAY, due, limit - remaining + 1)
    if r.extension is not None:
        ex.note(
            r.extension.on,
            f"{cn_date(r.extension.on)}经政府信息公开工作机构负责人同意延长答复期限{EXTENSION_DAYS}个工作日"
            f"（条例第三十三条第二款）：原期限{cn_date(base_due)}，延长后共{limit}个工作日。",
        )
    return Counted(due, base_due, limit, paused_now, tuple(ex.steps))
