"""Where things are: the six section headings and the regions that hold tables 2, 3 and 4.

Headings are found in order ("一、" … "六、" followed closely by a keyword of that section's
title), also in the middle of a run-together line. A heading whose wording differs from the
national format is kept and noted (``section-title``). Table regions are anchored on what only a
table prints ("第二十条第(一)项", "信息内容", "勾稽关系", "申请人情况", "结果维持" …), bounded by the
next section heading.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..formats import FORMATS, Format, Section
from .document import Document
from .normalize import key, key_of_normalised, norm

_NUMERALS = "一二三四五六"
_HEADING = re.compile(r"([一二三四五六])[ \t]*[、.][ \t]*")
_PAREN_HEADING = re.compile(r"\([ \t]*([一二三四五六])[ \t]*\)[ \t]*")
_STOP = re.compile(r"[。;；\n]|[一二三四五六七八九十][ \t]*、")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEADING_NUMERAL = re.compile(r"^[一二三四五六七八九十]+、")


@dataclass(frozen=True)
class Heading:
    section: Section
    start: int  # offset of the heading in Document.text
    end: int  # offset just after the heading
    text: str  # the heading as printed (normalised)
    standard: bool  # the wording is the national title (or matches it after normalisation)


def _spaced(word: str) -> re.Pattern[str]:
    """A pattern for ``word`` that tolerates whitespace between its characters (PDF text)."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in word))


_SECTION_KEYS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}


def _section_keys(section: Section) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    cached = _SECTION_KEYS.get(section.key)
    if cached is None:
        title = key(section.title)[2:]
        variants = tuple(key(v)[2:] for v in section.variants)
        keywords = tuple(key(k) for k in section.keywords)
        cached = (title, variants, keywords)
        _SECTION_KEYS[section.key] = cached
    return cached


def find_headings(doc: Document, fmt: Format, limit: int) -> list[Heading]:
    """The section headings, in order, searched in the first ``limit`` characters.

    Headings are "一、总体情况" … "六、…"; a report that numbers its parts "（一）总体情况" is read
    too when that finds more sections. A table of contents (three or more headings with nothing
    between them) is skipped: the search starts again after it.
    """
    found = _scan(doc, fmt, _HEADING, 0, limit)
    toc_end = _table_of_contents_end(doc, found)
    if toc_end is not None:
        again = _scan(doc, fmt, _HEADING, toc_end, limit)
        if again:
            found = again
    if len(found) < 4:
        alternative = _scan(doc, fmt, _PAREN_HEADING, 0, limit)
        if len(alternative) > len(found):
            found = alternative
    if len(found) < len(fmt.sections):
        found = _bare_titles(doc, fmt, found, limit)
    return found


_MISNUMBERED = re.compile(r"[一二三四五六七八九十]{1,2}[、.]")


def _bare_titles(doc: Document, fmt: Format, found: list[Heading], limit: int) -> list[Heading]:
    """Fill in headings printed without their numeral ("总体情况" on a line of its own — Word's
    automatic numbering is not part of the text), in order between the headings found."""
    by_number = {h.section.number: h for h in found}
    wanted: dict[str, tuple[Section, bool]] = {}
    for section in fmt.sections:
        if section.number in by_number:
            continue
        title, variants, _ = _section_keys(section)
        wanted[title] = (section, True)  # only the numeral is missing: automatic numbering
        for bare in variants:
            wanted[bare] = (section, False)
    if not wanted:
        return found
    added: list[Heading] = []
    last_index = doc.index_at(limit - 1) if limit else 0
    for index, text in enumerate(doc.norm_lines[: last_index + 1]):
        stripped = text.strip()
        if not stripped or len(stripped) > 40:
            continue
        compact = key_of_normalised(stripped)
        hit = wanted.get(compact)
        if hit is None and (renumbered := _MISNUMBERED.match(compact)) is not None:
            # "五、其他需要报告的事项": a section missing, the next one took its number.
            hit = wanted.get(compact[renumbered.end() :])
            hit = None if hit is None else (hit[0], False)
        if hit is None:
            continue
        section, standard = hit
        start = doc.starts[index] + text.index(stripped[0])
        before = [h for h in found if h.section.number < section.number]
        after = [h for h in found if h.section.number > section.number]
        if (before and before[-1].start > start) or (after and after[0].start < start):
            continue  # out of order
        if any(h.section is section for h in added):
            continue
        added.append(Heading(section, start, start + len(stripped), stripped, standard))
    return sorted(found + added, key=lambda h: h.start)


