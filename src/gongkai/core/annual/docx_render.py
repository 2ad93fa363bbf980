"""The annual report as DOCX (python-docx), laid out as a 公文 after GB/T 9704—2012.

The page, fonts and language are the letters' (:mod:`gongkai.core.render.gongwen_docx`): A4,
版心 156 × 225 mm, title 2号 方正小标宋简体, body 3号 仿宋_GB2312 at a 28 pt pitch, 一级标题 黑体,
二级标题 楷体_GB2312, page numbers "— 1 —" in 4号宋体, every run naming its East Asian font and
zh-CN. The official font names are kept, so a government PC shows them; LibreOffice maps them
through ``fonts.conf``. Tables are real Word tables with the format's merged headers (the same
grid as the HTML), in 五号 (10.5 pt) 宋体, single-spaced, rows that do not break across pages.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell

from ..render.gongwen_docx import (
    BODY_FONT,
    HEADING_FONT,
    INDENT,
    add_date,
    add_paragraph,
    add_signature,
    add_title,
    new_document,
    set_fonts,
    to_bytes,
)
from .layout import GridRow, document, grid, grid_width
from .model import AnnualReport

SUBHEADING_FONT = "楷体_GB2312"
TABLE_FONT = "宋体"
TABLE_SIZE = Pt(10.5)  # 五号
NOTE_SIZE = Pt(9)
FOOTNOTE_SIZE = Pt(12)  # 小四


def _borders(table: Any) -> None:
    """Single black borders on every cell (python-docx's default table has none)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.append(borders)


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    tr_pr.append(element)


def _header_row(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _fill(cell: Any, text: str, kind: str) -> None:
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.alignment = (
        WD_ALIGN_PARAGRAPH.LEFT if kind in ("label", "note") else WD_ALIGN_PARAGRAPH.CENTER
    )
    run = paragraph.add_run(text)
    run.font.size = NOTE_SIZE if kind == "note" else TABLE_SIZE
    run.bold = kind == "head"
    set_fonts(run._r.get_or_add_rPr(), TABLE_FONT)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _table(document: Any, rows: list[GridRow], headers: int) -> None:
    width = grid_width(rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table)
    # Every grid cell fetched once before merging: python-docx's table.cell(r, c) rescans the
    # whole table on each call (quadratic in the cells). Merges never overlap, so each stays valid.
    cells = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            target = cells[r][c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(cells[r + cell.rowspan - 1][c + cell.colspan - 1])
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            _fill(target, cell.text, cell.kind)
            c += cell.colspan
    for index, row in enumerate(table.rows):
        _cant_split(row)
        if index < headers:
            _header_row(row)


def _headers(rows: list[GridRow]) -> int:
    count = 0
    for row in rows:
        if any(cell.kind == "value" for cell in row):
            break
        count += 1
    return count


def render_docx(report: AnnualReport) -> bytes:
    """The report as a .docx that opens in Word, WPS and LibreOffice."""
    doc = new_document(
        title=report.title,
        subject="政府信息公开工作年度报告",
        author=report.agency.name,
        keywords=f"{report.year}年度",
        dated=report.published,
    )
    for part in document(report):
        if part.kind == "title":
            add_title(doc, part.text)
            add_paragraph(doc)
        elif part.kind == "section":
            add_paragraph(
                doc, part.text, font=HEADING_FONT, first_line=INDENT
            ).paragraph_format.keep_with_next = True
        elif part.kind == "heading":
            add_paragraph(
                doc, part.text, font=SUBHEADING_FONT, first_line=INDENT
            ).paragraph_format.keep_with_next = True
        elif part.kind == "table":
            assert part.table is not None
            for rows in grid(report, part.table):
                _table(doc, rows, _headers(rows))
        elif part.kind == "footnote":
            note = add_paragraph(doc, part.text, size=FOOTNOTE_SIZE)
            note.paragraph_format.line_spacing = Pt(18)
        elif part.kind == "signature":
            add_signature(doc, part.text)
        elif part.kind == "date":
            add_date(doc, part.text)
        else:
            add_paragraph(doc, part.text, font=BODY_FONT, first_line=INDENT)
    return to_bytes(doc)
