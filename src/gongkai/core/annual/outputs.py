"""Every output of an annual report by name, all from one :class:`AnnualReport`."""

from __future__ import annotations

from collections.abc import Callable

from .model import AnnualReport

FORMATS = ("html", "docx", "pdf", "txt", "json")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
}


def _html(report: AnnualReport) -> bytes:
    from .html_render import render_html

    return render_html(report).encode("utf-8")


def _txt(report: AnnualReport) -> bytes:
    from .text_render import render_text

    return render_text(report).encode("utf-8")


def _docx(report: AnnualReport) -> bytes:
    from .docx_render import render_docx

    return render_docx(report)


def _pdf(report: AnnualReport) -> bytes:
    from .pdf_render import render_pdf

    return render_pdf(report)


def _json(report: AnnualReport) -> bytes:
    from .json_render import render_json_bytes

    return render_json_bytes(report)


_RENDERERS: dict[str, Callable[[AnnualReport], bytes]] = {
    "html": _html,
    "docx": _docx,
    "pdf": _pdf,
    "txt": _txt,
    "json": _json,
}


def render(report: AnnualReport, fmt: str) -> bytes:
    """The bytes of one output (``fmt`` one of :data:`FORMATS`)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式“{fmt}”，可选：{'、'.join(FORMATS)}") from None
    return renderer(report)
