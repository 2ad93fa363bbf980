"""Test inputs built in the tests themselves: a report as an HTML page with merged cells, as a
Word document with merged cells, and as a PDF rendered from the HTML (WeasyPrint).

The tables follow the national format declarations (the same data the parser reads), with the
merges agencies use: table 3's group labels span their rows (rowspan), the 勾稽 note spans the
three header rows, "法人或其他组织" spans five columns, table 4's headers span columns.
"""

from __future__ import annotations

import html
import io
import random

from gongkai.core.formats import Format
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.render.text import chinese_date, format_number, standard_title
from gongkai.core.report import CellRef, Report

Grid = list[list[tuple[str, int, int]]]  # rows of (text, rowspan, colspan)


def sample_report(seed: int, format_key: str = "2021", year: int = 2022) -> Report:
    rng = random.Random(seed)
    from gongkai.core.formats import FORMATS

    fmt = FORMATS[format_key]
    cells = random_cells(rng, fmt, busy=30)
    return build_report(agency="示例市示例区教育局", year=year, cells=cells)


def _value(report: Report, table: str, row: str, column: str) -> str:
    cell = report.cells.get(CellRef(table, row, column))
    return "" if cell is None or cell.value is None else format_number(cell.value)


def table_grids(report: Report, fmt: Format) -> dict[str, Grid]:
    """Tables 2–4 as grids of merged cells."""
    t2: Grid = []
    for block in fmt.t2.blocks:
        width = 1 + max(len(b.columns) for b in fmt.t2.blocks)
        t2.append([(block.label or "", 1, width)])
        t2.append([(block.header or "", 1, 1)] + [(c.label, 1, 1) for c in block.columns])
        for row in block.rows:
            t2.append(
                [(row.label, 1, 1)]
                + [(_value(report, "t2", row.key, c.key), 1, 1) for c in block.columns]
            )
    columns = fmt.t3.blocks[0].columns
    t3: Grid = [
        [(fmt.t3.note or "", 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(c.label, 1, 1) for c in columns if c.group],
    ]
    group_sizes: dict[str, int] = {}
    for row in fmt.t3.rows:
        if row.group:
            group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
    keys = [r.key for r in fmt.t3.rows]
    result_keys = set(keys[keys.index("granted") : keys.index("closed_total") + 1])
    results = len(result_keys)  # 三、本年度办理结果 spans 20 rows (2019) or 22 (2021)
    seen: set[str] = set()
    first_result = True
    for row in fmt.t3.rows:
        cells: list[tuple[str, int, int]] = []
        values = [(_value(report, "t3", row.key, c.key), 1, 1) for c in columns]
        in_results = row.key in result_keys
        if in_results and first_result:
            cells.append(("三、本年度办理结果", results, 1))
            first_result = False
        if row.group and row.group.startswith(("（三）", "（四）", "（五）", "（六）")):
            if row.group not in seen:
                seen.add(row.group)
                cells.append((row.group, group_sizes[row.group], 1))
            cells.append((row.label, 1, 1))
        elif in_results:
            cells.append((row.label, 1, 2))
        else:
            cells.append((row.label, 1, 3))
        t3.append(cells + values)
    t4_columns = fmt.t4.blocks[0].columns
    t4: Grid = [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [(c.label, 2, 1) for c in t4_columns] + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(c.label, 1, 1) for c in t4_columns] * 2,
        [(_value(report, "t4", r.key, c.key), 1, 1) for r in fmt.t4.rows for c in t4_columns],
    ]
    return {"t2": t2, "t3": t3, "t4": t4}


def report_html(report: Report, encoding: str = "utf-8") -> str:
    fmt = report.format
    assert fmt is not None
    grids = table_grids(report, fmt)
    out = [
        f'<html><head><meta charset="{encoding}"><style>'
        "body{font-family:'Noto Sans CJK SC';font-size:9pt} td{border:1px solid #000;padding:1px}"
        "table{border-collapse:collapse}</style></head><body>",
        f"<h2>{html.escape(standard_title(report.agency, report.year))}</h2>",
    ]
    for section in fmt.sections:
        out.append(f"<p>{section.title}</p>")
        given = report.section(section.key)
        if given is not None:
            out.extend(f"<p>{html.escape(line)}</p>" for line in given.text.splitlines() if line)
        for table in fmt.tables:
            if table.number == section.number:
                out.append('<table border="1">')
                for row in grids[table.key]:
                    out.append("<tr>")
                    for text, rowspan, colspan in row:
                        attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                            f' colspan="{colspan}"' if colspan > 1 else ""
                        )
                        out.append(f"<td{attrs}>{html.escape(text) or '&nbsp;'}</td>")
                    out.append("</tr>")
                out.append("</table>")
    out.append(f"<p>{report.agency}</p>")
    if report.published:
        out.append(f"<p>{chinese_date(report.published)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def report_docx(report: Report) -> bytes:
    """A Word document whose tables have merged cells (python-docx ``merge``)."""
    import docx

    fmt = report.format
    assert fmt is not None
    grids = table_grids(report, fmt)
    document = docx.Document()
    document.add_paragraph(standard_title(report.agency, report.year))
    for section in fmt.sections:
        document.add_paragraph(section.title)
        given = report.section(section.key)
        if given is not None:
            for line in given.text.splitlines():
                if line:
                    document.add_paragraph(line)
        for table in fmt.tables:
            if table.number == section.number:
                _docx_table(document, grids[table.key])
    document.add_paragraph(report.agency or "")
    if report.published:
        document.add_paragraph(chinese_date(report.published))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document: object, grid: Grid) -> None:
    width = max(sum(colspan for _, _, colspan in row) for row in grid)
    placed: dict[tuple[int, int], tuple[str, int, int]] = {}
    for r, row in enumerate(grid):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in placed:
                c += 1
            placed[(r, c)] = (text, rowspan, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    if (dr, dc) != (0, 0):
                        placed[(r + dr, c + dc)] = ("", 0, 0)
            c += colspan
    table = document.add_table(rows=len(grid), cols=width)  # type: ignore[attr-defined]
    for (r, c), (text, rowspan, colspan) in placed.items():
        if rowspan == 0:
            continue
        cell = table.cell(r, c)
        if rowspan > 1 or colspan > 1:
            cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        cell.text = text


def report_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    return HTML(string=report_html(report)).write_pdf()  # type: ignore[no-any-return]


def inside_layout_table(document_bytes: bytes) -> bytes:
    """The same Word document with its whole body moved into the single cell of a layout table."""
    import docx

    inner = docx.Document(io.BytesIO(document_bytes))
    outer = docx.Document()
    cell = outer.add_table(rows=1, cols=1).cell(0, 0)
    for element in list(inner.element.body.iterchildren()):
        if not element.tag.endswith("sectPr"):
            cell._tc.append(element)
    buffer = io.BytesIO()
    outer.save(buffer)
    return buffer.getvalue()
