"""The other deadlines of the 条例: publication of proactive information (Art. 26) and the
annual report (Art. 49)."""

from __future__ import annotations

from datetime import date

from ..calendar import WorkCalendar, cn_date, default_calendar
from ..errors import CalendarUnavailable, RuleError
from .explainer import Explainer
from .results import AnnualReportDeadline, Deadline, RequestState, Step, StepKind
from .rules import ONE_DAY, PUBLICATION_DAYS


def publication_deadline(
    formed_or_changed: date, *, as_of: date, calendar: WorkCalendar | None = None
) -> Deadline:
    """Proactive information is published within 20 working days of the day it is formed or
    changed (条例 Art. 26), unless a law or regulation sets another period."""
    cal = calendar if calendar is not None else default_calendar()
    try:
        ex = Explainer(cal)
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
