"""Reads of the public side. Nothing here returns officers' names, internal notes or any
request other than the one whose 查询码 the reader holds; there is no public list of requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from gongkai.web.applications.clock import deadline_for
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.outcomes import outcome_label
from gongkai.web.common.errors import ApplicationError
from gongkai.web.letters.models import Letter
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.portal import codes
from gongkai.web.portal.models import OnlineRequest

# A digest no real code has: a failed look-up still does one comparison of the same length.
_DUMMY = "\u0000" * 32


def online_request_lookup(*, code: str, name_or_phone: str) -> OnlineRequest | None:
    """The online request whose 查询码 is ``code`` and whose applicant's name or phone is
    ``name_or_phone``; None otherwise — the same None for a wrong code and for a wrong name, and
    the same comparisons either way (constant-time string comparison)."""
    given = name_or_phone.strip()
    row = (
        OnlineRequest.objects.select_related("application__applicant", "application__agency")
        .filter(code_digest=codes.digest(code))
        .first()
        if codes.well_formed(code)
        else None
    )
    name = row.application.applicant.name if row else _DUMMY
    phone = row.application.applicant.phone if row else _DUMMY
    by_name = codes.same(given, name)
    by_phone = codes.same(given, phone) and bool(phone)
    if row is None or row.application.voided or not given or not (by_name or by_phone):
        return None
    return row


def online_request_get(*, pk: int) -> OnlineRequest | None:
    return (
        OnlineRequest.objects.select_related("application__applicant", "application__agency")
        .filter(pk=pk, application__voided=False)
        .first()
    )


# What the applicant is told at each stage (public wording, no internal detail).
STAGES = {
    Status.PENDING: "已提交，等待受理机关确认收到",
    Status.REGISTERED: "已受理",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_CORRECTION: "等待申请人补正",
    Status.CONSULTING: "征求意见中（答复期限暂停计算）",
    Status.AWAITING_FEE: "等待申请人缴纳信息处理费",
    Status.ANSWERED: "已答复",
    Status.TERMINATED: "已办结",
}

# Events the applicant sees (by date and kind only; notes are shown only for a 补正 notice,
# which is addressed to the applicant).
PUBLIC_EVENTS = {
    EventKind.RECEIVED: "确认收到申请",
    EventKind.CORRECTION_REQUESTED: "发出补正通知",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CONSULTATION_STARTED: "征求意见（期间不计入答复期限）",
    EventKind.CONSULTATION_ENDED: "收到意见",
    EventKind.FEE_NOTICE: "发出收费通知",
    EventKind.FEE_PAID: "缴纳信息处理费",
    EventKind.EXTENSION: "延长答复期限（条例第三十三条第二款）",
    EventKind.DUE_DATE_SET: "确定答复期限（条例第三十五条）",
    EventKind.ANSWERED: "作出答复",
    EventKind.TERMINATED: "终止办理",
}


@dataclass(frozen=True)
class PublicEvent:
    day: dt.date
    label: str
    detail: str = ""
    due: dt.date | None = None


@dataclass(frozen=True)
class PublicStatus:
    """Everything the status page shows, and nothing else."""

    online_id: int
    agency: str
    agency_code: str
    stage: str
    status: Status
    submitted_on: dt.date
    subject: str
    masked_id: str
    number: str
    received_on: dt.date | None
    due_on: dt.date | None
    due_steps: list[str]
    due_note: str
    events: list[PublicEvent]
    letters: list[Letter]
    outcome: str
    legal_basis: str
    answer: str
    closed_on: dt.date | None
    correction_asked: str
    correction_by: dt.date | None
    corrections_sent: list[dt.date] = field(default_factory=list)

    @property
    def can_correct(self) -> bool:
        return self.status is Status.AWAITING_CORRECTION


# The consulted parties' limit has passed (条例第三十二条、第三十四条): the pause is over.
CONSULTATION_LAPSED_STAGE = "办理中（征求意见期限已过，答复期限恢复计算）"


def public_status(*, online: OnlineRequest, today: dt.date) -> PublicStatus:
    app: Application = online.application
    status = Status(app.status)
    confirmed = status is not Status.PENDING
    events = list(app.events.order_by("day", "id"))
    hidden = [e.party_name for e in events if e.party_name]
    steps: list[str] = []
    due_note = ""
    if confirmed:
        try:
            deadline = deadline_for(app)
            steps = [_without(hidden, s.text) for s in deadline.steps]
        except ApplicationError:
            due_note = "答复期限暂时无法计算，请联系受理机关"
    else:
        due_note = "确认收到之日为收到申请之日（条例第三十一条第三项），答复期限自该日起计算"
    public_events = [
        PublicEvent(
            e.day,
            PUBLIC_EVENTS[EventKind(e.kind)],
            e.note if e.kind == EventKind.CORRECTION_REQUESTED.value else "",
            e.due if e.kind == EventKind.CORRECTION_REQUESTED.value else None,
        )
        for e in events
        if EventKind(e.kind) in PUBLIC_EVENTS
    ]
    asked = [e for e in events if e.kind == EventKind.CORRECTION_REQUESTED.value]
    letters = list(
        Letter.objects.filter(application=app, voided=False)
        .exclude(pdf_file="")
        .order_by("issued_on", "id")
    )
    closed = not status.is_open
    return PublicStatus(
        online_id=online.pk,
        agency=app.agency.name,
        agency_code=app.agency.code,
        stage=CONSULTATION_LAPSED_STAGE if app.consultation_lapsed(today) else STAGES[status],
        status=status,
        submitted_on=app.arrived_on,
        subject=app.subject,
        masked_id=app.applicant.masked_id,
        number=app.number if confirmed else "",
        received_on=app.received_on if confirmed else None,
        due_on=app.due_on if confirmed and not closed else None,
        due_steps=steps,
        due_note=due_note,
        events=public_events,
        letters=letters,
        outcome=outcome_label(app.outcome, app.closed_on.year)
        if closed and app.outcome and app.closed_on
        else "",
        legal_basis=app.legal_basis if closed else "",
        answer=app.answer_summary if closed else "",
        closed_on=app.closed_on if closed else None,
        correction_asked=asked[-1].note if asked else "",
        correction_by=asked[-1].due if asked else None,
        corrections_sent=list(online.corrections.values_list("submitted_on", flat=True)),
    )


def _without(names: list[str], text: str) -> str:
    """A consulted third party's name is not the applicant's business (it may be a person)."""
    for name in names:
        text = text.replace(name, "第三方")
    return text


def public_letter(*, online: OnlineRequest, pk: int) -> Letter | None:
    return (
        Letter.objects.filter(pk=pk, application_id=online.application_id, voided=False)
        .exclude(pdf_file="")
        .first()
    )


def portal_government() -> Agency | None:
    """The government whose 专栏 is at /xxgk/: the first top-level government by code."""
    return (
        Agency.objects.filter(kind=AgencyKind.GOVERNMENT.value, parent__isnull=True)
        .order_by("code")
        .first()
    )


def portal_agencies(*, government: Agency | None, q: str = "") -> QuerySet[Agency]:
    """Agencies that take applications on the portal (the government and those below it),
    optionally narrowed by a search on the name."""
    agencies = Agency.objects.all()
    if government is not None:  # a government's ``government`` is itself
        agencies = agencies.filter(government=government)
    if q.strip():
        agencies = agencies.filter(name__icontains=q.strip())
    return agencies.order_by("kind", "name")


def agency_by_code(*, code: str) -> Agency | None:
    return Agency.objects.filter(code=code).first()


def portal_agency(*, pk: int) -> Agency | None:
    """An agency that takes applications on this portal (None for any other pk)."""
    return portal_agencies(government=portal_government()).filter(pk=pk).first()
