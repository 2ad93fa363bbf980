"""The public 目录 (法定主动公开内容, 条例 第十二条、第二十条、第二十四条): every published,
non-voided item of the proactive register with its 索引号, browsed by 条例第二十条 category and by
主题分类, searched in full text (``proactive/search.py``: normalised substrings, which works for
Chinese on SQLite and PostgreSQL) with filters for category, 主题, year, validity and agency.

A government's 目录 is the unified platform of 第二十四条: its own items and those of the agencies
under it, with a filter by agency. A search with no result is logged for the agency whose 目录 was
searched (:class:`ZeroResultSearch`) and shown to its staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Min, QuerySet

from gongkai.core.article20 import Article20
from gongkai.core.vocabulary import Validity
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.portal.models import ZeroResultSearch
from gongkai.web.proactive.models import Item
from gongkai.web.proactive.search import matching, query_terms


@dataclass(frozen=True)
class CatalogueQuery:
    q: str = ""
    category: int | None = None  # a 主题分类 by id (links from before topics were named)
    topic: str = ""  # a 主题分类 by name (the same name across a government's agencies)
    article20: str = ""
    validity: str = ""
    year: int | None = None
    agency: str = ""  # an agency's code, on a government's 目录

    @property
    def filtered(self) -> bool:
        return bool(
            query_terms(self.q)
            or self.category
            or self.topic
            or self.article20
            or self.validity
            or self.year
            or self.agency
        )


def scope(agency: Agency) -> list[Agency]:
    """The agencies whose items a 目录 lists: a government's covers the agencies under it."""
    if agency.kind != AgencyKind.GOVERNMENT.value:
        return [agency]
    below = Agency.objects.filter(government=agency).exclude(pk=agency.pk).order_by("kind", "name")
    return [agency, *below]


def published_items(*, agency: Agency, today: dt.date) -> QuerySet[Item]:
    return Item.objects.filter(
        agency__in=[a.pk for a in scope(agency)],
        voided=False,
        published_on__isnull=False,
        published_on__lte=today,
    )


def search(*, agency: Agency, query: CatalogueQuery, today: dt.date) -> QuerySet[Item]:
    items = matching(published_items(agency=agency, today=today), query.q)
    if query.category:
        items = items.filter(category_id=query.category)
    if query.topic:
        items = items.filter(category__name=query.topic)
    if query.article20 in {c.value for c in Article20}:
        items = items.filter(article20=query.article20)
    if query.validity in {v.value for v in Validity}:
        items = items.filter(validity=query.validity)
    if query.year:
        items = items.filter(formed_on__year=query.year)
    if query.agency:
        items = items.filter(agency__code=query.agency)
    return (
        items.select_related("category", "agency")
        .defer("search_text")  # the list does not show it; keeps the sort small
        .order_by("-published_on", "-id")
    )


def log_zero_result(*, agency: Agency, q: str, now: dt.datetime) -> None:
    ZeroResultSearch.objects.create(agency=agency, query=q.strip()[:200], at=now)


COUNTS_SECONDS = 300  # the counts beside the 目录 are at most 5 minutes old


@dataclass(frozen=True)
class Counts:
    topics: list[tuple[str, int]]  # 主题分类 name, items
    article20: list[tuple[Article20, int]]  # in the article's order, only those with items
    unfiled: int  # items under no 第二十条 category
    agencies: list[tuple[Agency, int]]  # on a government's 目录


def counts(*, agency: Agency, today: dt.date) -> Counts:
    """How many published items each 主题分类, 第二十条 category and agency has (cached for a
    few minutes: counting scans all of the agency's items, measured in bench/portal.py)."""
    key = f"portal:catcounts:{agency.pk}:{today.isoformat()}"
    raw: dict[str, list[tuple[str, int]]] | None = cache.get(key)
    if raw is None:
        items = published_items(agency=agency, today=today).order_by()
        topics = (
            items.values("category__name")
            .annotate(n=Count("id"), pos=Min("category__position"))
            .order_by("pos", "category__name")
        )
        raw = {
            "topics": [(r["category__name"], r["n"]) for r in topics],
            "article20": [
                (r["article20"], r["n"]) for r in items.values("article20").annotate(n=Count("id"))
            ],
            "agencies": [
                (str(r["agency"]), r["n"]) for r in items.values("agency").annotate(n=Count("id"))
            ],
        }
        cache.set(key, raw, COUNTS_SECONDS)
    by_code = dict(raw["article20"])
    by_agency = {int(pk): n for pk, n in raw["agencies"]}
    return Counts(
        topics=raw["topics"],
        article20=[(c, by_code[c.value]) for c in Article20 if by_code.get(c.value)],
        unfiled=by_code.get("", 0),
        agencies=[(a, by_agency[a.pk]) for a in scope(agency) if by_agency.get(a.pk)]
        if agency.kind == AgencyKind.GOVERNMENT.value
        else [],
    )


def item_public(*, agency: Agency, pk: int, today: dt.date) -> Item | None:
    return (
        Item.objects.filter(
            agency=agency, voided=False, published_on__isnull=False, published_on__lte=today
        )
        .select_related("category")
        .prefetch_related("channels")
        .filter(pk=pk)
        .first()
    )
