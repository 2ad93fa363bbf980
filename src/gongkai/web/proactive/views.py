"""Pages of the proactive-disclosure register and the 第二十条 records."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from gongkai.core import wallclock
from gongkai.core.formats import UnknownYearError, format_for_year
from gongkai.web.accounts import permissions
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.forms import VoidForm
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.listing import paged
from gongkai.web.common.params import parse_int, parse_year
from gongkai.web.common.record_page import RecordPage
from gongkai.web.common.refusals import add_refusal
from gongkai.web.common.versioning import version_token
from gongkai.web.common.views import forbidden
from gongkai.web.proactive import forms, import_jobs, importing, selectors, services
from gongkai.web.proactive.models import CHANNEL_KIND_CHOICES, Category, Channel, ImportJob
from gongkai.web.proactive.versions import publication_values

PAGE_SIZE = 50


def _agency_choices(user: Any, registrable: bool = False) -> list[tuple[int, str]]:
    rows = (
        selectors.agency_list_registrable(user=user)
        if registrable
        else selectors.agency_list_visible(user=user)
    )
    return [(a.pk, a.name) for a in rows]


def _years(today: Any) -> list[int]:
    return list(range(today.year, 2018, -1))


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = wallclock.today()
    filters = selectors.ItemFilters(
        agency=parse_int(request.GET.get("agency")),
        year=parse_year(request.GET.get("year")),
        category=request.GET.get("category", "").strip(),
        channel=request.GET.get("channel", "").strip(),
        late=request.GET.get("late") == "1",
        q=request.GET.get("q", "").strip(),
    )
    items = selectors.item_list_visible(user=request.user, filters=filters, today=today)
    page, query = paged(request, items, PAGE_SIZE)
    category_names = sorted(
        {
            c.name
            for c in Category.objects.filter(
                agency_id__in=[a for a, _ in _agency_choices(request.user)]
            )
        }
    )
    return render(
        request,
        "proactive/index.html",
        {
            "page": page,
            "filters": filters,
            "today": today,
            "agencies": _agency_choices(request.user),
            "years": _years(today),
            "category_names": category_names,
            "channel_kinds": CHANNEL_KIND_CHOICES,
            "query": query,
            "can_register": bool(permissions.acting_agency_ids(request.user)),
        },
    )


def _item_form(agency: Any, data: Any = None) -> forms.ItemForm:
    services.categories_ensure_defaults(agency=agency)
    return forms.ItemForm(
        data,
        categories=[(c.pk, c.name) for c in selectors.categories(agency=agency, active_only=True)],
        channels=[
            (c.pk, f"{c.name}（{c.kind_label}）")
            for c in selectors.channels(agency=agency, active_only=True)
        ],
    )


def _registrable_agency(request: AuthenticatedHttpRequest) -> Any:
    choices = _agency_choices(request.user, registrable=True)
    if not choices:
        raise PermissionDenied("您没有可以登记的机构")
    pk = parse_int(request.POST.get("agency") or request.GET.get("agency")) or choices[0][0]
    if pk not in dict(choices):
        raise PermissionDenied("只能为本机关登记")
    return selectors.agency_get_visible(user=request.user, pk=pk), choices


def _registering(
    view: Callable[[AuthenticatedHttpRequest, Any, list[tuple[int, str]]], HttpResponse],
) -> Callable[[AuthenticatedHttpRequest], HttpResponse]:
    """A page that registers for one of the user's agencies: the view is given the agency
    asked for and the choices; the 403 page when the user registers for none or not this one."""

    @wraps(view)
    def page(request: AuthenticatedHttpRequest) -> HttpResponse:
        try:
            agency, choices = _registrable_agency(request)
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        return view(request, agency, choices)

    return page


@login_required
@_registering
def item_new(
    request: AuthenticatedHttpRequest, agency: Any, choices: list[tuple[int, str]]
) -> HttpResponse:
    form = _item_form(agency, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            category = Category.objects.get(pk=d["category"], agency=agency)
            channels = list(Channel.objects.filter(agency=agency, pk__in=d["channels"]))
            item = services.item_register(
                acting_user=request.user,
                agency=agency,
                data=services.ItemData(
                    index_number=d["index_number"],
                    title=d["title"],
                    summary=d["summary"],
                    doc_number=d["doc_number"],
                    formed_on=d["formed_on"],
                    published_on=d["published_on"],
                    publisher=d["publisher"],
                    category=category,
                    validity=d["validity"],
                    channels=channels,
                    article20=d["article20"],
                ),
            )
        except Category.DoesNotExist:
            form.add_error("category", "请选择本机关的主题分类")
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except ApplicationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, f"已登记“{item.title}”，公开期限 {item.due_on:%Y-%m-%d}")
            return redirect("proactive:item", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "proactive/item_form.html",
        {"form": form, "agency": agency, "agencies": choices},
        status=status,
    )


def _item_context(
    request: AuthenticatedHttpRequest, item: Any, action: Form | None, version: str | None
) -> dict[str, Any]:
    channel_choices = [
        (c.pk, f"{c.name}（{c.kind_label}）")
        for c in selectors.channels(agency=item.agency, active_only=True)
    ]
    return {
        "item": item,
        "today": wallclock.today(),
        "late": item.is_late(wallclock.today()),
        "can_write": permissions.can_register_for(request.user, item.agency),
        "action_form": action or forms.PublishForm(channels=channel_choices),
        "action_version": version or version_token(publication_values(item)),
        "action_open": not item.published_on,
        "audit": selectors.audit_for(entity="proactive.item", pk=item.pk),
    }


ITEM_PAGE = RecordPage("proactive/item.html", "proactive:item", "proactive:void", _item_context)


@login_required
@require_GET
def item_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return ITEM_PAGE.show(request, selectors.item_get_visible(user=request.user, pk=pk))


@login_required
@require_POST
def item_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_visible(user=request.user, pk=pk)
    channel_choices = [(c.pk, c.name) for c in selectors.channels(agency=item.agency)]
    return ITEM_PAGE.correct(
        request,
        item,
        forms.PublishForm(request.POST, channels=channel_choices),
        lambda data, version: services.item_publish(
            acting_user=request.user,
            item=item,
            published_on=data["published_on"],
            channels=Channel.objects.filter(agency=item.agency, pk__in=data["channels"]),
            version=version,
        ),
        saved="已登记公开日期和发布渠道",
    )


@login_required
@require_POST
def item_void(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_visible(user=request.user, pk=pk)
    return ITEM_PAGE.void(
        request,
        item,
        lambda reason: services.item_void(acting_user=request.user, item=item, reason=reason),
        saved="已作废，该信息不再计入统计",
    )


REFRESH_SECONDS = 2


@login_required
@_registering
def import_items(
    request: AuthenticatedHttpRequest, agency: Any, choices: list[tuple[int, str]]
) -> HttpResponse:
    """The upload only stores the file and queues the job; the job's page shows its progress."""
    import_jobs.jobs_recover_stale()
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = import_jobs.job_create(
                    acting_user=request.user,
                    agency=agency,
                    data=upload.read(),
                    filename=upload.name,
                    good_rows_only=form.cleaned_data["good_rows_only"],
                )
            except PermissionDenied as exc:
                return forbidden(request, exc.message)
            except ApplicationError as exc:
                form.add_error("file", exc.message)
            else:
                return redirect("proactive:import_job", pk=job.pk)
        status = 400
    return render(
        request,
        "proactive/import.html",
        {
            "form": form,
            "agency": agency,
            "agencies": choices,
            "jobs": ImportJob.objects.filter(agency=agency).select_related("created_by")[:10],
            "columns": importing.COLUMNS,
        },
        status=status,
    )


