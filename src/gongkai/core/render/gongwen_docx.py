"""The 公文 page in DOCX (python-docx), after GB/T 9704—2012: what every gongkai document in Word
shares — the letters (:mod:`gongkai.core.letters.docx_render`) and the annual report
(:mod:`gongkai.core.annual.docx_render`).

* A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm).
* Title 2号 (22 pt) 方正小标宋简体; body 3号 (16 pt) 仿宋_GB2312 at an exact 28 pt line pitch;
  headings 黑体; page numbers 4号 (14 pt) 宋体 "— 1 —".
* Every run names its East Asian font (``w:eastAsia``): python-docx's ``run.font.name`` sets only
  the Latin slots, and Word then falls back to the theme's CJK font (dependencies.md §3).
* The language is zh-CN throughout: the default template says ``themeFontLang eastAsia="ja-JP"``,
  which makes Word pick Japanese glyph forms; it is replaced.
The 公文 font names are kept: the agency's Windows/WPS machines have them, and LibreOffice maps
them through the ``fonts.conf`` shipped beside :mod:`gongkai.core.letters`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from io import BytesIO
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
LANGUAGE = "zh-CN"

BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
LINE_PITCH = Pt(28)  # 22 lines on the 225 mm 版心
TITLE_PITCH = Pt(36)
INDENT = Pt(32)  # two characters of 3号


def set_fonts(rpr: Any, font: str) -> None:
    """Name ``font`` in every slot of ``w:rFonts`` and mark the text zh-CN."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def add_run(paragraph: Any, text: str, font: str, size: Pt) -> Any:
    run = paragraph.add_run(text)
    run.font.size = size
    set_fonts(run._r.get_or_add_rPr(), font)
    return run


def add_paragraph(
    document: Any,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    align: int = WD_ALIGN_PARAGRAPH.JUSTIFY,
    first_line: Pt | None = None,
    right: Pt | None = None,
) -> Any:
    """A paragraph at the 28 pt pitch, no space around it, in ``font``."""
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.alignment = align
    if first_line is not None:
        fmt.first_line_indent = first_line
    if right is not None:
        fmt.right_indent = right
    if text:
        add_run(paragraph, text, font, size)
    else:
        # An empty line still carries the body font, so its height is a 3号 line.
        mark = OxmlElement("w:rPr")  # the paragraph mark's run properties, last in w:pPr
        paragraph._p.get_or_add_pPr().append(mark)
        set_fonts(mark, font)
    return paragraph


def add_title(document: Any, text: str) -> Any:
    """The title: 2号 方正小标宋简体, centred, at a 36 pt pitch."""
    title = add_paragraph(
        document, text, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    title.paragraph_format.line_spacing = TITLE_PITCH
    return title


def add_signature(document: Any, signature: str) -> None:
    """GB/T 9704—2012 7.3.5.1: one empty line below the body, then the 署名 flush right, two
    characters in; neither stands alone on a page (7.3.5.3), so both keep with the date."""
    add_paragraph(document).paragraph_format.keep_with_next = True
    add_paragraph(
        document, signature, align=WD_ALIGN_PARAGRAPH.RIGHT, right=INDENT
    ).paragraph_format.keep_with_next = True


def add_date(document: Any, dated: str) -> None:
    """The date below the 署名, flush right, two characters in."""
    add_paragraph(document, dated, align=WD_ALIGN_PARAGRAPH.RIGHT, right=INDENT)


def _page_number_footer(section: Any) -> None:
    """ "— PAGE —" in 4号宋体, centred (GB/T 9704—2012 7.5)."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(footer, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    inner.append(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(PAGE_NUMBER_SIZE.pt * 2)))
    rpr.append(size)
    set_fonts(rpr, PAGE_NUMBER_FONT)  # w:rFonts first, w:sz, then w:lang: the schema's order
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    footer._p.append(field)
    add_run(footer, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _chinese_defaults(document: Any) -> None:
    """zh-CN and the body font as the document's defaults (styles and settings)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    set_fonts(rpr, BODY_FONT)
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), LANGUAGE)


def new_document(
    *, title: str, subject: str, author: str, keywords: str, dated: date | None
) -> Any:
    """An empty 公文 document: zh-CN defaults, the A4 page with its margins and page numbers, and
    the document properties (created and modified on ``dated``, when given, at midnight UTC)."""
    document = docx.Document()
    _chinese_defaults(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.footer_distance = Mm(28) - Mm(7)  # page number 7 mm below the 版心
    _page_number_footer(section)

    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.language = LANGUAGE
    props.keywords = keywords
    props.comments = ""
    if dated is not None:
        stamp = datetime.combine(dated, time(), tzinfo=UTC)
        props.created = stamp
        props.modified = stamp
    props.last_modified_by = author
    props.revision = 1

    # The default template's first (empty) paragraph would push the title down.
    for stray in list(document.paragraphs):
        stray._p.getparent().remove(stray._p)
    return document


def to_bytes(document: Any) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
