"""Pages of the review and litigation register."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from gongkai.core import wallclock
from gongkai.web.accounts import permissions
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.listing import paged
from gongkai.web.common.params import parse_int, parse_year
from gongkai.web.common.record_page import RecordPage
from gongkai.web.common.refusals import add_refusal
from gongkai.web.common.versioning import version_token
from gongkai.web.common.views import forbidden
from gongkai.web.litigation import forms, selectors, services
from gongkai.web.litigation.models import CASE_KIND_CHOICES
from gongkai.web.litigation.versions import result_values
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.selectors import agency_list_registrable, agency_list_visible

PAGE_SIZE = 50


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    filters = selectors.CaseFilters(
        agency=parse_int(request.GET.get("agency")),
        year=parse_year(request.GET.get("year")),
        kind=request.GET.get("kind", ""),
        pending=request.GET.get("pending") == "1",
    )
    cases = selectors.case_list_visible(user=request.user, filters=filters)
    page, query = paged(request, cases, PAGE_SIZE)
    today = wallclock.today()
    return render(
        request,
        "litigation/index.html",
        {
            "page": page,
            "query": query,
            "filters": filters,
            "agencies": [(a.pk, a.name) for a in agency_list_visible(user=request.user)],
            "years": list(range(today.year, 2018, -1)),
            "kinds": CASE_KIND_CHOICES,
            "can_register": bool(permissions.acting_agency_ids(request.user)),
        },
    )


@login_required
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    agencies = [(a.pk, a.name) for a in agency_list_registrable(user=request.user)]
    if not agencies:
        return forbidden(request, "您没有可以登记的机构")
    initial: dict[str, Any] = {}
    app_pk = parse_int(request.GET.get("application"))
    if app_pk and (application := selectors.application_get(user=request.user, pk=app_pk)):
        initial = {"application_number": application.number, "agency": application.agency_id}
        if application.agency.review_body:
            initial["body"] = application.agency.review_body
    form = forms.CaseForm(
        request.POST if request.method == "POST" else None, agencies=agencies, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        application = selectors.application_find(user=request.user, number=d["application_number"])
        if application is None:
            form.add_error(
                "application_number", f"没有找到受理编号为“{d['application_number']}”的申请"
            )
        else:
            try:
                case = services.case_register(
                    acting_user=request.user,
                    agency=Agency.objects.get(pk=d["agency"]),
                    application=application,
                    kind=d["kind"],
                    filed_on=d["filed_on"],
                    body=d["body"],
                    number=d["number"],
                    review_body_codefendant=d["review_body_codefendant"],
                    note=d["note"],
                    result=d["result"],
                    decided_on=d["decided_on"],
                )
            except PermissionDenied as exc:
                return forbidden(request, exc.message)
            except ApplicationError as exc:
                add_refusal(form, exc)
            else:
                messages.success(request, f"已登记{case.kind_label}案件")
                return redirect("litigation:case", pk=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "litigation/form.html", {"form": form}, status=status)


def _context(
    request: AuthenticatedHttpRequest, case: Any, action: Form | None, version: str | None
) -> dict[str, Any]:
    return {
        "case": case,
        "can_write": permissions.can_register_for(request.user, case.agency),
        "can_view_application": permissions.can_view_application(request.user, case.application),
        "action_form": action or forms.ResultForm(),
        "action_version": version or version_token(result_values(case)),
        "action_open": not case.result,
        "audit": selectors.case_audit(case=case),
    }


PAGE = RecordPage("litigation/case.html", "litigation:case", "litigation:void", _context)


@login_required
@require_GET
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return PAGE.show(request, selectors.case_get_visible(user=request.user, pk=pk))


@login_required
@require_POST
def result(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get_visible(user=request.user, pk=pk)
    return PAGE.correct(
        request,
        case,
        forms.ResultForm(request.POST),
        lambda data, version: services.case_record_result(
            acting_user=request.user, case=case, version=version, **data
        ),
        saved="已登记审结结果",
    )


@login_required
@require_POST
def void(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get_visible(user=request.user, pk=pk)
    return PAGE.void(
        request,
        case,
        lambda reason: services.case_void(acting_user=request.user, case=case, reason=reason),
        saved="已作废，该案件不再计入统计",
    )
