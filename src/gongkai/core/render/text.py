"""The text renderer: a report model printed back in the flattened shapes agencies publish.

Everything printed comes from the format declarations (``gongkai.core.formats``: sections,
block labels, headers, rows, columns, the 勾稽 note) and from the :class:`Report` (title, the six
sections' text, the cells, the signature and the date). Three shapes are supported, the ones
published reports take once their tables have been flattened (annual-report-formats.md §10–11):

``"lines"``
    one cell per line; a blank cell is a line holding a single space; rows are separated by an
    empty line (the seed's shape).
``"pipes"``
    each table row on one line, its cells joined by `` | `` and closed by ``" |"``; the first row
    of a group carries the group label as an extra leading cell (corpus 013). A blank cell is
    empty between its pipes.
``"paragraphs"``
    one cell per paragraph, paragraphs separated by an empty line (corpus 019). A blank cell is
    printed "—", which the contract reads as blank (report-data.md, "Cell values").

Narrative text is taken from ``Report.sections`` (each section's ``text``, one paragraph per
line, without its tables: tables are printed from the cells, after the section's text).
``Report.paragraphs`` is not used. The report is signed with the agency's name and dated with
``Report.published`` (条例第四十九条/第五十条: the report is the agency's own, published by a date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..formats import Block, Format, Table
from ..report import CellRef, Number, Report

SHAPES = ("lines", "pipes", "paragraphs")

# Amounts are printed with at most this many decimals (annual-report-formats.md §11: 万元 with up
# to 4 decimals).
AMOUNT_DECIMALS = 4
_AMOUNT_QUANTUM = Decimal(1).scaleb(-AMOUNT_DECIMALS)


def format_number(value: Number) -> str:
    """A cell value as printed: integers as integers, amounts with up to four decimals.

    >>> format_number(Decimal("12.50")), format_number(Decimal("0.123456")), format_number(7)
    ('12.5', '0.1235', '7')
    """
    if isinstance(value, int):
        return str(value)
    if value.is_zero():
        return "0"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -AMOUNT_DECIMALS:
        value = value.quantize(_AMOUNT_QUANTUM, rounding=ROUND_HALF_UP)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def standard_title(agency: str | None, year: int | None) -> str:
    """The standard title {agency}{year}年政府信息公开工作年度报告 (the 条例第五十条 report)."""
    year_part = f"{year}年" if year is not None else ""
    return f"{agency or ''}{year_part}政府信息公开工作年度报告"


def chinese_date(day: dt.date) -> str:
    """A date as printed under the signature: "2023年1月15日"."""
    return f"{day.year}年{day.month}月{day.day}日"


# --- The document as a sequence of paragraphs and table rows --------------------------------


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _Row:
    cells: tuple[str | None, ...]  # None: a blank cell


_Item = _Text | _Row
_ValueOf = Callable[[str, str], str | None]  # (row key, column key) -> the printed cell


def table_rows(report: Report, table: Table) -> Iterator[tuple[str | None, ...]]:
    """The rows of a table as a reader of the published HTML sees them, merged cells once.

    Header rows come from the declaration (block label, 勾稽 note, caption, column groups,
    column labels); a data row is its group label (on the first row of a group), its label and
    its printed values, ``None`` for a blank or unread cell. The HTML and Word renderers of the
    report generator can lay the same rows out with spans.
    """

    def value(row: str, column: str) -> str | None:
        cell = report.cells.get(CellRef(table.key, row, column))
        return None if cell is None or cell.value is None else format_number(cell.value)

    if table.across:
        yield from _across_rows(table, value)
        return
    for index, block in enumerate(table.blocks):
        yield from _header_rows(table, block, first=index == 0)
        groups_seen: set[str] = set()
        for row in block.rows:
            labels: list[str] = []
            if row.group is not None and row.group not in groups_seen:
                groups_seen.add(row.group)
                labels.append(row.group)
            labels.append(row.label)
            yield (*labels, *(value(row.key, column.key) for column in block.columns))


def _header_rows(table: Table, block: Block, *, first: bool) -> Iterator[tuple[str, ...]]:
    if block.label:
        yield (block.label,)
    lead = tuple(text for text in (table.note if first else None, block.caption) if text)
    if lead:
        yield lead
    top: list[str] = [block.header] if block.header else []
    groups_seen: set[str] = set()
    for column in block.columns:
        if column.group is None:
            top.append(column.label)
        elif column.group not in groups_seen:
            groups_seen.add(column.group)
            top.append(column.group)
    yield tuple(top)
    grouped = tuple(c.label for c in block.columns if c.group is not None)
    if grouped:
        yield grouped


def _across_rows(table: Table, value: _ValueOf) -> Iterator[tuple[str | None, ...]]:
    """Table 4's layout: the rows side by side as column groups, one line of numbers below."""
    for block in table.blocks:
        top: list[str] = []
        middle: list[str] = []
        bottom: list[str] = []
        groups_seen: set[str] = set()
        for row in block.rows:
            labels = [column.label for column in block.columns]
            if row.group is None:
                top.append(row.label)
                middle.extend(labels)
            else:
                if row.group not in groups_seen:
                    groups_seen.add(row.group)
                    top.append(row.group)
                middle.append(row.label)
                bottom.extend(labels)
        yield tuple(top)
        yield tuple(middle)
        if bottom:
            yield tuple(bottom)
        yield tuple(value(r.key, c.key) for r, c in block.cells())


def _document(report: Report, fmt: Format | None) -> Iterator[_Item]:
    yield _Text(report.title or standard_title(report.agency, report.year))
    sections = fmt.sections if fmt is not None else ()
    for section in sections:
        given = report.section(section.key)
        yield _Text(given.heading if given and given.heading else section.title)
        if given is not None:
            for line in given.text.splitlines():
                if line.strip():
                    yield _Text(line.strip())
        if fmt is not None:
            for table in fmt.tables:
                if table.number == section.number:
                    yield from (_Row(cells) for cells in table_rows(report, table))
    if report.agency:
        yield _Text(report.agency)
    if report.published is not None:
        yield _Text(chinese_date(report.published))


# --- Shapes ----------------------------------------------------------------------------------


def _lines(items: list[_Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, _Text):
            out.append(item.text)
        else:
            out.extend(" " if cell is None else cell for cell in item.cells)
            out.append("")
    return out


def _pipes(items: list[_Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, _Text):
            out.append(item.text)
        else:
            out.append(" | ".join("" if cell is None else cell for cell in item.cells) + " |")
    return out


def _paragraphs(items: list[_Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        texts = (
            [item.text]
            if isinstance(item, _Text)
            else ["—" if c is None else c for c in item.cells]
        )
        for text in texts:
            if out:
                out.append("")
            out.append(text)
    return out


_SHAPERS = {"lines": _lines, "pipes": _pipes, "paragraphs": _paragraphs}


def render_text(report: Report, shape: str) -> str:
    """The report as plain text in one of :data:`SHAPES`, ending with a newline.

    The sections are those of the report's table format (``Report.format_key``); a report
    without a known format is printed as its title, signature and date only.
    """
    try:
        shaper = _SHAPERS[shape]
    except KeyError:
        raise ValueError(f"未知的文本样式“{shape}”，可选：{'、'.join(SHAPES)}") from None
    items = list(_document(report, report.format))
    return "\n".join(shaper(items)) + "\n"
