"""People administration for the 系统管理员."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from gongkai.web.accounts import account_services, permissions, services
from gongkai.web.accounts.forms import (
    AccountActiveForm,
    MemberForm,
    RemoveForm,
    ResetPasswordForm,
)
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.models import AuditRecord
from gongkai.web.common.refusals import add_refusal, refusal_as_message
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
                confirm_office=d["confirm_office"],
            )
        except ApplicationError as exc:
            add_refusal(form, exc)
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
    posted = _posted(request, RemoveForm, "请写明移除角色的原因")
    if posted is not None:
        with refusal_as_message(request):
            services.member_remove(
                acting_user=request.user, membership=membership, reason=posted["reason"]
            )
            messages.success(request, "已移除该角色")
    return redirect("accounts:members")


def _posted(
    request: AuthenticatedHttpRequest, form_class: type[forms.Form], missing: str
) -> dict[str, Any] | None:
    """The posted form's cleaned data; ``None`` when it is incomplete, after saying ``missing``
    (what to fill in) on the members page the action redirects to."""
    form = form_class(request.POST)
    if form.is_valid():
        return form.cleaned_data
    messages.error(request, missing)
    return None


def _managed_user(request: AuthenticatedHttpRequest, pk: int) -> Any:
    agencies = _managed_agencies(request)
    membership = Membership.objects.filter(user_id=pk, agency__in=agencies).first()
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None or (membership is None and not _roleless_managed(request, user)):
        raise Http404("没有找到该账户，或您无权管理")
    return user


def _roleless_managed(request: AuthenticatedHttpRequest, user: Any) -> bool:
    """An account whose last role was removed stays manageable by whoever removed it."""
    return AuditRecord.objects.filter(
        entity="user", entity_id=str(user.pk), actor=request.user
    ).exists()


@login_required
@require_POST
def set_active(request: AuthenticatedHttpRequest, pk: int, active: int) -> HttpResponse:
    user = _managed_user(request, pk)
    posted = _posted(request, AccountActiveForm, "请写明停用或启用账户的原因")
    if posted is not None:
        with refusal_as_message(request):
            account_services.account_set_active(
                acting_user=request.user, user=user, active=bool(active), reason=posted["reason"]
            )
            messages.success(request, f"已{'启用' if active else '停用'}账户 {user.get_username()}")
    return redirect("accounts:members")


@login_required
@require_POST
def reset_password(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    posted = _posted(request, ResetPasswordForm, "请填写临时密码")
    if posted is not None:
        with refusal_as_message(request, prefix="密码未重置："):
            account_services.account_reset_password(
                acting_user=request.user, user=user, password=posted["password"]
            )
            messages.success(
                request, f"已重置 {user.get_username()} 的密码，其下次登录时须修改密码"
            )
    return redirect("accounts:members")


class ForcedPasswordChangeView(PasswordChangeView):
    """Change one's password; after an administrator's reset this is where every page leads."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        account_services.password_changed(self.request.user)
        messages.success(self.request, "密码已修改")
        return response
