"""The reader: a published annual report (any supported shape) → an immutable :class:`Report`.

条例第五十条 fixes what the report contains; the national formats (``gongkai.core.formats``) fix
how its three tables are printed. This module ties the pieces together: front end → lines →
headings and table regions → cells → metadata, sections and narrative paragraphs.
"""

from __future__ import annotations

import re
from functools import cache

from ..errors import UnreadableInput
from ..findings import Finding
from ..formats import FORMATS, Format, UnknownYearError, current_format, format_for_year
from ..formats.spec import table_name
from ..report import Cell, CellRef, Paragraph, Report, SectionText, Span
from .atoms import is_noise, runs_of, zone_atoms
from .document import Document, SourceLine
from .facts import document_facts
from .json_report import looks_like_json, read_json_report
from .meta import read_meta
from .normalize import key_of_normalised, looks_traditional, norm, to_simplified
from .sources import (
    EMPTY,
    MAX_TEXT_CHARS,
    NO_TEXT,
    decode,
    docx_lines,
    html_lines,
    looks_like_html,
    pdf_lines,
    sniff,
    text_lines,
)
from .structure import Heading, Zone, find_headings, find_zones
from .tables import TableResult, read_t2, read_t3, read_t4

NOT_A_REPORT = "未找到政府信息公开工作年度报告的标题、章节或表格，不像年度报告"


@cache
def _markers(fmt: Format) -> tuple[str, ...]:
    """The strings that identify the format's tables, as they read in normalised text."""
    return tuple(key_of_normalised(norm(marker)) for marker in fmt.markers)


def read_report(data: bytes, name: str = "<input>", previous: Report | None = None) -> Report:
    """Read one annual report from its bytes; ``name`` is the path shown in findings.

    ``previous`` (last year's report, ``--previous``): its 现行有效件数 settle a run-together
    table-2 document row (现行有效 = 上年现行有效 + 制发 − 废止).

    The machine-readable JSON gongkai publishes is read by :mod:`.json_report`."""
    if looks_like_json(data, name):
        return read_json_report(data, name)
    kind = sniff(data, name)
    if kind == "pdf":
        lines = pdf_lines(data)
    elif kind == "docx":
        lines = docx_lines(data)
    else:
        text = decode(data, html=kind == "html")
        if kind == "text" and looks_like_html(text):
            kind = "html"
        if looks_traditional(text):
            text = to_simplified(text)
        lines = html_lines(text) if kind == "html" else text_lines(text)
    if kind != "text" and not any(line.text.strip() for line in lines):
        raise UnreadableInput(NO_TEXT)  # markup, a Word file or a PDF without any words
    if kind in ("pdf", "docx"):
        joined = "\n".join(line.text for line in lines[:2000])
        if looks_traditional(joined):
            lines = [
                SourceLine(
                    to_simplified(s.text),
                    s.line,
                    None if s.cells is None else tuple(to_simplified(c) for c in s.cells),
                )
                for s in lines
            ]
    return read_lines(lines, name, previous)


def _last_in_force(previous: Report | None) -> dict[str, int] | None:
    fmt = previous.format if previous is not None else None
    if previous is None or fmt is None or fmt.document_counts != "in_force":
        return None
    out = {}
    for row in ("rules", "normative_docs"):
        value = previous.value("t2", row, "in_force")
        if isinstance(value, int):
            out[row] = value
    return out or None


def _detect_format(doc: Document, limit: int, year: int | None) -> Format:
    compact = key_of_normalised(doc.text[:limit])
    scores = {k: sum(1 for m in _markers(f) if m in compact) for k, f in FORMATS.items()}
    best = max(scores.values())
    leaders = [k for k, v in scores.items() if v == best]
    if best > 0 and len(leaders) == 1:
        return FORMATS[leaders[0]]
    if year is not None:
        try:
            return format_for_year(year)
        except UnknownYearError:
            pass
    return current_format()


