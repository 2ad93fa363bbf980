"""The printed layout of an annual report, shared by every output (HTML, Word, PDF, text).

:func:`document` lists the blocks in reading order (title, opening, section headings, paragraphs,
tables, footnotes, signature, date). :func:`grid` lays a table out as the official format prints
it — rows of cells with their row and column spans (the merged headers of tables 3 and 4, the
group labels of table 3 spanning their rows) — so the HTML ``rowspan``/``colspan`` and the Word
merges are made from one description.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..formats import Block, Table
from ..formats.common import RESULTS
from ..render.text import chinese_date, format_number
from ..report import CellRef
from .model import AnnualReport


@dataclass(frozen=True)
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # "head" (column header), "label" (row label), "value", "note"
    ref: CellRef | None = None  # for values


GridRow = tuple[GridCell, ...]


@dataclass(frozen=True)
class Part:
    """One block of the document. ``kind``: title, opening, section, heading, paragraph,
    table, footnote, signature, date."""

    kind: str
    text: str = ""
    table: Table | None = None
    generated: bool = False  # a generated paragraph (HTML marks it for the reviewer)


def _value(report: AnnualReport, ref: CellRef) -> GridCell:
    cell = report.tables.cells.get(ref)
    text = "0" if cell is None or cell.value is None else format_number(cell.value)
    return GridCell(text, kind="value", ref=ref)


def _block_grid(report: AnnualReport, table: Table, block: Block) -> Iterator[GridRow]:
    """A table-2 block: the clause label across the block, the header row, the data rows."""
    width = 1 + len(block.columns)
    if block.label:
        yield (GridCell(block.label, colspan=width, kind="head"),)
    yield (
        GridCell(block.header or "", kind="head"),
        *(GridCell(c.label, kind="head") for c in block.columns),
    )
    for row in block.rows:
        yield (
            GridCell(row.label),
            *(_value(report, CellRef(table.key, row.key, c.key)) for c in block.columns),
        )


def _t3_grid(report: AnnualReport, table: Table) -> Iterator[GridRow]:
    block = table.blocks[0]
    columns = block.columns
    grouped = [c for c in columns if c.group]
    group = grouped[0].group if grouped else ""
    yield (
        GridCell(table.note or "", rowspan=3, colspan=3, kind="note"),
        GridCell(block.caption or "", colspan=len(columns), kind="head"),
    )
    second: list[GridCell] = []
    seen = False
    for column in columns:
        if column.group is None:
            second.append(GridCell(column.label, rowspan=2, kind="head"))
        elif not seen:
            seen = True
            second.append(GridCell(group or "", colspan=len(grouped), kind="head"))
    yield tuple(second)
    yield tuple(GridCell(c.label, kind="head") for c in grouped)
    rows = block.rows
    # 三、本年度办理结果: the outcome rows and （七）总计 (the 2019 format declares its single
    # （六）其他处理 row without a group, but it sits under 三 like the others).
    in_results = {*report.format.outcome_rows, "closed_total"}
    results = [r for r in rows if r.key in in_results]
    groups: dict[str, int] = {}
    for r in results:
        if r.group not in (None, RESULTS):
            groups[r.group or ""] = groups.get(r.group or "", 0) + 1
    first_result = True
    groups_seen: set[str] = set()
    for row in rows:
        values = tuple(_value(report, CellRef(table.key, row.key, c.key)) for c in columns)
        labels: list[GridCell] = []
        if row.key not in in_results:
            labels.append(GridCell(row.label, colspan=3))
        else:
            if first_result:
                first_result = False
                labels.append(GridCell(RESULTS, rowspan=len(results)))
            if row.group in (None, RESULTS):
                labels.append(GridCell(row.label, colspan=2))
            else:
                if row.group not in groups_seen:
                    groups_seen.add(row.group)
                    labels.append(GridCell(row.group, rowspan=groups[row.group]))
                labels.append(GridCell(row.label))
        yield (*labels, *values)


def _t4_grid(report: AnnualReport, table: Table) -> Iterator[GridRow]:
    block = table.blocks[0]
    n = len(block.columns)
    top: list[GridCell] = []
    middle: list[GridCell] = []
    bottom: list[GridCell] = []
    groups: dict[str, int] = {}
    for row in block.rows:
        if row.group:
            groups[row.group] = groups.get(row.group, 0) + 1
    seen: set[str] = set()
    for row in block.rows:
        if row.group is None:
            top.append(GridCell(row.label, rowspan=2, colspan=n, kind="head"))
            bottom.extend(GridCell(c.label, kind="head") for c in block.columns)
        else:
            if row.group not in seen:
                seen.add(row.group)
                top.append(GridCell(row.group, colspan=n * groups[row.group], kind="head"))
            middle.append(GridCell(row.label, colspan=n, kind="head"))
            bottom.extend(GridCell(c.label, kind="head") for c in block.columns)
    yield tuple(top)
    yield tuple(middle)
    yield tuple(bottom)
    yield tuple(_value(report, CellRef(table.key, r.key, c.key)) for r, c in block.cells())


def grid(report: AnnualReport, table: Table) -> list[list[GridRow]]:
    """The table as one or more grids (table 2: one per 第二十条 clause block)."""
    if table.across:
        return [list(_t4_grid(report, table))]
    if table.note:
        return [list(_t3_grid(report, table))]
    return [list(_block_grid(report, table, block)) for block in table.blocks]


def grid_width(rows: list[GridRow]) -> int:
    return sum(c.colspan for c in rows[0]) if rows else 0


def document(report: AnnualReport) -> Iterator[Part]:
    """The report's blocks in reading order."""
    fmt = report.format
    yield Part("title", report.title)
    yield Part("opening", report.opening, generated=True)
    for section in fmt.sections:
        yield Part("section", section.title)
        if section.key == "overview":
            for heading in report.overview:
                yield Part("heading", heading.title)
                text = heading.generated_text
                if text:
                    yield Part("paragraph", text, generated=True)
                for paragraph in heading.officer.splitlines():
                    if paragraph.strip():
                        yield Part("paragraph", paragraph.strip())
        elif section.key == "other":
            generated = "".join(s.text for s in report.other_generated)
            if generated:
                yield Part("paragraph", generated, generated=True)
            for paragraph in report.section_paragraphs("other")[1 if generated else 0 :]:
                yield Part("paragraph", paragraph)
        else:
            for paragraph in report.section_paragraphs(section.key):
                yield Part("paragraph", paragraph)
        for table in fmt.tables:
            if table.number == section.number:
                yield Part("table", table=table)
                for line in report.footnote_lines(table.key):
                    yield Part("footnote", line)
    yield Part("signature", report.agency.name)
    if report.published is not None:
        yield Part("date", chinese_date(report.published))
