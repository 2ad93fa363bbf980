"""ORM → core: an agency's letterhead, the template in force, and the facts of a letter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.core import letters as core
from gongkai.core.deadlines import ExtensionApproved, compute_deadline
from gongkai.core.errors import GongkaiError
from gongkai.core.fees import application_share, per_page
from gongkai.web.applications.clock import deadline_for
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.fees import applicant_month_position
from gongkai.web.applications.models import Application
from gongkai.web.applications.snapshots import clock_events
from gongkai.web.common.errors import ApplicationError
from gongkai.web.letters.models import LetterSettings, LetterTemplate
from gongkai.web.orgs.models import Agency
from gongkai.web.workcalendar.snapshots import work_calendar

FEE_METHODS = {"按件": "件", "按量": "页"}
SAMPLE_CONTACT = {
    "office_name": "政府信息公开工作机构",
    "address": "办公地址",
    "phone": "联系电话",
    "fax": "传真",
    "email": "电子邮箱",
    "hours": "办公时间",
    "postcode": "邮政编码",
    "review_body": "行政复议机关",
}


def letter_settings(agency: Agency) -> LetterSettings:
    """The agency's numbering settings (an unsaved default when it has none)."""
    try:
        return LetterSettings.objects.get(agency=agency)
    except LetterSettings.DoesNotExist:
        return LetterSettings(agency=agency)


def agency_contact(agency: Agency, settings: LetterSettings | None = None) -> core.AgencyContact:
    settings = settings or letter_settings(agency)
    return core.AgencyContact(
        name=agency.name,
        short_name=settings.short_name or agency.name,
        office_name=agency.office_name,
        address=agency.office_address,
        phone=agency.office_phone,
        fax=agency.office_fax,
        email=agency.office_email,
        hours=agency.office_hours,
        postcode=agency.postcode,
        review_body=agency.review_body,
    )


def own_template_row(agency: Agency, key: str) -> LetterTemplate | None:
    """The agency's own version in force, or None (never edited, or reset to the default)."""
    row = LetterTemplate.objects.filter(agency=agency, key=key).order_by("-version").first()
    if row is None or row.is_default:
        return None
    return row


def template_row(agency: Agency, key: str) -> LetterTemplate | None:
    """The version in force for the agency: its own, else its government's (the 公开办 may set
    one wording for the whole district), else None for the shipped default."""
    row = own_template_row(agency, key)
    if row is None and agency.government_id and agency.government_id != agency.pk:
        government = agency.government
        assert government is not None  # government_id is set
        row = own_template_row(government, key)
    return row


def template_in_force(
    agency: Agency, key: str
) -> tuple[core.LetterTemplate, LetterTemplate | None]:
    row = template_row(agency, key)
    if row is None:
        return core.default_template(key), None
    return core.LetterTemplate(key, row.title, row.body, row.basis, row.remedy), row


@dataclass(frozen=True)
class LetterInput:
    """What the case officer typed on the generation form (every field optional here; the
    template decides what must be filled in)."""

    issued_on: dt.date
    legal_basis: str = ""
    decision: str = ""
    reasons: str = ""
    enclosures: tuple[str, ...] = ()
    responsible_agency: str = ""
    responsible_agency_contact: str = ""
    previous_reply: str = ""
    consultation: str = ""  # from the register (letters/recorded.py), never typed
    correction_items: str = ""
    correction_deadline: dt.date | None = None
    extension_days: int | None = None
    original_due_on: dt.date | None = None
    new_due_on: dt.date | None = None
    extension_reason: str = ""
    third_party_name: str = ""
    third_party_address: str = ""
    consulted_information: str = ""
    consultation_matter: str = ""
    reply_by: dt.date | None = None
    fee_method: str = ""
    payment_method: str = ""
    fee_items: tuple[core.FeeItem, ...] = field(default=())


def fee_items(application: Application, method: str) -> tuple[core.FeeItem, ...]:
    """The itemised fee by 国办函〔2020〕109号 (gongkai.core.fees) for 按件 or 按量: 按件 is this
    application's share of the applicant's month (Art. 4, the month's fee charged once), the
    same amount the fee notice on the register states."""
    if method == "按件":
        result = application_share(applicant_month_position(application))
    elif method == "按量":
        if application.pages is None:
            return ()
        result = per_page(application.pages)
    else:
        return ()
    unit = FEE_METHODS[method]
    return tuple(
        core.FeeItem(
            f"第{item.first}{unit}"
            if item.first == item.last
            else f"第{item.first}至第{item.last}{unit}",
            item.count,
            unit,
            item.unit_price,
        )
        for item in result.items
    )


def letter_facts(
    application: Application, data: LetterInput, *, number: str, settings: LetterSettings
) -> core.LetterFacts:
    applicant = application.applicant
    return core.LetterFacts(
        number=number,
        agency=agency_contact(application.agency, settings),
        applicant=core.Party(applicant.name, applicant.address),
        application_number=application.number,
        received_on=application.received_on,
        request_summary=application.subject,
        issued_on=data.issued_on,
        decision=data.decision,
        reasons=data.reasons,
        legal_basis=data.legal_basis,
        enclosures=data.enclosures,
        responsible_agency=data.responsible_agency,
        responsible_agency_contact=data.responsible_agency_contact,
        previous_reply=data.previous_reply,
        consultation=data.consultation,
        correction_items=data.correction_items,
        correction_deadline=data.correction_deadline,
        extension_days=data.extension_days,
        original_due_on=data.original_due_on,
        new_due_on=data.new_due_on,
        extension_reason=data.extension_reason,
        third_party=core.Party(data.third_party_name, data.third_party_address)
        if data.third_party_name.strip()
        else None,
        consulted_information=data.consulted_information,
        consultation_matter=data.consultation_matter,
        reply_by=data.reply_by,
        fee_method=data.fee_method,
        fee_items=data.fee_items,
        payment_method=data.payment_method,
    )


