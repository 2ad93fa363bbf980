"""Every write of the letters app: template versions, numbering settings, generated letters,
attachments. Each is atomic, checks permissions, and leaves an audit record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from gongkai.core import letters as core
from gongkai.core import wallclock
from gongkai.core.errors import GongkaiError
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.common.audit import audit_record, jsonable
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.uploads import UploadRefused
from gongkai.web.common.versioning import check_version
from gongkai.web.common.voiding import void_row
from gongkai.web.letters import permissions
from gongkai.web.letters.clock_dates import with_clock_dates
from gongkai.web.letters.models import (
    DELIVERY_METHOD_CHOICES,
    Attachment,
    Letter,
    LetterCounter,
    LetterSettings,
)
from gongkai.web.letters.models import LetterTemplate as TemplateRow
from gongkai.web.letters.recorded import with_recorded_answer
from gongkai.web.letters.snapshots import (
    LetterInput,
    letter_facts,
    letter_settings,
    own_template_row,
    template_in_force,
)
from gongkai.web.letters.uploads import check_upload
from gongkai.web.orgs.models import Agency

# The event a letter of each kind records (条例 第三十条, 第三十二条, 第三十三条; 109号).
LETTER_EVENTS: dict[core.LetterKind, tuple[EventKind, ...]] = {
    core.LetterKind.ANSWER: (EventKind.ANSWERED, EventKind.TERMINATED),
    core.LetterKind.CORRECTION: (EventKind.CORRECTION_REQUESTED,),
    core.LetterKind.EXTENSION: (EventKind.EXTENSION,),
    core.LetterKind.CONSULTATION: (EventKind.CONSULTATION_STARTED,),
    core.LetterKind.FEE: (EventKind.FEE_NOTICE,),
}


class TemplateInvalid(ApplicationError):
    """An edited template that fails the core's checks; ``problems`` lists each in Chinese."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


# The audit trail's name for each kind of row this app writes.
AUDIT_ENTITIES: dict[type[Any], str] = {
    TemplateRow: "letter_template",
    LetterSettings: "letter_settings",
    Letter: "letter",
    Attachment: "attachment",
}


def _audit(
    acting_user: User, row: Any, action: AuditAction, changes: dict[str, Any], reason: str = ""
) -> None:
    """The audit record of a write to ``row``, under its application (letters and attachments;
    templates and settings belong to an agency and have none)."""
    audit_record(
        application=getattr(row, "application", None),
        action=action,
        actor=acting_user,
        entity=AUDIT_ENTITIES[type(row)],
        entity_id=row.pk,
        changes=changes,
        reason=reason,
    )


# --- templates and numbering -------------------------------------------------------------


def _require_editor(user: Any, agency: Agency) -> None:
    if not permissions.can_edit_templates(user, agency):
        raise PermissionDenied(f"您无权修改{agency.name}的文书模板，请联系本机关审核人或公开办")


def _save_version(
    *,
    acting_user: User,
    agency: Agency,
    template: core.LetterTemplate,
    default: bool,
) -> TemplateRow:
    """Store ``template`` as the agency's next version of its key, with an audit record: a
    reset when it is the shipped ``default``, else a save."""
    # Lock the agency row so that two editors get consecutive versions.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    last = TemplateRow.objects.filter(agency=agency, key=template.key).order_by("-version").first()
    row = TemplateRow.objects.create(
        agency=agency,
        key=template.key,
        version=(last.version if last else 0) + 1,
        title=template.title,
        body=template.body,
        basis=template.basis,
        remedy=template.remedy,
        is_default=default,
        created_by=acting_user,
    )
    _audit(
        acting_user,
        row,
        AuditAction.LETTER_TEMPLATE_RESET if default else AuditAction.LETTER_TEMPLATE_SAVE,
        {
            "agency": agency.name,
            "template": core.template_label(template.key),
            "version": row.version,
        },
    )
    return row


TEMPLATE_LABELS = {"title": "标题", "body": "正文", "basis": "法律依据", "remedy": "救济条款"}


def template_values(template: core.LetterTemplate) -> dict[str, str]:
    return {name: getattr(template, name) for name in TEMPLATE_LABELS}


