"""Taking a request in hand: starting it and assigning its case officer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError


@transaction.atomic
def application_start(*, acting_user: User, application: Application) -> Application:
    """登记 → 办理中."""
    application = step.take_open(application, acting_user, {Status.REGISTERED}, "开始办理")
    changes = step.set_status(application, Status.IN_PROGRESS)
    if application.assigned_to_id is None:
        application.assigned_to = acting_user
        changes["assigned_to"] = [None, acting_user.get_username()]
    return step.save_and_audit(
        application,
        ["status", "assigned_to"],
        action=AuditAction.APPLICATION_START,
        actor=acting_user,
        changes=changes,
    )


@transaction.atomic
def application_assign(
    *, acting_user: User, application: Application, assignee: Any
) -> Application:
    """Hand the request to another case officer of the same agency (the 工作台's 我的案件)."""
    application = step.take_open(application, acting_user)
    if not permissions.can_register_for(assignee, application.agency):
        raise ApplicationError("只能分配给本机关的经办人或审核人", field="assignee")
    if application.assigned_to_id == assignee.pk:
        raise ApplicationError("该申请已由此人办理", field="assignee")

    def name(user: Any) -> str | None:
        return (user.get_full_name() or user.get_username()) if user else None

    changes = {"assigned_to": [name(application.assigned_to), name(assignee)]}
    application.assigned_to = assignee
    application.save(update_fields=["assigned_to", "updated_at"])
    step.write_audit(
        application=application,
        action=AuditAction.APPLICATION_ASSIGN,
        actor=acting_user,
        changes=changes,
    )
    return application