def read_lines(lines: list[SourceLine], name: str, previous: Report | None = None) -> Report:
    """Read a report from the lines a front end produced."""
    doc = Document(lines)
    limit = min(len(doc.text), MAX_TEXT_CHARS)
    if not doc.text.strip():
        raise UnreadableInput(EMPTY)
    default = current_format()  # the six sections are the same in every format
    headings = find_headings(doc, default, limit)
    zones = find_zones(doc, headings, limit)
    narrative_end = min((h.start for h in headings if h.section.number >= 2), default=None)
    meta = read_meta(doc, limit, narrative_end)
    fmt = _detect_format(doc, limit, meta.year)

    notes: list[Finding] = list(meta.notes)
    cells: dict[CellRef, Cell] = {}
    narrative: list[int] = []
    results: dict[str, TableResult] = {}
    for table in ("t2", "t3", "t4"):
        zone = zones.get(table)
        if zone is None:
            continue
        runs = runs_of(zone_atoms(doc, zone, narrative))
        if table == "t2":
            after_heading = any(h.section.number == 2 and h.end <= zone.start for h in headings)
            facts = (
                document_facts(doc.text[:limit])
                if any(a.split_ok for r in runs for a in r.values)
                else None
            )
            result = read_t2(
                fmt,
                runs,
                doc.text[zone.start : zone.end],
                after_heading,
                facts,
                _last_in_force(previous),
            )
        elif table == "t3":
            result = read_t3(fmt, runs)
        else:
            result = read_t4(fmt, runs)
            if result.last_index is not None:  # what follows the fifteen numbers is narrative
                end = doc.starts[result.last_index] + len(doc.norm_lines[result.last_index])
                if end < zone.end:
                    zones["t4"] = Zone("t4", zone.start, end)
        results[table] = result
        cells.update(result.cells)
        notes.extend(result.notes)

    truncation = _truncation(doc, headings, zones, results, limit)
    if truncation is not None:
        notes.append(truncation)

    sections, section_notes = _sections(doc, headings, zones, limit, fmt)
    notes.extend(section_notes)
    paragraphs = _paragraphs(doc, zones, set(narrative), meta.header_lines)

    tables_present = frozenset(zones)
    # A page that only names a report in 《…》 (a news item about it) is not the report: without
    # tables it needs a title line of its own or at least two of the six headings.
    title = None if meta.title_in_text else meta.title
    if not tables_present and not headings and title is None:
        raise UnreadableInput(NOT_A_REPORT)
    if not tables_present and len(headings) < 2 and (title is None or "报告" not in title):
        raise UnreadableInput(NOT_A_REPORT)

    return Report(
        path=name,
        year=meta.year,
        agency=meta.agency,
        published=meta.published,
        format_key=fmt.key if tables_present else None,
        title=meta.title,
        title_line=meta.title_line,
        published_line=meta.published_line,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        cells=cells,
        tables_present=tables_present,
        notes=tuple(notes),
        truncated=truncation is not None,
        is_government_report=meta.is_government,
    )


def _truncation(
    doc: Document,
    headings: list[Heading],
    zones: dict[str, Zone],
    results: dict[str, TableResult],
    limit: int,
) -> Finding | None:
    """The note for an excerpt whose text stops inside its last table: the region reaches the
    end, no later section follows it, and the table was not read completely."""
    last_zone = max(zones.values(), key=lambda z: z.end, default=None)
    if last_zone is None or last_zone.end < limit:
        return None
    number = int(last_zone.table[1])
    if any(h.start >= last_zone.start for h in headings if h.section.number > number):
        return None
    result = results.get(last_zone.table)
    if result is None or result.complete:
        return None
    last_line = doc.lines[doc.last_text_index].line
    return Finding(
        "unparsed-table",
        f"{table_name(number)}在第{last_line}行中断，文件不完整",
        line=last_line,
        table=last_zone.table,
    )


