"""待我审批: the 审核人's inbox — the extension requests (条例 第三十三条第二款) waiting at the
agencies where the user is a 审核人, never the user's own (no one approves their own request)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce

from gongkai.core.calendar import WorkCalendar
from gongkai.web.accounts import permissions
from gongkai.web.accounts.roles import Role
from gongkai.web.applications.enums import OPEN_STATUSES, EventKind
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.applications.services.extension import DECISIONS, EXTENSION_WORKDAYS


def reviewer_agency_ids(user: Any) -> set[int]:
    return {
        a
        for a in permissions.own_agency_ids(user)
        if Role.REVIEWER in permissions.roles_in(user, a)
    }


def _pending(user: Any) -> QuerySet[Any]:
    """Open requests with a request newer than any decision (annotated ``last_request``)."""
    return (
        Application.objects.filter(
            agency_id__in=reviewer_agency_ids(user), voided=False, status__in=OPEN_STATUSES
        )
        .annotate(
            last_request=Max("events__id", filter=Q(events__kind=EventKind.EXTENSION_REQUESTED)),
            last_decision=Coalesce(
                Max("events__id", filter=Q(events__kind__in=[k.value for k in DECISIONS])), 0
            ),
        )
        .filter(last_request__gt=F("last_decision"))
    )


@dataclass(frozen=True)
class InboxItem:
    application: Application
    request: ApplicationEvent
    extended_due: dt.date | None


def approval_inbox(*, user: Any, calendar: WorkCalendar) -> list[InboxItem]:
    apps = list(_pending(user).select_related("agency", "applicant").order_by("due_on", "id"))
    requests = ApplicationEvent.objects.select_related("actor").in_bulk(
        [a.last_request for a in apps]
    )
    items = []
    for a in apps:
        request = requests[a.last_request]
        if request.actor_id == user.pk:
            continue  # one's own request waits for another 审核人
        extended = (
            calendar.add_workdays(a.due_on, EXTENSION_WORKDAYS) if a.due_on is not None else None
        )
        items.append(InboxItem(a, request, extended))
    return items


def approval_inbox_count(*, user: Any) -> int:
    """How many requests wait for this user's decision (the navigation's badge)."""
    if not reviewer_agency_ids(user):
        return 0
    waiting = list(_pending(user).values_list("last_request", flat=True))
    mine = ApplicationEvent.objects.filter(pk__in=waiting, actor=user).count()
    return len(waiting) - mine