def template_candidate(
    key: str, *, title: str, body: str, basis: str, remedy: str
) -> core.LetterTemplate:
    """An edited template as the core reads it (and as it is saved): the browser's line breaks
    as ``\n``, no blanks around any part."""
    return core.LetterTemplate(
        key,
        title.strip(),
        body.replace("\r\n", "\n").strip(),
        basis.strip(),
        remedy.replace("\r\n", "\n").strip(),
    )


@transaction.atomic
def letter_template_save(
    *,
    acting_user: User,
    agency: Agency,
    key: str,
    title: str,
    body: str,
    basis: str,
    remedy: str,
    version: str | None = None,
) -> TemplateRow:
    """Save an edited template as a new version after the core's checks (unknown placeholders,
    required placeholders, the remedy clause of a decision). ``version`` (from the edit form)
    refuses the save if the template in force changed since the form was opened."""
    _require_editor(acting_user, agency)
    if key not in core.DEFAULT_TEMPLATES:
        raise ApplicationError(f"没有“{key}”这种文书模板")
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one editor at a time
    check_version(version, template_values(template_in_force(agency, key)[0]), TEMPLATE_LABELS)
    candidate = template_candidate(key, title=title, body=body, basis=basis, remedy=remedy)
    problems = core.template_problems(candidate)
    if problems:
        raise TemplateInvalid(problems)
    return _save_version(acting_user=acting_user, agency=agency, template=candidate, default=False)


@transaction.atomic
def letter_template_reset(*, acting_user: User, agency: Agency, key: str) -> TemplateRow | None:
    """Go back to the shipped default; earlier versions stay on record."""
    _require_editor(acting_user, agency)
    if own_template_row(agency, key) is None:
        return None
    default = core.default_template(key)
    return _save_version(acting_user=acting_user, agency=agency, template=default, default=True)


SETTINGS_LABELS = {"short_name": "机关代字", "number_pattern": "文书编号格式"}


def settings_values(settings: LetterSettings) -> dict[str, str]:
    """What the numbering settings form is versioned on (issue 13, item 1)."""
    return {"short_name": settings.short_name, "number_pattern": settings.number_pattern}


@transaction.atomic
def letter_settings_save(
    *,
    acting_user: User,
    agency: Agency,
    short_name: str,
    number_pattern: str,
    version: str | None = None,
) -> LetterSettings:
    """``version``: the form's token; a form opened before someone else's change is refused."""
    _require_editor(acting_user, agency)
    pattern = number_pattern.strip()
    if pattern:
        problems = core.number_pattern_problems(pattern)
        if problems:
            raise ApplicationError("；".join(problems), field="number_pattern")
    settings, _created = LetterSettings.objects.get_or_create(agency=agency)
    settings = LetterSettings.objects.select_for_update().get(pk=settings.pk)
    check_version(version, settings_values(settings), SETTINGS_LABELS)
    before = settings_values(settings)
    settings.short_name = short_name.strip()
    settings.number_pattern = pattern
    settings.save(update_fields=["short_name", "number_pattern", "updated_at"])
    changes = {"before": before, "after": settings_values(settings)}
    _audit(acting_user, settings, AuditAction.LETTER_SETTINGS_SAVE, changes)
    return settings


# --- letters --------------------------------------------------------------------------------


