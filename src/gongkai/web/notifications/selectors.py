"""Reads of notifications; a user sees only their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gongkai.web.notifications.models import Notification


def notification_list(*, user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).select_related("application")


def notification_unread_count(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
