"""Recomputing every open due date after the working-day calendar changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from gongkai.core import wallclock
from gongkai.web.applications.audit import jsonable
from gongkai.web.applications.clock import CLOCK_FIELDS, refresh_due
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application, AuditRecord
from gongkai.web.common.errors import ApplicationError
from gongkai.web.workcalendar.snapshots import work_calendar


@dataclass(frozen=True)
class Recomputed:
    """What a recomputation did: due dates that moved, and requests the clock refused (their
    event log breaks a rule under the new calendar; they keep their old date and are listed)."""

    changed: list[tuple[Application, dt.date | None, dt.date | None]]
    failed: list[tuple[Application, str]]


@transaction.atomic
def application_due_dates_recompute(*, acting_user: Any, reason: str) -> Recomputed:
    """Recompute the cached due date of every open request (after a calendar change) and list
    the requests whose due date moved, with an audit record each."""
    changed: list[tuple[Application, dt.date | None, dt.date | None]] = []
    failed: list[tuple[Application, str]] = []
    open_apps = (
        Application.objects.filter(voided=False, status__in=[s.value for s in Status if s.is_open])
        .select_related("agency")
        .prefetch_related("events")
    )
    moved: list[Application] = []
    now = wallclock.now()
    calendar = work_calendar()
    for application in open_apps.iterator(chunk_size=1000):
        old = (application.due_on, application.due_provisional, application.lapses_on)
        old_due = application.due_on
        try:
            refresh_due(application, calendar=calendar)
        except ApplicationError as exc:
            failed.append((application, exc.message))
            continue
        if old != (application.due_on, application.due_provisional, application.lapses_on):
            application.updated_at = now
            moved.append(application)
            if old_due != application.due_on:
                changed.append((application, old_due, application.due_on))
    # Written in bulk: a calendar change can move tens of thousands of due dates at once.
    Application.objects.bulk_update(moved, [*CLOCK_FIELDS, "updated_at"], batch_size=1000)
    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                application=application,
                entity="application",
                entity_id=str(application.pk),
                action="工作日历变更后重算期限",
                actor=acting_user,
                changes=jsonable({"due_on": [old_due, new_due]}),
                reason=reason,
            )
            for application, old_due, new_due in changed
        ],
        batch_size=1000,
    )
    return Recomputed(changed, failed)
