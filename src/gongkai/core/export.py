"""Exports of checked reports: the JSON document of report-data.md and a CSV for analysts.

``report_json`` builds exactly the per-report object of report-data.md ("JSON output of
``gongkai check --json``"); ``json_document`` wraps the objects as ``{"reports": [...]}``.
Values are JSON-native: an integer, a decimal amount as a JSON number (an ``int`` when it is
whole, a ``float`` otherwise — amounts carry at most a handful of significant digits, which a
float keeps exactly), ``None`` for a blank cell. Only the cells that were read appear.

The CSV has one row per report: path, year, agency, format, publication date, every cell of
both formats' tables (``t2.rules.issued``, ``t3.received.natural``, ``t4.review.total``; empty
when the cell is not in the report's format or was not read), then the number of errors,
warnings and infos and the number of findings of each code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal

from .findings import CODES, Finding, Severity
from .formats import FORMATS, Format
from .render.text import format_number
from .report import Cell, CellRef, Number, Report

JsonValue = int | float | None


def json_number(value: Number | None) -> JsonValue:
    """A cell value as a JSON number (never a string); ``None`` stays ``None`` (null)."""
    if value is None or isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _ordered_cells(report: Report, table: str) -> list[Cell]:
    """The cells of a table that were read, in the printed order of the report's format."""
    read = {ref: cell for ref, cell in report.cells.items() if ref.table == table}
    fmt = report.format
    ordered: list[Cell] = []
    if fmt is not None:
        for _, row, column in fmt.table(table).cells():
            cell = read.pop(CellRef(table, row.key, column.key), None)
            if cell is not None:
                ordered.append(cell)
    ordered.extend(read[ref] for ref in sorted(read))  # cells outside the declared format
    return ordered


def report_json(report: Report, findings: Iterable[Finding]) -> dict[str, object]:
    """The per-report object of report-data.md for one checked report."""
    t3: dict[str, dict[str, JsonValue]] = {}
    for cell in _ordered_cells(report, "t3"):
        t3.setdefault(cell.ref.row, {})[cell.ref.column] = json_number(cell.value)
    tables: dict[str, object] = {
        "t2": {c.ref.key: json_number(c.value) for c in _ordered_cells(report, "t2")},
        "t3": t3,
        "t4": {c.ref.key: json_number(c.value) for c in _ordered_cells(report, "t4")},
    }
    return {
        "path": report.path,
        "year": report.year,
        "agency": report.agency,
        "format": report.format_key,
        "tables": tables,
        "findings": [finding.as_json() for finding in findings],
    }


def json_document(reports: Iterable[dict[str, object]]) -> dict[str, object]:
    """The whole document printed by ``gongkai check --json``."""
    return {"reports": list(reports)}


# --- CSV ---------------------------------------------------------------------------------------

_META_COLUMNS = ("path", "year", "agency", "format", "published")
_COUNT_COLUMNS = ("errors", "warnings", "infos")


def cell_columns(formats: Iterable[Format] | None = None) -> list[tuple[str, CellRef]]:
    """CSV column name -> cell, for every cell of the formats' tables (each name once)."""
    seen: dict[str, CellRef] = {}
    for fmt in formats if formats is not None else FORMATS.values():
        for table in fmt.tables:
            for _, row, column in table.cells():
                ref = CellRef(table.key, row.key, column.key)
                seen.setdefault(f"{table.key}.{ref.key}", ref)
    return list(seen.items())


def csv_header() -> list[str]:
    """The CSV's header row: metadata, every cell of both formats, the finding counts."""
    return [
        *_META_COLUMNS,
        *(name for name, _ in cell_columns()),
        *_COUNT_COLUMNS,
        *CODES,
    ]


def csv_row(report: Report, findings: Sequence[Finding]) -> list[str]:
    """One report as a CSV row matching :func:`csv_header`."""
    meta = [
        report.path,
        "" if report.year is None else str(report.year),
        report.agency or "",
        report.format_key or "",
        report.published.isoformat() if report.published else "",
    ]
    values: list[str] = []
    for _, ref in cell_columns():
        cell = report.cells.get(ref)
        values.append("" if cell is None or cell.value is None else _csv_number(cell.value))
    levels = Counter(f.level for f in findings)
    codes = Counter(f.code for f in findings)
    counts = [str(levels[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    return [*meta, *values, *counts, *(str(codes[code]) for code in CODES)]


def _csv_number(value: Number) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize() if value != 0 else Decimal(0), "f")
    return format_number(value)
