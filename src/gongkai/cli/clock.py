"""``gongkai deadline`` and ``gongkai calendar``: the statutory clock on the command line.

Thin on purpose: the rules live in ``gongkai.core.deadlines`` and ``gongkai.core.calendar``.
This module turns arguments into events, prints, and turns every error into one Chinese line
on standard error with exit status 2.
"""

from __future__ import annotations

import argparse
import calendar as stdlib_calendar
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any, NoReturn

from gongkai.core import wallclock
from gongkai.core.calendar import (
    ENV_VAR,
    DayKind,
    Source,
    WorkCalendar,
    bundled_arrangements,
    bundled_source,
    cn_date,
    read_calendar_file,
    weekday_name,
)
from gongkai.core.deadlines import (
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    Deadline,
    Event,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    Paused,
    Received,
    RequestState,
    compute_deadline,
)
from gongkai.core.errors import GongkaiError
from gongkai.core.vocabulary import Channel

# The words the command accepts for --channel (short, as people say them), in the vocabulary.
CHANNEL_WORDS: dict[str, Channel] = {
    "当面": Channel.IN_PERSON,
    "邮寄": Channel.MAIL,
    "网络": Channel.ONLINE,
    "传真": Channel.FAX,
    "电子邮件": Channel.EMAIL,
}


class UsageError(Exception):
    """A bad argument; the message is one Chinese line."""


_ARGPARSE_MESSAGES = (
    ("unrecognized arguments: ", "无法识别的参数："),
    ("the following arguments are required: ", "缺少必需的参数："),
    ("expected one argument", "缺少参数值"),
    ("invalid choice: ", "取值无效："),
    ("not allowed with argument ", "不能同时使用参数 "),
    ("ignored explicit argument ", "参数不接受取值："),
)


def _chinese_errors(parser: argparse.ArgumentParser, command: str) -> None:
    """Make argparse errors of this sub-command one Chinese line on stderr, exit status 2."""

    def error(message: str) -> NoReturn:
        for english, chinese in _ARGPARSE_MESSAGES:
            message = message.replace(english, chinese)
        message = message.replace("argument ", "参数 ").replace(": ", "：")
        if "(choose from " in message and message.endswith(")"):
            message = message.replace("(choose from ", "（可选：")[:-1] + "）"
        parser.exit(2, f"gongkai {command}：{message}\n")

    parser.error = error  # type: ignore[method-assign]  # argparse has no hook for messages
    original = parser.parse_known_args

    def parse_known_args(args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = original(args, namespace)
        if extras:
            error("unrecognized arguments: " + " ".join(extras))
        return parsed, extras

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]  # see above


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}“{text}”不是有效日期，请写成 2025-09-26 的形式") from None


def _span(text: str, what: str) -> tuple[date, date]:
    if ":" not in text:
        raise UsageError(f"{what}“{text}”应写成 开始日期:结束日期，例如 2025-10-09:2025-10-20")
    a, b = text.split(":", 1)
    start, end = _date(a, what), _date(b, what)
    if end < start:
        raise UsageError(f"{what}“{text}”的结束日期早于开始日期：暂停不能在开始之前结束")
    return start, end


def _today() -> date:
    """Today in China (the edge reads the clock; the core never does)."""
    return wallclock.today()


def _calendar(file: str | None) -> tuple[WorkCalendar, Path | None]:
    path = Path(file) if file else (Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else None)
    overrides = read_calendar_file(path) if path is not None else []
    return WorkCalendar.from_sources(bundled_arrangements(), overrides), path


# ====================================================================== gongkai deadline


