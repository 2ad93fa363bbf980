"""Cutting a table region into atoms: label text, values, blank cells and row ends.

The shapes of annual-report-formats.md §10–11 all reduce to one stream:

* " | "-joined rows: each cell between pipes is an atom; an empty one is a blank cell; a line
  with three or more cells ends a row; a one- or two-digit number among the label cells, before
  more label text, numbers the row (序号) and is read as label text;
* one cell per line (or per paragraph): a line holding only spaces (NBSP, ideographic space) is
  a blank cell; a tab-only line is layout debris (a *weak* blank, used only when a row is short);
  a line holding only "|" is a blank cell after a line ending in "|" and a separator otherwise
  (corpus 016, 026, R3);
* crawler text with everything on one line: label text and digit runs are separated by the
  scanner, which knows list numbers ("2.其他…"), units ("元") and counted nouns ("16 件" is
  narrative, not a cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .structure import Zone
from .values import BLANK_MARK, GARBLED, VALUE_CACHE, Value, damaged_value, parse_value

TEXT, VALUE, BLANK, WEAK, ROW_END = "T", "V", "S", "W", "R"


@dataclass(slots=True)
class Atom:
    kind: str
    text: str  # normalised text (label text, or the cell as printed)
    line: int
    index: int  # the Document line index (for mapping back to offsets)
    value: Value | None = None
    split_ok: bool = False  # a digit token from free text that may hold several cells
    at_end: bool = False  # the last thing in the input (a cut-off excerpt may have cut it)
    filler: bool = False  # a blank of a line holding only pipes ("||||||": colspan debris)
    spaced: bool = False  # a number from free text with a space before it: cells kept apart

    @property
    def garbled(self) -> bool:
        """A cell that holds something, but no readable number (values.GARBLED)."""
        return self.value is GARBLED


# A number (with a sign only where a word starts: "行政许可 868 -2 2532", a 本年增/减 cell), its
# unit, or label text.
_PIECE = re.compile(
    r"((?:(?<!\S)[-+](?=\d))?(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?))[ \t]*(万元|元)?"
    r"|((?:[^\d\s+-]|\s|(?<=\S)[-+]|[-+](?!\d))+)"
)
_MEASURE = re.compile(r"[ \t]*[件条个项次人年月日%％万场期倍家份名位号届岁亿千百]")
_NOISE = re.compile(
    r"\s*(?:[-—–―]\s*\d{1,3}\s*[-—–―]\s*$"  # page footer "— 4 —"
    r"|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?\s*$"  # "第4页 共9页"
    r"|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"  # markdown rule |---|---|
    r"|#{1,6}\s)"  # markdown heading "## 表三"
)
_NOISE_START = frozenset("-—–―第|:#")
_LIST_TAIL = re.compile(r"[.、]\D")
_DIGIT = re.compile(r"\d")


def is_noise(line: str) -> bool:
    """Page footers ("— 4 —"), markdown table rules and headings from PDF→md conversions."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in _NOISE_START and _NOISE.match(stripped) is not None


def is_narrative(line: str) -> bool:
    """A sentence, not a table cell: it ends clauses with "。"."""
    return "。" in line and "|" not in line