@login_required
@require_GET
def import_job(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One import's progress; refreshes itself (no JavaScript needed) until it ends."""
    import_jobs.jobs_recover_stale()
    job = ImportJob.objects.filter(pk=pk).select_related("agency", "created_by").first()
    if job is None or job.agency_id not in dict(_agency_choices(request.user, registrable=True)):
        raise Http404
    response = render(request, "proactive/import_job.html", {"job": job, "agency": job.agency})
    if not job.finished:
        response["Refresh"] = str(REFRESH_SECONDS)  # browsers reload; no JavaScript needed
    return response


@login_required
@require_GET
def import_template(request: AuthenticatedHttpRequest) -> HttpResponse:
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="proactive-template.csv"'
    return response


# What the settings page creates: the form, the service and what it says when done.
_SETTINGS: dict[str, tuple[type[Form], Any, str]] = {
    "category": (forms.CategoryForm, services.category_create, "已新增主题分类"),
    "channel": (forms.ChannelForm, services.channel_create, "已新增发布渠道"),
}


@login_required
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    agency = selectors.default_agency(user=request.user, pk=parse_int(request.GET.get("agency")))
    if agency is None:
        raise Http404("没有可以查看的机构")
    bound = {what: form_class() for what, (form_class, _, _) in _SETTINGS.items()}
    status = 200
    if request.method == "POST":
        what = request.POST.get("what", "")
        try:
            if what in _SETTINGS:
                form_class, create, saved = _SETTINGS[what]
                form = bound[what] = form_class(request.POST)
                if form.is_valid():
                    create(acting_user=request.user, agency=agency, **form.cleaned_data)
                    messages.success(request, saved)
                    return redirect(f"{reverse('proactive:settings')}?agency={agency.pk}")
            elif what == "toggle":
                category = Category.objects.get(
                    agency=agency,
                    pk=parse_int(request.POST.get("category")),  # type: ignore[misc]  # None: not found
                )
                services.category_set_active(
                    acting_user=request.user, category=category, active=not category.active
                )
                return redirect(f"{reverse('proactive:settings')}?agency={agency.pk}")
        except Category.DoesNotExist:
            raise Http404("没有这个分类") from None
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except ApplicationError as exc:
            add_refusal(bound["category" if what == "category" else "channel"], exc)
        status = 400
    services.categories_ensure_defaults(agency=agency)
    return render(
        request,
        "proactive/settings.html",
        {
            "agency": agency,
            "agencies": _agency_choices(request.user),
            "categories": selectors.categories(agency=agency),
            "channels": selectors.channels(agency=agency),
            "category_form": bound["category"],
            "channel_form": bound["channel"],
            "can_configure": _can_configure(request.user, agency),
        },
        status=status,
    )


def _can_configure(user: Any, agency: Any) -> bool:
    try:
        services.require_configurer(user, agency)
    except PermissionDenied:
        return False
    return True


# --------------------------------------------------------------------------- 第二十条


# Each kind of 第二十条 record: its form and the service that registers it.
_RECORDS: dict[str, tuple[type[Form], Any]] = {
    "documents": (forms.DocumentForm, services.document_register),
    "decisions": (forms.DecisionForm, services.decision_record),
    "fees": (forms.FeeForm, services.fee_record),
    "procurements": (forms.ProcurementForm, services.procurement_record),
    "matters": (forms.MatterForm, services.matter_record),
}


def _article20_context(
    request: AuthenticatedHttpRequest, agency: Any, year: int, **bound: Any
) -> dict[str, Any]:
    try:
        fmt = format_for_year(year)
    except UnknownYearError as exc:
        raise Http404(str(exc)) from None
    records = selectors.article20_for(user=request.user, agency=agency, year=year)
    forms_ = {key: bound.get(key) or cls() for key, (cls, _) in _RECORDS.items()}
    return {
        "agency": agency,
        "year": year,
        "fmt": fmt,
        "counts_matters": fmt.counts_matters,
        "records": records,
        "forms": forms_,
        "agencies": _agency_choices(request.user),
        "years": _years(wallclock.today()),
        "can_write": permissions.can_register_for(request.user, agency),
        "repeal_form": forms.RepealForm(),
        "void_form": VoidForm(),
    }


@login_required
@require_GET
def article20(request: AuthenticatedHttpRequest) -> HttpResponse:
    agency = selectors.default_agency(user=request.user, pk=parse_int(request.GET.get("agency")))
    if agency is None:
        raise Http404("没有可以查看的机构")
    year = parse_year(request.GET.get("year")) or wallclock.today().year
    return render(request, "proactive/article20.html", _article20_context(request, agency, year))


@login_required
@require_POST
def record_new(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    if kind not in _RECORDS:
        raise Http404("没有这种记录")
    agency = selectors.agency_get_visible(
        user=request.user, pk=parse_int(request.POST.get("agency"))
    )
    year = parse_year(request.POST.get("year")) or wallclock.today().year
    form_class, register = _RECORDS[kind]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            register(acting_user=request.user, agency=agency, **form.cleaned_data)
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except ApplicationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, "已登记")
            return redirect(
                f"{reverse('proactive:article20')}?agency={agency.pk}&year={year}#{kind}"
            )
    messages.error(request, "未能保存，请按提示修改后重新提交。")
    context = _article20_context(request, agency, year, **{kind: form})
    context["open_form"] = kind
    return render(request, "proactive/article20.html", context, status=400)


@login_required
@require_POST
def record_action(
    request: AuthenticatedHttpRequest, kind: str, pk: int, action: str
) -> HttpResponse:
    record = selectors.record_get_visible(user=request.user, kind=kind, pk=pk)
    year = parse_year(request.POST.get("year")) or wallclock.today().year
    target = f"{reverse('proactive:article20')}?agency={record.agency_id}&year={year}#{kind}"
    try:
        if action == "repeal" and kind == "documents":
            form: Any = forms.RepealForm(request.POST)
            if not form.is_valid():
                raise ApplicationError("请填写废止日期")
            services.document_repeal(
                acting_user=request.user,
                document=record,
                repealed_on=form.cleaned_data["repealed_on"],
                note=form.cleaned_data["note"],
            )
        elif action == "void":
            form = VoidForm(request.POST)
            if not form.is_valid():
                raise ApplicationError("作废须填写原因")
            services.record_void(
                acting_user=request.user, record=record, reason=form.cleaned_data["reason"]
            )
        else:
            raise Http404("没有这个操作")
    except PermissionDenied as exc:
        return forbidden(request, exc.message)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已保存")
    return redirect(target)