def _scan(
    doc: Document, fmt: Format, pattern: re.Pattern[str], start: int, limit: int
) -> list[Heading]:
    text = doc.text
    found: list[Heading] = []
    last = 0
    position = start
    sections = {s.number: s for s in fmt.sections}
    strict = pattern is _PAREN_HEADING
    for match in pattern.finditer(text, start, limit):
        number = _NUMERALS.index(match.group(1)) + 1
        if number <= last or match.start() < position:
            continue
        section = sections.get(number)
        if section is None:
            continue
        if strict and text[doc.line_start(match.start()) : match.start()].strip():
            continue  # "(一)" headings only at the start of a line
        heading = _heading_at(doc, match, section)
        if heading is None:
            continue
        found.append(heading)
        last = number
        position = heading.end
    return found


# What a table of contents prints between its entries: dot leaders and page numbers
# ("一、总体情况……1", "二、主动公开政府信息情况 ······ 2").
_TOC_FILLER = re.compile(r"[\s.…·・•\-—_]+|\d{1,3}")


def _table_of_contents_end(doc: Document, found: list[Heading]) -> int | None:
    """The end of a table of contents: every heading found so far sits back to back, with at
    most dot leaders and page numbers between them."""
    if len(found) < 3:
        return None
    for a, b in itertools.pairwise(found):
        if len(_TOC_FILLER.sub("", doc.text[a.end : b.start])) > 4:
            return None
    return found[-1].end


def _heading_at(doc: Document, match: re.Match[str], section: Section) -> Heading | None:
    text = doc.text
    start = match.start()
    before = text[start - 1] if start > 0 else "\n"
    stop = _STOP.search(text, match.end(), match.end() + 60)
    window_end = stop.start() if stop else min(len(text), match.end() + 60)
    window = text[match.end() : window_end]
    wkey = key(window)
    title, variants, keywords = _section_keys(section)
    line_start = doc.line_start(start)
    at_line_start = not text[line_start:start].strip()
    for candidate in (title, *variants):
        if wkey.startswith(candidate):
            end = _advance(text, match.end(), len(candidate))
            return Heading(section, start, end, text[start:end].strip(), candidate == title)
    if _CJK.match(before) and not at_line_start:
        return None
    hit = next((k for k in keywords if k in wkey[:40]), None)
    if hit is None:
        return None
    if at_line_start and len(wkey) <= 40:
        end = window_end
    else:
        end = _advance(text, match.end(), wkey.index(hit) + len(hit))
        tail = text[end : end + 4]
        for suffix in ("的情况", "情况", "事项", "措施"):
            if tail.startswith(suffix):
                end += len(suffix)
                break
    return Heading(section, start, end, text[start:end].strip(), False)


def _advance(text: str, offset: int, count: int) -> int:
    """The offset after ``count`` non-whitespace characters from ``offset``."""
    seen = 0
    while offset < len(text) and seen < count:
        if not text[offset].isspace():
            seen += 1
        offset += 1
    return offset


# --- Table regions ---------------------------------------------------------------------------


def _anchors(*labels: str) -> tuple[re.Pattern[str], ...]:
    """Patterns for declared labels, each tolerating whitespace between its characters."""
    return tuple(_spaced(norm(label)) for label in sorted(set(labels)))


