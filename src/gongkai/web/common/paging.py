"""Paged lists: the page a query asks for, and the query its pager links build on."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paged(request: HttpRequest, rows: Any, per_page: int) -> tuple[Page, str]:  # type: ignore[type-arg]
    """The page of ``rows`` that ``?page=`` asks for (junk or out of range: the nearest page)
    and the query string without ``page``, to which the pager's links add their page number."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
