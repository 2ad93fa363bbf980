"""Confirming an online application (issue 14): 待确认 → 登记.

An application made on the public portal (``gongkai.web.portal``) enters the agency's queue as
待确认, with no 受理编号 and no clock. 条例 第三十一条第三项: a request made through the internet is
received on the day both sides confirm it. The officer's confirmation fixes that day, gives the
受理编号 and starts the clock; the applicant sees both on the status page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.clock import receipt_day
from gongkai.web.applications.enums import Channel, EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import common as step
from gongkai.web.applications.services.register import _allocate_number
from gongkai.web.common.errors import ApplicationError


@transaction.atomic
def application_confirm(*, acting_user: Any, application: Application, day: dt.date) -> Application:
    """Confirm receipt of an online application on ``day`` (not before it arrived, not in the
    future): the day of receipt, the 受理编号 of that year and the RECEIVED event are fixed."""
    application = step.lock(application)
    step.require_handler(acting_user, application)
    if application.voided:
        raise ApplicationError("该申请已作废，不能确认")
    if application.status != Status.PENDING.value:
        raise ApplicationError(f"该申请已{application.status_label}，不需要再确认")
    today = wallclock.today()
    if day > today:
        raise ApplicationError(f"确认日期不能晚于今天（{today.isoformat()}）", field="day")
    if day < application.arrived_on:
        raise ApplicationError(
            f"确认日期不能早于网上提交之日（{application.arrived_on.isoformat()}）", field="day"
        )
    received_on = receipt_day(Channel.ONLINE.value, application.arrived_on, day)
    seq, number = _allocate_number(application.agency, received_on.year)
    application.number, application.seq, application.year = number, seq, received_on.year
    application.confirmed_on = day
    application.received_on = received_on
    application.status = Status.REGISTERED.value
    if application.assigned_to_id is None:
        application.assigned_to = acting_user
    application.save(
        update_fields=[
            "number",
            "seq",
            "year",
            "confirmed_on",
            "received_on",
            "status",
            "assigned_to",
            "updated_at",
        ]
    )
    step.add_event(
        application,
        EventKind.RECEIVED,
        received_on,
        acting_user,
        note=Channel.ONLINE.receipt_rule,
    )
    step.save_with_clock(application, [])
    step.write_audit(
        application=application,
        action=AuditAction.ONLINE_CONFIRM,
        actor=acting_user,
        changes={
            "status": [Status.PENDING.label, Status.REGISTERED.label],
            "number": number,
            "received_on": received_on,
            "due_on": application.due_on,
        },
    )
    return application
