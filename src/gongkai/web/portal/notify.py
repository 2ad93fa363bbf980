"""Telling the applicant when their online application moves (confirmed, 补正 asked, extended,
answered, ended), behind one interface: ``Notifier.send(online, subject, body)``.

E-mail is used when the installation has SMTP (``USE_SMTP``) and the applicant gave an address.
An SMS gateway is added by naming a class in ``GONGKAI_PORTAL_NOTIFIERS`` (dotted paths). The
messages carry the stage only: no officer's name, no note, and never the 查询码.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.module_loading import import_string

from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import ApplicationEvent

log = logging.getLogger(__name__)

MESSAGES = {
    EventKind.RECEIVED: "已确认收到您的申请",
    EventKind.CORRECTION_REQUESTED: "请补正您的申请",
    EventKind.EXTENSION: "答复期限已依法延长",
    EventKind.ANSWERED: "您的申请已答复",
    EventKind.TERMINATED: "您的申请已办结",
}


class Notifier(Protocol):
    def send(self, online: Any, subject: str, body: str) -> bool: ...


class EmailNotifier:
    """Mail to the applicant's address, when SMTP is configured."""

    def send(self, online: Any, subject: str, body: str) -> bool:
        to = online.application.applicant.email
        if not (getattr(settings, "USE_SMTP", False) and to):
            return False
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
        return True


def notifiers() -> list[Notifier]:
    paths = getattr(settings, "GONGKAI_PORTAL_NOTIFIERS", None)
    if paths is None:
        return [EmailNotifier()]
    return [import_string(path)() for path in paths]


def message_for(online: Any, kind: EventKind) -> tuple[str, str]:
    app = online.application
    subject = f"【政府信息公开申请】{MESSAGES[kind]}"
    lines = [
        f"{app.applicant.name}：",
        f"您于{app.arrived_on:%Y年%m月%d日}向{app.agency.name}提出的政府信息公开申请：{MESSAGES[kind]}。",
    ]
    if app.number:
        lines.append(f"受理编号：{app.number}；收到申请日期：{app.received_on:%Y年%m月%d日}。")
    lines.append("请凭查询码和姓名（或电话）登录政府信息公开专栏“依申请公开”查看办理情况和文书。")
    return subject, "\n".join(lines)


def notify(online: Any, kind: EventKind) -> int:
    subject, body = message_for(online, kind)
    sent = 0
    for notifier in notifiers():
        try:
            sent += bool(notifier.send(online, subject, body))
        except Exception:  # a gateway failure must not undo the officer's work
            log.exception("notification to the applicant failed (online request %s)", online.pk)
    return sent


def _on_event(sender: Any, instance: ApplicationEvent, created: bool, **_: Any) -> None:
    if not created or EventKind(instance.kind) not in MESSAGES:
        return
    from gongkai.web.portal.models import OnlineRequest

    online = (
        OnlineRequest.objects.select_related("application__applicant", "application__agency")
        .filter(application_id=instance.application_id)
        .first()
    )
    if online is None:
        return
    kind = EventKind(instance.kind)
    transaction.on_commit(lambda: notify(online, kind))


def connect() -> None:
    post_save.connect(_on_event, sender=ApplicationEvent, dispatch_uid="portal-notify")
