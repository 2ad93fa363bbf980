"""Regenerate the bundled calendar data file ``gongkai/core/data/cn_workdays.json``.

Run it after upgrading chinese-calendar (the package mirrors the State Council's yearly 《关于
××年部分节假日安排的通知》)::

    uv run python -m gongkai.core.calendar.generate            # writes the bundled file
    uv run python -m gongkai.core.calendar.generate --check    # exit 1 if the file is stale

The output uses exactly the file format an administrator uses for overrides (see the docstring
of :mod:`gongkai.core.calendar`), so the bundled file doubles as a complete worked example.
Administrators never need this script: a new year's notice goes into the override file.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

from .statutory import FIRST_YEAR

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "cn_workdays.json"

# chinese-calendar's English holiday names -> the names the State Council's notices use.
NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}


def _blocks(days: list[tuple[date, str]]) -> list[dict[str, str]]:
    """Group consecutive holiday days with the same name into ``{name, start, end}`` blocks."""
    blocks: list[dict[str, str]] = []
    start = end = None
    name = ""
    for day, day_name in sorted(days):
        if (
            start is not None
            and end is not None
            and day == end + timedelta(days=1)
            and day_name == name
        ):
            end = day
            continue
        if start is not None and end is not None:
            blocks.append({"name": name, "start": start.isoformat(), "end": end.isoformat()})
        start = end = day
        name = day_name
    if start is not None and end is not None:
        blocks.append({"name": name, "start": start.isoformat(), "end": end.isoformat()})
    return blocks


def build() -> dict[str, Any]:
    """The bundled document, built from chinese-calendar's tables."""
    from chinese_calendar import constants

    last_year = max(day.year for day in constants.holidays)
    years: dict[str, Any] = {}
    for year in range(FIRST_YEAR, last_year + 1):
        holidays = [(d, NAMES[str(n)]) for d, n in constants.holidays.items() if d.year == year]
        workdays = sorted(
            (d, NAMES[str(n)]) for d, n in constants.workdays.items() if d.year == year
        )
        years[str(year)] = {
            "notice": f"国务院办公厅关于{year}年部分节假日安排的通知",
            "holidays": _blocks(holidays),
            "workdays": [{"date": d.isoformat(), "name": n} for d, n in workdays],
        }
    return {
        "format": "gongkai-calendar/1",
        "source": f"chinese-calendar {metadata.version('chinese-calendar')}",
        "years": years,
    }


def render_document(document: dict[str, Any]) -> str:
    """JSON with one holiday block or make-up day per line, easy to read and to diff."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    for key, value in document.items():
        if key != "years":
            lines.append(f"  {one(key)}: {one(value)},")
    lines.append('  "years": {')
    years = list(document["years"].items())
    for n, (year, data) in enumerate(years):
        lines.append(f"    {one(year)}: {{")
        lines.append(f'      "notice": {one(data.get("notice", ""))},')
        for list_key in ("holidays", "workdays"):
            items = data.get(list_key, [])
            lines.append(f"      {one(list_key)}: [")
            lines.extend(
                f"        {one(item)}{',' if i < len(items) - 1 else ''}"
                for i, item in enumerate(items)
            )
            lines.append("      ]," if list_key == "holidays" else "      ]")
        lines.append("    }," if n < len(years) - 1 else "    }")
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render() -> str:
    return render_document(build())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="重新生成随软件附带的工作日历数据文件。")
    parser.add_argument("--check", action="store_true", help="只检查文件是否为最新，不写入")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = DATA_FILE.read_text(encoding="utf-8") if DATA_FILE.exists() else ""
        if current != text:
            print(f"{DATA_FILE} 不是最新的，请重新生成。", file=sys.stderr)
            return 1
        return 0
    DATA_FILE.write_text(text, encoding="utf-8")
    print(f"已写入 {DATA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