def register(subparsers: Any) -> None:
    deadline = subparsers.add_parser(
        "deadline",
        help="计算政府信息公开申请的答复期限",
        description=(
            "按《政府信息公开条例》计算答复期限并说明计算过程：收到申请之日不计入，"
            "自次日起算20个工作日（第三十三条），补正后重新计算（第三十条），"
            "征求意见和缴费期间不计入（第三十二条、第三十三条第三款、国办函〔2020〕109号），"
            "延长20个工作日（第三十三条第二款）。日期写成 2025-09-26。"
        ),
    )
    deadline.add_argument("--received", metavar="日期", help="收到申请之日（必填）")
    deadline.add_argument(
        "--channel",
        choices=list(CHANNEL_WORDS),
        default="当面",
        help="提交渠道（默认：当面）",
    )
    deadline.add_argument(
        "--confirmed",
        metavar="日期",
        help="平常信函、网络、传真申请的确认日期（第三十一条；以确认之日为收到申请之日）",
    )
    deadline.add_argument(
        "--pause",
        action="append",
        default=[],
        metavar="开始:结束",
        help="不计入期限的期间（征求第三方或其他机关意见等），首尾两日均不计入；可重复",
    )
    deadline.add_argument(
        "--fee", metavar="通知日:缴费日", help="收费通知至缴费的期间（不计入期限，109号）"
    )
    deadline.add_argument("--correction-asked", metavar="日期", help="告知补正之日（第三十条）")
    deadline.add_argument(
        "--correction-received", metavar="日期", help="收到补正申请之日，答复期限由此重新计算"
    )
    deadline.add_argument(
        "--extend",
        nargs="?",
        const="",
        metavar="批准日期",
        help="经批准延长20个工作日（第三十三条第二款）；可写批准日期",
    )
    deadline.add_argument("--custom-due", metavar="日期", help="依第三十五条确定的答复期限")
    deadline.add_argument("--as-of", metavar="日期", help="按哪一天计算剩余工作日（默认今天）")
    deadline.add_argument(
        "--calendar-file", metavar="文件", help=f"工作日历覆盖文件（默认读 {ENV_VAR}）"
    )
    deadline.add_argument("--json", action="store_true", help="以JSON输出")
    _chinese_errors(deadline, "deadline")
    deadline.set_defaults(handler=_guarded(run_deadline, "deadline"))

    cal = subparsers.add_parser(
        "calendar",
        help="查看工作日历（法定节假日和调休）",
        description="按月打印某一年的工作日历，标出放假日和调休上班日；--check 列出各年份的数据来源。",
    )
    cal.add_argument("year", nargs="?", metavar="年份", help="例如 2026")
    cal.add_argument(
        "--check", action="store_true", help="列出已覆盖的年份及来源（官方、录入、暂定）"
    )
    cal.add_argument(
        "--calendar-file", metavar="文件", help=f"工作日历覆盖文件（默认读 {ENV_VAR}）"
    )
    _chinese_errors(cal, "calendar")
    cal.set_defaults(handler=_guarded(run_calendar, "calendar"))


def _guarded(
    handler: Callable[[argparse.Namespace], int], command: str
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (UsageError, GongkaiError) as exc:
            print(f"gongkai {command}：{exc}", file=sys.stderr)
            return 2

    return run


def events_from_args(args: argparse.Namespace) -> tuple[list[Event], list[str]]:
    """The event log the arguments describe, and notes on what was assumed."""
    if not args.received:
        raise UsageError("缺少 --received（收到申请之日），例如 --received 2025-09-26")
    received = _date(args.received, "--received")
    confirmed = _date(args.confirmed, "--confirmed") if args.confirmed else None
    events: list[Event] = [Received(received, CHANNEL_WORDS[args.channel], confirmed)]
    notes: list[str] = []
    receipt = confirmed or received
    start = receipt
    if args.correction_received:
        corrected = _date(args.correction_received, "--correction-received")
        if args.correction_asked:
            asked = _date(args.correction_asked, "--correction-asked")
        else:
            asked = receipt
            notes.append("未指定 --correction-asked，按收到申请当日告知补正计算。")
        events += [CorrectionRequested(asked), CorrectionReceived(corrected)]
        start = corrected
    elif args.correction_asked:
        events.append(CorrectionRequested(_date(args.correction_asked, "--correction-asked")))
    timed: list[Event] = []
    for text in args.pause:
        a, b = _span(text, "--pause")
        timed.append(Paused(a, b, "征求意见等依法不计入期限的时间"))
    if args.fee:
        a, b = _span(args.fee, "--fee")
        timed += [FeeNoticeSent(a), FeePaid(b)]
    if args.extend is not None:
        if args.extend:
            timed.append(ExtensionApproved(_date(args.extend, "--extend")))
        else:
            timed.append(ExtensionApproved(start))
            notes.append("未指定延长的批准日期，按期限起算之日批准计算。")
    if args.custom_due:
        due = _date(args.custom_due, "--custom-due")
        timed.append(CustomDueDateSet(start, due))
    events += sorted(timed, key=lambda e: e.on)
    return events, notes


def render_deadline(deadline: Deadline, notes: Sequence[str]) -> str:
    lines = []
    if deadline.due is not None:
        lines.append(
            f"答复期限：{cn_date(deadline.due)}" + ("（暂定）" if deadline.provisional else "")
        )
        if deadline.overdue:
            lines.append(
                f"截至{cn_date(deadline.as_of)}：已逾期{-(deadline.workdays_left or 0)}个工作日"
            )
        else:
            lines.append(f"截至{cn_date(deadline.as_of)}：还剩{deadline.workdays_left}个工作日")
    else:
        lines.append(f"状态：{deadline.state.label}")
    if deadline.state is RequestState.PAUSED:
        lines.append("状态：暂停计算中，答复期限随暂停结束而顺延")
    if deadline.provisional:
        lines.append("注意：期间涉及尚未公布放假安排的年份，结果为暂定，公布后须重新计算。")
    lines.append("")
    lines.append("计算过程：")
    lines += [f"{n}. {step.text}" for n, step in enumerate(deadline.steps, 1)]
    if notes:
        lines.append("")
        lines += [f"说明：{note}" for note in notes]
    return "\n".join(lines)


def run_deadline(args: argparse.Namespace) -> int:
    events, notes = events_from_args(args)
    as_of = _date(args.as_of, "--as-of") if args.as_of else _today()
    cal, _ = _calendar(args.calendar_file)
    deadline = compute_deadline(events, as_of=as_of, calendar=cal)
    if args.json:
        document = deadline.as_dict()
        document["notes"] = list(notes)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(render_deadline(deadline, notes))
    return 0


# ====================================================================== gongkai calendar


def _cell(day: int, mark: str) -> str:
    return f"{day:>2}{mark or '  '}"


def render_month(cal: WorkCalendar, year: int, month: int) -> list[str]:
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    first, last = (
        date(year, month, 1),
        date(year, month, stdlib_calendar.monthrange(year, month)[1]),
    )
    workdays = cal.workdays_between(first, last) + (1 if cal.is_workday(first) else 0)
    lines = [f"{month}月（工作日{workdays}天）", "  一   二   三   四   五   六   日"]
    for week in weeks:
        cells = []
        for day in week:
            if day == 0:
                cells.append("    ")
                continue
            info = cal.day_info(date(year, month, day))
            mark = {DayKind.HOLIDAY: "休", DayKind.MAKEUP: "班"}.get(info.kind, "")
            cells.append(_cell(day, mark))
        lines.append(" ".join(cells).rstrip())
    offs = [d for d in cal.days_off(first, last) if d.kind is DayKind.HOLIDAY]
    runs: list[tuple[date, date, str]] = []
    for d in offs:
        if runs and runs[-1][2] == d.name and (d.day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], d.day, d.name)
        else:
            runs.append((d.day, d.day, d.name))
    for a, b, name in runs:
        span = f"{a.month}月{a.day}日" + (f"至{b.month}月{b.day}日" if b != a else "")
        lines.append(f"  放假：{span} {name}")
    for d in cal.makeup_days(first, last):
        lines.append(f"  调休上班：{d.day.month}月{d.day.day}日（{weekday_name(d.day)}）{d.name}")
    return lines


