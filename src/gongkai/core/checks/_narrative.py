"""The narrative of a report, normalised once for the text checks.

Published reports wrap lines inside words ("予以公开及部\\n分公开"), put spaces around numbers
("1295 件"), mix full- and half-width punctuation and write thousands separators. The text checks
match phrases against a *compact* form of each paragraph: whitespace removed, ASCII punctuation
turned full-width, full-width digits turned ASCII. Every compact position still maps back to the
line of the input it came from.

The compact form is computed once per report (a one-entry memo keyed by identity), so the
families that read the narrative share it; the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..findings import Finding
from ..report import Report
from ._common import at, per_report

# The separator first, so the regex engine skips to candidates instead of testing every position.
_THOUSANDS = re.compile(r"[,，](?<=\d[,，])(?=\d{3}(?!\d))")
_TO_COMPACT = {
    "(": "（",
    ")": "）",
    ":": "：",
    ",": "，",
    ";": "；",
    "?": "？",
    "!": "！",
    "％": "%",
    **{chr(0xFF10 + d): str(d) for d in range(10)},
}
# Most text holds none of these, so a regex finds the few there are (str.translate would look
# every character up in a dict).
_TO_TRANSLATE = re.compile("[" + re.escape("".join(_TO_COMPACT)) + "]")


@dataclass(frozen=True)
class Chunk:
    """One paragraph in compact form, with the line each compact position came from."""

    text: str
    offsets: tuple[int, ...]  # compact offset at which each source line of the paragraph starts
    lines: tuple[int | None, ...]  # the input line of each of those source lines

    def line_at(self, pos: int) -> int | None:
        index = bisect_right(self.offsets, pos) - 1
        return self.lines[max(index, 0)]

    def finding(
        self,
        code: str,
        message: str,
        pos: int,
        *,
        table: str | None = None,
        row: str | None = None,
        column: str | None = None,
    ) -> Finding:
        """A finding about the text at ``pos``: on its input line, the message ending with it."""
        line = self.line_at(pos)
        return Finding(code, message + at(line), line=line, table=table, row=row, column=column)


def _compact(text: str) -> str:
    text = _TO_TRANSLATE.sub(_full_width, "".join(text.split()))  # str.split: \s, in C
    return _THOUSANDS.sub("", text)


@lru_cache(maxsize=32)  # headings, titles and short sections recur; keep big texts few
def compact(text: str) -> str:
    """The compact form of a piece of text (see the module docstring)."""
    return _compact(text)


def _full_width(match: re.Match[str]) -> str:
    return _TO_COMPACT[match.group()]


def _chunk(text: str, first_line: int | None) -> Chunk:
    if "\n" not in text:  # most paragraphs are one line
        return Chunk(_compact(text), (0,), (first_line,))
    parts: list[str] = []
    offsets: list[int] = []
    lines: list[int | None] = []
    size = 0
    for index, raw in enumerate(text.split("\n")):
        piece = _compact(raw)  # a paragraph's lines are its own: no use remembering them
        offsets.append(size)
        lines.append(None if first_line is None else first_line + index)
        parts.append(piece)
        size += len(piece)
    return Chunk("".join(parts), tuple(offsets), tuple(lines))


@per_report
def chunks(report: Report) -> tuple[Chunk, ...]:
    """The report's narrative paragraphs in compact form (empty ones left out)."""
    return tuple(
        chunk for chunk in (_chunk(p.text, p.line) for p in report.paragraphs) if chunk.text
    )


def clause_start(text: str, start: int, limit: int = 60) -> int:
    """Where the clause of ``text`` holding ``start`` begins: after the previous stop, at most
    ``limit`` characters back."""
    left = start
    while left > 0 and start - left < limit and text[left - 1] not in "。；！？，：":
        left -= 1
    return left


def sentence_start(text: str, position: int) -> int:
    """Where the sentence of ``text`` holding ``position`` begins: after the previous 。 or ；."""
    return max(text.rfind("。", 0, position), text.rfind("；", 0, position)) + 1


def clause_around(text: str, start: int, end: int, limit: int = 60) -> str:
    """The clause of ``text`` holding ``start``..``end``: from the previous to the next stop."""
    left = clause_start(text, start, limit)
    right = end
    while right < len(text) and right - end < limit and text[right] not in "。；！？，":
        right += 1
    return text[left:right]


_TOWNSHIP_NAME = re.compile(r"(?:镇|乡|街道|街道办事处|苏木)(?:人民政府|政府|党委|办事处)?$")
_TOWNSHIP_SELF = re.compile(r"[我本](?:镇|乡(?!村)|街道)")


def is_township(report: Report) -> bool:
    """A 乡/镇/街道 report: by the agency's name, or the text speaking of "我镇/本乡/本街道"."""
    if report.agency and _TOWNSHIP_NAME.search(compact(report.agency)):
        return True
    return any(_TOWNSHIP_SELF.search(chunk.text) for chunk in chunks(report))


_GOVERNMENT_NAME = re.compile(r"(?:人民政府|政府|管委会|管理委员会|办事处|[省市县区旗镇乡盟州])$")


def is_whole_government(report: Report) -> bool:
    """A government's own report (本级政府), by the reader's flag or by the agency's name.

    条例第四十九条: the 本级政府 report is due by 3月31日; departments publish by 1月31日. A name
    that is a place or a government ("平潭综合实验区", "太平镇人民政府") is a government report.
    """
    if report.is_government_report:
        return True
    return bool(report.agency and _GOVERNMENT_NAME.search(compact(report.agency)))
