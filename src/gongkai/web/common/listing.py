"""What the list pages share: a register's optional filters and its free-text search.

A list page's filter form leaves a filter empty when the user did not choose one; the selector
narrows its query set by each filter that is set, and a search box matches any of several
fields.
"""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.db.models import Model, Q, QuerySet


def narrowed[M: Model](queryset: QuerySet[M], lookups: dict[str, Any]) -> QuerySet[M]:
    """``queryset`` filtered by each of ``lookups`` whose value is set (not ``None``, ``""``,
    ``0`` or ``False``: the filters the user left empty do not narrow the list)."""
    return queryset.filter(**{lookup: value for lookup, value in lookups.items() if value})


def matching_any(text: str, *lookups: str) -> Q:
    """Rows where any of ``lookups`` (e.g. ``"number__icontains"``) matches ``text``."""
    return reduce(operator.or_, (Q(**{lookup: text}) for lookup in lookups))
