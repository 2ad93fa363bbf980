"""For the agency's staff (login): what the applicant sent online with an application — the ID
proof, the purpose, the 补正 — opened from the application's page on the workbench."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.web.applications import selectors as app_selectors
from gongkai.web.common.files import stored_file_response
from gongkai.web.portal.models import CorrectionUpload, OnlineRequest, ZeroResultSearch

TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".png": "image/png"}


def _online(request: HttpRequest, pk: int) -> OnlineRequest:
    application = app_selectors.application_get_visible(user=request.user, pk=pk)
    online = OnlineRequest.objects.filter(application=application).first()
    if online is None:
        raise Http404("该申请不是网上提交的")
    return online


@login_required
@require_GET
def online_materials(request: HttpRequest, pk: int) -> HttpResponse:
    online = _online(request, pk)
    return render(
        request,
        "portal/staff_online.html",
        {
            "online": online,
            "application": online.application,
            "corrections": online.corrections.all(),
        },
    )


def _send(stored: object, name: str) -> FileResponse:
    suffix = "." + str(getattr(stored, "name", "")).rsplit(".", 1)[-1].lower()
    return stored_file_response(
        stored,
        name + (suffix if suffix in TYPES else ""),
        TYPES.get(suffix, "application/octet-stream"),
        missing="文件已不在存储中",
    )


@login_required
@require_GET
def id_proof(request: HttpRequest, pk: int) -> FileResponse:
    online = _online(request, pk)
    if not online.id_proof:
        raise Http404("申请人没有上传身份证明")
    return _send(online.id_proof, f"身份证明-{online.application.number or online.pk}")


@login_required
@require_GET
def correction_file(request: HttpRequest, pk: int, correction: int) -> FileResponse:
    online = _online(request, pk)
    found = CorrectionUpload.objects.filter(online=online, pk=correction).exclude(file="").first()
    if found is None:
        raise Http404("没有该补正材料")
    return _send(found.file, f"补正材料-{found.submitted_on:%Y%m%d}")


@login_required
@require_GET
def zero_results(request: HttpRequest) -> HttpResponse:
    """The 目录 searches that found nothing, for the agencies the user belongs to or oversees:
    what the public looked for and did not find (issue 14 §3)."""
    agencies = app_selectors.agency_list_visible(user=request.user)
    rows = ZeroResultSearch.objects.filter(agency__in=agencies).select_related("agency")[:500]
    return render(request, "portal/staff_zero_results.html", {"rows": rows})
