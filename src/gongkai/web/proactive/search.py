"""Full-text search of the 目录 that works on Chinese, on SQLite and PostgreSQL alike.

Chinese has no spaces between words, so a word tokenizer (PostgreSQL's ``to_tsvector`` with the
``simple`` or ``english`` configuration) finds nothing inside a sentence, and ``pg_trgm`` depends on
an extension and on the database's locale treating Han characters as letters. Instead every item
keeps ``search_text``: its 名称、内容概述、文号 and 索引号 normalised — NFKC (full-width letters and
digits become half-width), case-folded, Traditional → Simplified, and with every space and
punctuation mark removed — and a query is normalised the same way and matched as substrings, each
whitespace-separated term required (AND). So “十四五 规划”, “十四五规划”, “規劃” and “ＡＢＣ” all find
what a reader expects, and a two-character word is found inside a sentence.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db.models import QuerySet

MAX_TERMS = 5
MAX_TERM_LENGTH = 50


def _simplified(text: str) -> str:
    import zhconv  # local import: loaded on the first save or search

    converted: str = zhconv.convert(text, "zh-cn")
    return converted


def normalise(text: str) -> str:
    """``text`` as stored in (and compared with) ``Item.search_text``."""
    folded = _simplified(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] in "LN")


def item_search_text(item: Any) -> str:
    return normalise(
        " ".join((item.title or "", item.summary or "", item.doc_number or "", item.index_number))
    )


def query_terms(q: str) -> list[str]:
    """The normalised terms of a query (at most :data:`MAX_TERMS`; a term of punctuation only is
    dropped)."""
    terms = []
    for raw in q.replace("\u3000", " ").split():
        term = normalise(raw)[:MAX_TERM_LENGTH]
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def matching(items: QuerySet[Any], q: str) -> QuerySet[Any]:
    """``items`` that contain every term of ``q``."""
    for term in query_terms(q):
        items = items.filter(search_text__contains=term)
    return items
