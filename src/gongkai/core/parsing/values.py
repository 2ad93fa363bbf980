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


# A cell damaged in conversion (report-data.md, "Cell values"): a stray symbol before a number
# ("※3", "·12", "`0") is read as the number and reported ``non-numeric-cell``; a replacement
# character or a private-use glyph where a digit should be ("1\ufffd", "\ufffd") cannot be read
# at all: the cell is left out and reported with its printed text. Only short cells without
# Chinese characters qualify, so a label never does.
_STRAY_BEFORE = re.compile(r"^[^\w\s\-+.,，。、（）()/\\—–―‐‑|:：;；]{1,2}\s*(\d+)$")
_UNREADABLE = re.compile(r"[\ufffd\ue000-\uf8ff]")
GARBLED = Value(None, interpreted=True)  # a cell that holds something, but no readable number


def damaged_value(text: str) -> Value | None:
    """The value of a damaged cell: the number behind a stray symbol (interpreted), GARBLED
    for a cell whose digits were lost, or None when the text is not a damaged cell."""
    if not text or len(text) > 8 or "\u4e00" <= text[0] <= "\u9fff":
        return None  # most label text starts with a Chinese character: no damaged cell
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return None
    m = _STRAY_BEFORE.match(text)
    if m is not None:
        return Value(int(m.group(1)), interpreted=True)
    if _UNREADABLE.search(text) is not None:
        return GARBLED
    return None


def number_of(piece: str) -> Number:
    """A digit piece produced by the splitter ("12", "0", "3.5")."""
    return Decimal(piece) if "." in piece else int(piece)
