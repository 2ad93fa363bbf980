"""The input as lines: what every front end (text, HTML, Word, PDF) hands to the reader.

A :class:`SourceLine` is one line of a text file, one block element of a web page, one Word
paragraph, one PDF text line — or one table row, whose cells are then known. ``line`` is the
1-based line of the input file that a finding should point to (for Word: the running number of
paragraphs and table rows; for HTML: the element's source line).

:class:`Document` joins the normalised lines into one string (``text``) so that headings and
tables can be found even when a crawler ran everything together on a single line (corpus 001,
003); offsets in ``text`` map back to lines with :meth:`Document.index_at`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from .normalize import norm

_CELL_JUNK = re.compile(r"[|\r\n]")


class SourceLine(NamedTuple):
    text: str  # as printed (after decoding and script conversion)
    line: int
    cells: tuple[str, ...] | None = None  # a table row from HTML/Word/PDF


class Document:
    """Normalised lines, their concatenation and the offset → line mapping."""

    __slots__ = ("lines", "norm_lines", "starts", "text")

    def __init__(self, lines: list[SourceLine]) -> None:
        self.lines = lines
        raw = [
            source.text
            if source.cells is None
            else " | ".join(_CELL_JUNK.sub("", c) for c in source.cells) + " |"
            for source in lines
        ]
        norm_lines = norm("\n".join(raw)).split("\n")  # one NFKC pass for the whole input
        if len(norm_lines) != len(raw):  # pragma: no cover - NFKC never makes a newline
            norm_lines = [norm(text).replace("\n", " ") for text in raw]
        self.norm_lines = norm_lines
        self.starts = list(accumulate((len(text) + 1 for text in norm_lines[:-1]), initial=0))
        self.text = "\n".join(norm_lines)

    @property
    def last_text_index(self) -> int:
        """The index of the last line that holds more than whitespace (0 when none does)."""
        index = len(self.norm_lines) - 1
        while index > 0 and not self.norm_lines[index].strip():
            index -= 1
        return max(index, 0)

    def index_at(self, offset: int) -> int:
        """The index (into ``lines``) of the line holding ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def line_at(self, offset: int) -> int:
        """The input line number at ``offset``."""
        if not self.lines:
            return 1
        return self.lines[self.index_at(offset)].line

    def line_start(self, offset: int) -> int:
        return self.starts[self.index_at(offset)]
