"""Writes of the 公开办's oversight: 督办 (a recorded reminder to an agency, with a notification
to its case officers and reviewers, audited)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.applications.models import Application
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.notifications.models import Notification
from gongkai.web.orgs.models import Agency
from gongkai.web.oversight.models import Supervision


@transaction.atomic
def supervision_record(
    *,
    acting_user: Any,
    agency: Agency,
    day: dt.date,
    note: str,
    application: Application | None = None,
) -> Supervision:
    """Record a 督办 of ``agency`` (optionally about one request) and notify the people who
    handle its requests."""
    if not permissions.can_supervise(acting_user, agency):
        raise PermissionDenied("只有本级政府的公开办可以督办")
    if application is not None and application.agency_id != agency.pk:
        raise ApplicationError("督办的申请不属于该机关")
    note = note.strip()
    if not note:
        raise ApplicationError("请写明督办事项", field="note")
    supervision = Supervision.objects.create(
        agency=agency, application=application, day=day, note=note, by=acting_user
    )
    about = f"（{application.number}）" if application is not None else ""
    message = f"公开办督办{about}：{note}"[:300]
    recipients = (
        Membership.objects.filter(agency=agency, role__in=[Role.OFFICER.value, Role.REVIEWER.value])
        .values_list("user_id", flat=True)
        .distinct()
    )
    if application is not None and application.assigned_to_id:
        recipients = recipients.union(
            Membership.objects.filter(user_id=application.assigned_to_id).values_list(
                "user_id", flat=True
            )
        )
    for user_id in set(recipients):
        Notification.objects.get_or_create(
            user_id=user_id,
            application=application,
            kind="supervision",
            day=day,
            defaults={"message": message},
        )
    audit_record(
        action=AuditAction.SUPERVISE,
        actor=acting_user,
        entity="agency",
        entity_id=agency.pk,
        changes={"agency": agency.name, "application": about.strip("（）"), "day": day},
        reason=note,
        application=application,
    )
    return supervision