def _sections(
    doc: Document, headings: list[Heading], zones: dict[str, Zone], limit: int, fmt: Format
) -> tuple[list[SectionText], list[Finding]]:
    out: list[SectionText] = []
    notes: list[Finding] = []
    bounds = [(h.start, h.end, h) for h in headings]
    # A heading lost in conversion, its content in place between its neighbours: 二/三/四 by
    # their table, 五 by its words (009: problems and fixes between 四's table and 六).
    numbers = {h.section.number: h for h in headings}
    for section in fmt.sections:
        n = section.number
        if n in numbers or n - 1 not in numbers or n + 1 not in numbers:
            continue
        previous, following = numbers[n - 1], numbers[n + 1]
        end = following.start
        table = zones.get(f"t{n}")
        if table is not None and previous.end <= table.start < end:
            start = table.start
        elif n == 5:
            start = previous.end
            for zone in zones.values():
                if zone.start < end and zone.end > start:
                    start = max(start, zone.end)
            content = key_of_normalised(doc.text[start:end])
            if not any(key_of_normalised(norm(k)) in content for k in section.keywords):
                continue
        else:
            continue
        while start < end and doc.text[start] in "\n \t":
            start += 1
        first = next(
            (
                i
                for i in range(doc.index_at(start), doc.index_at(max(start, end - 1)) + 1)
                if doc.norm_lines[i].strip() and not is_noise(doc.norm_lines[i])
            ),
            None,
        )
        if first is None:
            continue
        line_start = max(doc.starts[first], start)
        line_end = doc.starts[first] + len(doc.norm_lines[first])
        heading = Heading(section, line_start, line_end, doc.norm_lines[first].strip(), False)
        bounds.append((line_start, line_end, heading))
        notes.append(
            Finding(
                "section-title",
                f"未找到第{_CN[n]}部分标题“{section.title}”，按位置将“{heading.text}”起的内容视为该部分",
                line=doc.lines[first].line,
            )
        )
    bounds.sort(key=lambda b: b[0])
    for i, (start, end, heading) in enumerate(bounds):
        stop = bounds[i + 1][0] if i + 1 < len(bounds) else limit
        body = doc.text[end:stop].strip("\n")
        last_offset = max(start, stop - 1)
        out.append(
            SectionText(
                key=heading.section.key,
                number=heading.section.number,
                heading=heading.text,
                heading_line=doc.line_at(start),
                text=body.strip(),
                span=Span(doc.line_at(start), doc.line_at(last_offset)),
            )
        )
        if not heading.standard and heading in headings:
            notes.append(
                Finding(
                    "section-title",
                    f"第{_CN[heading.section.number]}部分标题“{heading.text}”与统一格式“{heading.section.title}”不一致",
                    line=doc.line_at(start),
                )
            )
    out.sort(key=lambda s: s.number)
    return out, notes


_CN = "〇一二三四五六"
_WORDS = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


def _paragraphs(
    doc: Document, zones: dict[str, Zone], narrative: set[int], header_lines: frozenset[int]
) -> list[Paragraph]:
    """Narrative outside the tables: one paragraph per input line (per block, per Word paragraph,
    per PDF line); of a line that a table region cuts into (run-together text), the parts outside."""
    cut: dict[int, list[tuple[int, int]]] = {}
    inside: set[int] = set()  # lines wholly inside a table region
    for zone in zones.values():
        first = doc.index_at(zone.start)
        last = doc.index_at(max(zone.start, zone.end - 1))
        inside.update(range(first + 1, last))
        for index in (first, last):
            cut.setdefault(index, []).append((zone.start, zone.end))
    out: list[Paragraph] = []
    norm_lines = doc.norm_lines
    for index, source in enumerate(doc.lines):
        if index in inside and index not in narrative:
            continue
        text = norm_lines[index]
        if index in header_lines or _WORDS.search(text) is None or is_noise(text):
            continue
        intervals = None if index in inside else cut.get(index)
        if intervals is None or index in narrative:
            stripped = source.text.strip()
            if stripped != "正文":
                out.append(Paragraph(stripped, source.line))
            continue
        start = doc.starts[index]
        cursor = start
        for a, b in sorted(intervals):
            piece = doc.text[cursor : max(cursor, a)].strip()
            if _WORDS.search(piece):
                out.append(Paragraph(piece, source.line))
            cursor = max(cursor, b)
        piece = doc.text[cursor : start + len(text)].strip()
        if _WORDS.search(piece):
            out.append(Paragraph(piece, source.line))
    return out


__all__ = ["NOT_A_REPORT", "read_lines", "read_report"]
