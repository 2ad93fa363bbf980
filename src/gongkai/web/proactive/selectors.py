"""Every read of the proactive-disclosure register and the 第二十条 records, scoped by the
user's memberships through :mod:`gongkai.web.accounts.permissions` (a user of one agency never
sees another's records unless it oversees them as 公开办 or 系统管理员)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import Http404

from gongkai.web.accounts import permissions
from gongkai.web.common.listing import narrowed
from gongkai.web.common.models import AuditRecord
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.selectors import (
    agency_get_visible,
    agency_list_registrable,
    agency_list_visible,
)
from gongkai.web.proactive.models import (
    Category,
    Channel,
    Decision,
    Document,
    Fee,
    Item,
    Matter,
    Procurement,
)

__all__ = ["agency_get_visible", "agency_list_registrable", "agency_list_visible"]


def default_agency(*, user: Any, pk: int | None = None) -> Agency | None:
    """The agency asked for, else the user's first own agency, else the first visible one."""
    if pk is not None:
        return agency_get_visible(user=user, pk=pk)
    own = agency_list_visible(user=user).filter(pk__in=permissions.own_agency_ids(user)).first()
    return own or agency_list_visible(user=user).first()


def _visible_agency_ids(user: Any) -> QuerySet[Agency]:
    return agency_list_visible(user=user).values_list("pk", flat=True)  # type: ignore[return-value]


@dataclass(frozen=True)
class ItemFilters:
    agency: int | None = None
    year: int | None = None
    category: str = ""
    channel: str = ""
    late: bool = False
    q: str = ""


def item_list_visible(*, user: Any, filters: ItemFilters, today: dt.date) -> QuerySet[Item]:
    items = narrowed(
        Item.objects.filter(agency_id__in=_visible_agency_ids(user), voided=False),
        agency_id=filters.agency,
        formed_on__year=filters.year,
        category__name=filters.category,
    )
    if filters.channel:
        items = items.filter(channels__kind=filters.channel).distinct()
    if filters.q:
        items = items.filter(
            Q(title__contains=filters.q)
            | Q(index_number__contains=filters.q)
            | Q(doc_number__contains=filters.q)
        )
    if filters.late:
        items = items.filter(
            Q(published_on__gt=F("due_on")) | Q(published_on__isnull=True, due_on__lt=today)
        )
    return items.select_related("agency", "category").prefetch_related("channels")


def item_get_visible(*, user: Any, pk: int) -> Item:
    item = (
        Item.objects.filter(agency_id__in=_visible_agency_ids(user), pk=pk)
        .select_related("agency", "category")
        .first()
    )
    if item is None:
        raise Http404("没有找到该信息，或您无权查看")
    return item


def categories(*, agency: Agency, active_only: bool = False) -> QuerySet[Category]:
    rows = Category.objects.filter(agency=agency)
    return rows.filter(active=True) if active_only else rows


def channels(*, agency: Agency, active_only: bool = False) -> QuerySet[Channel]:
    rows = Channel.objects.filter(agency=agency)
    return rows.filter(active=True) if active_only else rows


def audit_for(*, entity: str, pk: int) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.filter(entity=entity, entity_id=str(pk)).select_related("actor")


@dataclass(frozen=True)
class Article20:
    """One agency's 第二十条 records touching one year."""

    documents: QuerySet[Document]
    decisions: QuerySet[Decision]
    fees: QuerySet[Fee]
    procurements: QuerySet[Procurement]
    matters: QuerySet[Matter]


def article20_for(*, user: Any, agency: Agency, year: int) -> Article20:
    if not permissions.can_view_agency(user, agency):
        raise Http404("没有找到该机构，或您无权查看")
    end = dt.date(year, 12, 31)
    start = dt.date(year, 1, 1)
    return Article20(
        documents=Document.objects.filter(agency=agency, issued_on__lte=end)
        .filter(Q(repealed_on__isnull=True) | Q(repealed_on__gte=start))
        .order_by("-issued_on", "-id"),
        decisions=Decision.objects.filter(agency=agency, end_on__year=year),
        fees=Fee.objects.filter(agency=agency, end_on__year=year),
        procurements=Procurement.objects.filter(agency=agency, day__year=year),
        matters=Matter.objects.filter(agency=agency, listed_on__lte=end).filter(
            Q(delisted_on__isnull=True) | Q(delisted_on__gte=dt.date(year - 1, 12, 31))
        ),
    )


RECORDS: dict[str, type[Document | Decision | Fee | Procurement | Matter]] = {
    "documents": Document,
    "decisions": Decision,
    "fees": Fee,
    "procurements": Procurement,
    "matters": Matter,
}


def record_get_visible(*, user: Any, kind: str, pk: int) -> Any:
    model = RECORDS.get(kind)
    if model is None:
        raise Http404("没有这种记录")
    record = model._default_manager.filter(agency_id__in=_visible_agency_ids(user), pk=pk).first()
    if record is None:
        raise Http404("没有找到该记录，或您无权查看")
    return record
