"""What the registers' list pages share when they read: a filter left blank narrows nothing."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet


def narrowed[T: QuerySet[Any]](queryset: T, **lookups: Any) -> T:
    """``queryset`` filtered by each lookup whose value is set (0, "" and None leave it be)."""
    for lookup, value in lookups.items():
        if value:
            queryset = queryset.filter(**{lookup: value})
    return queryset
