"""The request register's answers to other apps' signals (connected in ``AppConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.dispatch import receiver

from gongkai.core.calendar import WorkCalendar
from gongkai.web.applications.clock import refresh_due
from gongkai.web.applications.enums import OPEN_STATUSES
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import application_due_dates_recompute
from gongkai.web.common.errors import ApplicationError
from gongkai.web.workcalendar.signals import (
    CalendarEffect,
    DueDateChange,
    calendar_changed,
    calendar_preview,
)


@receiver(calendar_changed, dispatch_uid="applications.recompute_due_dates")
def recompute_due_dates(
    sender: Any, *, acting_user: User, reason: str, **kwargs: Any
) -> CalendarEffect:
    """Every open request's due date follows the new calendar (条例第三十三条)."""
    result = application_due_dates_recompute(acting_user=acting_user, reason=reason)
    return CalendarEffect(
        changes=[DueDateChange(a, old, new) for a, old, new in result.changed],
        failed=result.failed,
    )


@receiver(calendar_preview, dispatch_uid="applications.preview_due_dates")
def preview_due_dates(sender: Any, *, calendar: WorkCalendar, **kwargs: Any) -> CalendarEffect:
    """The open requests whose due date the proposed calendar would move; nothing is saved."""
    changes = []
    apps = (
        Application.objects.filter(voided=False, status__in=OPEN_STATUSES)
        .select_related("agency")
        .prefetch_related("events")
        .order_by("due_on", "id")
    )
    for application in apps.iterator(chunk_size=1000):
        old = application.due_on
        try:
            refresh_due(application, calendar=calendar)  # in memory only, never saved here
        except ApplicationError:
            continue
        if application.due_on != old:
            changes.append(DueDateChange(application, old, application.due_on))
    return CalendarEffect(changes=changes)
