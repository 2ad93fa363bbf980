"""The 公开办's dashboard: per agency of its government, the open work, what is due within 3
working days, what is overdue, what was closed this year, how long it took in working days,
how much was late — and the year by month. Every read is scoped by the user's oversight."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from gongkai.core.calendar import WorkCalendar
from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import OPEN_STATUSES
from gongkai.web.applications.models import Application
from gongkai.web.applications.selectors import clock_running_q
from gongkai.web.orgs.models import Agency
from gongkai.web.oversight.models import Supervision

SOON_WORKDAYS = 3


@dataclass
class AgencyRow:
    agency: Agency
    open: int = 0
    soon: int = 0
    overdue: int = 0
    closed: int = 0
    closed_late: int = 0
    workdays_total: int = 0

    @property
    def average_workdays(self) -> float | None:
        return round(self.workdays_total / self.closed, 1) if self.closed else None

    @property
    def overdue_rate(self) -> float | None:
        """Share of this year's closed requests closed after their due date, in percent."""
        return round(100 * self.closed_late / self.closed, 1) if self.closed else None


@dataclass
class Dashboard:
    year: int
    today: dt.date
    soon_until: dt.date
    rows: list[AgencyRow]
    received_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    closed_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    supervisions: list[Supervision] = field(default_factory=list)

    @property
    def total(self) -> AgencyRow:
        total = AgencyRow(agency=Agency(name="合计"))
        for row in self.rows:
            for name in ("open", "soon", "overdue", "closed", "closed_late", "workdays_total"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total

    @property
    def months(self) -> list[dict[str, int]]:
        return [
            {"month": m + 1, "received": r, "closed": c}
            for m, (r, c) in enumerate(
                zip(self.received_by_month, self.closed_by_month, strict=True)
            )
        ]


def overseen_agencies(*, user: Any) -> QuerySet[Agency]:
    return Agency.objects.filter(
        government_id__in=permissions.overseen_government_ids(user)
    ).order_by("kind", "name")


def dashboard(*, user: Any, today: dt.date, calendar: WorkCalendar) -> Dashboard:
    agencies = list(overseen_agencies(user=user))
    ids = [a.pk for a in agencies]
    soon_until = calendar.add_workdays(today, SOON_WORKDAYS)
    year = today.year
    rows = {a.pk: AgencyRow(agency=a) for a in agencies}
    apps = Application.objects.filter(agency_id__in=ids, voided=False)
    running = clock_running_q(today)
    counts = (
        apps.filter(status__in=OPEN_STATUSES)
        .values("agency_id")
        .annotate(
            open=Count("id"),
            soon=Count("id", filter=running & Q(due_on__gte=today, due_on__lte=soon_until)),
            overdue=Count("id", filter=running & Q(due_on__lt=today)),
        )
    )
    for c in counts:
        row = rows[c["agency_id"]]
        row.open, row.soon, row.overdue = c["open"], c["soon"], c["overdue"]
    closed = apps.filter(closed_on__year=year).exclude(status__in=OPEN_STATUSES)
    board = Dashboard(year, today, soon_until, sorted(rows.values(), key=_order))
    for agency_id, received_on, closed_on, due_on in closed.values_list(
        "agency_id", "received_on", "closed_on", "due_on"
    ):
        if received_on is None or closed_on is None:  # excluded by the filter; for the types
            continue
        row = rows[agency_id]
        row.closed += 1
        row.workdays_total += max(calendar.workdays_between(received_on, closed_on), 0)
        if due_on is not None and closed_on > due_on:
            row.closed_late += 1
        board.closed_by_month[closed_on.month - 1] += 1
    received = (
        apps.filter(received_on__year=year).values("received_on__month").annotate(n=Count("id"))
    )
    for r in received:
        board.received_by_month[r["received_on__month"] - 1] = r["n"]
    board.supervisions = list(
        Supervision.objects.filter(agency_id__in=ids)
        .select_related("agency", "application", "by")
        .order_by("-day", "-id")[:20]
    )
    return board


def _order(row: AgencyRow) -> tuple[int, int, str]:
    return (-row.overdue, -row.soon, row.agency.name)
