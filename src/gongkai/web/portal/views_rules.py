"""The agency edits its 政府信息公开制度 page (login); the 专栏 shows the newest version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.core import wallclock
from gongkai.web.accounts import permissions
from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.views import forbidden
from gongkai.web.orgs.selectors import agency_get_visible
from gongkai.web.portal import rules


@login_required
def rules_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = agency_get_visible(user=request.user, pk=pk)
    if not permissions.can_edit_agency_settings(request.user, agency):
        return forbidden(request, "您无权修改该机关的政府信息公开制度页面")
    body = rules.current_body(agency=agency)
    token = rules.token_for(agency=agency)
    error = ""
    if request.method == "POST":
        body = request.POST.get("body", "")
        version = request.POST.get(versioning.FIELD) or ""
        try:
            page = rules.rules_page_publish(
                acting_user=request.user,  # type: ignore[arg-type]
                agency=agency,
                body=body,
                version=version,
                now=wallclock.now(),
            )
        except versioning.StaleEdit as exc:
            error, token = exc.message, exc.token
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except ApplicationError as exc:
            error, token = exc.message, version
        else:
            messages.success(request, f"政府信息公开制度页面已发布（第{page.number}版）")
            return redirect("portal:staff_rules", pk=agency.pk)
    return render(
        request,
        "portal/staff_rules.html",
        {
            "agency": agency,
            "body": body,
            "error": error,
            "version": token,
            "version_field": versioning.FIELD,
            "history": rules.history(agency=agency),
        },
        status=400 if error else 200,
    )
