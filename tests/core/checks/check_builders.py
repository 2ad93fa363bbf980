"""Build small, fully consistent reports for the checker's tests, then perturb one thing.

``consistent_report()`` is a report every check passes: its tables reconcile, its narrative
agrees with them, its six sections are present and its date is on time. A test changes one
cell, one sentence or one field and expects exactly the finding that change deserves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from gongkai.core.findings import Finding
from gongkai.core.formats import FORMATS, Format, format_for_year
from gongkai.core.formats.common import T3_APPLICANT_COLUMNS
from gongkai.core.report import (
    Cell,
    CellRef,
    Number,
    Paragraph,
    Report,
    SectionText,
    Span,
    cells_from,
)

# Applicant columns with requests in them; the other columns stay 0.
_ACTIVE = ("natural", "commercial", "legal")


def t3_values(fmt: Format) -> dict[CellRef, Number]:
    """Table 3 with a few requests per result, reconciled in every row and column."""
    values: dict[CellRef, Number] = {}
    outcome = fmt.outcome_rows
    for index, row in enumerate(outcome):
        for c in T3_APPLICANT_COLUMNS:
            n = (index % 3) if c in _ACTIVE else 0
            if c == "natural":
                n += 2 if row in ("granted", "unable.not_held") else 0
            values[CellRef("t3", row, c)] = n
    for c in T3_APPLICANT_COLUMNS:
        closed = sum(values[CellRef("t3", r, c)] for r in outcome)
        values[CellRef("t3", "closed_total", c)] = closed
        carried_in = 1 if c == "natural" else 0
        carried_out = 2 if c == "natural" else 0
        values[CellRef("t3", "carried_in", c)] = carried_in
        values[CellRef("t3", "carried_out", c)] = carried_out
        values[CellRef("t3", "received", c)] = closed + carried_out - carried_in
    for row in fmt.t3.rows:
        values[CellRef("t3", row.key, "total")] = sum(
            values[CellRef("t3", row.key, c)] for c in T3_APPLICANT_COLUMNS
        )
    return values


def t4_values(fmt: Format) -> dict[CellRef, Number]:
    parts = {"review": (1, 1, 0, 1), "suit_direct": (1, 0, 0, 1), "suit_after_review": (0, 0, 0, 0)}
    values: dict[CellRef, Number] = {}
    for row in fmt.t4.rows:
        upheld, corrected, other, pending = parts[row.key]
        for key, v in zip(
            ("upheld", "corrected", "other", "pending", "total"),
            (upheld, corrected, other, pending, upheld + corrected + other + pending),
            strict=True,
        ):
            values[CellRef("t4", row.key, key)] = v
    return values


T2_2021: dict[str, Number] = {
    "rules.issued": 0,
    "rules.repealed": 0,
    "rules.in_force": 0,
    "normative_docs.issued": 3,
    "normative_docs.repealed": 1,
    "normative_docs.in_force": 12,
    "licensing.decisions": 40,
    "penalty.decisions": 7,
    "coercion.decisions": 0,
    "fees.amount_wan": Decimal("0.35"),
}
T2_2019: dict[str, Number] = {
    "rules.made": 0,
    "rules.published": 0,
    "rules.total_published": 0,
    "normative_docs.made": 3,
    "normative_docs.published": 3,
    "normative_docs.total_published": 20,
    "licensing.prev_items": 12,
    "licensing.change": -2,
    "licensing.decisions": 40,
    "other_services.prev_items": 0,
    "other_services.change": 0,
    "other_services.decisions": 0,
    "penalty.prev_items": 5,
    "penalty.change": 0,
    "penalty.decisions": 7,
    "coercion.prev_items": 0,
    "coercion.change": 0,
    "coercion.decisions": 0,
    "fees.prev_items": 0,
    "fees.change": 0,
    "procurement.projects": 2,
    "procurement.amount": Decimal("35.5"),
}


def t2_values(fmt: Format) -> dict[CellRef, Number]:
    flat = T2_2021 if fmt.key == "2021" else T2_2019
    out: dict[CellRef, Number] = {}
    for key, v in flat.items():
        row, column = key.rsplit(".", 1)
        out[CellRef("t2", row, column)] = v
    return out


def table_cells(fmt: Format) -> dict[CellRef, Cell]:
    """Every cell of the three tables, one table row per line (` | ` rows): table 2 from
    line 100, table 3 from line 200, table 4 from line 300."""
    values = {**t2_values(fmt), **t3_values(fmt), **t4_values(fmt)}
    base = {"t2": 100, "t3": 200, "t4": 300}
    line = {
        (table.key, row.key): base[table.key] + index
        for table in fmt.tables
        for index, row in enumerate(table.rows)
    }
    return {
        ref: dataclasses.replace(cell, line=line[ref.table, ref.row])
        for ref, cell in cells_from(values).items()
    }


def _sum(values: dict[CellRef, Number], rows: Iterable[str]) -> Number:
    return sum(values[CellRef("t3", r, "total")] for r in rows)


def narrative(fmt: Format, year: int) -> dict[str, list[str]]:
    """Section key → paragraphs, agreeing with the tables of ``consistent_report``."""
    v = t3_values(fmt)
    outcome = fmt.outcome_rows
    withheld = _sum(v, [r for r in outcome if r.startswith("withheld.")])
    unable = _sum(v, [r for r in outcome if r.startswith("unable.")])
    not_handled = _sum(v, [r for r in outcome if r.startswith("not_handled.")])
    other = _sum(v, [r for r in outcome if r == "other" or r.startswith("other.")])
    granted = _sum(v, ["granted", "partial"])
    review = sum(
        t4_values(fmt)[CellRef("t4", "review", c)]
        for c in ("upheld", "corrected", "other", "pending")
    )
    return {
        "intro": [
            f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
            f"根据《关于做好{year}年度政府信息公开工作年度报告有关事项的通知》要求，"
            f"现将本局{year}年度政府信息公开工作情况报告如下：",
        ],
        "overview": [
            f"{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，完善工作机制，拓宽公开渠道。",
            f"全年共收到政府信息公开申请{_sum(v, ['received'])}件，上年结转{_sum(v, ['carried_in'])}件，"
            f"办结{_sum(v, ['closed_total'])}件，结转下年度继续办理{_sum(v, ['carried_out'])}件。"
            f"其中予以公开及部分公开{granted}件，不予公开{withheld}件，无法提供{unable}件，"
            f"不予处理{not_handled}件，其他处理{other}件。",
            f"全年因政府信息公开被申请行政复议{review}件。",
            "全年主动公开政府信息总数60条：工作动态30条，通知公告20条，其他信息10条。",
        ],
        "proactive": ["该部分以表格形式报告。"],
        "requests": ["该部分以表格形式报告。"],
        "review_litigation": ["该部分以表格形式报告。"],
        "problems": [
            "一是政策解读形式还不够丰富；二是信息更新的及时性有待提升。",
            f"下一步，本局将加强培训，完善信息发布审核机制，推进{year + 1}年度政务公开工作。",
        ],
        "other": ["本年度未收取信息处理费。"] if fmt.key != "2019" else ["无。"],
    }


def consistent_report(
    year: int = 2021,
    *,
    format_key: str | None = None,
    agency: str = "某市某区市场监督管理局",
    published: dt.date | None = None,
    extra: dict[str, list[str]] | None = None,
) -> Report:
    """A report every check passes (see the module docstring)."""
    fmt = FORMATS[format_key] if format_key else format_for_year(year)
    texts = narrative(fmt, year)
    for key, more in (extra or {}).items():
        texts[key] = texts.get(key, []) + more
    paragraphs: list[Paragraph] = []
    sections: list[SectionText] = []
    line = 2
    for text in texts["intro"]:
        paragraphs.append(Paragraph(text, line))
        line += 1
    table_lines = {"proactive": 100, "requests": 200, "review_litigation": 300}
    for section in fmt.sections:
        if section.key in table_lines:
            line = max(line, table_lines[section.key] - 5)
        heading_line = line
        line += 1
        body = texts.get(section.key, [])
        for text in body:
            paragraphs.append(Paragraph(text, line))
            line += 1
        end = line - 1
        if section.key in table_lines:
            end = table_lines[section.key] + 60
            line = end + 1
        sections.append(
            SectionText(
                section.key,
                section.number,
                section.title,
                heading_line,
                "\n".join(body),
                Span(heading_line, end),
            )
        )
    title = f"{agency}{year}年政府信息公开工作年度报告"
    return Report(
        path="synthetic.txt",
        year=year,
        agency=agency,
        published=published or dt.date(year + 1, 1, 20),
        format_key=fmt.key,
        title=title,
        title_line=1,
        published_line=line + 1,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        cells=table_cells(fmt),
        tables_present=frozenset({"t2", "t3", "t4"}),
    )


def set_cell(report: Report, ref: CellRef, value: Number | None, **fields: object) -> Report:
    cells = dict(report.cells)
    old = cells[ref]
    raw = fields.pop("raw", "" if value is None else str(value))
    cells[ref] = dataclasses.replace(old, value=value, raw=raw, **fields)  # type: ignore[arg-type]
    return dataclasses.replace(report, cells=cells)


def bump(report: Report, ref: CellRef, by: int) -> Report:
    """Add ``by`` to one cell."""
    return set_cell(report, ref, report.cells[ref].number + by)


def replace_paragraph(report: Report, old: str, new: str) -> Report:
    paragraphs = tuple(
        dataclasses.replace(p, text=p.text.replace(old, new)) for p in report.paragraphs
    )
    assert paragraphs != report.paragraphs, f"{old!r} is not in the narrative"
    return dataclasses.replace(report, paragraphs=paragraphs)


def add_paragraph(report: Report, text: str, line: int = 90) -> Report:
    return dataclasses.replace(report, paragraphs=(*report.paragraphs, Paragraph(text, line)))


def set_section(report: Report, key: str, text: str | None, heading: str | None = None) -> Report:
    """Replace a section's text (and heading); ``text=None`` removes the section."""
    sections: list[SectionText] = []
    for s in report.sections:
        if s.key != key:
            sections.append(s)
        elif text is not None:
            sections.append(dataclasses.replace(s, text=text, heading=heading or s.heading))
    return dataclasses.replace(report, sections=tuple(sections))


def codes(findings: Iterable[Finding]) -> list[str]:
    return [f.code for f in findings]


def of(findings: Iterable[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]
