"""People administration for the 系统管理员."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.web.accounts import permissions, services
from gongkai.web.accounts.forms import MemberForm, RemoveForm
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.orgs.selectors import agency_list_visible


def _managed_agencies(request: AuthenticatedHttpRequest) -> list:  # type: ignore[type-arg]
    return [
        a
        for a in agency_list_visible(user=request.user)
        if permissions.can_manage_members(request.user, a)
    ]


@login_required
def members(request: AuthenticatedHttpRequest) -> HttpResponse:
    agencies = _managed_agencies(request)
    if not agencies:
        raise DjangoPermissionDenied("只有系统管理员可以管理工作人员")
    form = MemberForm(request.POST or None, agencies=[(a.pk, a.name) for a in agencies])
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        agency = next(a for a in agencies if a.pk == d["agency"])
        try:
            services.member_add(
                acting_user=request.user,
                agency=agency,
                role=Role(d["role"]),
                username=d["username"],
                full_name=d["full_name"],
                password=d["password"],
            )
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request, f"已添加 {d['username']}（{Role(d['role']).label}，{agency.name}）"
            )
            return redirect("accounts:members")
    rows = (
        Membership.objects.filter(agency__in=agencies)
        .select_related("user", "agency")
        .order_by("agency__kind", "agency__name", "role", "user__username")
    )
    return render(
        request,
        "accounts/members.html",
        {
            "form": form,
            "rows": [(m, Role(m.role).label) for m in rows],
            "remove_form": RemoveForm(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agencies = _managed_agencies(request)
    membership = (
        Membership.objects.filter(pk=pk, agency__in=agencies)
        .select_related("user", "agency")
        .first()
    )
    if membership is None:
        raise Http404("没有找到该角色，或您无权管理")
    form = RemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请写明移除角色的原因")
        return redirect("accounts:members")
    try:
        services.member_remove(
            acting_user=request.user, membership=membership, reason=form.cleaned_data["reason"]
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已移除该角色")
    return redirect("accounts:members")
