"""The annual report as PDF: the HTML page laid out by WeasyPrint on A4 with page numbers, the
Chinese glyphs embedded as subset CID fonts (the letters' font setup: ``fonts.conf`` through
``FONTCONFIG_FILE``, the 仿宋 face limited to the ranges its stand-in really covers)."""

from __future__ import annotations

from ..letters.pdf_render import chinese_fontconfig
from .html_render import render_html
from .model import AnnualReport


def render_pdf(report: AnnualReport) -> bytes:
    with chinese_fontconfig():
        # Deferred: loading Pango is slow and only PDF needs it. WeasyPrint ships no type hints.
        import weasyprint  # type: ignore[import-untyped]

        pdf = weasyprint.HTML(string=render_html(report, for_pdf=True), base_url=None).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
