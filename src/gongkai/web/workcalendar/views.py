"""Calendar administration for the 系统管理员 (issue 4 §5)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from gongkai.core.calendar import FIRST_YEAR, LAST_YEAR, YearArrangement
from gongkai.web.accounts import permissions
from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.refusals import add_refusal
from gongkai.web.common.versioning import version_token
from gongkai.web.workcalendar import services
from gongkai.web.workcalendar.forms import YearForm
from gongkai.web.workcalendar.models import YearOverride
from gongkai.web.workcalendar.snapshots import work_calendar


def _require_admin(request: AuthenticatedHttpRequest) -> None:
    if not permissions.can_admin_calendar(request.user):
        raise DjangoPermissionDenied(permissions.CALENDAR_REFUSED)


def _require_reader(request: AuthenticatedHttpRequest) -> None:
    if not permissions.can_view_calendar(request.user):
        raise DjangoPermissionDenied("只有系统管理员和公开办可以查看工作日历")


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_reader(request)
    edited = {row.year: row for row in YearOverride.objects.select_related("updated_by")}
    rows = [(c, edited.get(c.year)) for c in work_calendar().coverage()]
    return render(request, "workcalendar/index.html", {"rows": rows})


@login_required
def year(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """GET shows the arrangement (公开办 too, read-only); a first POST checks it against the law
    and shows which open due dates would move; only the confirmed POST saves."""
    _require_reader(request)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404(f"工作日历只覆盖{FIRST_YEAR}年至{LAST_YEAR}年")
    arrangement = work_calendar().arrangements.get(year)
    saved = preview = None
    version = request.POST.get(versioning.FIELD) or version_token(services.year_values(year))
    if request.method == "POST":
        _require_admin(request)
        form = YearForm(request.POST)
        if form.is_valid():
            try:
                if request.POST.get("confirm") == "1":
                    saved = services.calendar_year_save(
                        acting_user=request.user, year=year, version=version, **form.cleaned_data
                    )
                else:
                    preview = services.calendar_year_preview(
                        acting_user=request.user, year=year, version=version, **form.cleaned_data
                    )
            except versioning.StaleEdit as exc:
                form.add_error(None, exc.message)
                version = exc.token
            except ApplicationError as exc:
                add_refusal(form, exc)
            else:
                if saved is None:
                    return _year_page(
                        request, year, form, arrangement, version, preview=preview, can_edit=True
                    )
                arrangement = work_calendar().arrangements.get(year)
                version = version_token(services.year_values(year))
                messages.success(
                    request,
                    f"{year}年放假安排已保存，{len(saved.changes)}件在办申请的答复期限、"
                    f"{len(saved.item_changes)}条主动公开信息的公开期限随之变化",
                )
    else:
        form = YearForm(initial=services.year_values(year))
    can_edit = permissions.can_admin_calendar(request.user)
    return _year_page(request, year, form, arrangement, version, saved=saved, can_edit=can_edit)


def _year_page(
    request: AuthenticatedHttpRequest,
    year: int,
    form: YearForm,
    arrangement: YearArrangement | None,
    version: str,
    **shown: Any,
) -> HttpResponse:
    """The year's page: the form (400 when it has errors) and the arrangement in force, with
    ``shown``: the preview of a change, or what a saved one moved."""
    context = {
        "year": year,
        "form": form,
        "arrangement": arrangement,
        "version": version,
        "version_field": versioning.FIELD,
        **shown,
    }
    return render(request, "workcalendar/year.html", context, status=400 if form.errors else 200)
