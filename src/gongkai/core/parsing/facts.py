"""The narrative's own figures for table 2's document counts (issue 12, item 4).

A crawler that ran a table-2 row together ("行政规范性文件693665") leaves several splits into three
cells. Reports often state the same figures in words ("制发行政规范性文件3件…现行有效665件"); the
only split that agrees with them is the printed one. These are the statements read (2021 format:
制发 / 废止 / 现行有效; 2019 format: 制作 / 公开 / 累计公开), each tied to 规章 or (行政)规范性文件
by the words before its number.
"""

from __future__ import annotations

import re

Fact = tuple[int, str]  # (the figure, the words that state it)

_DOCS = r"(?P<what>规章|(?:行政)?规范性文件)"
_N = r"(?P<n>\d+)(?:件|个|份)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (column, re.compile(pattern))
    for column, pattern in (
        ("issued", rf"(?:新)?(?:制发|印发|出台|发布)(?:了)?{_DOCS}(?:共计|共)?{_N}"),
        ("repealed", rf"废止(?:了)?{_DOCS}(?:共计|共)?{_N}"),
        ("in_force", rf"{_DOCS}[^。；，\d]{{0,8}}?现行有效(?:的)?(?:共计|共|为)?{_N}"),
        ("in_force", rf"现行有效(?:的)?{_DOCS}(?:共计|共|为)?{_N}"),
        ("made", rf"(?:新)?制作(?:了)?{_DOCS}(?:共计|共)?{_N}"),
        ("published", rf"(?:新)?公开(?:了)?{_DOCS}(?:共计|共)?{_N}"),
    )
)


def document_facts(text: str) -> dict[tuple[str, str], Fact]:
    """(row key, column key) → the figure the narrative states for it, when it states one
    figure only (two different figures for one cell are no fact)."""
    compact = "".join(text.split())
    found: dict[tuple[str, str], set[Fact]] = {}
    for column, pattern in _PATTERNS:
        for m in pattern.finditer(compact):
            row = "rules" if m.group("what") == "规章" else "normative_docs"
            found.setdefault((row, column), set()).add((int(m.group("n")), m.group(0)))
    facts: dict[tuple[str, str], Fact] = {}
    for key, stated in found.items():
        if len({value for value, _ in stated}) == 1:
            facts[key] = min(stated, key=lambda item: len(item[1]))
    return facts
