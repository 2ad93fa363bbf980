"""Pages of the letters app: template editing with preview, letters and attachments of an
application, downloads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.core import letters as core
from gongkai.core import wallclock
from gongkai.core.errors import GongkaiError
from gongkai.web.applications import selectors as application_selectors
from gongkai.web.applications.models import Application
from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.files import stored_file_response
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.refusals import add_refusal, refusal_as_message
from gongkai.web.common.versioning import version_token
from gongkai.web.letters import permissions, selectors, services
from gongkai.web.letters.clock_dates import clock_values, provisional_warning
from gongkai.web.letters.forms import KIND_FIELDS, LetterForm, SettingsForm, TemplateForm
from gongkai.web.letters.models import ATTACHMENT_KIND_CHOICES, DELIVERY_METHOD_CHOICES
from gongkai.web.letters.recorded import RECORDED_BASIS_HELP, recorded_basis
from gongkai.web.letters.snapshots import (
    LetterInput,
    fee_items,
    letter_initial,
    letter_settings,
    sample_facts,
    template_in_force,
)
from gongkai.web.orgs.selectors import agency_get_visible

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# --- templates ------------------------------------------------------------------------------


@login_required
def index(
    request: AuthenticatedHttpRequest,
    *,
    wanted: str | None = None,
    bound: SettingsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    agencies = list(selectors.agency_list_with_templates(user=request.user))
    agency = None
    if agencies:
        wanted = request.GET.get("agency", "") if wanted is None else wanted
        agency = next((a for a in agencies if str(a.pk) == wanted), agencies[0])
    context: dict[str, Any] = {
        "agencies": agencies,
        "agency": agency,
        "recent": selectors.letter_list_recent(user=request.user),
    }
    if agency is not None:
        settings = letter_settings(agency)
        values = services.settings_values(settings)
        contact_short = settings.short_name or agency.name
        context |= {
            "overview": selectors.template_overview(agency=agency),
            "can_edit": permissions.can_edit_templates(request.user, agency),
            "settings_form": bound
            or SettingsForm(initial={**values, "version": version_token(values)}),
            "example_number": _example_number(settings.number_pattern, contact_short),
        }
    return render(request, "letters/index.html", context, status=status)


def _example_number(pattern: str, short_name: str) -> str:
    try:
        return core.format_letter_number(
            pattern or core.DEFAULT_NUMBER_PATTERN,
            agency_short=short_name,
            kind=core.LetterKind.ANSWER,
            year=wallclock.today().year,
            seq=1,
        )
    except GongkaiError:
        return ""


@login_required
@require_POST
def settings_edit(request: AuthenticatedHttpRequest, agency_id: int) -> HttpResponse:
    agency = agency_get_visible(user=request.user, pk=agency_id)
    form = SettingsForm(request.POST)
    if form.is_valid():
        try:
            services.letter_settings_save(
                acting_user=request.user,
                agency=agency,
                short_name=form.cleaned_data["short_name"],
                number_pattern=form.cleaned_data["number_pattern"],
                version=form.cleaned_data["version"] or None,
            )
        except versioning.StaleEdit as exc:  # issue 13: kept as typed, with the new version
            versioning.carry_version(form, "version", exc.token)
            form.add_error(None, exc.message)
        except ApplicationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, "文书编号设置已保存")
            return redirect(f"{reverse('letters:index')}?agency={agency.pk}")
    return index(request, wanted=str(agency.pk), bound=form, status=400)


@login_required
def template_edit(request: AuthenticatedHttpRequest, agency_id: int, key: str) -> HttpResponse:
    agency = agency_get_visible(user=request.user, pk=agency_id)
    if key not in core.DEFAULT_TEMPLATES:
        raise Http404("没有这种文书模板")
    can_edit = permissions.can_edit_templates(request.user, agency)
    template, row = template_in_force(agency, key)
    kind = template.kind
    preview = ""
    problems: tuple[str, ...] = ()
    version = version_token(services.template_values(template))
    stale = False
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "reset":
            with refusal_as_message(request):
                services.letter_template_reset(acting_user=request.user, agency=agency, key=key)
                messages.success(request, "已恢复为系统默认模板")
            return redirect("letters:template_edit", agency_id=agency.pk, key=key)
        form = TemplateForm(request.POST)
        if form.is_valid():
            parts = {name: form.cleaned_data[name] for name in services.TEMPLATE_LABELS}
            candidate = services.template_candidate(key, **parts)
            if action == "preview":
                problems = core.template_problems(candidate)
                if not problems:
                    preview, problems = _preview(candidate, agency, kind)
            else:
                try:
                    saved = services.letter_template_save(
                        acting_user=request.user,
                        agency=agency,
                        key=key,
                        **parts,
                        version=request.POST.get(versioning.FIELD),
                    )
                except versioning.StaleEdit as exc:
                    problems = (exc.message,)
                    version, stale = exc.token, True
                except services.TemplateInvalid as exc:
                    problems = exc.problems
                except ApplicationError as exc:
                    problems = (exc.message,)
                else:
                    messages.success(request, f"模板已保存（第{saved.version}版）")
                    return redirect("letters:template_edit", agency_id=agency.pk, key=key)
    else:
        form = TemplateForm(initial=services.template_values(template))
        preview, _ignored = _preview(template, agency, kind)
    posted = request.POST.get(versioning.FIELD) if request.method == "POST" else None
    if posted and not stale:
        version = posted  # previewing or fixing the form keeps the version it was opened with
    context = {
        "version": version,
        "version_field": versioning.FIELD,
        "agency": agency,
        "key": key,
        "label": core.template_label(key),
        "form": form,
        "can_edit": can_edit,
        "row": row,
        "problems": problems,
        "preview": preview,
        "placeholders": core.placeholders_for(kind),
        "history": selectors.template_history(agency=agency, key=key)[:20],
    }
    return render(request, "letters/template_edit.html", context)


def _preview(
    template: core.LetterTemplate, agency: Any, kind: core.LetterKind
) -> tuple[str, tuple[str, ...]]:
    try:
        letter = core.compose_letter(template, sample_facts(agency, kind, wallclock.today()))
    except GongkaiError as exc:
        return "", (str(exc),)
    return core.render_html(letter, standalone=False), ()


# --- letters of one application -------------------------------------------------------------


def _application(request: AuthenticatedHttpRequest, pk: int) -> Application:
    return application_selectors.application_get_visible(user=request.user, pk=pk)


@login_required
def application_letters(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    can_generate = permissions.can_generate_letter(request.user, application)
    context = {
        "application": application,
        "letters": selectors.letter_list_for(application=application),
        "attachments": selectors.attachment_list_for(application=application),
        "offered": selectors.letter_keys_offered(application=application)
        if can_generate and not application.voided
        else [],
        "can_upload": permissions.can_upload_attachment(request.user, application),
        "attachment_kinds": ATTACHMENT_KIND_CHOICES,
        "delivery_methods": DELIVERY_METHOD_CHOICES,
    }
    return render(request, "letters/application.html", context)


def _letter_input(application: Application, form: LetterForm) -> LetterInput:
    """The form's fields by their LetterInput names (blank dates and numbers left at their
    defaults), the enclosures one per line, and the fee itemised from the register."""
    d = form.cleaned_data
    given = {
        f.name: d[f.name]
        for f in dataclasses.fields(LetterInput)
        if d.get(f.name) is not None and f.name not in ("enclosures", "fee_items")
    }
    enclosures = (line.strip() for line in d.get("enclosures", "").splitlines())
    method = given.get("fee_method", "")
    return LetterInput(
        **given,
        enclosures=tuple(line for line in enclosures if line),
        fee_items=fee_items(application, method) if form.kind is core.LetterKind.FEE else (),
    )


def _letter_form(
    request: AuthenticatedHttpRequest, application: Application, kind: core.LetterKind
) -> LetterForm:
    """The generation form, posted or (on GET) prefilled from the register, with what the
    register fixes shown: the clock's dates and an answer's legal basis, which is the one
    recorded with the answer (shown, not typed). A clock that cannot be read is warned of when
    the form is opened."""
    posted = request.method == "POST"
    shown = {} if posted else letter_initial(application, kind, today=wallclock.today())
    try:
        shown |= clock_values(application, kind)
    except ApplicationError as exc:
        if not posted:
            messages.warning(request, exc.message)
    basis = recorded_basis(application, kind)
    if basis:
        shown["legal_basis"] = basis
    form = LetterForm(request.POST if posted else None, kind=kind, initial=shown)
    if basis and "legal_basis" in form.fields:
        field = form.fields["legal_basis"]
        field.disabled = True
        field.required = False
        field.help_text = RECORDED_BASIS_HELP
    return form


@login_required
def letter_new(request: AuthenticatedHttpRequest, pk: int, key: str) -> HttpResponse:
    application = _application(request, pk)
    if not permissions.can_generate_letter(request.user, application):
        messages.error(request, f"您不是{application.agency.name}的办理人员，不能生成文书")
        return redirect("letters:application", pk=application.pk)
    if key not in dict(selectors.letter_keys_offered(application=application)):
        raise Http404("该申请不适用这种文书")
    kind = core.parse_template_key(key)[0]
    preview = ""
    form = _letter_form(request, application, kind)
    if request.method == "POST" and form.is_valid():
        data = _letter_input(application, form)
        try:
            if request.POST.get("action") == "preview":
                letter = services.letter_preview(application=application, key=key, data=data)
                preview = core.render_html(letter, standalone=False)
            else:
                created = services.letter_generate(
                    acting_user=request.user, application=application, key=key, data=data
                )
                messages.success(request, f"已生成文书 {created.number}")
                return redirect("letters:application", pk=application.pk)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
    context = {
        "application": application,
        "key": key,
        "label": core.template_label(key),
        "form": form,
        "preview": preview,
        "kind_fields": KIND_FIELDS[kind],
        "provisional": provisional_warning(application, kind),
    }
    return render(request, "letters/letter_new.html", context)


@login_required
def letter_download(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> FileResponse:
    letter = selectors.letter_get_visible(user=request.user, pk=pk)
    if fmt not in MEDIA_TYPES:
        raise Http404("只能下载 docx 或 pdf")
    stored = letter.docx_file if fmt == "docx" else letter.pdf_file
    # ?inline=1 opens the PDF in the browser's viewer instead of saving it.
    inline = fmt == "pdf" and request.GET.get("inline") == "1"
    return stored_file_response(
        stored, f"{letter.number}.{fmt}", MEDIA_TYPES[fmt], as_attachment=not inline
    )


@login_required
@require_POST
def letter_delivery(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_get_visible(user=request.user, pk=pk)
    raw = request.POST.get("delivered_on", "")
    try:
        delivered_on = dt.date.fromisoformat(raw)
    except ValueError:
        messages.error(request, f"送达日期“{raw}”无效，请按“年-月-日”填写")
        return redirect("letters:application", pk=letter.application_id)
    with refusal_as_message(request):
        services.letter_record_delivery(
            acting_user=request.user,
            letter=letter,
            delivered_on=delivered_on,
            method=request.POST.get("method", ""),
            note=request.POST.get("note", ""),
        )
        messages.success(request, f"已记录文书 {letter.number} 的送达情况")
    return redirect("letters:application", pk=letter.application_id)


def _void(request: AuthenticatedHttpRequest, void: Callable[..., object], done: str) -> None:
    """Void a letter or an attachment (``void``: its service, given the row) with the reason
    typed on the application's letters page."""
    with refusal_as_message(request):
        void(acting_user=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, done)


@login_required
@require_POST
def letter_void(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_get_visible(user=request.user, pk=pk)
    _void(request, partial(services.letter_void, letter=letter), f"文书 {letter.number} 已作废")
    return redirect("letters:application", pk=letter.application_id)


# --- attachments ----------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件")
        return redirect("letters:application", pk=application.pk)
    with refusal_as_message(request):
        attachment = services.attachment_upload(
            acting_user=request.user,
            application=application,
            upload=upload,
            kind=request.POST.get("kind", ""),
            description=request.POST.get("description", ""),
        )
        messages.success(request, f"已上传附件“{attachment.original_name}”")
    return redirect("letters:application", pk=application.pk)


@login_required
def attachment_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    attachment = selectors.attachment_get_visible(user=request.user, pk=pk)
    return stored_file_response(attachment.file, attachment.original_name, attachment.content_type)


@login_required
@require_POST
def attachment_void(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.attachment_get_visible(user=request.user, pk=pk)
    void = partial(services.attachment_void, attachment=attachment)
    _void(request, void, f"附件“{attachment.original_name}”已作废")
    return redirect("letters:application", pk=attachment.application_id)
