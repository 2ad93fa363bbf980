"""Reading tables 2, 3 and 4 from the atoms of their regions into cells.

Table 3 (the robust strategy): the runs of seven values in the region, each with the label text
before it, are aligned to the format's row sequence — by label where a label matches (exactly,
as a declared variant, or within a small edit distance), by order where the labels were garbled
or separated from their numbers (corpus 009: 25 runs for 25 rows). Table 2: each run belongs to
the row whose label ends the text before it. Table 4: the first fifteen cells in the region, by
column order (the header text is unreliable, §10 R7).

Columns are read in the declared order unless the header before the first row names every
column and prints them in another order (总计 first) and, for tables 3 and 4, the rows' own sums
agree (more rows add up read in the printed order than in the declared one): then in the printed
order, with a ``label-deviation`` note.

Digit runs that a crawler glued together go to :mod:`.split`; anything that cannot be read
reliably is left out and noted (``unparsed-table``), never guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..findings import Finding, Severity
from ..formats import Column, Format, Row, Table, ValueKind
from ..report import Cell, CellRef, Number
from .atoms import BLANK, OVER, SHORT, VALUE, Atom, Run, row_cells
from .normalize import bounded_distance, key_of_normalised, norm
from .split import Pieces, TooMany, always, blocks_sum_ok, choose_rows, row_sum_ok, solve_run
from .values import GARBLED, Value, number_of

Labels = list[tuple[str, str, bool]]  # (row key, label key, is the standard label)

_LABEL_INDEX: dict[tuple[str, str], Labels] = {}


def _labels(fmt: Format, table: Table) -> Labels:
    """(row key, label key, is the standard label), longest first — built once per table."""
    cache_key = (fmt.key, table.key)
    labels = _LABEL_INDEX.get(cache_key)
    if labels is None:
        labels = []
        for row in table.rows:
            labels.append((row.key, key_of_normalised(norm(row.label)), True))
            labels.extend((row.key, key_of_normalised(norm(v)), False) for v in row.variants)
        labels.sort(key=lambda item: -len(item[1]))
        _LABEL_INDEX[cache_key] = labels
    return labels


_ENDINGS: dict[tuple[str, str], dict[str, list[tuple[str, str, bool]]]] = {}


def _by_ending(fmt: Format, table: Table) -> dict[str, list[tuple[str, str, bool]]]:
    """The labels indexed by their last two characters (longest first within each list)."""
    cache_key = (fmt.key, table.key)
    index = _ENDINGS.get(cache_key)
    if index is None:
        index = {}
        for item in _labels(fmt, table):
            index.setdefault(item[1][-2:], []).append(item)
        _ENDINGS[cache_key] = index
    return index


@dataclass(frozen=True)
class LabelMatch:
    row: str
    printed: str
    standard: bool  # False: a declared variant or a near miss (label-deviation)
    loose: bool = False  # matched without its parenthesis: reported only for a one-line label


MAX_RUNS = 120  # runs of numbers considered per table
MAX_FUZZY = 60  # fuzzy label comparisons per table
MAX_SPLITS = 40  # digit-run splits attempted per table


class _Budget:
    """Caps the expensive steps per table, so that no input can make the reader hang."""

    def __init__(self) -> None:
        self.fuzzy = MAX_FUZZY
        self.splits = MAX_SPLITS

    def spend_fuzzy(self) -> bool:
        self.fuzzy -= 1
        return self.fuzzy >= 0

    def spend_split(self) -> bool:
        self.splits -= 1
        return self.splits >= 0


def match_label(label_text: str, fmt: Format, table: Table, budget: _Budget) -> LabelMatch | None:
    """The row whose label ends ``label_text``: exactly or as a declared variant; failing that
    (within the table's budget) by the near misses of real reports, in this order."""
    text = key_of_normalised(label_text[-200:])
    if not text:
        return None
    for row, label, standard in _by_ending(fmt, table).get(text[-2:], ()):
        if text.endswith(label):
            return LabelMatch(row, label, standard)
    if not budget.spend_fuzzy():
        return None
    labels = _labels(fmt, table)
    for near_miss in (
        _cut_short,
        _missing_start,
        _misprinted,
        _followed_by_stray_text,
        _own_instructions,
    ):
        match = near_miss(text, labels)
        if match is not None:
            return match
    return None


def _cut_short(text: str, labels: Labels) -> LabelMatch | None:
    """A label cut short where its cell wrapped (PDF): the text ends with the label's beginning."""
    cut: tuple[int, str, str] | None = None
    for row, label, standard in labels:
        if not standard:
            continue
        for m in range(len(label) - 1, max(6, len(label) // 2) - 1, -1):
            if text.endswith(label[:m]):
                if cut is None or m > cut[0]:
                    cut = (m, row, label[:m])
                break
    return None if cut is None else LabelMatch(cut[1], cut[2], True)


def _missing_start(text: str, labels: Labels) -> LabelMatch | None:
    """A label missing its first characters ("规范性文件" for "行政规范性文件"): a unique ending."""
    endings = {
        (row, label[-m:])
        for row, label, standard in labels
        if standard
        for m in range(max(4, len(label) - 3), len(label))
        if text.endswith(label[-m:])
    }
    if len({row for row, _ in endings}) != 1:
        return None
    row, printed = max(endings, key=lambda item: len(item[1]))
    return LabelMatch(row, printed, False)


def _misprinted(text: str, labels: Labels) -> LabelMatch | None:
    """A label with a typo: the closest within one edit per eight characters."""
    best: tuple[int, str, str] | None = None  # (distance, row, printed)
    for row, label, standard in labels:
        if not standard or len(label) < 4:
            continue
        limit = max(1, len(label) // 8)
        for delta in range(-limit, limit + 1):
            size = len(label) + delta
            if size <= 0 or size > len(text):
                continue
            tail = text[-size:]
            distance = bounded_distance(tail, label, limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, row, tail)
    return None if best is None else LabelMatch(best[1], best[2], False)


def _followed_by_stray_text(text: str, labels: Labels) -> LabelMatch | None:
    """A label followed by stray text before its numbers ("规章(件)"): the last exact occurrence."""
    last: tuple[int, str, str] | None = None
    for row, label, _standard in labels:
        if len(label) < 4:
            continue
        at = text.rfind(label)
        if at >= 0 and len(text) - (at + len(label)) <= 6 and (last is None or at > last[0]):
            last = (at, row, label)
    return None if last is None else LabelMatch(last[1], last[2], True)


_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]?$")


def _own_instructions(text: str, labels: Labels) -> LabelMatch | None:
    """A label followed by filling instructions of its own in parentheses ("（一）予以公开（含…）",
    "（二）部分公开（区分处理的，…应当向申请人提供…）"): the label without its parenthesis."""
    note = _TRAILING_NOTE.search(text)
    if note is None or note.start() < 4:
        return None
    bare = text[: note.start()]
    best: tuple[int, str, int] | None = None  # (length, row, where the label starts)
    for row, label, standard in labels:
        if not standard:
            continue
        own = _TRAILING_NOTE.search(label)
        core = label[: own.start()] if own is not None and own.start() >= 4 else label
        if len(core) >= 4 and bare.endswith(core) and (best is None or len(core) > best[0]):
            best = (len(core), row, len(bare) - len(core))
    return None if best is None else LabelMatch(best[1], text[best[2] :], False, loose=True)


@dataclass
class TableResult:
    cells: dict[CellRef, Cell] = field(default_factory=dict)
    notes: list[Finding] = field(default_factory=list)
    complete: bool = True  # every row of the table was read (or found)
    last_index: int | None = None  # Document line index of the last atom read


def _deviation(table: Table, row: Row, printed: str, line: int) -> Finding:
    return Finding(
        "label-deviation",
        f"{table.name}行标签“{printed}”与统一格式的“{row.label}”不一致",
        line=line,
        table=table.key,
        row=row.key,
    )


def _unparsed(table: Table, row: Row | None, message: str, line: int | None) -> Finding:
    return Finding(
        "unparsed-table", message, line=line, table=table.key, row=row.key if row else None
    )


_ROW_REFS: dict[tuple[str, str, str], tuple[tuple[CellRef, bool, str], ...]] = {}


def _row_refs(fmt: Format, table: Table, row: Row) -> tuple[tuple[CellRef, bool, str], ...]:
    """(cell ref, is an amount column, column label) for each column of a row — built once."""
    cache_key = (fmt.key, table.key, row.key)
    refs = _ROW_REFS.get(cache_key)
    if refs is None:
        refs = tuple(
            (CellRef(table.key, row.key, c.key), c.kind is ValueKind.AMOUNT, c.label)
            for c in table.block_of(row.key).columns
        )
        _ROW_REFS[cache_key] = refs
    return refs


_BLANK_VALUE = Value(None)


def _make_cells(
    fmt: Format, table: Table, row: Row, atoms: Sequence[Atom], result: TableResult
) -> None:
    cells = result.cells
    for (ref, amount, label), atom in zip(_row_refs(fmt, table, row), atoms, strict=True):
        if atom.value is GARBLED:  # "1\ufffd": a cell that lost its digits is left out
            result.notes.append(
                Finding(
                    "non-numeric-cell",
                    f"{table.name}“{row.full_label}”的“{label}”栏印为“{atom.text}”，"
                    f"无法读出数字，该格未计入；单元格应只填数字",
                    line=atom.line,
                    table=table.key,
                    row=row.key,
                    column=ref.column,
                )
            )
            continue
        value = atom.value if atom.kind == VALUE and atom.value is not None else _BLANK_VALUE
        if value.decimal and not amount and value.value == int(value.value or 0):
            value = Value(int(value.value or 0), value.interpreted, value.unit)  # "12.0", "0.00"
        if value.decimal and not amount:
            result.notes.append(
                _unparsed(
                    table,
                    row,
                    f"{table.name}“{row.full_label}”的“{label}”栏是计数，"
                    f"却印有小数“{atom.text}”，该格未计入",
                    atom.line,
                )
            )
            continue
        # Positional (ref, value, raw, line, interpreted, unit): a third faster than keywords,
        # and this runs for every cell read.
        cells[ref] = Cell(ref, value.value, atom.text, atom.line, value.interpreted, value.unit)


def _pieces_cells(table: Table, row: Row, pieces: Pieces, line: int, result: TableResult) -> None:
    block = table.block_of(row.key)
    for column, piece in zip(block.columns, pieces, strict=True):
        ref = CellRef(table.key, row.key, column.key)
        result.cells[ref] = Cell(ref, number_of(piece), raw=piece, line=line)


def _decimal_columns(fmt: Format, table: Table, row: Row) -> list[bool]:
    return [amount for _, amount, _ in _row_refs(fmt, table, row)]


def _split_candidates(
    run: Run,
    width: int,
    accept: Callable[[Pieces], bool],
    decimals: list[bool],
    whole_tokens: bool = False,
) -> list[Pieces] | None:
    """Splits of a run's digit tokens into ``width`` cells; None when the search gave up.

    ``whole_tokens`` (table 2, which has no sums to confirm a split): separated tokens that
    read as one number are not cut (see :func:`_keeps_numbers_whole`)."""
    if any(a.kind == BLANK for a in run.atoms):
        return []
    tokens = [a.text.removesuffix("万元").removesuffix("元").strip() for a in run.values]
    if not tokens or not all(t.replace(".", "", 1).isdigit() for t in tokens):
        return []
    try:
        found = solve_run(
            tokens,
            width,
            accept,
            decimal_ok=lambda col: col < len(decimals) and decimals[col],
        )
    except TooMany:
        return None
    # Cells printed apart ("政府集中采购 11.38", "二、上年结转… 114 0 0 320 0 434" for seven
    # columns): a missing cell may be a blank the crawler dropped as well as two cells run
    # together, so numbers are not cut. Where a single separator stands in glued digits
    # ("230 000023", corpus 001) it is the crawler's noise, and table 3's sums decide.
    apart = len(tokens) > 2 or (whole_tokens and len(tokens) > 1)
    if apart or (whole_tokens and any(a.spaced for a in run.values)):
        found = [pieces for pieces in found if _keeps_numbers_whole(tokens, pieces)]
    return found


def _keeps_numbers_whole(tokens: Sequence[str], pieces: Pieces) -> bool:
    """True when the split cuts no token that reads as one number: in a run whose cells are
    separated ("规章 0 10" for three columns), "10" may be one cell beside a dropped blank as
    well as two cells run together, so only tokens no number can be ("00", "05") are cut."""
    at = 0
    for token in tokens:
        taken = ""
        count = 0
        while len(taken) < len(token) and at < len(pieces):
            taken += pieces[at]
            at += 1
            count += 1
        if taken != token:
            return False  # a piece straddles two tokens
        if count > 1 and not token.startswith("0"):
            return False
    return at == len(pieces)


# --- Column order ----------------------------------------------------------------------------


_COLUMN_KEYS: dict[int, tuple[Sequence[Column], tuple[str, ...], tuple[tuple[str, str], ...]]] = {}


def _column_keys(
    columns: Sequence[Column],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The matching keys of the columns' labels and of their group labels — built once."""
    cached = _COLUMN_KEYS.get(id(columns))
    if cached is None or cached[0] is not columns:
        groups = dict.fromkeys(c.group for c in columns if c.group is not None)
        cached = (
            columns,
            tuple(key_of_normalised(norm(c.label)) for c in columns),
            tuple((g, key_of_normalised(norm(g))) for g in groups),
        )
        _COLUMN_KEYS[id(columns)] = cached
    return cached[1], cached[2]


_PARENTHESISED = re.compile(r"\([^()]*\)")


def printed_order(header: str, columns: Sequence[Column]) -> tuple[int, ...] | None:
    """For each declared column, its position in print, when the header before the
    first row names every column and prints them in another order (总计 first, …); None when the
    columns are in the declared order or the header does not name each of them.

    A group label ("法人或其他组织") places its columns where it stands: a merged header prints
    it on one line and its columns on the next.
    """
    if len(columns) < 2:
        return None
    label_keys, group_keys = _column_keys(columns)
    text = "".join(_PARENTHESISED.sub("", header).split())  # not the 勾稽 note's "（七）总计"
    group_at: dict[str, int] = {}
    for group, group_key in group_keys:
        at = text.find(group_key)
        if at >= 0:
            group_at[group] = at
            text = text.replace(group_key, "\x00" * len(group_key))  # it holds "其他"
    first: list[int] = []
    for label_key in label_keys:
        at = text.find(label_key)
        if at < 0:
            return None
        first.append(at)

    def place(i: int) -> tuple[int, int]:
        group = columns[i].group
        if group is None:
            return first[i], first[i]
        members = [first[j] for j, c in enumerate(columns) if c.group == group]
        return group_at.get(group, min(members)), first[i]

    printed = sorted(range(len(columns)), key=place)
    if printed == list(range(len(columns))):
        return None
    position = [0] * len(columns)
    for at, i in enumerate(printed):
        position[i] = at
    return tuple(position)


def _sums_confirm(order: Sequence[int], rows: Iterable[Sequence[Atom]]) -> bool:
    """True when more rows end with the sum of their other cells read in ``order`` than read in
    the declared order: the arithmetic, not only the header, says the columns are shuffled."""
    declared = printed = 0
    for atoms in rows:
        values = [_number(a) for a in atoms]
        declared += values[-1] == sum(values[:-1])
        shuffled = _reordered(values, order)
        printed += shuffled[-1] == sum(shuffled[:-1])
    return printed > declared


def _number(atom: Atom) -> Number:
    if atom.kind != VALUE or atom.value is None or atom.value.value is None:
        return 0
    return atom.value.value


def _column_order_note(
    table: Table, columns: Sequence[Column], order: tuple[int, ...], line: int
) -> Finding:
    printed = "、".join(c.label for _, c in sorted(zip(order, columns, strict=True)))
    return Finding(
        "label-deviation",
        f"{table.name}的栏目按“{printed}”的顺序印制，与统一格式不同，已按表头的顺序读取",
        line=line,
        table=table.key,
    )


def _reordered[T](printed: Sequence[T], order: Sequence[int] | None) -> list[T]:
    """Cells in print order → cells in the declared order."""
    if order is None:
        return list(printed)
    return [printed[p] for p in order]


def _in_print[T](declared: Sequence[T], order: Sequence[int] | None) -> list[T]:
    """Per-column facts in the declared order → the same facts in print order."""
    if order is None:
        return list(declared)
    printed = list(declared)
    for i, p in enumerate(order):
        printed[p] = declared[i]
    return printed


def _in_order(
    accept: Callable[[Pieces], bool], order: Sequence[int] | None
) -> Callable[[Pieces], bool]:
    """``accept`` for pieces in print order when the columns are printed in ``order``."""
    if order is None:
        return accept
    return lambda pieces: accept(tuple(_reordered(pieces, order)))


def _across(order: tuple[int, ...] | None, groups: int) -> tuple[int, ...] | None:
    """The order of one column group repeated over ``groups`` groups printed side by side."""
    if order is None:
        return None
    width = len(order)
    return tuple(g * width + p for g in range(groups) for p in order)


# --- Table 2 ---------------------------------------------------------------------------------


def read_t2(
    fmt: Format,
    runs: list[Run],
    zone_text: str,
    complete_start: bool,
    facts: dict[tuple[str, str], tuple[int, str]] | None = None,
    last_in_force: dict[str, int] | None = None,
) -> TableResult:
    """``facts``: the narrative's figures for table-2 cells (:mod:`.facts`); ``last_in_force``:
    last year's 现行有效件数 by row (``--previous``). Both settle run-together rows."""
    """Table 2. ``complete_start``: the region starts at the table's beginning (after heading
    二), so a block whose clause label row ("第二十条第（一）项") is missing is noted."""
    table = fmt.t2
    result = TableResult()
    done: set[str] = set()
    first_line: dict[str, int] = {}
    orders: dict[str | None, tuple[int, ...] | None] = {}  # by block label
    budget = _Budget()
    for run in runs[: MAX_RUNS * 2]:
        match = match_label(run.label, fmt, table, budget)
        if match is None or match.row in done:
            continue
        row = table.row(match.row)
        done.add(row.key)
        block = table.block_of(row.key)
        width = len(block.columns)
        line = run.line
        first_line.setdefault(row.key, line)
        if not match.standard:
            result.notes.append(_deviation(table, row, match.printed, line))
        if block.label in orders:
            order = orders[block.label]
        else:  # the block's header comes before its first row
            order = orders[block.label] = printed_order(run.label, block.columns)
            if order is not None:
                result.notes.append(_column_order_note(table, block.columns, order, line))
        cells = row_cells(run, width)
        if isinstance(cells, list):
            _make_cells(fmt, table, row, _reordered(cells, order), result)
            continue
        if cells == SHORT and run.atoms and run.atoms[-1].at_end:
            done.discard(row.key)
            continue  # cut off by the end of the excerpt
        digits = "".join(a.text for a in run.values)
        if cells == SHORT and any(a.split_ok for a in run.values):
            decimals = _decimal_columns(fmt, table, row)
            found = (
                _split_candidates(run, width, always, _in_print(decimals, order), True)
                if budget.spend_split()
                else None
            )
            if found is not None and len(found) == 1:
                _pieces_cells(table, row, tuple(_reordered(found[0], order)), line, result)
                continue
            stated = _stated(table, row, facts)
            chain = _chain(table, row, last_in_force)
            if found and (stated or chain is not None):
                in_print = _in_print(decimals, order)
                agree = _split_candidates(
                    run, width, _in_order(_agrees(stated, chain), order), in_print, True
                )
                if agree is not None and len(agree) < 2:
                    _settle(table, row, digits, agree, order, stated, chain, line, result)
                    continue
                found = agree
            message = (
                f"表二“{row.label}”一行的数字连在一起（{digits}），"
                + ("无法拆分成" if found == [] else "可以有多种拆分方式，无法确定")
                + f"{width}个栏目的数值，该行未计入"
                + _splits_named(found, order)
            )
        else:
            got = len([a for a in run.atoms if a.kind in (VALUE, BLANK)])
            message = (
                f"表二“{row.label}”一行读到{got}个数，应为{width}个，无法对应到栏目，该行未计入"
            )
        result.notes.append(_unparsed(table, row, message, line))
    result.complete = all(r.key in done for r in table.rows)
    compact = key_of_normalised(zone_text)
    seen_block = complete_start
    for block in table.blocks:
        rows_seen = [first_line[r.key] for r in block.rows if r.key in first_line]
        if not rows_seen or block.label is None:
            continue
        if key_of_normalised(norm(block.label)) not in compact and seen_block:
            result.notes.append(
                Finding(
                    "label-deviation",
                    f"表二缺少“{block.label}”表头行（“{block.rows[0].label}”等行之前应有此行）",
                    line=min(rows_seen),
                    table="t2",
                    row=block.rows[0].key,
                )
            )
        seen_block = True
    return result


Stated = list[tuple[int, tuple[int, str]]]  # (column index, (figure, the words stating it))


def _stated(table: Table, row: Row, facts: dict[tuple[str, str], tuple[int, str]] | None) -> Stated:
    """The narrative's figures for the cells of ``row`` (see :mod:`.facts`)."""
    if not facts:
        return []
    columns = table.block_of(row.key).columns
    return [
        (i, facts[(row.key, c.key)]) for i, c in enumerate(columns) if (row.key, c.key) in facts
    ]


Chain = tuple[int, int, int, int]  # (last year's 现行有效, index of 制发, of 废止, of 现行有效)


def _chain(table: Table, row: Row, last_in_force: dict[str, int] | None) -> Chain | None:
    """现行有效 = last year's 现行有效 + 制发 − 废止, for a 2021-format document row."""
    if not last_in_force or row.key not in last_in_force:
        return None
    keys = [c.key for c in table.block_of(row.key).columns]
    if not {"issued", "repealed", "in_force"} <= set(keys):
        return None
    return (
        last_in_force[row.key],
        keys.index("issued"),
        keys.index("repealed"),
        keys.index("in_force"),
    )


def _agrees(stated: Stated, chain: Chain | None = None) -> Callable[[Pieces], bool]:
    def accept(pieces: Pieces) -> bool:
        if not all(int(pieces[i]) == value for i, (value, _) in stated):
            return False
        if chain is None:
            return True
        last, issued, repealed, in_force = chain
        return last + int(pieces[issued]) - int(pieces[repealed]) == int(pieces[in_force])

    return accept


def _splits_named(found: list[Pieces] | None, order: tuple[int, ...] | None) -> str:
    """The splits still possible, named in a refusal."""
    if not found or len(found) < 2:
        return ""
    shown = "、".join("/".join(_reordered(p, order)) for p in found[:4])
    return f"（可能的拆分：{shown}{'等' if len(found) > 4 else ''}）"


def _settle(
    table: Table,
    row: Row,
    digits: str,
    agree: list[Pieces],
    order: tuple[int, ...] | None,
    stated: Stated,
    chain: Chain | None,
    line: int,
    result: TableResult,
) -> None:
    """A run-together row with several splits, settled by the figures the narrative states for
    it: the one split that agrees is read, with a note naming the fact; when the stated figure
    fits no split, that is a ``text-table-mismatch`` and the row is left out."""
    said = "、".join(f"正文“{words}”" for _, (_, words) in stated)
    if chain is not None:
        said += ("及" if said else "") + (
            f"上年报告的现行有效件数{chain[0]}件（上年现行有效＋本年制发－本年废止＝本年现行有效）"
        )
    if agree:
        pieces = tuple(_reordered(agree[0], order))
        _pieces_cells(table, row, pieces, line, result)
        result.notes.append(
            Finding(
                "unparsed-table",
                f"表二“{row.label}”一行的数字连在一起（{digits}），可以有多种拆分；"
                f"按{said}取唯一相符的拆分{'/'.join(pieces)}",
                line=line,
                table="t2",
                row=row.key,
                severity=Severity.INFO,
            )
        )
        return
    result.notes.append(
        Finding(
            "text-table-mismatch",
            f"{said}，但表二“{row.label}”一行的数字（{digits}）无论怎样拆分都与之不符，该行未计入",
            line=line,
            table="t2",
            row=row.key,
        )
    )


# --- Table 3 ---------------------------------------------------------------------------------


_GROUPS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}


def _group_subtotal(label_text: str, fmt: Format, table: Table) -> str | None:
    """The group label ("（三）不予公开") when a run of numbers follows a group heading directly:
    a subtotal row that the national format does not have."""
    cache_key = (fmt.key, table.key)
    groups = _GROUPS.get(cache_key)
    if groups is None:
        names = {r.group for r in table.rows if r.group is not None}
        own = {r.label for r in table.rows}
        groups = tuple(
            (key_of_normalised(norm(name)), name) for name in sorted(names) if name not in own
        )
        _GROUPS[cache_key] = groups
    text = key_of_normalised(label_text[-60:])
    for group_key, name in groups:
        if text.endswith(group_key):
            return name
    return None


@dataclass
class _Slot:
    run: Run
    row: int | None  # index into the format's row sequence
    match: LabelMatch | None


def _slots(
    fmt: Format, runs: list[Run], budget: _Budget, result: TableResult, legacy: list[Run]
) -> list[_Slot]:
    """The runs that may be rows of table 3, each with the row its label names (if any); a
    subtotal row that the format does not have is noted and left out — except the single
    "（六）其他处理" row of the 2019 format, which goes to ``legacy`` (see :func:`_legacy_other`)."""
    table = fmt.t3
    index = {r.key: i for i, r in enumerate(table.rows)}
    width = len(table.blocks[0].columns)
    slots: list[_Slot] = []
    for run in runs:
        if not run.values and (
            _filler(run) or sum(1 for a in run.atoms if a.kind == BLANK) != width
        ):
            continue
        if len(slots) >= MAX_RUNS:
            break  # a sane table has 23 or 25 rows; the rest is not a table
        group = _group_subtotal(run.label, fmt, table)
        earlier = fmt.legacy_row("t3")
        if group is not None and earlier is not None and group == earlier.row.label and not legacy:
            legacy.append(run)
            continue
        if group is not None:
            result.notes.append(
                Finding(
                    "label-deviation",
                    f"表三在第{run.line}行多出“{group}”的小计行（统一格式中该项只是分组标题），未计入",
                    line=run.line,
                    table="t3",
                )
            )
            continue
        match = match_label(run.label, fmt, table, budget)
        slots.append(_Slot(run, None if match is None else index[match.row], match))
    return slots


def read_t3(fmt: Format, runs: list[Run]) -> TableResult:
    table = fmt.t3
    rows = table.rows
    width = len(table.blocks[0].columns)
    result = TableResult()
    budget = _Budget()
    legacy: list[Run] = []
    slots = _slots(fmt, runs, budget, result, legacy)
    order = printed_order(runs[0].label, table.blocks[0].columns) if runs else None
    if order is not None:
        printed = (row_cells(slot.run, width) for slot in slots)
        if _sums_confirm(order, (cells for cells in printed if isinstance(cells, list))):
            result.notes.append(
                _column_order_note(table, table.blocks[0].columns, order, runs[0].line)
            )
        else:
            order = None
    _anchor(slots)
    _fill_gaps(slots, len(rows))
    stray = [slot for slot in slots if slot.row is None]
    if stray and len({s.row for s in slots if s.row is not None}) == len(rows):
        for slot in [s for s in stray if _label_tail(s.run.label)]:
            # Every row of the format is in place: a labelled run left over is an extra row.
            result.notes.append(
                Finding(
                    "label-deviation",
                    f"表三第{slot.run.line}行“{_label_tail(slot.run.label)}”"
                    f"（{_show(slot.run)}）不是统一格式中的行，未计入",
                    line=slot.run.line,
                    table="t3",
                )
            )
            stray.remove(slot)
        slots = [slot for slot in slots if slot.row is not None or slot in stray]
    if stray:
        shown = "、".join(f"第{s.run.line}行（{_show(s.run)}）" for s in stray[:3])
        more = f"等{len(stray)}处" if len(stray) > 3 else ""
        result.notes.append(
            _unparsed(
                table,
                None,
                f"表三中{shown}{more}的数字无法确定属于哪一行，未计入",
                stray[0].run.line,
            )
        )
        slots = [slot for slot in slots if slot.row is not None]

    fixed: dict[int, tuple[_Slot, list[Atom]]] = {}
    open_rows: dict[int, tuple[_Slot, list[Pieces]]] = {}
    assigned = {s.row for s in slots if s.row is not None}
    for slot in slots:
        if slot.row is None:  # pragma: no cover - stray runs were removed above
            continue
        row = rows[slot.row]
        one_line = slot.run.label_lines == 1  # not a label wrapped around its cells (PDF)
        match = slot.match
        if match is not None and not match.standard and match.row == row.key:
            if one_line or not match.loose:
                result.notes.append(_deviation(table, row, match.printed, slot.run.line))
        elif match is None and one_line and (resembling := _resembles(slot.run.label, row)):
            result.notes.append(_deviation(table, row, resembling, slot.run.line))
        cells = row_cells(slot.run, width)
        if isinstance(cells, list):
            fixed[slot.row] = (slot, _reordered(cells, order))
            continue
        last_atom = slot.run.atoms[-1] if slot.run.atoms else None
        if cells == SHORT and last_atom is not None and last_atom.at_end:
            assigned.discard(slot.row)
            continue  # the excerpt stops inside this row
        if cells == SHORT and any(a.split_ok for a in slot.run.values):
            found = (
                _split_candidates(slot.run, width, _in_order(row_sum_ok, order), [False] * width)
                if budget.spend_split()
                else None
            )
            if found:
                open_rows[slot.row] = (slot, [tuple(_reordered(p, order)) for p in found])
                continue
            reason = "可以有多种拆分方式" if found is None else "没有一种拆分能使各栏之和等于总计"
            result.notes.append(
                _unparsed(
                    table,
                    row,
                    f"表三“{row.full_label}”一行的数字连在一起（{_show(slot.run)}），{reason}，该行未计入",
                    slot.run.line,
                )
            )
            continue
        got = sum(1 for a in slot.run.atoms if a.kind in (VALUE, BLANK))
        word = "多于" if cells == OVER else "少于"
        result.notes.append(
            _unparsed(
                table,
                row,
                f"表三“{row.full_label}”一行读到{got}个数，{word}{width}个，无法对应到栏目"
                + (_ONLY_PRINTED if cells == SHORT else "")
                + "，该行未计入",
                slot.run.line,
            )
        )

    for i, (_, atoms) in sorted(fixed.items()):
        _make_cells(fmt, table, rows[i], atoms, result)
    if legacy:
        _legacy_other(fmt, legacy[0], {rows[i].key for i in assigned}, order, result)
    if open_rows:
        _resolve_open(fmt, table, fixed, open_rows, result)
    result.complete = len(assigned) == len(rows)
    return result


# A row that kept only its non-blank cells: which column each number belongs to is unknown.
_ONLY_PRINTED = "（空白的格可能被略去了，按从左到右对应是猜测）"


_LABEL_TAIL = re.compile(r"[^\s|]*[\u4e00-\u9fff][^\s|]*$")


def _label_tail(label: str) -> str:
    """The printed label of a run: the last stretch of its label text holding Chinese
    characters ("" when there is none)."""
    compact = key_of_normalised(label[-80:])
    m = _LABEL_TAIL.search(compact[-40:])
    return m.group(0) if m is not None else ""


def _resembles(label: str, row: Row) -> str | None:
    """The printed label of a run placed by order when it is the row's label with characters
    missing or changed ("6.属于过程性信息"): at least half of the official label's characters
    are in it, in order. None for a label that is garbled beyond that, or absent."""
    printed = _label_tail(label)
    if not printed:
        return None
    official = key_of_normalised(norm(row.label))
    return printed if _common_length(printed, official) * 2 >= len(official) else None


def _common_length(a: str, b: str) -> int:
    """The length of the longest common subsequence of two short labels."""
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if ch == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _filler(run: Run) -> bool:
    """A run of blanks from lines holding only pipes ("||||||"): the debris a colspan header
    leaves, not a row of seven blank cells."""
    return all(a.filler for a in run.atoms if a.kind in (VALUE, BLANK))


def _legacy_other(
    fmt: Format,
    run: Run,
    assigned: set[str],
    order: tuple[int, ...] | None,
    result: TableResult,
) -> None:
    """A table 3 that still prints an earlier format's row the format declares (the 2019
    format's single "（六）其他处理" in a 2021-format table) instead of the rows that succeeded
    it: the row is read under its earlier key ``other`` (the sum of （六）1–3), so the table's
    arithmetic still holds, with a ``label-deviation`` note. Where the successors are printed
    too, it is a subtotal row and is left out (noted)."""
    table = fmt.t3
    declared = fmt.legacy_row("t3")
    assert declared is not None  # only runs that _slots matched to the declared row come here
    earlier = declared.row
    width = len(table.blocks[0].columns)
    cells = row_cells(run, width)
    sub_rows = list(declared.replaces)
    if not sub_rows or any(key in assigned for key in sub_rows) or not isinstance(cells, list):
        result.notes.append(
            Finding(
                "label-deviation",
                f"表三在第{run.line}行多出“{earlier.label}”的小计行（统一格式中该项只是分组标题），未计入",
                line=run.line,
                table="t3",
            )
        )
        return
    for column, atom in zip(table.blocks[0].columns, _reordered(cells, order), strict=True):
        ref = CellRef("t3", earlier.key, column.key)
        if atom.garbled:
            continue
        value = atom.value if atom.kind == VALUE and atom.value is not None else _BLANK_VALUE
        result.cells[ref] = Cell(ref, value.value, atom.text, atom.line, value.interpreted)
    result.notes.append(
        Finding(
            "label-deviation",
            f"表三第{run.line}行按{declared.earlier}格式印为一行“{earlier.label}”，"
            f"《{fmt.name}》中该项应分为1.至{len(sub_rows)}.共{len(sub_rows)}行；已按（六）各项合计读取",
            line=run.line,
            table="t3",
            row=earlier.key,
        )
    )


def _show(run: Run) -> str:
    return " ".join(
        a.text if a.kind == VALUE else "□" for a in run.atoms if a.kind in (VALUE, BLANK)
    )


def _anchor(slots: list[_Slot]) -> None:
    """Keep only label matches that go forward through the row sequence."""
    last = -1
    for slot in slots:
        if slot.row is None:
            continue
        if slot.row <= last:
            slot.row = None
            slot.match = None
            continue
        last = slot.row


def _fill_gaps(slots: list[_Slot], total: int) -> None:
    """Runs without a usable label take the rows between their neighbours' rows, by order."""
    anchors = [i for i, s in enumerate(slots) if s.row is not None]
    bounds: list[tuple[int, int, int, int]] = []  # (first slot, last slot, first row, last row)
    if not anchors:
        if len(slots) <= total:
            bounds.append((0, len(slots) - 1, 0, len(slots) - 1))
    else:
        first = anchors[0]
        row0 = slots[first].row
        assert row0 is not None
        if first > 0:
            bounds.append((0, first - 1, row0 - first, row0 - 1))
        for a, b in itertools.pairwise(anchors):
            ra, rb = slots[a].row, slots[b].row
            assert ra is not None and rb is not None
            if b - a - 1 > 0:
                bounds.append(
                    (a + 1, b - 1, ra + 1, rb - 1)
                    if b - a - 1 == rb - ra - 1
                    else (a + 1, b - 1, -1, -1)
                )
        last = anchors[-1]
        rl = slots[last].row
        assert rl is not None
        if last < len(slots) - 1:
            bounds.append((last + 1, len(slots) - 1, rl + 1, rl + len(slots) - 1 - last))
    for s0, s1, r0, r1 in bounds:
        if r0 < 0 or r1 >= total or r1 - r0 != s1 - s0:
            continue
        for offset, slot_index in enumerate(range(s0, s1 + 1)):
            slots[slot_index].row = r0 + offset


def _resolve_open(
    fmt: Format,
    table: Table,
    fixed: dict[int, tuple[_Slot, list[Atom]]],
    open_rows: dict[int, tuple[_Slot, list[Pieces]]],
    result: TableResult,
) -> None:
    rows = table.rows
    order = sorted(set(fixed) | set(open_rows))
    position = {row_index: k for k, row_index in enumerate(order)}
    candidates: list[list[Pieces]] = []
    for row_index in order:
        if row_index in fixed:
            atoms = fixed[row_index][1]
            candidates.append([tuple(_plain(a) for a in atoms)])
        else:
            candidates.append(open_rows[row_index][1])
    keys = [rows[i].key for i in order]
    where = {k: position[i] for k, i in zip(keys, order, strict=True)}
    outcome = [where[k] for k in fmt.outcome_rows if k in where]
    complete_outcomes = len(outcome) == len(fmt.outcome_rows)

    def consistent(choice: Sequence[Pieces | None]) -> bool:
        def col(name: str, c: int) -> int | None:
            k = where.get(name)
            if k is None or choice[k] is None:
                return None
            piece = choice[k][c]  # type: ignore[index]
            return int(piece) if piece.isdigit() else 0

        for c in range(len(table.blocks[0].columns)):
            parts = [col(n, c) for n in ("received", "carried_in", "closed_total", "carried_out")]
            if all(p is not None for p in parts):
                a, b, t, o = (p or 0 for p in parts)
                if a + b != t + o:
                    return False
            total = col("closed_total", c)
            if complete_outcomes and total is not None:
                values = [choice[k] for k in outcome]
                if all(v is not None for v in values):
                    s = sum(int(v[c]) if v[c].isdigit() else 0 for v in values if v is not None)
                    if s != total:
                        return False
        return True

    chosen = choose_rows(candidates, consistent)
    for row_index, (slot, options) in sorted(open_rows.items()):
        pick = chosen[position[row_index]]
        row = rows[row_index]
        if pick is None:
            result.notes.append(
                _unparsed(
                    table,
                    row,
                    f"表三“{row.full_label}”一行的数字连在一起（{_show(slot.run)}），"
                    f"有{len(options)}种拆分都符合本行之和，表内勾稽关系也无法确定，该行未计入",
                    slot.run.line,
                )
            )
            continue
        _pieces_cells(table, row, pick, slot.run.line, result)


def _plain(atom: Atom) -> str:
    if atom.kind != VALUE or atom.value is None or atom.value.value is None:
        return "-"
    return str(atom.value.value)


# --- Table 4 ---------------------------------------------------------------------------------


def read_t4(fmt: Format, runs: list[Run]) -> TableResult:
    table = fmt.t4
    size = table.size
    width = len(table.blocks[0].columns)
    result = TableResult()
    taken: list[Atom] = []
    used: list[Run] = []
    numbers_follow = any(run.values for run in runs)
    for run in runs:
        if not run.values and (
            (numbers_follow and _filler(run)) or sum(1 for a in run.atoms if a.kind == BLANK) < size
        ):
            continue
        counted = [a for a in run.atoms if a.kind in (VALUE, BLANK)]
        if not taken:
            while counted and counted[0].kind == BLANK and len(counted) > size:
                counted.pop(0)
        taken.extend(counted)
        used.append(run)
        if len(taken) >= size:
            break
    if not taken:
        result.complete = False
        return result
    columns = table.blocks[0].columns
    header_order = printed_order(used[0].label, columns)
    line = next((a.line for a in taken if a.kind == VALUE), taken[0].line)
    result.last_index = taken[min(len(taken), size) - 1].index
    if len(taken) >= size:
        extra = taken[size:]
        if any(a.kind == VALUE for a in extra) and sum(1 for a in taken if a.kind == VALUE) == size:
            taken = [a for a in taken if a.kind == VALUE]
        blocks = [taken[k : k + width] for k in range(0, size, width)]
        order = None
        if header_order is not None and _sums_confirm(header_order, blocks):
            result.notes.append(_column_order_note(table, columns, header_order, used[0].line))
            order = _across(header_order, size // width)
        atoms = _reordered(taken[:size], order)
        for k, row in enumerate(table.rows):
            _make_cells(fmt, table, row, atoms[k * width : (k + 1) * width], result)
        return result
    if taken[-1].at_end:
        result.complete = False
        return result
    merged = Run("", [a for r in used for a in r.atoms])
    if any(a.split_ok for a in merged.values):
        found = _split_candidates(merged, size, blocks_sum_ok(width), [False] * size)
        order = None
        if found == [] and header_order is not None:  # no split adds up as declared: as printed?
            order = _across(header_order, size // width)
            accept = _in_order(blocks_sum_ok(width), order)
            found = _split_candidates(merged, size, accept, [False] * size)
            if found is not None and len(found) == 1:
                result.notes.append(_column_order_note(table, columns, header_order, line))
        if found is not None and len(found) == 1:
            pieces = tuple(_reordered(found[0], order))
            for k, row in enumerate(table.rows):
                _pieces_cells(table, row, pieces[k * width : (k + 1) * width], line, result)
            return result
        digits = "".join(a.text for a in merged.values)
        reason = (
            "可以有多种拆分方式" if found is None or found else "没有一种拆分能使各项之和等于总计"
        )
        result.notes.append(
            _unparsed(table, None, f"表四的数字连在一起（{digits}），{reason}，无法可靠读取", line)
        )
        return result
    result.notes.append(
        _unparsed(
            table,
            None,
            f"表四只读到{len(taken)}个数，应为{size}个，无法对应到栏目"
            + (_ONLY_PRINTED if all(a.kind == VALUE for a in taken) else ""),
            line,
        )
    )
    return result
