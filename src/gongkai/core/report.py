"""The report model: immutable values for one annual report, wherever it came from.

A :class:`Report` is what the parser reads from a published file and what the generator builds
from the registers; the checker and the renderers take it without knowing which. Cells are
addressed by :class:`CellRef` (table, row key, column key — the keys of report-data.md) and
remember the line they were read from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from .findings import Finding
from .formats import FORMATS, Format

Number = int | Decimal


class CellRef(NamedTuple):
    """Where a cell sits. A named tuple, not a dataclass: cells are looked up by the
    hundred thousand per second, and a tuple hashes in C."""

    table: str  # "t2", "t3", "t4"
    row: str  # e.g. "received", "rules", "review"
    column: str  # e.g. "natural", "issued", "upheld"

    @property
    def key(self) -> str:
        """The flat key of report-data.md for tables 2 and 4: ``rules.issued``, ``review.total``."""
        return f"{self.row}.{self.column}"


@dataclass(frozen=True)
class Cell:
    ref: CellRef
    value: Number | None  # None: printed blank (or "—", "/", "无"); read as 0 in arithmetic
    raw: str = ""  # the text as printed
    line: int | None = None
    interpreted: bool = False  # text such as "减4" that had to be read as a number
    unit: str | None = None  # a unit printed in the cell itself ("251000元")

    @property
    def number(self) -> Number:
        return 0 if self.value is None else self.value


@dataclass(frozen=True)
class Span:
    """Lines ``start``..``end`` (1-based, inclusive) of the input."""

    start: int
    end: int


@dataclass(frozen=True)
class SectionText:
    key: str  # the section key of the format ("overview" … "other")
    number: int
    heading: str  # the heading as printed
    heading_line: int | None
    text: str  # the section's text without its heading (tables included as printed)
    span: Span | None


@dataclass(frozen=True)
class Paragraph:
    """A unit of narrative text with the line it starts on."""

    text: str
    line: int | None


@dataclass(frozen=True)
class Report:
    path: str
    year: int | None
    agency: str | None
    published: dt.date | None
    format_key: str | None  # the format the tables are printed in ("2019"/"2021"), None if unknown
    title: str | None = None
    title_line: int | None = None
    published_line: int | None = None
    sections: tuple[SectionText, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()  # the narrative, outside the tables
    cells: Mapping[CellRef, Cell] = field(default_factory=lambda: MappingProxyType({}))
    tables_present: frozenset[str] = frozenset()  # tables whose heading or labels were found
    # What the reader noticed while reading (label deviations, unreadable tables, altered
    # headings); the checker reports them with its own findings.
    notes: tuple[Finding, ...] = ()
    # True when the text ends in the middle of a table (an excerpt or a truncated download).
    truncated: bool = False
    is_government_report: bool = False  # the 本级政府 report (deadline 3月31日, not 1月31日)

    def __post_init__(self) -> None:
        if not isinstance(self.cells, MappingProxyType):
            object.__setattr__(self, "cells", MappingProxyType(dict(self.cells)))

    @property
    def format(self) -> Format | None:
        return FORMATS.get(self.format_key) if self.format_key else None

    def cell(self, table: str, row: str, column: str) -> Cell | None:
        return self.cells.get(CellRef(table, row, column))

    def value(self, table: str, row: str, column: str) -> Number | None:
        """The number in a cell, 0 for a blank one, None when the cell was not read."""
        cell = self.cells.get(CellRef(table, row, column))
        return None if cell is None else cell.number

    def table_cells(self, table: str) -> Iterator[Cell]:
        return (c for ref, c in sorted(self.cells.items()) if ref.table == table)

    def section(self, key: str) -> SectionText | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def narrative(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def cells_from(
    values: Mapping[CellRef, Number | None] | Iterable[tuple[CellRef, Number | None]],
) -> dict[CellRef, Cell]:
    """Cells without provenance, for reports built from records or in tests."""
    items = values.items() if isinstance(values, Mapping) else values
    return {ref: Cell(ref, value, raw="" if value is None else str(value)) for ref, value in items}
