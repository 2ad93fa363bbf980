"""Consultations (条例 第三十二条, 第三十四条): the time waiting for a reply does not count."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, required_text


def open_consultations(application: Application) -> list[str]:
    """Names of consulted parties that have not answered yet."""
    pending: list[str] = []
    for kind, name in application.events.filter(
        kind__in=[EventKind.CONSULTATION_STARTED.value, EventKind.CONSULTATION_ENDED.value]
    ).values_list("kind", "party_name"):
        if kind == EventKind.CONSULTATION_STARTED.value:
            pending.append(name)
        elif name in pending:
            pending.remove(name)
    return pending


@transaction.atomic
def application_send_consultation(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    party: str,
    party_name: str,
    note: str = "",
    delivered_on: dt.date | None = None,
) -> Application:
    """条例 第三十二条 (third party, 15 working days to reply) and 第三十四条 (other agencies):
    the time spent waiting does not count toward the answer period — up to the party's reply
    date, 15 working days from the day it received the letter (``delivered_on``; the sending
    day when not known yet). After that the clock runs again and the agency decides."""
    application = step.take_open(
        application, acting_user, {*step.OPEN_ACTIVE, Status.CONSULTING}, "发出征求意见"
    )
    if party not in {"third_party", "agency"}:
        raise ApplicationError("请选择征求意见的对象类型（第三方或其他行政机关）", field="party")
    party_name = required_text(party_name, "请填写征求意见对象的名称", field="party_name")
    if party_name in open_consultations(application):
        raise ApplicationError(f"已向“{party_name}”征求意见且尚未答复", field="party_name")
    step.check_day(application, day, "征求意见")
    step.check_delivered(day, delivered_on, "对方收到征求意见书")
    return step.record_step(
        application,
        EventKind.CONSULTATION_STARTED,
        day,
        acting_user,
        action=AuditAction.CONSULTATION_SEND,
        changes={"consulted": party_name},
        status=Status.CONSULTING,
        party=party,
        party_name=party_name,
        note=note.strip(),
        due=delivered_on,
    )


@transaction.atomic
def application_receive_consultation(
    *, acting_user: User, application: Application, day: dt.date, party_name: str, note: str = ""
) -> Application:
    """The consulted party answered (or its 15 working days ran out); the clock runs again when
    no other consultation is pending."""
    application = step.take_open(application, acting_user, {Status.CONSULTING}, "登记意见答复")
    pending = open_consultations(application)
    name = party_name.strip() or (pending[0] if len(pending) == 1 else "")
    if name not in pending:
        raise ApplicationError(
            "请选择尚未答复的征求意见对象：" + "、".join(pending), field="party_name"
        )
    step.check_day(application, day, "收到意见")
    party = (
        application.events.filter(kind=EventKind.CONSULTATION_STARTED.value, party_name=name)
        .values_list("party", flat=True)
        .last()
    )
    changes: dict[str, Any] = {"consultation_answered": name}
    if len(pending) == 1:
        changes |= step.set_status(application, Status.IN_PROGRESS)
    return step.record_step(
        application,
        EventKind.CONSULTATION_ENDED,
        day,
        acting_user,
        action=AuditAction.CONSULTATION_RECEIVE,
        changes=changes,
        party=party or "",
        party_name=name,
        note=note.strip(),
    )
