"""Character normalisation for matching printed labels (annual-report-formats.md §11).

Published reports mix full- and half-width punctuation, curly and straight quotes, "1." and
"1．" and "1、", non-breaking and ideographic spaces, and sometimes the Traditional script. The
parser keeps the printed text for messages and matches on normalised keys:

* :func:`norm` — NFKC (full-width → half-width, NBSP/ideographic space → space, ㈠ → (一)),
  quotes unified; whitespace kept (spaces are cell boundaries in flattened text).
* :func:`key` — :func:`norm` without any whitespace, with "1、" read as "1."; labels broken by
  spaces or line breaks ("本年新\\n制作数量", "商业 企业") compare equal to the declared label.
"""

from __future__ import annotations

import re
import unicodedata

# Quotes and brackets read alike (str.translate is slow on CJK text; replace is not).
_QUOTES = (
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‟", '"'),
    ("「", '"'),
    ("」", '"'),
    ("『", '"'),
    ("』", '"'),
    ("〝", '"'),
    ("〞", '"'),
    ("‘", "'"),
    ("’", "'"),
)
_LIST_NUMBER = re.compile(r"(\d)、")


def norm(text: str) -> str:
    """NFKC with quotes unified; line structure and spaces are kept."""
    text = unicodedata.normalize("NFKC", text)
    for old, new in _QUOTES:
        if old in text:
            text = text.replace(old, new)
    return text


def key(text: str) -> str:
    """The matching key of a label: normalised, without whitespace, "1、" read as "1."."""
    return key_of_normalised(norm(text))


def key_of_normalised(text: str) -> str:
    """:func:`key` for text that has already been through :func:`norm`."""
    compact = "".join(text.split())  # str.split() drops exactly what the regex \s matches
    return _LIST_NUMBER.sub(r"\1.", compact) if "、" in compact else compact


# Characters that exist only in the Traditional script and are common in these reports
# (條/項/開/關/與/資/數/處/計/發/總/況/請/機/複/訴/報/務/實/動/統/業/會/為/議/規/範/門/網/…).
_TRADITIONAL = frozenset(
    "條項開關與資數處計發總況請機複訴報務實動統業會為議規範門網辦證類據權舉應當"
    "對於這過說從裡個們來時間經導體問題點屬國內聯絡設專區縣鎮鄉黨員協調審覽歸"
)


_TRADITIONAL_RE = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")
_HAN_RE = re.compile("[\u4e00-\u9fff]")


def looks_traditional(text: str, sample: int = 20_000) -> bool:
    """True when the text is written in the Traditional script (a mirror copy, corpus 021).

    Counts characters that only the Traditional script uses in the first ``sample`` characters.
    """
    head = text[:sample]
    hits = len(_TRADITIONAL_RE.findall(head))
    return hits >= 5 and hits * 50 >= len(_HAN_RE.findall(head))


def to_simplified(text: str) -> str:
    """Traditional → Simplified with ``zhconv``, keeping the line structure."""
    import zhconv  # local import: only mirror copies need it

    converted: str = zhconv.convert(text, "zh-cn")
    if converted.count("\n") == text.count("\n"):
        return converted
    return "\n".join(zhconv.convert(line, "zh-cn") for line in text.split("\n"))


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``.

    Banded dynamic programme: O(len × limit), so fuzzy label matching stays cheap.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        low = max(1, i - limit)
        high = min(len(b), i + limit)
        current = [limit + 1] * (len(b) + 1)
        current[0] = i if i <= limit else limit + 1
        best = current[0]
        for j in range(low, high + 1):
            cost = 0 if ca == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return limit + 1
        previous = current
    return min(previous[len(b)], limit + 1)
