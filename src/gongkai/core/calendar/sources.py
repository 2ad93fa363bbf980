"""Reading year arrangements: the bundled data file and the administrator's override file.

Both use the same document format, described in the docstring of :mod:`gongkai.core.calendar`.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GongkaiError
from .model import Holiday, MakeupDay, Source, YearArrangement
from .statutory import FIRST_YEAR

ENV_VAR = "GONGKAI_CALENDAR_FILE"
"""Environment variable naming the administrator's override file (JSON or TOML)."""

FORMAT = "gongkai-calendar/1"


class CalendarFileError(GongkaiError):
    """A calendar file (or a year arrangement entered on the web) is malformed; the message
    says where and what to fix."""


def _date(value: object, where: str) -> date:
    if isinstance(value, date):  # TOML has native dates
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalendarFileError(f"{where}：“{value}”不是有效日期，应写成 2027-01-01 的形式")


def _name(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CalendarFileError(f"{where}：缺少节日名称（name），例如“春节”")
    return value.strip()


def arrangement_from_mapping(
    year: int, data: Mapping[str, Any], *, source: Source = Source.OVERRIDE, where: str = ""
) -> YearArrangement:
    """One year's arrangement from its document form; CalendarFileError on any mistake.

    ``data`` is ``{"notice": str?, "holidays": [{"name", "start", "end"?}], "workdays":
    [{"date", "name"} | "YYYY-MM-DD"]}``. Checked: dates are valid and belong to ``year`` (a
    block may start in the December before, as 元旦 blocks do), ``end`` is not before
    ``start``, a make-up workday is a Saturday or Sunday, and no day is both off and on.
    """
    label = where or f"{year}年"
    if not isinstance(year, int) or year < FIRST_YEAR:
        raise CalendarFileError(f"{label}：年份必须是 {FIRST_YEAR} 年或以后")
    earliest = date(year - 1, 12, 1)
    latest = date(year, 12, 31)

    def in_year(day: date, where: str) -> date:
        if not earliest <= day <= latest:
            raise CalendarFileError(
                f"{where}：日期 {day.isoformat()} 不属于{year}年的放假安排"
                f"（只能是{year}年内的日期，或上一年12月的日期）"
            )
        return day

    holidays: list[Holiday] = []
    raw_holidays = data.get("holidays", [])
    if not isinstance(raw_holidays, list):
        raise CalendarFileError(f"{label}：holidays 应是列表")
    for n, item in enumerate(raw_holidays, 1):
        here = f"{label}第{n}个放假段"
        if not isinstance(item, Mapping):
            raise CalendarFileError(f'{here}：应写成 {{"name": …, "start": …, "end": …}}')
        name = _name(item.get("name"), here)
        start = in_year(_date(item.get("start"), f"{here}（{name}）start"), here)
        end = in_year(_date(item.get("end", item.get("start")), f"{here}（{name}）end"), here)
        if end < start:
            raise CalendarFileError(
                f"{here}（{name}）：结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}"
            )
        holidays.append(Holiday(name, start, end))

    workdays: list[MakeupDay] = []
    raw_workdays = data.get("workdays", [])
    if not isinstance(raw_workdays, list):
        raise CalendarFileError(f"{label}：workdays 应是列表")
    off = {d for h in holidays for d in h.days()}
    for n, item in enumerate(raw_workdays, 1):
        here = f"{label}第{n}个调休上班日"
        if isinstance(item, Mapping):
            day = _date(item.get("date"), here)
            name = _name(item.get("name"), here)
        else:
            day, name = _date(item, here), "调休"
        in_year(day, here)
        if day.weekday() < 5:
            raise CalendarFileError(
                f"{here}：{day.isoformat()} 是周一至周五，本来就上班；只需列出调休上班的周六、周日"
            )
        if day in off:
            raise CalendarFileError(f"{here}：{day.isoformat()} 同时被列为放假日和调休上班日")
        workdays.append(MakeupDay(day, name))

    notice = data.get("notice", "")
    return YearArrangement(
        year=year,
        holidays=tuple(holidays),
        workdays=tuple(workdays),
        source=source,
        notice=str(notice) if notice else "",
    )


def arrangements_from_document(
    document: Mapping[str, Any], *, source: Source = Source.OVERRIDE, where: str = ""
) -> list[YearArrangement]:
    """All arrangements of a parsed calendar document (``{"years": {"2027": {…}}}``)."""
    years = document.get("years")
    if not isinstance(years, Mapping) or not years:
        raise CalendarFileError(f"{where}：缺少 years（按年份列出放假安排）")
    out = []
    for key, data in years.items():
        try:
            year = int(str(key))
        except ValueError:
            raise CalendarFileError(f"{where}：“{key}”不是年份") from None
        if not isinstance(data, Mapping):
            raise CalendarFileError(f"{where}{year}年：应包含 holidays 和 workdays")
        out.append(arrangement_from_mapping(year, data, source=source, where=f"{where}{year}年"))
    return out


def read_calendar_file(path: str | os.PathLike[str]) -> list[YearArrangement]:
    """The arrangements of an override file (``.toml`` or JSON)."""
    p = Path(path)
    where = f"工作日历文件 {p}："
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CalendarFileError(f"{where}无法读取（{exc.strerror or exc}）") from None
    try:
        if p.suffix.lower() == ".toml":
            document = tomllib.loads(raw.decode("utf-8"))
        else:
            document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CalendarFileError(f"{where}格式错误（{exc}）") from None
    if not isinstance(document, Mapping):
        raise CalendarFileError(f"{where}顶层应是对象")
    return arrangements_from_document(document, where=where)


def bundled_arrangements() -> list[YearArrangement]:
    """The official arrangements shipped with the software (``data/cn_workdays.json``)."""
    text = resources.files("gongkai.core.data").joinpath("cn_workdays.json").read_text("utf-8")
    document = json.loads(text)
    return arrangements_from_document(document, source=Source.OFFICIAL, where="随附工作日历：")


def bundled_source() -> str:
    """Where the bundled data came from, e.g. ``chinese-calendar 1.11.0``."""
    text = resources.files("gongkai.core.data").joinpath("cn_workdays.json").read_text("utf-8")
    return str(json.loads(text).get("source", ""))


def override_path(environ: Mapping[str, str]) -> Path | None:
    """The override file named by ``GONGKAI_CALENDAR_FILE`` in ``environ``, if any."""
    value = environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


def arrangement_as_mapping(arrangement: YearArrangement) -> dict[str, Any]:
    """The document form of one arrangement (inverse of :func:`arrangement_from_mapping`)."""
    return {
        "notice": arrangement.notice,
        "holidays": [
            {"name": h.name, "start": h.start.isoformat(), "end": h.end.isoformat()}
            for h in arrangement.holidays
        ],
        "workdays": [{"date": w.day.isoformat(), "name": w.name} for w in arrangement.workdays],
    }
