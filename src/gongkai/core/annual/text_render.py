"""The annual report as plain text: the paragraphs, and each table as `` | ``-joined rows (the
shape of the flattened reports agencies publish, which ``gongkai check`` reads)."""

from __future__ import annotations

from ..render.text import table_rows
from .layout import document
from .model import AnnualReport


def render_text(report: AnnualReport) -> str:
    """The report as UTF-8 plain text, ending with a newline."""
    tables = report.tables
    out: list[str] = []
    for part in document(report):
        if part.kind == "table":
            assert part.table is not None
            for cells in table_rows(tables, part.table):
                out.append(" | ".join("" if cell is None else cell for cell in cells) + " |")
        elif (
            part.kind in ("signature", "date") or part.kind == "paragraph" or part.kind == "opening"
        ):
            out.append(part.text)
        else:
            out.append(part.text)
    return "\n".join(out) + "\n"
