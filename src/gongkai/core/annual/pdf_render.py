"""The annual report as PDF: the HTML page laid out by WeasyPrint on A4 with page numbers, the
Chinese glyphs embedded as subset CID fonts (the letters' font setup: ``fonts.conf`` through
``FONTCONFIG_FILE``, the 仿宋 face limited to the ranges its stand-in really covers)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..letters.pdf_render import chinese_fontconfig
from .html_render import render_html
from .model import AnnualReport


@cache
def _font_config() -> Any:
    """One font configuration for every report: the Chinese faces are looked up and loaded
    once, not on every rendering (about a quarter of a report's PDF time). Made, like every
    rendering, inside :func:`chinese_fontconfig` (which also serialises its use)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(report: AnnualReport) -> bytes:
    with chinese_fontconfig():
        # Deferred: loading Pango is slow and only PDF needs it.
        import weasyprint

        html = weasyprint.HTML(string=render_html(report, for_pdf=True), base_url=None)
        pdf = html.write_pdf(font_config=_font_config())
    assert isinstance(pdf, bytes)
    return pdf
