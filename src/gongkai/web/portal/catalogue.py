"""The public 目录 (法定主动公开内容, 条例 第十二条、第二十四条): every published, non-voided
item of the proactive register with its 索引号, browsed by 主题分类 and searched in full text.

Search matches every whitespace-separated term as a substring of 名称, 内容概述, 文号 or 索引号,
which works for Chinese without a tokenizer (a two-character word is found inside a sentence).
A search with no result is logged for the agency (:class:`ZeroResultSearch`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from gongkai.web.orgs.models import Agency
from gongkai.web.portal.models import ZeroResultSearch
from gongkai.web.proactive.models import Category, Item, Validity

MAX_TERMS = 5


@dataclass(frozen=True)
class CatalogueQuery:
    q: str = ""
    category: int | None = None
    validity: str = ""
    year: int | None = None


def published_items(*, agency: Agency, today: dt.date) -> QuerySet[Item]:
    return Item.objects.filter(
        agency=agency, voided=False, published_on__isnull=False, published_on__lte=today
    )


def terms(q: str) -> list[str]:
    return [t for t in q.replace("\u3000", " ").split() if t][:MAX_TERMS]


def search(*, agency: Agency, query: CatalogueQuery, today: dt.date) -> QuerySet[Item]:
    items = published_items(agency=agency, today=today)
    for term in terms(query.q):
        items = items.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(doc_number__icontains=term)
            | Q(index_number__icontains=term)
        )
    if query.category:
        items = items.filter(category_id=query.category)
    if query.validity in {v.value for v in Validity}:
        items = items.filter(validity=query.validity)
    if query.year:
        items = items.filter(formed_on__year=query.year)
    return items.select_related("category").order_by("-published_on", "-id")


def log_zero_result(*, agency: Agency, q: str, now: dt.datetime) -> None:
    ZeroResultSearch.objects.create(agency=agency, query=q.strip()[:200], at=now)


COUNTS_SECONDS = 300  # the category counts beside the 目录 are at most 5 minutes old


def categories_with_counts(*, agency: Agency, today: dt.date) -> list[tuple[Category, int]]:
    """Each 主题分类 that has published items, with their number (cached for a few minutes:
    counting scans all of the agency's items, measured in bench/portal.py)."""
    key = f"portal:catcounts:{agency.pk}:{today.isoformat()}"
    counts: dict[int, int] | None = cache.get(key)
    if counts is None:
        rows = (
            published_items(agency=agency, today=today)
            .values("category")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = {r["category"]: r["n"] for r in rows}
        cache.set(key, counts, COUNTS_SECONDS)
    cats = Category.objects.filter(agency=agency).order_by("position", "id")
    return [(c, counts[c.pk]) for c in cats if c.pk in counts]


def item_public(*, agency: Agency, pk: int, today: dt.date) -> Item | None:
    return (
        published_items(agency=agency, today=today)
        .select_related("category")
        .prefetch_related("channels")
        .filter(pk=pk)
        .first()
    )


def zero_result_searches(*, agency: Agency, limit: int = 50) -> QuerySet[ZeroResultSearch]:
    return ZeroResultSearch.objects.filter(agency=agency)[:limit]
