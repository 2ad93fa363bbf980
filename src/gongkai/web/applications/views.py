"""Pages of the request register: the work queue, registration, the application page."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_POST

from gongkai.core import wallclock
from gongkai.web.accounts import permissions
from gongkai.web.applications import panels, selectors, services
from gongkai.web.applications.actions import ACTIONS
from gongkai.web.applications.clock import consultation_end, deadline_for
from gongkai.web.applications.duplicates import open_duplicates
from gongkai.web.applications.enums import APPLICANT_KIND_LABELS, Status
from gongkai.web.applications.fees import fee_breakdown
from gongkai.web.applications.forms import QueueFilterForm, RegisterForm
from gongkai.web.applications.inbox import approval_inbox, signoff_inbox
from gongkai.web.applications.models import CONSULTATION_LAPSED_LABEL, Application
from gongkai.web.applications.outcomes import outcome_label
from gongkai.web.common import versioning
from gongkai.web.common.csvstream import csv_download
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.listing import query_without
from gongkai.web.common.refusals import add_refusal
from gongkai.web.common.views import forbidden
from gongkai.web.workcalendar.snapshots import work_calendar

PAGE_SIZE = 50
SOON_WORKDAYS = 3


def _filters(
    request: AuthenticatedHttpRequest, user: Any
) -> tuple[QueueFilterForm, selectors.QueueFilters]:
    agencies = [(a.pk, a.name) for a in selectors.agency_list_visible(user=user)]
    form = QueueFilterForm(request.GET or None, agencies=agencies)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        filters = selectors.QueueFilters(
            view=d["view"] or "open",
            agency=d["agency"],
            status=d["status"],
            applicant_kind=d["applicant_kind"],
            received_from=d["received_from"],
            received_to=d["received_to"],
            q=d["q"].strip(),
            sort=d["sort"] if selectors.queue_ordering(d["sort"] or "") else "",
        )
    else:
        filters = selectors.QueueFilters(view=request.GET.get("view", "open"))
        if filters.view not in selectors.QUEUE_VIEWS:
            filters = selectors.QueueFilters()
    return form, filters


def _queue(
    request: AuthenticatedHttpRequest,
) -> tuple[QueueFilterForm, selectors.QueueFilters, Any, dt.date, dt.date]:
    today = wallclock.today()
    form, filters = _filters(request, request.user)
    soon_until = work_calendar().add_workdays(today, SOON_WORKDAYS)
    apps = selectors.application_queue(
        user=request.user, filters=filters, today=today, soon_until=soon_until
    )
    return form, filters, apps, today, soon_until


@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, filters, apps, today, soon_until = _queue(request)
    page = Paginator(apps, PAGE_SIZE).get_page(request.GET.get("page"))
    calendar = work_calendar()
    for a in page.object_list:
        # Working days left to the due date (条例 第三十三条): negative once overdue; none while
        # the clock is paused (补正, 征求意见, 缴费) or the request is closed.
        a.running = a.clock_running(today)
        a.shown_status = a.display_status(today)
        running = a.running and a.due_on is not None
        a.days_left = calendar.workdays_between(today, a.due_on) if running else None
        a.days_over = -a.days_left if a.days_left is not None and a.days_left < 0 else 0
    context = {
        "sorts": _sort_links(filters.sort, query_without(request, "page", "sort")),
        "form": form,
        "filters": filters,
        "views": selectors.QUEUE_VIEWS,
        "page": page,
        "today": today,
        "soon_until": soon_until,
        "query": query_without(request, "page"),
        "can_register": bool(permissions.acting_agency_ids(request.user)),
    }
    htmx = bool(getattr(request, "htmx", False))  # set by django_htmx.middleware.HtmxMiddleware
    template = "applications/_queue_table.html" if htmx else "applications/queue.html"
    return render(request, template, context)


def _sort_links(current: str, query: str) -> dict[str, dict[str, str]]:
    """Each sortable column's link: ascending first, descending when already ascending."""
    links = {}
    for key, (label, _fields) in selectors.QUEUE_SORTS.items():
        target = f"-{key}" if current == key else key
        arrow = "▲" if current == key else "▼" if current == f"-{key}" else ""
        sep = "&" if query else ""
        links[key] = {"url": f"?{query}{sep}sort={target}", "label": label, "arrow": arrow}
    return links