def _allocate(agency: Agency, year: int, series: str) -> int:
    counter, _created = LetterCounter.objects.select_for_update().get_or_create(
        agency=agency, year=year, series=series
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _event_for(application: Application, kind: core.LetterKind) -> ApplicationEvent | None:
    kinds = [k.value for k in LETTER_EVENTS[kind]]
    return application.events.filter(kind__in=kinds).order_by("-day", "-id").first()


def _storage_name(letter: Letter, suffix: str) -> str:
    return f"{letter.agency.code}/{letter.year}/{letter.pk}-{letter.kind}-{letter.seq}.{suffix}"


def _check_fee_input(application: Application, kind: core.LetterKind, data: LetterInput) -> None:
    if kind is not core.LetterKind.FEE:
        return
    if data.fee_method not in {"按件", "按量"}:
        raise ApplicationError("请选择计收方式：按件或按量（只能选择一种）", field="fee_method")
    if data.fee_method == "按量" and application.pages is None:
        raise ApplicationError("按量计收需要先在申请中登记提供信息的页数", field="fee_method")


def letter_preview(*, application: Application, key: str, data: LetterInput) -> core.Letter:
    """The letter as it would be generated, numbered "（待编号）" (nothing is saved)."""
    template, _row = template_in_force(application.agency, key)
    _check_fee_input(application, template.kind, data)
    data = with_clock_dates(application, template.kind, data)
    data = with_recorded_answer(application, template.kind, data)
    settings = letter_settings(application.agency)
    facts = letter_facts(application, data, number="（生成时编号）", settings=settings)
    try:
        return core.compose_letter(template, facts)
    except GongkaiError as exc:
        raise ApplicationError(str(exc)) from None


@transaction.atomic
def letter_generate(
    *, acting_user: User, application: Application, key: str, data: LetterInput
) -> Letter:
    """Number, compose and render a letter; store its DOCX and PDF; link it to the event of
    the register it belongs to (补正通知 → 发出补正通知, 答复书 → 作出答复 …)."""
    if not permissions.can_generate_letter(acting_user, application):
        raise PermissionDenied(f"您不是{application.agency.name}的办理人员，不能生成文书")
    if application.voided:
        raise ApplicationError("该申请已作废，不能生成文书")
    try:
        kind, outcome = core.parse_template_key(key)
    except (KeyError, ValueError):
        raise ApplicationError(f"没有“{key}”这种文书模板") from None
    if kind is core.LetterKind.ANSWER and application.outcome and outcome != application.outcome:
        raise ApplicationError(
            "答复书的办理结果与登记的办理结果不一致，请选择与登记结果相符的答复书",
            field="key",
        )
    agency = application.agency
    if kind is core.LetterKind.ANSWER and agency.answers_need_signoff and application.is_open:
        raise ApplicationError(
            f"{agency.name}的答复须经审核人签发：签发后再出具答复书（可先预览），成文日期为签发日期"
        )
    _check_fee_input(application, kind, data)
    data = with_clock_dates(application, kind, data)  # dates with legal effect: the clock's
    data = with_recorded_answer(application, kind, data)  # basis, consultation: the register's
    template, row = template_in_force(agency, key)
    settings = letter_settings(agency)
    pattern = settings.number_pattern or core.DEFAULT_NUMBER_PATTERN
    year = data.issued_on.year
    # Check everything before a number is taken, so a refused letter leaves no gap.
    draft = letter_facts(application, data, number="（待编号）", settings=settings)
    try:
        core.compose_letter(template, draft)
    except GongkaiError as exc:
        raise ApplicationError(str(exc)) from None
    seq = _allocate(agency, year, kind.series)
    contact_short = draft.agency.short_name
    number = core.format_letter_number(
        pattern, agency_short=contact_short, kind=kind, year=year, seq=seq
    )
    facts = dataclasses.replace(draft, number=number)
    letter_core = core.compose_letter(template, facts)
    docx_bytes = core.render_docx(letter_core)
    pdf_bytes = core.render_pdf(letter_core)
    letter = Letter(
        application=application,
        event=_event_for(application, kind),
        agency=agency,
        kind=kind.value,
        template_key=key,
        template=row,
        number=number,
        year=year,
        series=kind.series,
        seq=seq,
        title=letter_core.title,
        issued_on=data.issued_on,
        text=letter_core.plain_text(),
        facts=jsonable(data),
        created_by=acting_user,
    )
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:
        raise ApplicationError(
            f"文书编号“{number}”已被使用，请检查本机关的文书编号格式是否包含{{seq}}"
        ) from None
    letter.docx_file.save(_storage_name(letter, "docx"), ContentFile(docx_bytes), save=False)
    letter.pdf_file.save(_storage_name(letter, "pdf"), ContentFile(pdf_bytes), save=False)
    letter.save(update_fields=["docx_file", "pdf_file"])
    _audit(
        acting_user,
        letter,
        AuditAction.LETTER_GENERATE,
        {
            "number": number,
            "kind": letter.template_label,
            "template_version": row.version if row else "系统默认",
            "issued_on": data.issued_on,
        },
    )
    return letter


def _delivery(letter: Letter) -> dict[str, Any]:
    """A letter's delivery as the audit trail records it, before and after a change."""
    return {
        "delivered_on": letter.delivered_on,
        "method": letter.delivery_label,
        "note": letter.delivery_note,
    }


@transaction.atomic
def letter_record_delivery(
    *,
    acting_user: User,
    letter: Letter,
    delivered_on: dt.date,
    method: str,
    note: str = "",
    today: dt.date | None = None,
) -> Letter:
    """Record when and how the letter reached its addressee (送达); a correction keeps the
    earlier record in the audit trail."""
    if not permissions.can_generate_letter(acting_user, letter.application):
        raise PermissionDenied("您无权记录该文书的送达情况")
    if letter.voided:
        raise ApplicationError("该文书已作废，不能记录送达")
    today = today or wallclock.today()
    if method not in dict(DELIVERY_METHOD_CHOICES):
        raise ApplicationError("请选择送达方式", field="method")
    if delivered_on < letter.issued_on:
        raise ApplicationError(
            f"送达日期不能早于成文日期（{letter.issued_on.isoformat()}）", field="delivered_on"
        )
    if delivered_on > today:
        raise ApplicationError(f"送达日期不能晚于今天（{today.isoformat()}）", field="delivered_on")
    before = _delivery(letter)
    letter.delivered_on = delivered_on
    letter.delivery_method = method
    letter.delivery_note = note.strip()[:200]
    letter.save(update_fields=["delivered_on", "delivery_method", "delivery_note", "updated_at"])
    changes = {"number": letter.number, "before": before, "after": _delivery(letter)}
    _audit(acting_user, letter, AuditAction.LETTER_DELIVERY, changes)
    return letter


@dataclasses.dataclass(frozen=True)
class _Voidable:
    noun: str  # as the messages name it
    action: AuditAction
    may: Callable[[Any, Application], bool]  # the permission to void one of the application's


VOIDABLE: dict[type[Letter | Attachment], _Voidable] = {
    Letter: _Voidable("文书", AuditAction.LETTER_VOID, permissions.can_generate_letter),
    Attachment: _Voidable("附件", AuditAction.ATTACHMENT_VOID, permissions.can_upload_attachment),
}


def _void(
    *, acting_user: User, row: Letter | Attachment, reason: str, changes: dict[str, Any]
) -> None:
    """Mark a letter or an attachment void with a reason, never delete it, and audit it."""
    voidable = VOIDABLE[type(row)]
    if not voidable.may(acting_user, row.application):
        raise PermissionDenied(f"您无权作废该{voidable.noun}")
    reason = void_row(row, reason, noun=voidable.noun)
    _audit(acting_user, row, voidable.action, changes, reason=reason)


@transaction.atomic
def letter_void(*, acting_user: User, letter: Letter, reason: str) -> Letter:
    """A wrong letter is voided with a reason, never deleted; its number stays used."""
    _void(acting_user=acting_user, row=letter, reason=reason, changes={"number": letter.number})
    return letter


# --- attachments ----------------------------------------------------------------------------


@transaction.atomic
def attachment_upload(
    *, acting_user: User, application: Application, upload: Any, kind: str, description: str = ""
) -> Attachment:
    """Store an uploaded file after the type and size checks of :mod:`.uploads`."""
    if not permissions.can_upload_attachment(acting_user, application):
        raise PermissionDenied(f"您不是{application.agency.name}的办理人员，不能上传附件")
    if kind not in {k for k, _label in Attachment._meta.get_field("kind").choices or []}:
        raise ApplicationError("请选择附件类别", field="kind")
    try:
        file_type = check_upload(upload)
    except UploadRefused as exc:
        raise ApplicationError(str(exc), field="file") from None
    attachment = Attachment(
        application=application,
        kind=kind,
        description=description.strip(),
        original_name=str(upload.name)[:255],
        content_type=file_type.content_type,
        size=int(upload.size),
        uploaded_by=acting_user,
    )
    suffix = str(upload.name).rsplit(".", 1)[-1].lower()
    stamp = wallclock.now().strftime("%Y%m%d%H%M%S%f")
    name = f"{application.agency.code}/{application.year}/{application.pk}-{stamp}.{suffix}"
    attachment.file.save(name, upload, save=False)
    attachment.save()
    changes = {
        "name": attachment.original_name,
        "kind": attachment.kind_label,
        "size": attachment.size,
    }
    _audit(acting_user, attachment, AuditAction.ATTACHMENT_UPLOAD, changes)
    return attachment


@transaction.atomic
def attachment_void(*, acting_user: User, attachment: Attachment, reason: str) -> Attachment:
    """A wrong attachment is voided with a reason, never deleted (once)."""
    changes = {"name": attachment.original_name}
    _void(acting_user=acting_user, row=attachment, reason=reason, changes=changes)
    return attachment
