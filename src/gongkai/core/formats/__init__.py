"""The national annual-report formats, declared once as data (report-data.md, "Format versions").

Look a format up; never branch on a year in logic::

    fmt = format_for_year(2020)      # the 2019 (试行) format
    fmt = FORMATS["2021"]
"""

from __future__ import annotations

from .f2019 import FORMAT_2019
from .f2021 import FORMAT_2021
from .spec import (
    Block,
    Column,
    ColumnSum,
    Format,
    LegacyRow,
    Row,
    RowSum,
    Rule,
    Section,
    Table,
    ValueKind,
)

FORMATS: dict[str, Format] = {f.key: f for f in (FORMAT_2019, FORMAT_2021)}


class UnknownYearError(LookupError):
    """No national format covers the year (the formats start with the 2019 reports)."""


def format_for_year(year: int) -> Format:
    """The format an agency must use for its report on ``year``."""
    for fmt in FORMATS.values():
        if fmt.applies_to(year):
            return fmt
    raise UnknownYearError(f"{year}年度没有适用的全国统一年报格式（统一格式自2019年度报告起施行）")


def current_format() -> Format:
    """The format still in force (no last year): the one to assume when a text does not show
    its format (the six sections are the same in every format)."""
    return next(fmt for fmt in reversed(FORMATS.values()) if fmt.last_year is None)


def format_years(fmt: Format) -> str:
    """A Chinese description of the years a format covers: "2019—2020年度" or "2021年度起"."""
    if fmt.last_year is None:
        return f"{fmt.first_year}年度起"
    return f"{fmt.first_year}—{fmt.last_year}年度"


__all__ = [
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "Block",
    "Column",
    "ColumnSum",
    "Format",
    "LegacyRow",
    "Row",
    "RowSum",
    "Rule",
    "Section",
    "Table",
    "UnknownYearError",
    "ValueKind",
    "current_format",
    "format_for_year",
    "format_years",
]