_T2_ANCHORS = (
    # The clause rows ("第二十条第（一）项"), also printed without their second 第.
    *(
        re.compile(anchor.pattern.replace(r"第\s*\(", r"第?\s*\("))
        for anchor in _anchors(
            *(b.label for f in FORMATS.values() for b in f.t2.blocks if b.label is not None)
        )
    ),
    *_anchors(*(b.header for f in FORMATS.values() for b in f.t2.blocks if b.header is not None)),
)
_T3_ANCHORS = (
    _spaced("勾稽关系"),  # the word every printing of the 勾稽 note keeps
    *_anchors(
        *(b.caption for f in FORMATS.values() for b in f.t3.blocks if b.caption is not None),
        *(_LEADING_NUMERAL.sub("", f.t3.rows[0].label) for f in FORMATS.values()),
    ),
)
# 行政复议 opens a line or a cell (it also stands in sentences); the first result column and
# the first kind of lawsuit are found anywhere.
_T4_ANCHORS = (
    *(
        re.compile(r"(?:^|\n|\|)[ \t]*" + _spaced(norm(label)).pattern)
        for label in sorted({f.t4.rows[0].label for f in FORMATS.values()})
    ),
    *_anchors(
        *(f.t4.blocks[0].columns[0].label for f in FORMATS.values()),
        *(f.t4.rows[1].label for f in FORMATS.values()),
    ),
)


@dataclass(frozen=True)
class Zone:
    table: str
    start: int
    end: int


def _first(patterns: tuple[re.Pattern[str], ...], text: str, start: int, end: int) -> int | None:
    best: int | None = None
    for pattern in patterns:
        m = pattern.search(text, start, end)
        if m is not None and (best is None or m.start() < best):
            best = m.start()
    return best


def _snap(doc: Document, offset: int) -> int:
    """Move an anchor back to the start of its line when that line is a table line."""
    line_start = doc.line_start(offset)
    if "。" in doc.text[line_start:offset] or offset - line_start > 80:
        return offset
    return line_start


def _near(doc: Document, heading: Heading | None, anchor: int) -> int:
    """Where a table region starts: right after its section heading when the anchor follows the
    heading on the same line (run-together text), else at the anchor's line (see ``_snap``)."""
    if (
        heading is not None
        and heading.end <= anchor <= heading.end + 40
        and doc.index_at(heading.end) == doc.index_at(anchor)
    ):
        return heading.end
    return _snap(doc, anchor)


def find_zones(doc: Document, headings: list[Heading], limit: int) -> dict[str, Zone]:
    """The regions of tables 2, 3 and 4 (absent tables have no zone)."""
    text = doc.text
    end_all = min(len(text), limit)
    by_number = {h.section.number: h for h in headings}

    def heading_start(number: int, after: int) -> int | None:
        h = by_number.get(number)
        return h.start if h is not None and h.start >= after else None

    def next_heading(after: int) -> int:
        starts = [h.start for h in headings if h.start > after]
        return min(starts) if starts else end_all

    zones: dict[str, Zone] = {}
    sec2 = by_number.get(2)
    sec3 = by_number.get(3)
    sec4 = by_number.get(4)
    # Table 3 first: its anchors are the most specific.
    t3_from = sec3.end if sec3 is not None else (sec2.end if sec2 is not None else 0)
    t3 = _first(_T3_ANCHORS, text, t3_from, end_all)
    if t3 is None and sec3 is not None:
        t3 = _first(_T3_ANCHORS, text, 0, end_all)
    t2_from = sec2.end if sec2 is not None else 0
    t2_until = t3 if t3 is not None else (sec3.start if sec3 is not None else end_all)
    if sec3 is not None and sec3.start > t2_from:
        t2_until = min(t2_until, sec3.start)
    t2 = _first(_T2_ANCHORS, text, t2_from, t2_until)
    if t2 is not None:
        t2 = _near(doc, sec2, t2)
        zones["t2"] = Zone("t2", t2, t2_until)
    if t3 is not None:
        t3 = _near(doc, sec3, t3)
        t3_end = heading_start(4, t3)
        if t3_end is None:
            t3_end = next_heading(t3)
        zones["t3"] = Zone("t3", t3, t3_end)
    t4_from = sec4.end if sec4 is not None else (zones["t3"].end if "t3" in zones else None)
    if t4_from is not None:
        t4_until = next_heading(t4_from)
        anchor = _first(_T4_ANCHORS, text, t4_from, t4_until)
        if anchor is None and sec4 is not None:
            anchor = sec4.end  # a bare run of numbers right after the heading
        if anchor is not None:
            if anchor < len(text) and text[anchor] in "\n|":
                anchor += 1
            start = _near(doc, sec4, anchor)
            zones["t4"] = Zone("t4", start, t4_until)
    return zones
