"""待我审批: the 审核人's inbox — the extension requests (条例 第三十三条第二款) and, where the
agency wants it, the answers waiting for 签发, at the agencies where the user is a 审核人; never
the user's own (no one approves their own request or signs their own answer)."""

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
from gongkai.web.applications.models import (
    AnswerSignoff,
    Application,
    ApplicationEvent,
    SignoffState,
)
from gongkai.web.applications.outcomes import outcome_label
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


def _pending_signoffs(user: Any) -> QuerySet[AnswerSignoff]:
    """Answers waiting for 签发 on open requests of the user's agencies, not the user's own."""
    return AnswerSignoff.objects.filter(
        state=SignoffState.PENDING,
        application__agency_id__in=reviewer_agency_ids(user),
        application__voided=False,
        application__status__in=OPEN_STATUSES,
    ).exclude(submitted_by=user)


@dataclass(frozen=True)
class SignoffItem:
    application: Application
    signoff: AnswerSignoff
    outcome: str  # the label of the proposed table-3 row
    workdays_left: int | None  # to the due date, on the day the inbox is read

    @property
    def letter_key(self) -> str:
        """The answer letter's template (previewed from the inbox before 签发)."""
        return f"answer:{self.signoff.outcome}"


def signoff_inbox(*, user: Any, calendar: WorkCalendar, today: dt.date) -> list[SignoffItem]:
    """The answers waiting for this user's 签发, the most urgent first."""
    rows = _pending_signoffs(user).select_related(
        "application__agency", "application__applicant", "submitted_by"
    )
    items = []
    for s in sorted(rows, key=lambda s: (s.application.due_on or dt.date.max, s.pk)):
        a = s.application
        left = calendar.workdays_between(today, a.due_on) if a.due_on is not None else None
        items.append(SignoffItem(a, s, outcome_label(s.outcome, today.year), left))
    return items


def approval_inbox_count(*, user: Any) -> int:
    """How many requests wait for this user's decision (the navigation's badge)."""
    if not reviewer_agency_ids(user):
        return 0
    waiting = list(_pending(user).values_list("last_request", flat=True))
    mine = ApplicationEvent.objects.filter(pk__in=waiting, actor=user).count()
    return len(waiting) - mine + _pending_signoffs(user).count()
