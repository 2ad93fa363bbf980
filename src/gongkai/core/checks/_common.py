"""Small helpers shared by the check families: labels from the format, numbers, places."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache

from ..findings import Finding
from ..formats import Format, UnknownYearError, format_for_year
from ..formats.spec import table_name
from ..report import Cell, Number, Report

Check = Callable[[Report, Report | None], Iterable[Finding]]

Key = tuple[str, str, str]  # (table, row, column): a CellRef as a plain tuple, hashed in C


def per_report[T](compute: Callable[[Report], T]) -> Callable[[Report], T]:
    """Memoise ``compute`` for the last report it saw (by identity), per thread.

    Several checks read the same derived data (the compact narrative, the equations' states);
    ``check_report`` runs them one report at a time, so remembering the last report is enough.
    The memo holds the report itself, so its identity cannot be reused while remembered, and it
    is thread-local, so the web side may check reports in several threads.
    """
    local = threading.local()

    @functools.wraps(compute)
    def memoised(report: Report) -> T:
        entry: tuple[Report, T] | None = getattr(local, "entry", None)
        if entry is not None and entry[0] is report:
            return entry[1]
        value = compute(report)
        local.entry = (report, value)
        return value

    return memoised


@per_report
def grid(report: Report) -> dict[Key, Cell]:
    """The report's cells keyed by plain tuples.

    Lookups by :class:`CellRef` hash through a Python-level ``__hash__``; the checks look up a
    thousand cells per report, so they use this instead.
    """
    return {(r.table, r.row, r.column): c for r, c in report.cells.items()}


TABLE_NAMES = {key: table_name(int(key[1])) for key in ("t2", "t3", "t4")}


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


@cache
def row_label(fmt: Format, table: str, row: str) -> str:
    """The declared label of a row, with its group where the label alone is ambiguous:
    "（三）不予公开 1.属于国家秘密", "行政诉讼 未经复议直接起诉", but "（一）予以公开"."""
    declared = fmt.declared_row(table, row)
    if declared is None:
        return row
    if declared.group is None or (table == "t3" and not declared.label[:1].isdigit()):
        return declared.label
    return declared.full_label


@cache
def short_row_label(fmt: Format, table: str, row: str) -> str:
    """A row's label for a list of terms: "（二）部分公开", "（三）4.保护第三方合法权益"."""
    declared = fmt.declared_row(table, row)
    if declared is None:
        return row
    label = declared.label
    cut = label.find("（", 1)
    if cut > 0:
        label = label[:cut]
    if declared.group and label[:1].isdigit() and "）" in declared.group:
        label = declared.group[: declared.group.index("）") + 1] + label
    return label


@cache
def column_label(fmt: Format, table: str, row: str, column: str) -> str:
    """A column's printed label; a legacy row has the columns of the rows it stands for."""
    legacy = fmt.legacy_row(table)
    if legacy is not None and legacy.row.key == row:
        row = legacy.replaces[0]
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
