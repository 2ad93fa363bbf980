"""Whether a year's holiday arrangement keeps every statutory holiday.

An arrangement entered by an administrator replaces the bundled or provisional one for its
year and moves every due date that crosses it, so it may not be empty, partial, or drop a day
that 《全国年节及纪念日放假办法》 Art. 2 makes a holiday for all citizens. The statutory days are
those of :func:`gongkai.core.calendar.statutory.statutory_holidays` for years from 2025
(国务院令第795号: 春节 4 days from 除夕, 劳动节 5月1日—2日) and those of the 2013 text before
(国务院令第644号: 春节 正月初一至初三, 劳动节 5月1日), so the bundled notices of 2019–2024 pass.

A statutory day is kept when a holiday block covers it and it is not listed as a 调休 working day.
"""

from __future__ import annotations

from datetime import date, timedelta

from .model import YearArrangement
from .statutory import lunar_dates, statutory_holidays

REVISION_795 = 2025  # 国务院令第795号 in force 2025-01-01


def statutory_days(year: int) -> list[tuple[str, date]]:
    """Every statutory holiday of ``year`` as ``(festival, day)``, by the text in force."""
    days = [
        (name, start + timedelta(days=i))
        for name, start, end in statutory_holidays(year)
        for i in range((end - start).days + 1)
    ]
    if year >= REVISION_795:
        return days
    spring = lunar_dates(year)[0]
    dropped = {spring - timedelta(days=1), date(year, 5, 2)}  # 除夕 and 5月2日 came in 2025
    return [(name, day) for name, day in days if day not in dropped]


def arrangement_problems(arrangement: YearArrangement) -> list[str]:
    """What makes ``arrangement`` unlawful, in Chinese; empty when it keeps every statutory day."""
    year = arrangement.year
    if not arrangement.holidays:
        return [
            f"{year}年的放假安排为空：请按国务院办公厅通知填写全部节假日"
            "（《全国年节及纪念日放假办法》第二条）"
        ]
    off = {day for block in arrangement.holidays for day in block.days()}
    working = {m.day for m in arrangement.workdays}
    missing: dict[str, list[date]] = {}
    for name, day in statutory_days(year):
        if day not in off or day in working:
            missing.setdefault(name, []).append(day)
    if not missing:
        return []
    listed = "；".join(
        f"{name}（{'、'.join(d.isoformat() for d in days)}）" for name, days in missing.items()
    )
    return [
        f"{year}年的放假安排缺少法定节假日：{listed}。"
        "《全国年节及纪念日放假办法》第二条规定的全体公民放假的节日不能取消，"
        "请补全放假安排（调休上班的日期也不能是法定节假日）"
    ]


__all__ = ["REVISION_795", "arrangement_problems", "statutory_days"]
