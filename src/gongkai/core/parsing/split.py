"""Splitting digit runs that a crawler glued together (corpus 001, 003).

A page-text crawler drops the cell borders: "230 000023" is the seven cells 23/0/0/0/0/0/23 of a
table-3 row, "10203120001200000" the fifteen cells of table 4. We split only where the split is
forced: every piece must be a well-formed number (no leading zero unless it is "0"; a decimal
point only inside an amount), and the table's own arithmetic must hold (table 3: each row's 总计
is the sum of its six applicant columns, then the column rules 一 + 二 = （七） + 四 and
（七） = the sum of the outcome rows; table 4: each block's 总计 is the sum of its four results).
When more than one split survives, the row is ambiguous and is left out (never guessed).

Spaces are likely but not certain cell boundaries: we first respect them, and only if no split
does, we try again with the spaces ignored.

The search is bounded: :class:`TooMany` is raised after ``budget`` candidate splits, and the caller
treats that as ambiguous.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

Pieces = tuple[str, ...]

MAX_COMPOSITIONS = 50_000  # more ways than this to cut one digit run: give up (ambiguous)


class TooMany(Exception):
    """The search exceeded its budget; treat the run as ambiguous."""


def _valid(piece: str, decimal_ok: bool) -> bool:
    if not piece:
        return False
    if "." in piece:
        if not decimal_ok or piece.count(".") > 1 or piece[0] == "." or piece[-1] == ".":
            return False
        whole = piece.split(".", 1)[0]
        return whole == "0" or whole[0] != "0"
    return piece == "0" or piece[0] != "0"


def _compositions(
    text: str, parts: int, start_col: int, decimal_ok: Callable[[int], bool]
) -> Iterator[Pieces]:
    """Every way of cutting ``text`` into ``parts`` well-formed numbers (memoised by suffix)."""
    memo: dict[tuple[int, int], list[Pieces]] = {}
    size = len(text)

    def tails(at: int, left: int) -> list[Pieces]:
        found = memo.get((at, left))
        if found is not None:
            return found
        out: list[Pieces] = []
        col = start_col + parts - left
        if left == 1:
            if _valid(text[at:], decimal_ok(col)):
                out.append((text[at:],))
        elif size - at >= left:
            for cut in range(at + 1, size - left + 2):
                if text[cut] == ".":
                    continue
                head = text[at:cut]
                if not _valid(head, decimal_ok(col)):
                    if head[0] == "0":
                        break  # "0x…": every longer head also starts with a zero
                    continue
                out.extend((head, *tail) for tail in tails(cut, left - 1))
                if len(out) > MAX_COMPOSITIONS:
                    raise TooMany
        memo[(at, left)] = out
        return out

    if parts == 0:
        if not text:
            yield ()
        return
    if size < parts:
        return
    if math.comb(size - 1, parts - 1) > MAX_COMPOSITIONS:
        raise TooMany  # too many ways to cut it: ambiguous by construction
    yield from tails(0, parts)


def _token_splits(
    tokens: Sequence[str], cells: int, decimal_ok: Callable[[int], bool]
) -> Iterator[Pieces]:
    """Splits that respect the boundaries between ``tokens`` (each token ≥ 1 piece)."""

    capacity = [0] * (len(tokens) + 1)  # the most cells the tokens from i on can hold
    for i in range(len(tokens) - 1, -1, -1):
        capacity[i] = capacity[i + 1] + len(tokens[i])

    def rec(index: int, col: int) -> Iterator[Pieces]:
        if index == len(tokens):
            if col == cells:
                yield ()
            return
        token = tokens[index]
        remaining_tokens = len(tokens) - index - 1
        max_parts = min(len(token), cells - col - remaining_tokens)
        min_parts = max(1, cells - col - capacity[index + 1])
        for parts in range(min_parts, max_parts + 1):
            for head in _compositions(token, parts, col, decimal_ok):
                for tail in rec(index + 1, col + parts):
                    yield head + tail

    yield from rec(0, 0)


def solve_run(
    tokens: Sequence[str],
    cells: int,
    accept: Callable[[Pieces], bool],
    decimal_ok: Callable[[int], bool] = lambda _col: False,
    budget: int = 5_000,
) -> list[Pieces]:
    """The splits of ``tokens`` into ``cells`` numbers that ``accept`` admits (at most 2 + …).

    Returns every admitted split found (the caller looks at 0 / 1 / more). Spaces between tokens
    are respected first; only when that admits nothing are they ignored.
    """
    found = _search(_token_splits(tokens, cells, decimal_ok), accept, budget)
    if found or len(tokens) == 1:
        return found
    joined = "".join(tokens)
    return _search(_compositions(joined, cells, 0, decimal_ok), accept, budget)


def _search(
    candidates: Iterator[Pieces], accept: Callable[[Pieces], bool], budget: int
) -> list[Pieces]:
    found: list[Pieces] = []
    for count, pieces in enumerate(candidates):
        if count >= budget:
            raise TooMany
        if accept(pieces):
            found.append(pieces)
            if len(found) > 8:
                break
    return found


def row_sum_ok(pieces: Pieces) -> bool:
    """Table 3: the last cell (总计) is the sum of the others."""
    values = [int(p) for p in pieces]
    return values[-1] == sum(values[:-1])


def blocks_sum_ok(width: int) -> Callable[[Pieces], bool]:
    """Table 4: each block of ``width`` cells ends with the sum of the cells before it."""

    def accept(pieces: Pieces) -> bool:
        values = [int(p) for p in pieces]
        for start in range(0, len(values), width):
            block = values[start : start + width]
            if block[-1] != sum(block[:-1]):
                return False
        return True

    return accept


def always(_pieces: Pieces) -> bool:
    return True


def choose_rows(
    candidates: Sequence[Sequence[Pieces]],
    consistent: Callable[[Sequence[Pieces]], bool],
    budget: int = 5_000,
) -> list[Pieces | None]:
    """Pick one split per row so that ``consistent`` (the column rules) holds for the whole table.

    ``candidates[i]`` lists the splits still possible for row ``i`` (one for a row that was
    printed with its cells separated). A row gets a split only when every consistent choice of
    the whole table agrees on it; otherwise it gets None (ambiguous). If no choice is consistent
    (the table itself does not add up), rows with a single candidate keep it and the others are
    ambiguous.
    """
    open_rows = [i for i, c in enumerate(candidates) if len(c) > 1]
    result: list[Pieces | None] = [c[0] if len(c) == 1 else None for c in candidates]
    if not open_rows:
        return result
    product = 1
    for i in open_rows:
        product *= len(candidates[i])
        if product > budget:
            return result
    agreed: list[Pieces | None] = [None] * len(candidates)
    seen = False
    conflict: set[int] = set()
    choice = list(result)

    def rec(k: int) -> None:
        nonlocal seen
        if k == len(open_rows):
            if consistent(choice):  # type: ignore[arg-type]
                for i in open_rows:
                    if not seen:
                        agreed[i] = choice[i]
                    elif agreed[i] != choice[i]:
                        conflict.add(i)
                seen = True
            return
        row = open_rows[k]
        for option in candidates[row]:
            choice[row] = option
            rec(k + 1)
        choice[row] = None

    rec(0)
    if seen:
        for i in open_rows:
            if i not in conflict:
                result[i] = agreed[i]
    return result
