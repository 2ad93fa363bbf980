"""The annual-report workspace (起草、审核、签发、发布), the published versions (downloads, diff)
and the import of reports published before gongkai."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from gongkai.core import wallclock
from gongkai.core.annual import MEDIA_TYPES
from gongkai.core.annual.compose import HEADINGS
from gongkai.core.annual.html_render import BASE_CSS, render_article
from gongkai.core.annual.json_render import cell_key
from gongkai.core.report import CellRef
from gongkai.core.yearend import UncountableRecord
from gongkai.web.accounts import permissions
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.orgs.selectors import agency_list_visible
from gongkai.web.reports import import_jobs, selectors, services
from gongkai.web.reports.models import PublishedReport, ReportImportJob
from gongkai.web.yearend.selectors import agency_for

FILE_LABELS = {
    "html": "网页（HTML）",
    "docx": "Word（DOCX）",
    "pdf": "PDF",
    "txt": "纯文本",
    "json": "机器可读（JSON）",
    "original": "导入的原文件",
}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _workspace_url(agency_pk: int, year: int) -> str:
    return reverse("reports:workspace", args=[agency_pk, year])


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    today = wallclock.today()
    agencies = list(agency_list_visible(user=request.user))
    drafts = {(d.agency_id, d.year): d for d in selectors.drafts_visible(user=request.user)}
    years = list(range(today.year - 1, today.year - 4, -1))
    rows = []
    for agency in agencies:
        cells = []
        for year in years:
            draft = drafts.get((agency.pk, year))
            latest = selectors.latest_published(agency, year)
            cells.append(
                {
                    "year": year,
                    "draft": draft,
                    "latest": latest,
                    "url": _workspace_url(agency.pk, year),
                }
            )
        rows.append({"agency": agency, "cells": cells})
    return render(request, "reports/index.html", {"rows": rows, "years": years})


@require_GET
def stylesheet(request: HttpRequest) -> HttpResponse:
    """The report's own stylesheet (the page's CSP forbids inline styles)."""
    return HttpResponse(BASE_CSS, content_type="text/css; charset=utf-8")


def _cell_choices(report: Any) -> list[tuple[str, str]]:
    out = []
    for table in report.format.tables:
        for _, row, column in table.cells():
            ref = CellRef(table.key, row.key, column.key)
            out.append((cell_key(ref), f"{table.name} {row.full_label} · {column.label}"))
    return out


def _version_rows(versions: list[PublishedReport]) -> list[dict[str, Any]]:
    """Each version with its files (label, hash, link) and a diff against the version before."""
    rows = []
    for index, version in enumerate(versions):
        before = versions[index + 1] if index + 1 < len(versions) else None
        rows.append(
            {
                "version": version,
                "files": [
                    {
                        "kind": f.kind,
                        "label": FILE_LABELS.get(f.kind, f.kind),
                        "sha256": f.sha256,
                        "url": reverse("reports:download", args=[version.pk, f.kind]),
                    }
                    for f in sorted(
                        version.files.all(), key=lambda f: list(FILE_LABELS).index(f.kind)
                    )
                ],
                "previous": before.version if before else None,
                "diff_url": reverse("reports:diff", args=[before.pk, version.pk])
                if before
                else None,
            }
        )
    return rows


@login_required
def workspace(request: HttpRequest, agency: int, year: int) -> HttpResponse:
    agency_obj = agency_for(user=request.user, pk=agency)
    if request.method == "POST":
        return _act(request, agency_obj, year)
    draft = selectors.draft_for(user=request.user, agency=agency_obj, year=year)
    today = wallclock.today()
    context: dict[str, Any] = {
        "agency": agency_obj,
        "year": year,
        "draft": draft,
        "deadline": selectors.deadline(agency_obj, year),
        "today": today,
        "versions": _version_rows(list(selectors.published_reports(agency_obj).filter(year=year))),
        "can_draft": permissions.can_draft_report(request.user, agency_obj),
        "can_review": permissions.can_review_report(request.user, agency_obj),
        "can_publish": permissions.can_publish_report(request.user, agency_obj),
        "file_labels": FILE_LABELS,
    }
    if draft is None:
        return render(request, "reports/workspace.html", context)
    try:
        check = selectors.check_draft(draft)
    except UncountableRecord as exc:
        context["error"] = f"登记数据无法统计：{exc}"
        return render(request, "reports/workspace.html", context, status=409)
    notes = draft.warning_notes or {}
    context.update(
        report=check.report,
        article=render_article(check.report),
        errors=check.errors,
        warnings=[
            {
                "finding": f,
                "key": selectors.finding_key(f),
                "note": notes.get(selectors.finding_key(f), ""),
            }
            for f in check.warnings
        ],
        infos=[f for f in check.findings if f.severity == "info"],
        blocking=services.blocking_reasons(check, draft),
        previous=check.previous,
        headings=[
            {
                "key": key,
                "title": title,
                "text": (draft.overview or {}).get(key, ""),
                "generated": next(h.generated_text for h in check.report.overview if h.key == key),
            }
            for key, title in HEADINGS
        ],
        footnotes=sorted((draft.footnotes or {}).items()),
        cell_choices=_cell_choices(check.report),
        editable=draft.state in services.EDITABLE,
        late_now=today > selectors.deadline(agency_obj, year),
    )
    return render(request, "reports/workspace.html", context)


def _texts(request: HttpRequest) -> dict[str, Any]:
    post = request.POST
    footnotes = {
        key.removeprefix("footnote:"): value
        for key, value in post.items()
        if key.startswith("footnote:")
    }
    new_cell, new_text = post.get("new_footnote_cell", ""), post.get("new_footnote_text", "")
    if new_cell and new_text.strip():
        footnotes[new_cell] = new_text
    return {
        "overview": {key: post.get(f"overview:{key}", "") for key, _ in HEADINGS},
        "problems": post.get("problems", ""),
        "other": post.get("other", ""),
        "footnotes": footnotes,
        "warning_notes": {
            key.removeprefix("note:"): value
            for key, value in post.items()
            if key.startswith("note:")
        },
    }


# The workflow steps that take at most one typed text: the service, the posted field that is
# also the service's keyword (None: no text), and what the page says when done.
_STEPS: dict[str, tuple[Callable[..., object], str | None, str]] = {
    "return": (services.draft_return, "reason", "已退回经办人修改"),
    "approve": (services.draft_approve, None, "已审核通过"),
    "sign": (services.draft_sign, "leader", "已登记签发"),
    "reopen": (
        services.draft_reopen,
        "correction_note",
        "已开始更正：修改后重新提交审核、签发、发布，将形成新的版本",
    ),
}


def _act(request: HttpRequest, agency: Any, year: int) -> HttpResponse:
    action = request.POST.get("action", "")
    user = request.user
    revision = _int(request.POST.get("revision"))
    try:
        if action == "open":
            services.draft_open(acting_user=user, agency=agency, year=year)
            messages.success(request, "已生成报告初稿")
            return redirect(_workspace_url(agency.pk, year))
        draft = selectors.draft_for(user=user, agency=agency, year=year)
        if draft is None:
            raise Http404("尚未起草")
        if action in ("save", "submit"):
            if revision is None:
                raise ApplicationError("表单缺少修订号，请刷新页面后重试")
            draft = services.draft_save(
                acting_user=user, draft=draft, revision=revision, **_texts(request)
            )
            if action == "submit":
                services.draft_submit(acting_user=user, draft=draft, revision=draft.revision)
                messages.success(request, "已提交审核")
            else:
                messages.success(request, "已保存，检查结果已更新")
        elif action in _STEPS:
            step, text, done = _STEPS[action]
            step(
                acting_user=user,
                draft=draft,
                **({text: request.POST.get(text, "")} if text else {}),
            )
            messages.success(request, done)
        elif action == "publish":
            try:
                day = dt.date.fromisoformat(request.POST.get("published_on", ""))
            except ValueError:
                raise ApplicationError(
                    "请填写正确的发布日期（如 2026-01-20）", field="published_on"
                ) from None
            version = services.draft_publish(
                acting_user=user, draft=draft, published_on=day, today=wallclock.today()
            )
            messages.success(request, f"已发布第{version.version}版")
        else:
            raise ApplicationError("未知的操作")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(_workspace_url(agency.pk, year))


@login_required
@require_GET
def download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    file = selectors.file_for(user=request.user, pk=pk, kind=kind)
    media = MEDIA_TYPES.get(kind, "application/octet-stream")
    response = HttpResponse(bytes(file.content), content_type=media)
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(file.name)}"
    response["X-Content-SHA256"] = file.sha256
    return response


def _text_of(version: PublishedReport) -> str:
    if version.text:
        return version.text
    report = selectors.version_report(version)
    return "\n".join(s.heading + "\n" + s.text for s in report.sections) if report else ""


@login_required
@require_GET
def diff(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    a = selectors.version_for(user=request.user, pk=pk)
    b = selectors.version_for(user=request.user, pk=other)
    if a.agency_id != b.agency_id or a.year != b.year:
        raise Http404("只能比较同一报告的不同版本")
    lines = list(
        difflib.unified_diff(
            _text_of(a).splitlines(),
            _text_of(b).splitlines(),
            f"第{a.version}版",
            f"第{b.version}版",
            lineterm="",
            n=1,
        )
    )
    rows = [
        {
            "text": line,
            "kind": "add" if line.startswith("+") else "del" if line.startswith("-") else "ctx",
        }
        for line in lines[2:]
    ]
    return render(request, "reports/diff.html", {"a": a, "b": b, "rows": rows})


REFRESH_SECONDS = 2


@login_required
def import_report(request: HttpRequest) -> HttpResponse:
    """The upload only stores the file and queues the job; the job's page shows its progress."""
    agencies = [
        a
        for a in agency_list_visible(user=request.user)
        if permissions.can_publish_report(request.user, a)
    ]
    import_jobs.jobs_recover_stale()
    jobs = ReportImportJob.objects.filter(agency__in=agencies).select_related(
        "agency", "created_by", "result"
    )[:10]
    if request.method == "POST":
        agency = agency_for(user=request.user, pk=_int(request.POST.get("agency")) or 0)
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ApplicationError("请选择要导入的报告文件", field="file")
            day_text = request.POST.get("published_on", "")
            try:
                day = dt.date.fromisoformat(day_text) if day_text else None
            except ValueError:
                raise ApplicationError(
                    "发布日期格式应为 2024-01-20", field="published_on"
                ) from None
            year_text = request.POST.get("year", "").strip()
            year = _int(year_text)
            if year_text and year is None:
                raise ApplicationError("年度应填写四位数字，如 2024", field="year")
            job = import_jobs.job_create(
                acting_user=request.user,
                agency=agency,
                data=upload.read(),
                filename=upload.name or "report",
                year=year,
                published_on=day,
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return render(
                request,
                "reports/import.html",
                {"agencies": agencies, "jobs": jobs},
                status=403 if isinstance(exc, PermissionDenied) else 400,
            )
        return redirect("reports:import_job", pk=job.pk)
    return render(request, "reports/import.html", {"agencies": agencies, "jobs": jobs})


@login_required
@require_GET
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """One report import's stage and result; refreshes itself (no JavaScript) until it ends."""
    import_jobs.jobs_recover_stale()
    job = (
        ReportImportJob.objects.filter(pk=pk)
        .select_related("agency", "created_by", "result")
        .first()
    )
    if job is None or not permissions.can_publish_report(request.user, job.agency):
        raise Http404
    response = render(
        request,
        "reports/import_job.html",
        {
            "job": job,
            "agency": job.agency,
            "findings": job.result.findings if job.result else [],
        },
    )
    if not job.finished:
        response["Refresh"] = str(REFRESH_SECONDS)  # browsers reload; no JavaScript needed
    return response
