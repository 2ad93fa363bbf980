"""The annual report as DOCX (python-docx), laid out as a 公文 after GB/T 9704—2012.

The page, fonts and language are the letters' (:mod:`gongkai.core.letters.docx_render`): A4,
版心 156 × 225 mm, title 2号 方正小标宋简体, body 3号 仿宋_GB2312 at a 28 pt pitch, 一级标题 黑体,
二级标题 楷体_GB2312, page numbers "— 1 —" in 4号宋体, every run naming its East Asian font and
zh-CN. The official font names are kept, so a government PC shows them; LibreOffice maps them
through ``fonts.conf``. Tables are real Word tables with the format's merged headers (the same
grid as the HTML), in 五号 (10.5 pt) 宋体, single-spaced, rows that do not break across pages.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from io import BytesIO
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from ..letters.docx_render import (
    BODY_FONT,
    HEADING_FONT,
    INDENT,
    LANGUAGE,
    TITLE_FONT,
    TITLE_SIZE,
    _chinese_defaults,
    _page_number_footer,
    _paragraph,
    _set_fonts,
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
    _set_fonts(run._r.get_or_add_rPr(), TABLE_FONT)
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
    doc = docx.Document()
    _chinese_defaults(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.footer_distance = Mm(28) - Mm(7)
    _page_number_footer(section)

    props = doc.core_properties
    props.title = report.title
    props.subject = "政府信息公开工作年度报告"
    props.author = report.agency.name
    props.language = LANGUAGE
    props.keywords = f"{report.year}年度"
    props.comments = ""
    if report.published is not None:
        stamp = datetime.combine(report.published, time(), tzinfo=UTC)
        props.created = stamp
        props.modified = stamp
    props.last_modified_by = report.agency.name
    props.revision = 1
    for stray in list(doc.paragraphs):
        stray._p.getparent().remove(stray._p)

    center = WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    for part in document(report):
        if part.kind == "title":
            title = _paragraph(doc, part.text, font=TITLE_FONT, size=TITLE_SIZE, align=center)
            title.paragraph_format.line_spacing = Pt(36)
            _paragraph(doc)
        elif part.kind == "section":
            _paragraph(
                doc, part.text, font=HEADING_FONT, first_line=INDENT
            ).paragraph_format.keep_with_next = True
        elif part.kind == "heading":
            _paragraph(
                doc, part.text, font=SUBHEADING_FONT, first_line=INDENT
            ).paragraph_format.keep_with_next = True
        elif part.kind == "table":
            assert part.table is not None
            for rows in grid(report, part.table):
                _table(doc, rows, _headers(rows))
        elif part.kind == "footnote":
            note = _paragraph(doc, part.text, size=FOOTNOTE_SIZE)
            note.paragraph_format.line_spacing = Pt(18)
        elif part.kind == "signature":
            _paragraph(doc).paragraph_format.keep_with_next = True
            _paragraph(
                doc, part.text, align=right, right=INDENT
            ).paragraph_format.keep_with_next = True
        elif part.kind == "date":
            _paragraph(doc, part.text, align=right, right=INDENT)
        else:
            _paragraph(doc, part.text, font=BODY_FONT, first_line=INDENT)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
