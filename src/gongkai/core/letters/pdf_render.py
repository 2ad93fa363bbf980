"""Render a letter as HTML (the web preview) and as PDF through WeasyPrint.

The PDF embeds its Chinese glyphs (CID fonts, subset). Three traps from dependencies.md §3 are
handled here:

* the HTML declares ``<meta charset="utf-8">`` and is passed as a string, never decoded as
  Latin-1;
* the CSS font stacks name the 公文 fonts first (an agency machine that has them uses them), then
  the free fonts this package's ``fonts.conf`` maps them to (Noto Serif CJK SC, AR PL UKai CN),
  then HanaMinA/HanaMinB for rare characters (生僻字 in applicants' names, CJK Ext-A/B) —
  a character no font covers would make WeasyPrint write a font that pdfplumber cannot read;
* ``FONTCONFIG_FILE`` points at ``fonts.conf`` for the render call, so the aliases apply
  without touching the system's fontconfig.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from importlib import resources
from pathlib import Path

from gongkai.core.letters.model import Letter, ParagraphStyle, enclosure_lines

RARE = '"HanaMinA", "HanaMinB"'
# "gongkai-fangsong" is the @font-face below: the real 仿宋_GB2312 when the server has it, else
# AR PL UKai CN, for the unified ideographs only.
BODY_STACK = f'"gongkai-fangsong", "Noto Serif CJK SC", {RARE}, serif'
TITLE_STACK = f'"方正小标宋简体", "Noto Serif CJK SC", {RARE}, serif'
HEADING_STACK = f'"黑体", "SimHei", "Noto Sans CJK SC", {RARE}, sans-serif'
PAGE_NUMBER_STACK = f'"宋体", "SimSun", "Noto Serif CJK SC", {RARE}, serif'

# AR PL UKai (the free stand-in for 仿宋) maps many CJK Ext-A/Ext-B code points to EMPTY glyphs
# (U+4DAE 䶮 among them): Pango takes the mapping as coverage and prints nothing. So the 仿宋
# family is declared here with a unicode-range limited to the unified ideographs, punctuation
# and Latin; every other character falls through to Noto Serif CJK SC, then HanaMin.
# ``local()`` takes PostScript names: the real font first, then the stand-in. The family has a
# name of its own: under the name "仿宋_GB2312" fontconfig's alias (fonts.conf) would add UKai
# again with its full, partly empty, coverage.
FANGSONG_FACE = """
@font-face {
  font-family: "gongkai-fangsong";
  src: local("FangSong_GB2312"), local("FangSong"), local("UKaiCN");
  unicode-range: U+0000-33FF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF;
}
"""

# The 公文 page (GB/T 9704—2012): A4, the 版心's margins, "— 1 —" in 4号宋体 7 mm below it.
PAGE_CSS = f"""@page {{
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{
    content: "— " counter(page) " —";
    font-family: {PAGE_NUMBER_STACK};
    font-size: 14pt;
    vertical-align: top;
    padding-top: 7mm;
  }}
}}
"""

CSS = (
    FANGSONG_FACE
    + "\n"
    + PAGE_CSS
    + f"""html {{ font-family: {BODY_STACK}; font-size: 16pt; line-height: 28pt; color: #000; }}
body {{ margin: 0; }}
h1 {{
  font-family: {TITLE_STACK}; font-size: 22pt; line-height: 36pt; font-weight: normal;
  text-align: center; margin: 0;
}}
p {{ margin: 0; text-align: justify; }}
.number {{ text-align: center; margin-bottom: 28pt; }}
.body {{ text-indent: 2em; }}
.heading {{ text-indent: 2em; font-family: {HEADING_STACK}; }}
.enclosures {{ break-before: avoid; margin-top: 28pt; }}
.signature {{ break-before: avoid; break-inside: avoid; margin-top: 28pt; text-align: right; padding-right: 2em; }}
.signature p {{ text-align: right; }}
.contact {{ text-indent: 2em; font-size: 12pt; line-height: 16pt; }}
"""
)

_FONTCONFIG_LOCK = threading.Lock()


def fonts_conf_path() -> Path:
    """The fontconfig file shipped with this package (the 公文 font aliases)."""
    return Path(str(resources.files("gongkai.core.letters").joinpath("fonts.conf")))


@contextmanager
def chinese_fontconfig() -> Iterator[None]:
    """Point FONTCONFIG_FILE at the package's ``fonts.conf`` while a PDF is rendered."""
    with _FONTCONFIG_LOCK:
        previous = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(fonts_conf_path())
        try:
            yield
        finally:
            if previous is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = previous


def render_html(letter: Letter, *, standalone: bool = True) -> str:
    """The letter as HTML; ``standalone=False`` gives the ``<article>`` alone (web preview)."""
    parts = [
        '<article class="letter" lang="zh-CN">',
        f"<h1>{escape(letter.title)}</h1>",
        f'<p class="number">{escape(letter.number)}</p>',
        f"<p>{escape(letter.addressee.name)}：</p>",
    ]
    for paragraph in letter.paragraphs:
        css = "heading" if paragraph.style is ParagraphStyle.HEADING else "body"
        parts.append(f'<p class="{css}">{escape(paragraph.text)}</p>')
    if letter.remedy:
        parts.append(f'<p class="body remedy">{escape(letter.remedy)}</p>')
    if letter.enclosures:
        parts.append('<div class="enclosures">')
        parts += [
            f'<p class="body">{escape(line)}</p>' for line in enclosure_lines(letter.enclosures)
        ]
        parts.append("</div>")
    parts += [
        '<div class="signature">',
        f"<p>{escape(letter.signature)}</p>",
        f"<p>{escape(letter.issued_text)}</p>",
        "</div>",
    ]
    if letter.contact:
        parts.append(f'<p class="contact">{escape(letter.contact)}</p>')
    parts.append("</article>")
    article = "\n".join(parts)
    if not standalone:
        return article
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(letter.title)}（{escape(letter.number)}）</title>\n"
        f'<meta name="author" content="{escape(letter.agency.name)}">\n'
        f'<meta name="keywords" content="{escape(letter.number)}">\n'
        f'<meta name="dcterms.created" content="{letter.issued_on.isoformat()}">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{article}\n</body>\n</html>\n"
    )


def render_pdf(letter: Letter) -> bytes:
    """The letter as a PDF on A4 pages, with the Chinese glyphs embedded (subset CID fonts)."""
    with chinese_fontconfig():
        # Deferred: loading Pango is slow and only PDF needs it. WeasyPrint ships no type hints.
        import weasyprint

        document = weasyprint.HTML(string=render_html(letter), base_url=None)
        pdf = document.write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
