"""The annual report as an HTML page: the official table layout with merged headers (rowspan and
colspan from :func:`.layout.grid`), a screen and a print stylesheet, and the 公文 font stacks
(the official font names first, the free stand-ins of ``fonts.conf`` next).

The same HTML, with ``for_pdf=True`` (page size, margins, page numbers), is what WeasyPrint
renders into the PDF.
"""

from __future__ import annotations

from html import escape

from ..letters.pdf_render import (
    BODY_STACK,
    FANGSONG_FACE,
    HEADING_STACK,
    PAGE_CSS,
    TITLE_STACK,
)
from .layout import GridRow, Part, document, grid, grid_width
from .model import AnnualReport

TABLE_STACK = '"宋体", "SimSun", "Noto Serif CJK SC", serif'

BASE_CSS = (
    FANGSONG_FACE
    + f"""
.annual-report {{ font-family: {BODY_STACK}; font-size: 16pt; line-height: 1.75; color: #000;
  max-width: 210mm; margin: 0 auto; }}
.annual-report h1 {{ font-family: {TITLE_STACK}; font-size: 22pt; font-weight: normal;
  text-align: center; line-height: 1.5; margin: 0 0 0.8em; }}
.annual-report h2 {{ font-family: {HEADING_STACK}; font-size: 16pt; font-weight: normal;
  margin: 0.4em 0 0; text-indent: 2em; }}
.annual-report h3 {{ font-family: "楷体_GB2312", "KaiTi", "AR PL UKai CN", serif; font-size: 16pt;
  font-weight: normal; margin: 0; text-indent: 2em; }}
.annual-report p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.annual-report p.footnote {{ font-size: 12pt; line-height: 1.5; text-indent: 0; }}
.annual-report p.signature, .annual-report p.date {{ text-align: right; padding-right: 2em; }}
.annual-report p.signature {{ margin-top: 1.75em; }}
.annual-report table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0;
  font-family: {TABLE_STACK}; font-size: 10.5pt; line-height: 1.35; }}
.annual-report td {{ border: 1px solid #000; padding: 2pt 3pt; text-align: center;
  vertical-align: middle; }}
.annual-report td.label {{ text-align: left; }}
.annual-report td.note {{ font-size: 9pt; text-align: left; }}
.annual-report td.value {{ text-align: center; white-space: nowrap; }}
.annual-report td.head {{ font-weight: bold; }}
.annual-report table.t4 td {{ font-size: 9.5pt; }}
.annual-report h2, .annual-report h3 {{ break-after: avoid; }}
.annual-report table.t3 col.l1 {{ width: 7%; }}
.annual-report table.t3 col.l2 {{ width: 9%; }}
.annual-report table.t3 col.l3 {{ width: 30%; }}
.annual-report table.t2 col.l1 {{ width: 40%; }}
@media print {{
  .annual-report {{ max-width: none; }}
  .annual-report tr, .annual-report table.t2, .annual-report table.t4 {{ break-inside: avoid; }}
}}
"""
)

PDF_CSS = (
    "\n"
    + PAGE_CSS
    + """body { margin: 0; }
.annual-report { max-width: none; line-height: 28pt; }
.annual-report table { line-height: 1.3; table-layout: fixed; }
"""
)


def _table(rows: list[GridRow], css: str) -> str:
    out = [f'<table class="{css}">']
    width = grid_width(rows)
    labels = {"t3": 3, "t2": 1}.get(css, 0)
    out.append(
        "<colgroup>"
        + "".join(f'<col class="l{i + 1}">' if i < labels else "<col>" for i in range(width))
        + "</colgroup>"
    )
    heads = next((i for i, row in enumerate(rows) if any(c.kind == "value" for c in row)), 0)
    for index, row in enumerate(rows):
        if index == 0 and heads:
            out.append("<thead>")
        if index == heads:
            out.append("</thead><tbody>" if heads else "<tbody>")
        cells = []
        for cell in row:
            attrs = f' class="{cell.kind}"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.ref is not None:
                attrs += f' data-cell="{cell.ref.table}.{cell.ref.row}.{cell.ref.column}"'
            cells.append(f"<td{attrs}>{escape(cell.text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _part(report: AnnualReport, part: Part) -> str:
    text = escape(part.text)
    generated = ' data-generated="true"' if part.generated else ""
    if part.kind == "title":
        return f"<h1>{text}</h1>"
    if part.kind == "section":
        return f"<h2>{text}</h2>"
    if part.kind == "heading":
        return f"<h3>{text}</h3>"
    if part.kind == "table":
        assert part.table is not None
        return "\n".join(_table(rows, part.table.key) for rows in grid(report, part.table))
    css = {"opening": "opening", "footnote": "footnote", "signature": "signature", "date": "date"}
    return f'<p class="{css.get(part.kind, "body")}"{generated}>{text}</p>'


def render_article(report: AnnualReport) -> str:
    """The ``<article>`` alone (the web workspace shows it inside its own page)."""
    body = "\n".join(_part(report, part) for part in document(report))
    return f'<article class="annual-report" lang="zh-CN">\n{body}\n</article>'


def render_html(report: AnnualReport, *, for_pdf: bool = False) -> str:
    """A standalone HTML page (UTF-8 declared), or the page WeasyPrint lays out for the PDF."""
    css = BASE_CSS + (PDF_CSS if for_pdf else "")
    # A draft has no publication date yet: no empty date (WeasyPrint warns about one).
    created = (
        f'<meta name="dcterms.created" content="{report.published.isoformat()}">\n'
        if report.published
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n"
        f'<meta name="author" content="{escape(report.agency.name)}">\n'
        f"{created}"
        f"<style>{css}</style>\n</head>\n<body>\n{render_article(report)}\n</body>\n</html>\n"
    )