@login_required
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    """待我审批: the extension requests and the answers for 签发 waiting for this 审核人."""
    calendar, today = work_calendar(), wallclock.today()
    items = approval_inbox(user=request.user, calendar=calendar)
    signoffs = signoff_inbox(user=request.user, calendar=calendar, today=today)
    total = len(items) + len(signoffs)
    context = {"items": items, "signoffs": signoffs, "today": today, "total": total}
    return render(request, "applications/inbox.html", context)


@login_required
def queue_csv(request: AuthenticatedHttpRequest) -> StreamingHttpResponse:
    """The filtered queue as CSV (UTF-8 with BOM for Excel/WPS); ID numbers masked."""
    apps = _queue(request)[2]
    header = [
        "受理编号",
        "受理机关",
        "申请人",
        "申请人类型",
        "证件号码",
        "申请方式",
        "收到申请日期",
        "办理状态",
        "答复期限",
        "办理结果",
        "办结日期",
        "经办人",
    ]
    rows = (
        [
            a.number,
            a.agency.name,
            a.applicant.name,
            APPLICANT_KIND_LABELS.get(a.applicant.kind, a.applicant.kind),
            a.applicant.masked_id,
            a.channel_label,
            a.received_on.isoformat(),
            a.status_label,
            a.due_on.isoformat() if a.due_on else "",
            outcome_label(a.outcome, a.closed_on.year) if a.outcome and a.closed_on else "",
            a.closed_on.isoformat() if a.closed_on else "",
            (a.assigned_to.get_full_name() or a.assigned_to.username) if a.assigned_to else "",
        ]
        for a in apps.iterator(chunk_size=2000)
    )
    stamp = wallclock.now().strftime("%Y%m%d-%H%M")
    return csv_download(f"applications-{stamp}.csv", header, rows)


@login_required
def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    agencies = [(a.pk, a.name) for a in selectors.agency_list_registrable(user=request.user)]
    if not agencies:
        raise Http404("您不是任何机关的经办人，不能登记申请")
    if request.method == "POST":
        form = RegisterForm(request.POST, agencies=agencies)
        if form.is_valid():
            d = form.cleaned_data
            agency = selectors.agency_list_registrable(user=request.user).get(pk=d["agency"])
            duplicates = (
                []
                if d["confirm_duplicate"]
                else open_duplicates(
                    agency=agency,
                    id_number=d["id_number"],
                    name=d["applicant_name"],
                    subject=d["subject"],
                    received_on=d["confirmed_on"] or d["arrived_on"],
                )
            )
            earlier = Application.objects.filter(
                submission_token=d["submission_token"] or "-"
            ).first()
            if earlier is not None:
                messages.info(
                    request, f"该申请已登记（受理编号 {earlier.number}），重复提交未再次登记"
                )
                return redirect("applications:detail", pk=earlier.pk)
            if duplicates:
                return render(
                    request,
                    "applications/register.html",
                    {"form": form, "duplicates": duplicates},
                    status=409,
                )
            try:
                application = services.application_register(
                    acting_user=request.user,
                    agency=agency,
                    applicant=services.ApplicantData.from_form(d),
                    channel=d["channel"],
                    arrived_on=d["arrived_on"],
                    confirmed_on=d["confirmed_on"],
                    subject=d["subject"],
                    requested_form=d["requested_form"],
                    delivery=d["delivery"],
                    submission_token=d["submission_token"],
                )
            except services.AlreadyRegistered as exc:
                messages.info(request, exc.message)
                return redirect("applications:detail", pk=exc.application.pk)
            except services.FormErrors as exc:
                for field, message in exc.errors.items():
                    form.add_error(field if field in form.fields else None, message)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    f"已登记，受理编号 {application.number}，答复期限 {application.due_on:%Y-%m-%d}",
                )
                _warn_if_already_overdue(request, application)
                return redirect("applications:detail", pk=application.pk)
    else:
        form = RegisterForm(
            agencies=agencies,
            initial={
                "arrived_on": wallclock.today(),
                "agency": agencies[0][0],
                "submission_token": uuid.uuid4().hex,
            },
        )
    return render(request, "applications/register.html", {"form": form})