def zone_atoms(doc: Document, zone: Zone, narrative: list[int]) -> list[Atom]:
    """The atoms of a table region; indexes of whole narrative lines inside it go to ``narrative``."""
    atoms: list[Atom] = []
    norm_lines, sources, starts = doc.norm_lines, doc.lines, doc.starts
    first = doc.index_at(zone.start)
    last = doc.index_at(max(zone.start, zone.end - 1))
    last_line = doc.last_text_index
    previous_ends_with_pipe = False
    for index in range(first, last + 1):
        full = norm_lines[index]
        if first < index < last:
            segment = full
            partial = False
        else:
            line_start = starts[index]
            lo = max(zone.start - line_start, 0)
            hi = min(zone.end - line_start, len(full))
            segment = full[lo:hi]
            partial = lo > 0 or hi < len(full)
        number = sources[index].line
        stripped = segment.strip()
        if not stripped:
            if segment and not partial:
                atoms.append(Atom(BLANK if " " in segment else WEAK, "", number, index))
            continue
        if not partial:
            if is_narrative(segment):
                narrative.append(index)
                continue
            if stripped[0] in _NOISE_START and is_noise(segment):
                continue
        if stripped == "|":
            if previous_ends_with_pipe:
                atoms.append(Atom(BLANK, "", number, index))
            previous_ends_with_pipe = True
            continue
        previous_ends_with_pipe = stripped.endswith("|")
        known = VALUE_CACHE.get(stripped)  # fast path: a cell already seen as a value
        if known is not None:
            split_ok = len(stripped) >= 8 and stripped.isdigit()
            atoms.append(Atom(VALUE, stripped, number, index, known, split_ok=split_ok))
            continue
        if "|" in segment:
            _pipe_atoms(segment, number, index, atoms)
        elif "\t" in stripped:  # cells copied from a browser: tab-separated, blanks kept
            _pipe_atoms(stripped.replace("|", " ").replace("\t", "|") + "|", number, index, atoms)
        else:
            _free_atoms(segment, number, index, atoms)
    reaches_end = not doc.text[zone.end :].strip()
    for atom in reversed(atoms):
        if atom.index < last_line or not reaches_end:
            break
        atom.at_end = True
    return atoms


def _pipe_atoms(segment: str, number: int, index: int, atoms: list[Atom]) -> None:
    cells = segment.split("|")
    if not cells[0]:  # "| a | b |": a leading delimiter; " | b |" is a blank first cell
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    labels_only = True  # no value or blank cell yet in this row
    filler = not segment.replace("|", "").strip()  # "||||||", "| ||||||": header debris
    for position, cell in enumerate(cells):
        text = cell.strip()
        if not text:
            atoms.append(Atom(BLANK, "", number, index, filler=filler))
            labels_only = False
            continue
        value = parse_value(text)
        if value is None:
            damaged = damaged_value(text)
            if damaged is not None:
                atoms.append(Atom(VALUE, text, number, index, damaged))
                labels_only = False
                continue
            _free_atoms(text, number, index, atoms)
        elif labels_only and _numbers_the_row(text, cells, position):
            atoms.append(Atom(TEXT, text + ".", number, index))
        else:
            atoms.append(Atom(VALUE, text, number, index, value))
            labels_only = False
    if len(cells) >= 3:
        atoms.append(Atom(ROW_END, "", number, index))


def _numbers_the_row(text: str, cells: list[str], position: int) -> bool:
    """A row number (a 序号 column, or the item number of "（三）不予公开 | 1 | 属于国家秘密 | …"):
    one or two digits among the label cells, before a text cell, with more cells after it."""
    if position + 2 >= len(cells) or len(text) > 2 or not text.isdigit():
        return False
    label = cells[position + 1].strip()
    return bool(label) and parse_value(label) is None and damaged_value(label) is None


def _free_atoms(segment: str, number: int, index: int, atoms: list[Atom]) -> None:
    text = segment.strip()
    if _DIGIT.search(text) is None:
        if len(text) <= 8 and damaged_value(text) is GARBLED:
            atoms.append(Atom(VALUE, text, number, index, GARBLED))
        elif len(text) > 3 or BLANK_MARK.match(text) is None:
            atoms.append(Atom(TEXT, text, number, index))
        else:
            atoms.append(Atom(VALUE, text, number, index, Value(None)))
        return
    value = parse_value(text)
    if value is None and len(text) <= 8:
        value = damaged_value(text)
    if value is not None:
        digits = text.isdigit()
        atoms.append(Atom(VALUE, text, number, index, value, split_ok=digits and len(text) >= 8))
        return
    pending: list[str] = []
    for piece in _PIECE.finditer(text):
        number_text, unit, label = piece.group(1), piece.group(2), piece.group(3)
        if label is not None:
            mark = label.strip()
            if mark and len(mark) <= 3 and BLANK_MARK.match(mark) and _stands_alone(text, piece):
                _flush(pending, number, index, atoms)  # " — " between the cells of a row
                atoms.append(Atom(VALUE, mark, number, index, Value(None)))
                continue
            pending.append(label)
            continue
        after = text[piece.end() :]
        before = text[piece.start() - 1] if piece.start() > 0 else ""
        if unit is None and _LIST_TAIL.match(text, piece.end(1)) and number_text.isdigit():
            # "…00000002.其他法律…": the last digit numbers the next label.
            head, tail = number_text[:-1], number_text[-1]
            if head:
                _flush(pending, number, index, atoms)
                atoms.append(_digits_atom(head, number, index))
            pending.append(tail)
            continue
        if unit is None and (_MEASURE.match(after) or (before.isascii() and before.isalpha())):
            pending.append(piece.group(0))
            continue
        _flush(pending, number, index, atoms)
        raw = piece.group(0).strip()
        parsed = parse_value(raw)
        if parsed is None:  # pragma: no cover - the piece pattern only admits values
            pending.append(raw)
            continue
        spaced = before.isspace() or (not before and bool(atoms) and atoms[-1].index == index)
        atoms.append(Atom(VALUE, raw, number, index, parsed, split_ok=True, spaced=spaced))
    _flush(pending, number, index, atoms)


