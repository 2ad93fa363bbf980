"""Render a letter as DOCX (python-docx), laid out as a 公文 (GB/T 9704—2012).

The page, fonts, language and page numbers are :mod:`gongkai.core.render.gongwen_docx`'s: A4,
版心 156 × 225 mm, title 2号 方正小标宋简体 centred, body 3号 仿宋_GB2312 at an exact 28 pt
line pitch, first line indented two characters, headings 黑体, page numbers 4号宋体 "— 1 —",
every run naming its East Asian font and zh-CN. Below the title, the letter's number and the
addressee; below the body, the remedy, the enclosures, the 署名, the date and the 附注.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from gongkai.core.letters.model import Letter, ParagraphStyle, enclosure_lines
from gongkai.core.render.gongwen_docx import (
    BODY_FONT,
    HEADING_FONT,
    INDENT,
    add_date,
    add_paragraph,
    add_signature,
    add_title,
    new_document,
    to_bytes,
)

CONTACT_SIZE = Pt(12)  # 小4号, for the 附注 line


def render_docx(letter: Letter) -> bytes:
    """The letter as a .docx file that opens in Word, WPS and LibreOffice."""
    document = new_document(
        title=f"{letter.title}（{letter.number}）",
        subject=letter.title,
        author=letter.agency.name,
        keywords=letter.number,
        dated=letter.issued_on,
    )
    add_title(document, letter.title)
    add_paragraph(document, letter.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_paragraph(document)
    add_paragraph(document, f"{letter.addressee.name}：")
    for paragraph in letter.paragraphs:
        font = HEADING_FONT if paragraph.style is ParagraphStyle.HEADING else BODY_FONT
        add_paragraph(document, paragraph.text, font=font, first_line=INDENT)
    if letter.remedy:
        add_paragraph(document, letter.remedy, first_line=INDENT)
    if letter.enclosures:
        add_paragraph(document)
        for line in enclosure_lines(letter.enclosures):
            add_paragraph(document, line, first_line=INDENT)
    # The signature never stands alone on a page (GB/T 9704—2012 7.3.5.3): the body's last
    # paragraph keeps with it.
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    add_signature(document, letter.signature)
    add_date(document, letter.issued_text)
    if letter.contact:
        # 附注 (GB/T 9704—2012 7.3.6): the line below the date, two characters in, in brackets.
        contact = add_paragraph(document, letter.contact, size=CONTACT_SIZE, first_line=Pt(24))
        contact.paragraph_format.line_spacing = Pt(16)
    return to_bytes(document)
