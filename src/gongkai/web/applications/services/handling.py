"""Taking a request in hand: starting it and assigning its case officer."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services.common import (
    lock,
    require_handler,
    require_open,
    require_status,
    save_with_clock,
    set_status,
    write_audit,
)
from gongkai.web.common.errors import ApplicationError


@transaction.atomic
def application_start(*, acting_user: Any, application: Application) -> Application:
    """登记 → 办理中."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    require_status(application, {Status.REGISTERED}, "开始办理")
    changes = set_status(application, Status.IN_PROGRESS)
    if application.assigned_to_id is None:
        application.assigned_to = acting_user
        changes["assigned_to"] = [None, acting_user.get_username()]
    changes |= save_with_clock(application, ["status", "assigned_to"])
    write_audit(application=application, action="开始办理", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_assign(*, acting_user: Any, application: Application, assignee: Any) -> Application:
    """Hand the request to another case officer of the same agency (the 工作台's 我的案件)."""
    application = lock(application)
    require_handler(acting_user, application)
    require_open(application)
    if not permissions.can_register_for(assignee, application.agency):
        raise ApplicationError("只能分配给本机关的经办人或审核人", field="assignee")
    if application.assigned_to_id == assignee.pk:
        raise ApplicationError("该申请已由此人办理", field="assignee")

    def name(user: Any) -> str | None:
        return (user.get_full_name() or user.get_username()) if user else None

    changes = {"assigned_to": [name(application.assigned_to), name(assignee)]}
    application.assigned_to = assignee
    application.save(update_fields=["assigned_to", "updated_at"])
    write_audit(application=application, action="分配经办人", actor=acting_user, changes=changes)
    return application