def _stands_alone(text: str, piece: re.Match[str]) -> bool:
    """A blank mark between spaces (or at an end of the text), not a dash inside words."""
    label = piece.group(3)
    start, end = piece.start(), piece.end()
    left = label[0].isspace() or start == 0 or text[start - 1].isspace()
    right = label[-1].isspace() or end == len(text) or text[end].isspace()
    return left and right


def _digits_atom(digits: str, number: int, index: int) -> Atom:
    parsed = parse_value(digits)
    assert parsed is not None
    return Atom(VALUE, digits, number, index, parsed, split_ok=True)


def _flush(pending: list[str], number: int, index: int, atoms: list[Atom]) -> None:
    if pending:
        joined = "".join(pending).strip()
        if joined:
            atoms.append(Atom(TEXT, joined, number, index))
        pending.clear()


@dataclass(slots=True)
class Run:
    """Values (and blanks) between two pieces of label text, with the label text before them."""

    label: str  # the text atoms since the previous run, joined (normalised, with spaces)
    atoms: list[Atom]
    label_lines: int = 1  # how many input lines the label text came from (a wrapped label: >1)

    @property
    def values(self) -> list[Atom]:
        return [a for a in self.atoms if a.kind == VALUE]

    @property
    def line(self) -> int:
        for atom in self.atoms:
            if atom.kind == VALUE:
                return atom.line
        return self.atoms[0].line


def runs_of(atoms: list[Atom]) -> list[Run]:
    runs: list[Run] = []
    label: list[str] = []
    label_lines: set[int] = set()
    current: list[Atom] = []

    def close() -> None:
        if any(a.kind in (VALUE, BLANK) for a in current):
            runs.append(Run("".join(label), list(current), len(label_lines)))
            label.clear()
            label_lines.clear()
        current.clear()

    for atom in atoms:
        if atom.kind == TEXT:
            if current:
                close()
            label.append(atom.text)
            label_lines.add(atom.line)
        elif atom.kind == ROW_END:
            close()
        else:
            current.append(atom)
    close()
    return runs


SHORT, OVER = "short", "over"


def row_cells(run: Run, expected: int) -> list[Atom] | str:
    """The ``expected`` cells of a run, or SHORT / OVER when it holds too few / too many."""
    counted = [a for a in run.atoms if a.kind in (VALUE, BLANK)]
    if len(counted) >= expected:
        extra = counted[expected:]
        if all(a.kind == BLANK for a in extra):
            return counted[:expected]
        values = [a for a in counted if a.kind == VALUE]
        if len(values) == expected:
            return values
        return OVER
    positions = [i for i, a in enumerate(run.atoms) if a.kind == VALUE]
    if positions:
        last = positions[-1]
        widened = [
            a
            for i, a in enumerate(run.atoms)
            if a.kind in (VALUE, BLANK) or (a.kind == WEAK and i < last)
        ]
        if len(widened) == expected:
            return widened
    return SHORT
