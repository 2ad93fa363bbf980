"""Telling the agency's staff, in the workbench's 提醒 list: a new online application waits for
confirmation; the applicant sent a 补正 online; the 指南 is more than a year old."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model

from gongkai.web.accounts.permissions import ACTING_ROLES
from gongkai.web.notifications.models import Notification
from gongkai.web.orgs.models import Agency
from gongkai.web.portal.guide import guide_for, guide_is_stale


def _staff(agency: Agency) -> list[Any]:
    return list(
        get_user_model()
        .objects.filter(
            memberships__agency=agency, memberships__role__in=[r.value for r in ACTING_ROLES]
        )
        .distinct()
    )


def tell_staff(
    *, agency: Agency, kind: str, message: str, day: dt.date, application: Any = None
) -> int:
    """One 提醒 per member of the agency's staff (at most one of a kind per day each)."""
    made = 0
    for user in _staff(agency):
        exists = Notification.objects.filter(
            user=user, application=application, kind=kind, day=day
        ).exists()
        if not exists:
            Notification.objects.create(
                user=user, application=application, kind=kind, day=day, message=message[:300]
            )
            made += 1
    return made


def warn_stale_guides(today: dt.date) -> int:
    """Warn every agency whose 指南 rests on facts unchanged for more than a year (条例 第十二条:
    the 指南 is kept current); at most once a day per person."""
    warned = 0
    for agency in Agency.objects.all():
        guide = guide_for(agency=agency)
        if guide_is_stale(guide, today):
            warned += tell_staff(
                agency=agency,
                kind="guide_stale",
                day=today,
                message=f"{agency.name}政府信息公开指南所依据的信息已超过一年未更新"
                f"（上次更新 {guide.dated:%Y-%m-%d}），请核实工作机构、地址、电话等信息",
            )
    return warned
