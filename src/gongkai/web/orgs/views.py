"""The agency directory: each agency's 工作机构 details (they feed the 指南) and its people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from gongkai.web.accounts import permissions
from gongkai.web.accounts.roles import Role
from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.versioning import version_token
from gongkai.web.common.views import forbidden
from gongkai.web.orgs.forms import OfficeForm
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.selectors import agency_get_visible, agency_list_visible
from gongkai.web.orgs.services import agency_update_office, office_values


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    agencies = agency_list_visible(user=request.user).select_related("parent")
    return render(request, "orgs/index.html", {"agencies": agencies})


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = agency_get_visible(user=request.user, pk=pk)
    members = agency.memberships.select_related("user").order_by("role", "user__username")
    return render(
        request,
        "orgs/detail.html",
        {
            "agency": agency,
            "members": [(m.user, Role(m.role).label) for m in members],
            "can_edit": permissions.can_edit_agency_settings(request.user, agency),
        },
    )


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = agency_get_visible(user=request.user, pk=pk)
    if not permissions.can_edit_agency_settings(request.user, agency):
        return forbidden(request, "您无权修改该机构的信息")
    current = Agency.objects.get(pk=agency.pk)
    form = OfficeForm(request.POST or None, instance=current)
    version = request.POST.get(versioning.FIELD) if request.method == "POST" else None
    token = version_token(office_values(current))
    if request.method == "POST" and form.is_valid():
        try:
            agency_update_office(
                acting_user=request.user,
                agency=agency,
                version=version,
                **{name: form.cleaned_data[name] for name in form.fields},
            )
        except versioning.StaleEdit as exc:
            form.add_error(None, exc.message)
            token = exc.token
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "机构信息已保存")
            return redirect("orgs:detail", pk=agency.pk)
    elif version:
        token = version  # a form with errors keeps the version it was opened with
    status = 400 if form.errors else 200
    return render(
        request,
        "orgs/edit.html",
        {"agency": agency, "form": form, "version": token, "version_field": versioning.FIELD},
        status=status,
    )
