"""Writing in-app notifications that are not deadline reminders: a request waiting for approval
reaches the agency's 审核人 (待我审批), a decision reaches the case officer who asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.applications.models import Application
from gongkai.web.notifications.models import Notification


def notify_user(
    user_id: int | None, application: Application, *, day: dt.date, kind: str, message: str
) -> None:
    """One notification a day per user, request and kind (the model's constraint): a later one
    of the same day replaces the message of the earlier."""
    if user_id is None:
        return
    Notification.objects.update_or_create(
        user_id=user_id,
        application=application,
        kind=kind,
        day=day,
        defaults={"message": message[:300], "read_at": None},
    )


def notify_reviewers(
    application: Application, *, day: dt.date, message: str, exclude: Any = None
) -> None:
    """Every 审核人 of the request's agency but ``exclude`` (who cannot approve their own)."""
    reviewers = Membership.objects.filter(
        agency_id=application.agency_id, role=Role.REVIEWER.value
    ).values_list("user_id", flat=True)
    for user_id in set(reviewers):
        if exclude is not None and user_id == exclude.pk:
            continue
        notify_user(user_id, application, day=day, kind="approval", message=message)