def render_year(cal: WorkCalendar, year: int) -> str:
    arrangement = cal.arrangements.get(year)
    if arrangement is None:
        raise UsageError(f"{year}年不在工作日历范围内（{cal.first.year}年至{cal.last.year}年）")
    total = next(c.workdays for c in cal.coverage() if c.year == year)
    lines = [
        f"{year}年工作日历　来源：{arrangement.source.label}"
        + (f"——{arrangement.notice}" if arrangement.notice else ""),
        "标记：休 = 放假（法定节假日及调休）　班 = 调休上班（周六、周日上班）　未标记的周六、周日休息",
        f"全年工作日{total}天",
    ]
    if arrangement.source is Source.PROVISIONAL:
        lines.append("注意：本年度尚未公布放假安排，以下仅按周末和法定节日暂定，没有调休。")
    for month in range(1, 13):
        lines.append("")
        lines += render_month(cal, year, month)
    return "\n".join(lines)


def render_check(cal: WorkCalendar, path: Path | None) -> str:
    lines = [
        f"工作日历覆盖情况（随附数据：{bundled_source()}；覆盖文件："
        + (str(path) if path is not None else f"未设置 {ENV_VAR}")
        + "）"
    ]
    for provisional, group in groupby(cal.coverage(), key=lambda c: c.source is Source.PROVISIONAL):
        run = list(group)
        if provisional:  # a run of provisional years on one line
            first, last = run[0], run[-1]
            years = f"{first.year}年" if first is last else f"{first.year}年至{last.year}年"
            lines.append(f"{years}：{first.source.label}")
            continue
        lines += [
            f"{c.year}年：{c.source.label}，工作日{c.workdays}天"
            + (f"（{c.notice}）" if c.notice else "")
            for c in run
        ]
    lines.append(
        f"{cal.first.isoformat()} 之前和 {cal.last.isoformat()} 之后的日期无法计算；"
        "新一年的放假通知发布后，把它录入覆盖文件即可，无需升级。"
    )
    return "\n".join(lines)


def run_calendar(args: argparse.Namespace) -> int:
    cal, path = _calendar(args.calendar_file)
    if args.check:
        if args.year:
            raise UsageError("--check 不需要年份")
        print(render_check(cal, path))
        return 0
    if not args.year:
        raise UsageError("请指定年份，例如 gongkai calendar 2026；或用 --check 查看覆盖情况")
    try:
        year = int(args.year)
    except ValueError:
        raise UsageError(f"“{args.year}”不是年份，例如 2026") from None
    print(render_year(cal, year))
    return 0
