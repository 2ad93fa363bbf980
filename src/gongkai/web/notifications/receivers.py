"""The notifications' answers to the request register's signals (connected in ``ready``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.dispatch import receiver

from gongkai.web.applications.models import Application
from gongkai.web.applications.signals import approval_decided, approval_requested
from gongkai.web.notifications.notify import notify_reviewers, notify_user


@receiver(approval_requested, dispatch_uid="notifications.approval_requested")
def tell_reviewers(
    sender: Any,
    *,
    application: Application,
    day: dt.date,
    message: str,
    exclude: Any = None,
    **kwargs: Any,
) -> None:
    """待我审批: every 审核人 of the agency but the one who asked."""
    notify_reviewers(application, day=day, message=message, exclude=exclude)


@receiver(approval_decided, dispatch_uid="notifications.approval_decided")
def tell_officer(
    sender: Any,
    *,
    user_id: int | None,
    application: Application,
    day: dt.date,
    message: str,
    **kwargs: Any,
) -> None:
    """The decision reaches the case officer who asked."""
    notify_user(user_id, application, day=day, kind="approval_decided", message=message)
