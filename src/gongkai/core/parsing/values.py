"""Reading one printed table cell (report-data.md, "Cell values").

* blank, "—", "-", "/", "无" → value None (read as 0, reported ``blank-cell`` by the checker);
* "减4" / "增3" → -4 / 3 with ``interpreted=True`` (reported ``non-numeric-cell``);
* "251000元" → 251000 with ``unit="元"`` (reported ``unit`` when the column wants 万元);
* decimals only in AMOUNT columns; a decimal in a count column cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..report import Number

# A whole cell that is a value. Applied to normalised text (NFKC: full-width digits are ASCII).
VALUE = re.compile(
    r"^(?:(?P<sign>[-+]|增加|减少|增|减)\s*)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万元|元|件|项|个|条|次)?$"
)
BLANK_MARK = re.compile(r"^(?:[-—–―‐‑/\\]{1,3}|无|空)$")


@dataclass(frozen=True)
class Value:
    value: Number | None
    interpreted: bool = False
    unit: str | None = None
    decimal: bool = False  # printed with a decimal point


VALUE_CACHE: dict[str, Value | None] = {}  # cell text -> value (bounded)


def parse_value(text: str) -> Value | None:
    """The value of a whole cell, or None when the text is not a value at all (memoised)."""
    try:
        return VALUE_CACHE[text]
    except KeyError:
        pass
    value = _parse_value(text)
    if len(VALUE_CACHE) < 8192:
        VALUE_CACHE[text] = value
    return value


def _parse_value(text: str) -> Value | None:
    s = text.strip()
    if not s:
        return Value(None)
    if BLANK_MARK.match(s):
        return Value(None)
    m = VALUE.match(s)
    if m is None:
        return None
    return _from_match(m.group("sign"), m.group("num").replace(",", ""), m.group("unit"))


def _from_match(sign: str | None, num: str, unit: str | None) -> Value | None:
    decimal = "." in num
    try:
        number: Number = Decimal(num) if decimal else int(num)
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex admits only digits
        return None
    interpreted = sign in ("增", "减", "增加", "减少")
    if sign in ("-", "减", "减少"):
        number = -number
    money = unit if unit in ("元", "万元") else None
    return Value(number, interpreted=interpreted, unit=money, decimal=decimal)


def number_of(piece: str) -> Number:
    """A digit piece produced by the splitter ("12", "0", "3.5")."""
    return Decimal(piece) if "." in piece else int(piece)
