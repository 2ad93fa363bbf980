"""Writing the explanation: Chinese dates and spans, and the steps (NOTE, COUNT, PAUSE) a
stage of the clock adds. Disabled (``explain=False``) it writes nothing and costs nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..calendar import WorkCalendar, weekday_name
from .results import SkippedDay, Step, StepKind
from .rules import ONE_DAY


def md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def span(a: date, b: date) -> str:
    if a == b:
        return f"{a.year}年{md(a)}"
    if a.year == b.year:
        return f"{a.year}年{md(a)}至{md(b)}"
    return f"{a.year}年{md(a)}至{b.year}年{md(b)}"


def runs(skipped: Sequence[SkippedDay]) -> str:
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
            f"{md(a)}（{skipped[i].reason}）"
            if a == b
            else f"{md(a)}至{md(b)}（{skipped[i].reason}）"
        )
        i = j + 1
    return "、".join(parts)


@dataclass
class Explainer:
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
        text = f"{span(a, b)}：计入第{first}至第{first + counted - 1}个工作日，共{counted}个"
        if counted == 1:
            text = f"{span(a, b)}：计入第{first}个工作日，共1个"
        if skipped:
            text += f"；不计：{runs(skipped)}"
        if makeup_days:
            names = "、".join(
                f"{md(d.day)}（{d.name}调休，{weekday_name(d.day)}上班）" for d in makeup_days
            )
            text += f"；调休上班日照常计入：{names}"
        makeup = tuple(d.day for d in makeup_days)
        self.steps.append(Step(StepKind.COUNT, a, b, text + "。", counted, 0, skipped, makeup))

    def pause(self, a: date, b: date, label: str, article: str, extra: str) -> None:
        """A PAUSE step over a..b (inclusive): working days there do not count."""
        if not self.enabled:
            return
        skipped, paused = self._skipped(a, b)
        text = f"{span(a, b)}：{label}，不计入期限（{article}），其中{paused}个工作日不计算"
        if skipped:
            text += f"，另有非工作日：{runs(skipped)}"
        self.steps.append(Step(StepKind.PAUSE, a, b, text + extra + "。", 0, paused, skipped))
