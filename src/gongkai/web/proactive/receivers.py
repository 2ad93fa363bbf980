"""The proactive register's answers to other apps' signals (connected in ``AppConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from gongkai.web.proactive.services import items_due_dates_recompute
from gongkai.web.workcalendar.signals import CalendarEffect, calendar_changed


@receiver(calendar_changed, dispatch_uid="proactive.recompute_due_dates")
def recompute_due_dates(sender: Any, **kwargs: Any) -> CalendarEffect:
    """Every unpublished item's publication due date follows the new calendar (第二十六条)."""
    return CalendarEffect(item_changes=list(items_due_dates_recompute()))
