"""Which agencies a user sees (every register's reads are scoped by these).

公开办 and 系统管理员 see every agency below their government; everyone else sees the agencies
they belong to (the rules themselves are in :mod:`gongkai.web.accounts.permissions`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.web.accounts import permissions
from gongkai.web.orgs.models import Agency


def agency_list_visible(*, user: Any) -> QuerySet[Agency]:
    governments = permissions.overseen_government_ids(user)
    own = permissions.own_agency_ids(user)
    return Agency.objects.filter(Q(pk__in=own) | Q(government_id__in=governments)).order_by(
        "kind", "name"
    )


def agency_list_registrable(*, user: Any) -> QuerySet[Agency]:
    """Agencies whose registers the user writes (经办人, 审核人, 公开办)."""
    return Agency.objects.filter(pk__in=permissions.acting_agency_ids(user)).order_by("name")


def agency_get_visible(*, user: Any, pk: int | None) -> Agency:
    """The agency, or 404 when it does not exist or is outside the user's scope."""
    agency = agency_list_visible(user=user).filter(pk=pk).first() if pk is not None else None
    if agency is None:
        raise Http404("没有找到该机构，或您无权查看")
    return agency