def _warn_if_already_overdue(request: AuthenticatedHttpRequest, application: Application) -> None:
    """A request received long ago is registered, but never silently: its period has already
    run out (条例 第三十三条), which the clerk sees at once."""
    today = wallclock.today()
    due = application.due_on
    if due is None or due >= today or not application.is_open:
        return
    late = work_calendar().workdays_between(due, today)
    messages.warning(
        request,
        f"注意：该申请于{application.received_on:%Y-%m-%d}收到，答复期限{due:%Y-%m-%d}已过，"
        f"登记时已超期{late}个工作日。请核对收到日期；如属实，请尽快答复。",
    )


def _detail_context(
    request: AuthenticatedHttpRequest, application: Application, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    user = request.user
    bound = bound or {}
    forms_ = []
    for action in ACTIONS.values():
        if action.available(user, application):
            form = bound.get(action.key) or action.make_form(application, None)
            if "day" in form.fields and not form.is_bound:
                form.initial.setdefault("day", wallclock.today())
            forms_.append({"action": action, "form": form, "open": action.key in bound})
    try:
        deadline = deadline_for(application)
        clock_error = ""
    except ApplicationError as exc:
        deadline, clock_error = None, exc.message
    events = list(selectors.application_events(application=application))
    year = application.closed_on.year if application.closed_on else None
    return {
        "application": application,
        "deadline": deadline,
        "clock_error": clock_error,
        "events": events,
        "audit": [
            (record, selectors.audit_change_lines(record.changes))
            for record in selectors.application_audit(application=application)
        ],
        "actions": forms_,
        "outcome_text": outcome_label(application.outcome, year)
        if application.outcome and year
        else "",
        "fees": fee_breakdown(application),
        "letters_url": _letters_url(application),
        **panels.detail_context(user, application),
        "can_register_case": permissions.can_handle(user, application),
        "extension_pending": services.pending_extension_request(application) is not None,
        "signoffs": list(application.signoffs.select_related("submitted_by", "decided_by")),
        "status": Status(application.status),
        "lapsed": application.lapsed_on(wallclock.today()),
        **_consultation_context(application, deadline),
    }


def _consultation_context(application: Application, deadline: Any) -> dict[str, Any]:
    """The status as shown on the page, judged on the live clock: consulting past the
    parties' limit shows that the limit passed and the clock runs again (条例第三十二条、第三十四条)."""
    today = wallclock.today()
    end = consultation_end(application, deadline) if deadline is not None else None
    lapsed = application.is_open and end is not None and end < today
    return {
        "consultation_lapsed": lapsed,
        "consultation_end": end,
        "shown_status": CONSULTATION_LAPSED_LABEL if lapsed else application.status_label,
    }


def _letters_url(application: Application) -> str:
    try:
        return reverse("letters:application", kwargs={"pk": application.pk})
    except NoReverseMatch:
        return ""


@login_required
@require_GET
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_visible(user=request.user, pk=pk)
    return render(request, "applications/detail.html", _detail_context(request, application))


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    application = selectors.application_get_visible(user=request.user, pk=pk)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("没有这个操作")
    if not permissions.can_handle(request.user, application) and not (
        permissions.can_approve_extension(request.user, application)
        or permissions.can_change_outcome(request.user, application)
    ):
        return forbidden(request, "您无权办理该申请")
    form = spec.make_form(application, request.POST)
    if form.is_valid():
        try:
            spec.run(request.user, application, form.cleaned_data)
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except versioning.StaleEdit as exc:  # issue 13: the form carries the current version
            versioning.carry_version(form, "version", exc.token)
            form.add_error(None, exc.message)
        except ApplicationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, f"{application.number}：{spec.success}")
            if request.POST.get("next") == "inbox":
                return redirect("applications:inbox")
            return redirect("applications:detail", pk=application.pk)
    application.refresh_from_db()
    messages.error(request, f"“{spec.label}”未能保存，请按提示修改后重新提交。")
    context = _detail_context(request, application, bound={spec.key: form})
    return render(request, "applications/detail.html", context, status=400)
