"""The proactive register's answers to other apps' signals (connected in ``AppConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from gongkai.core import wallclock
from gongkai.core.calendar import WorkCalendar
from gongkai.core.deadlines import publication_deadline
from gongkai.core.errors import RuleError
from gongkai.web.proactive.models import Item
from gongkai.web.proactive.services import ItemDueChange, items_due_dates_recompute
from gongkai.web.workcalendar.signals import CalendarEffect, calendar_changed, calendar_preview


@receiver(calendar_changed, dispatch_uid="proactive.recompute_due_dates")
def recompute_due_dates(sender: Any, **kwargs: Any) -> CalendarEffect:
    """Every unpublished item's publication due date follows the new calendar (第二十六条)."""
    return CalendarEffect(item_changes=list(items_due_dates_recompute()))


@receiver(calendar_preview, dispatch_uid="proactive.preview_due_dates")
def preview_due_dates(sender: Any, *, calendar: WorkCalendar, **kwargs: Any) -> CalendarEffect:
    """The items whose 公开期限 (条例第二十六条: 20 working days from formation) the proposed
    calendar would move — the same items the save recomputes; nothing is saved."""
    today = wallclock.today()
    moved: list[ItemDueChange] = []
    items = Item.objects.filter(voided=False).select_related("agency").order_by("due_on", "id")
    for item in items.only("id", "agency__name", "index_number", "title", "formed_on", "due_on"):
        try:
            due = publication_deadline(item.formed_on, as_of=today, calendar=calendar).due
        except RuleError:
            continue  # the save reports such an item through its own recomputation
        if due is not None and due != item.due_on:
            moved.append(ItemDueChange(item, item.due_on, due))
    return CalendarEffect(item_changes=moved)
