"""The audit-trail page and its CSV export (read only: there is no view that changes a record)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.core import wallclock
from gongkai.web.common.csvstream import csv_download
from gongkai.web.common.forms import DATE, ChineseErrorsMixin
from gongkai.web.common.listing import paged
from gongkai.web.orgs.auditlog import (
    ENTITY_LABELS,
    AuditFilters,
    audit_filtered,
    can_read_audit,
)

PAGE_SIZE = 100


class AuditFilterForm(ChineseErrorsMixin, forms.Form):
    entity = forms.ChoiceField(
        label="对象类型", required=False, choices=[("", "全部"), *ENTITY_LABELS.items()]
    )
    action = forms.CharField(label="操作", required=False, max_length=60)
    actor = forms.CharField(label="操作人", required=False, max_length=150)
    since = forms.DateField(label="日期自", required=False, widget=DATE)
    until = forms.DateField(label="至", required=False, widget=DATE)


def _filters(request: HttpRequest) -> tuple[AuditFilterForm, AuditFilters]:
    if not can_read_audit(request.user):
        raise DjangoPermissionDenied("只有系统管理员和公开办可以查看审计记录")
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, AuditFilters(**form.cleaned_data)
    return form, AuditFilters()  # a malformed filter shows its error and everything


def _actor(record: Any) -> str:
    if record.actor is None:
        return ""
    return str(record.actor.get_full_name() or record.actor.username)


@login_required
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    records = audit_filtered(user=request.user, filters=filters)
    page, query = paged(request, records, PAGE_SIZE)
    return render(
        request,
        "accounts/audit.html",
        {
            "form": form,
            "page": page,
            "entities": ENTITY_LABELS,
            "query": query,
        },
    )


@login_required
@require_GET
def audit_csv(request: HttpRequest) -> StreamingHttpResponse:
    _form, filters = _filters(request)
    records = audit_filtered(user=request.user, filters=filters)
    header = ["时间", "操作人", "操作", "对象类型", "对象编号", "受理编号", "变更内容", "原因"]
    rows = (
        [
            timezone.localtime(r.at).strftime("%Y-%m-%d %H:%M:%S"),
            _actor(r),
            r.get_action_display(),
            ENTITY_LABELS.get(r.entity, r.entity),
            r.entity_id,
            r.application.number if r.application else "",
            json.dumps(r.changes, ensure_ascii=False),
            r.reason,
        ]
        for r in records.iterator(chunk_size=2000)
    )
    stamp = wallclock.now().strftime("%Y%m%d-%H%M")
    return csv_download(f"audit-{stamp}.csv", header, rows)
