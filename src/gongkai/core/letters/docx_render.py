"""Render a letter as DOCX (python-docx), laid out as a 公文 (GB/T 9704—2012).

* A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm).
* Title 2号 (22 pt) 方正小标宋简体, centred; body 3号 (16 pt) 仿宋_GB2312 at an exact 28 pt line
  pitch, first line indented two characters; headings 黑体; page numbers 4号 (14 pt) 宋体 "— 1 —".
* Every run names its East Asian font (``w:eastAsia``): python-docx's ``run.font.name`` sets only
  the Latin slots, and Word then falls back to the theme's CJK font (dependencies.md §3).
* The language is zh-CN throughout: the default template says ``themeFontLang eastAsia="ja-JP"``,
  which makes Word pick Japanese glyph forms; it is replaced.
The 公文 font names are kept: the agency's Windows/WPS machines have them, and LibreOffice maps
them through the ``fonts.conf`` shipped beside this module.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from io import BytesIO
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.core.letters.model import Letter, ParagraphStyle, enclosure_lines

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
LANGUAGE = "zh-CN"

BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
CONTACT_SIZE = Pt(12)  # 小4号, for the 附注 line
LINE_PITCH = Pt(28)  # 22 lines on the 225 mm 版心
INDENT = Pt(32)  # two characters of 3号


def _set_fonts(rpr: Any, font: str) -> None:
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


def _run(paragraph: Any, text: str, font: str, size: Pt) -> Any:
    run = paragraph.add_run(text)
    run.font.size = size
    _set_fonts(run._r.get_or_add_rPr(), font)
    return run


def _paragraph(
    document: Any,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    align: int = WD_ALIGN_PARAGRAPH.JUSTIFY,
    first_line: Pt | None = None,
    right: Pt | None = None,
) -> Any:
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
        _run(paragraph, text, font, size)
    else:
        # An empty line still carries the body font, so its height is a 3号 line.
        mark = OxmlElement("w:rPr")  # the paragraph mark's run properties, last in w:pPr
        paragraph._p.get_or_add_pPr().append(mark)
        _set_fonts(mark, font)
    return paragraph


def _page_number_footer(section: Any) -> None:
    """ "— PAGE —" in 4号宋体, centred (GB/T 9704—2012 7.5)."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    inner.append(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(PAGE_NUMBER_SIZE.pt * 2)))
    rpr.append(size)
    _set_fonts(rpr, PAGE_NUMBER_FONT)  # w:rFonts first, w:sz, then w:lang: the schema's order
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    footer._p.append(field)
    _run(footer, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _chinese_defaults(document: Any) -> None:
    """zh-CN and the body font as the document's defaults (styles and settings)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _set_fonts(rpr, BODY_FONT)
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), LANGUAGE)


def render_docx(letter: Letter) -> bytes:
    """The letter as a .docx file that opens in Word, WPS and LibreOffice."""
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
    props.title = f"{letter.title}（{letter.number}）"
    props.subject = letter.title
    props.author = letter.agency.name
    props.language = LANGUAGE
    props.keywords = letter.number
    props.comments = ""
    stamp = datetime.combine(letter.issued_on, time(), tzinfo=UTC)
    props.created = stamp
    props.modified = stamp
    props.last_modified_by = letter.agency.name
    props.revision = 1

    # The default template's first (empty) paragraph would push the title down.
    for stray in list(document.paragraphs):
        stray._p.getparent().remove(stray._p)

    center = WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    title = _paragraph(document, letter.title, font=TITLE_FONT, size=TITLE_SIZE, align=center)
    title.paragraph_format.line_spacing = Pt(36)
    _paragraph(document, letter.number, align=center)
    _paragraph(document)
    _paragraph(document, f"{letter.addressee.name}：")
    for paragraph in letter.paragraphs:
        font = HEADING_FONT if paragraph.style is ParagraphStyle.HEADING else BODY_FONT
        _paragraph(document, paragraph.text, font=font, first_line=INDENT)
    if letter.remedy:
        _paragraph(document, letter.remedy, first_line=INDENT)
    if letter.enclosures:
        _paragraph(document)
        for line in enclosure_lines(letter.enclosures):
            _paragraph(document, line, first_line=INDENT)
    # GB/T 9704—2012 7.3.5.1: one empty line below the body, then the 署名 and the date; the
    # signature never stands alone on a page (7.3.5.3), so the last paragraph keeps with it.
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    _paragraph(document).paragraph_format.keep_with_next = True
    _paragraph(
        document, letter.signature, align=right, right=INDENT
    ).paragraph_format.keep_with_next = True
    _paragraph(document, letter.issued_text, align=right, right=INDENT)
    if letter.contact:
        # 附注 (GB/T 9704—2012 7.3.6): the line below the date, two characters in, in brackets.
        contact = _paragraph(document, letter.contact, size=CONTACT_SIZE, first_line=Pt(24))
        contact.paragraph_format.line_spacing = Pt(16)

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
