"""The request register's answers to other apps' signals (connected in ``AppConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.dispatch import receiver

from gongkai.web.applications.services import application_due_dates_recompute
from gongkai.web.workcalendar.signals import CalendarEffect, DueDateChange, calendar_changed


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