def sample_facts(agency: Agency, kind: core.LetterKind, today: dt.date) -> core.LetterFacts:
    """Made-up facts that fill every placeholder, for previewing a template being edited."""
    settings = letter_settings(agency)
    contact = agency_contact(agency, settings)
    # Fill what the agency has not entered yet, so that any placeholder can be previewed.
    contact = dataclasses.replace(
        contact,
        **{
            name: f"（示例）{label}"
            for name, label in SAMPLE_CONTACT.items()
            if not getattr(contact, name)
        },
    )
    number = core.format_letter_number(
        settings.number_pattern or core.DEFAULT_NUMBER_PATTERN,
        agency_short=contact.short_name,
        kind=kind,
        year=today.year,
        seq=1,
    )
    return core.LetterFacts(
        number=number,
        agency=contact,
        applicant=core.Party("张三（示例）", "示例市示例路1号"),
        application_number="（示例受理编号）",
        received_on=today - dt.timedelta(days=14),
        request_summary="（示例）所申请公开的政府信息名称",
        issued_on=today,
        decision="（示例）答复或处理内容。",
        reasons="（示例）理由说明。",
        responsible_agency="（示例）负责公开的行政机关",
        responsible_agency_contact="（示例）联系电话",
        previous_reply="（示例）此前答复的文书编号",
        correction_items="1.（示例）需要补正的第一项；\n2.（示例）需要补正的第二项。",
        correction_deadline=today + dt.timedelta(days=15),
        extension_days=20,
        original_due_on=today + dt.timedelta(days=7),
        new_due_on=today + dt.timedelta(days=35),
        extension_reason="（示例）延期理由",
        third_party=core.Party("（示例）第三方名称"),
        consulted_information="（示例）征求意见所涉信息",
        consultation_matter="（示例）商业秘密",
        reply_by=today + dt.timedelta(days=21),
        fee_method="按件",
        fee_items=(
            core.FeeItem("第1至第10件", 10, "件", Decimal(0)),
            core.FeeItem("第11至第15件", 5, "件", Decimal(100)),
        ),
        payment_method="（示例）缴费方式",
    )


def extension_due_dates(application: Application) -> tuple[dt.date | None, dt.date | None]:
    """(the due date without the extension, the due date with it), from the clock's event log
    (条例 第三十三条第二款); ``(None, None)`` when the log cannot be read."""
    events = clock_events(application)
    calendar = work_calendar()
    extension = next((e for e in events if isinstance(e, ExtensionApproved)), None)
    # Judged on the day of the last event: the due date itself does not move with "today".
    as_of = max([application.received_on, *application.events.values_list("day", flat=True)])
    try:
        extended = compute_deadline(events, as_of=as_of, calendar=calendar).due
        if extension is None:
            return None, extended
        before = [e for e in events if not isinstance(e, ExtensionApproved)]
        original = compute_deadline(before, as_of=extension.on, calendar=calendar).due
    except GongkaiError:
        return None, None
    return original, extended


def letter_initial(
    application: Application, kind: core.LetterKind, *, today: dt.date
) -> dict[str, Any]:
    """Prefill from the register: the answer summary, the 补正 items, the extension, the
    consultation and the fee recorded in the event log."""
    initial: dict[str, Any] = {"issued_on": today}
    events = list(application.events.order_by("day", "id"))

    def last(kind_: EventKind) -> Any:
        return next((e for e in reversed(events) if e.kind == kind_.value), None)

    if kind is core.LetterKind.ANSWER:
        signoff = application.signoffs.filter(state="pending").first()
        initial["decision"] = application.answer_summary or (signoff.summary if signoff else "")
        if application.closed_on:
            initial["issued_on"] = application.closed_on
    elif kind is core.LetterKind.CORRECTION and (event := last(EventKind.CORRECTION_REQUESTED)):
        initial |= {
            "correction_items": event.note,
            "correction_deadline": event.due,
            "issued_on": event.day,
        }
    elif kind is core.LetterKind.EXTENSION and (event := last(EventKind.EXTENSION)):
        original, extended = extension_due_dates(application)
        initial |= {
            "extension_days": event.workdays,
            "extension_reason": event.note,
            "issued_on": event.day,
            "original_due_on": original,
            "new_due_on": extended,
        }
    elif kind is core.LetterKind.CONSULTATION and (event := last(EventKind.CONSULTATION_STARTED)):
        initial |= {
            "third_party_name": event.party_name,
            "consulted_information": event.note,
            "issued_on": event.day,
        }
        try:
            consultations = deadline_for(application).consultations
        except ApplicationError:
            consultations = ()
        for consultation in consultations:
            if consultation.name == event.party_name and consultation.sent == event.day:
                initial["reply_by"] = consultation.reply_due
    elif kind is core.LetterKind.FEE:
        initial["fee_method"] = "按量" if application.pages else "按件"
        if event := last(EventKind.FEE_NOTICE):
            initial["issued_on"] = event.day
    return initial
