"""What the list pages share: a register's optional filters, its free-text search and the
query string its pager and sort links build on.

A list page's filter form leaves a filter empty when the user did not choose one; the selector
narrows its query set by each filter that is set, and a search box matches any of several
fields.
"""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest


def narrowed[M: Model](queryset: QuerySet[M], **lookups: Any) -> QuerySet[M]:
    """``queryset`` filtered by each of ``lookups`` whose value is set (not ``None``, ``""``,
    ``0`` or ``False``: the filters the user left empty do not narrow the list)."""
    return queryset.filter(**{lookup: value for lookup, value in lookups.items() if value})


def matching_any(text: str, *lookups: str) -> Q:
    """Rows where any of ``lookups`` (e.g. ``"number__icontains"``) matches ``text``."""
    return reduce(operator.or_, (Q(**{lookup: text}) for lookup in lookups))


def query_without(request: HttpRequest, *names: str) -> str:
    """The page's GET parameters less ``names``, encoded: what the pager (less ``page``) and
    the sort links (less ``page`` and ``sort``) add their own parameter to."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def paged(request: HttpRequest, rows: Any, per_page: int) -> tuple[Page[Any], str]:
    """The page of ``rows`` that ``?page=`` asks for (junk or out of range: the nearest page)
    and the query without ``page``, to which the pager's links (``_pager.html``) add theirs."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return page, query_without(request, "page")
