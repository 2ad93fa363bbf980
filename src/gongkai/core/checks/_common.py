"""Small helpers shared by the check families: labels from the format, numbers, places."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache

from ..findings import Finding
from ..formats import FORMATS, Format, UnknownYearError, format_for_year
from ..report import Cell, Number, Report

Check = Callable[[Report, Report | None], Iterable[Finding]]

Key = tuple[str, str, str]  # (table, row, column): a CellRef as a plain tuple, hashed in C

_grid: tuple[Report, dict[Key, Cell]] | None = None


def grid(report: Report) -> dict[Key, Cell]:
    """The report's cells keyed by plain tuples (a one-entry memo by identity).

    Lookups by :class:`CellRef` hash through a Python-level ``__hash__``; the checks look up a
    thousand cells per report, so they use this instead.
    """
    global _grid
    if _grid is not None and _grid[0] is report:
        return _grid[1]
    cells = {(r.table, r.row, r.column): c for r, c in report.cells.items()}
    _grid = (report, cells)
    return cells


TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def fmt_of(report: Report) -> Format | None:
    """The format the report's tables are printed in, else the one its year requires."""
    if report.format is not None:
        return report.format
    if report.year is not None:
        try:
            return format_for_year(report.year)
        except UnknownYearError:
            return None
    return None


def num(value: Number | None) -> str:
    """A number as a reviewer writes it: 12, 190.457379 (no exponent, no trailing noise)."""
    if value is None:
        return "空白"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    return str(value)


def gap(a: Number, b: Number) -> Number:
    """|a − b| for counts and amounts alike."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return abs(Decimal(a) - Decimal(b))
    return abs(a - b)


def at(line: int | None) -> str:
    """ "（第N行）" when the line is known."""
    return f"（第{line}行）" if line is not None else ""


def row_label(fmt: Format, table: str, row: str) -> str:
    """The declared label of a row, with its group where the label alone is ambiguous:
    "（三）不予公开 1.属于国家秘密", "行政诉讼 未经复议直接起诉", but "（一）予以公开"."""
    return _row_label(fmt.key, table, row)


@cache
def _row_label(format_key: str, table: str, row: str) -> str:
    fmt = FORMATS[format_key]
    try:
        declared = fmt.table(table).row(row)
    except KeyError:
        return row
    if declared.group is None or (table == "t3" and not declared.label[:1].isdigit()):
        return declared.label
    return declared.full_label


def short_row_label(fmt: Format, table: str, row: str) -> str:
    """A row's label for a list of terms: "（二）部分公开", "（三）4.保护第三方合法权益"."""
    return _short_row_label(fmt.key, table, row)


@cache
def _short_row_label(format_key: str, table: str, row: str) -> str:
    fmt = FORMATS[format_key]
    try:
        declared = fmt.table(table).row(row)
    except KeyError:
        return row
    label = declared.label
    cut = label.find("（", 1)
    if cut > 0:
        label = label[:cut]
    if declared.group and label[:1].isdigit() and "）" in declared.group:
        label = declared.group[: declared.group.index("）") + 1] + label
    return label


def column_label(fmt: Format, table: str, row: str, column: str) -> str:
    return _column_label(fmt.key, table, row, column)


@cache
def _column_label(format_key: str, table: str, row: str, column: str) -> str:
    fmt = FORMATS[format_key]
    try:
        return fmt.table(table).column(row, column).label
    except KeyError:
        return column


def has_cjk(text: str, at_least: int) -> bool:
    """Whether ``text`` holds at least ``at_least`` Chinese characters (stops counting there)."""
    return _cjk_run(at_least).match(text) is not None


@cache
def _cjk_run(count: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){{{count}}}", re.DOTALL)


def quoted(labels: Iterable[str]) -> str:
    return "".join(f"“{label}”" for label in labels)
