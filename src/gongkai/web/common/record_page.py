"""A register's record page (a 目录 item, a review or litigation case): the record's facts, the
one form that corrects it — sent with the version token that refuses a lost update —, its 作废
card and its audit trail, on the template ``common/record_page.html``.

Each page gives its template (which extends that one), its URL name and its 作废 URL name, and
its context: a function of the request, the record, and the correcting form and
version token a refused submission left (None: a fresh form, the record's current token). The
context names ``action_form``, ``action_version``, ``action_open`` (the correcting form shown
open), ``can_write`` and ``audit`` for the shared template; the page adds ``record``, the
作废 form ``void_form`` and its ``void_url``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from gongkai.web.common import versioning
from gongkai.web.common.forms import VoidForm
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.submit import submit

type PageContext = Callable[
    [AuthenticatedHttpRequest, Any, forms.Form | None, str | None], dict[str, Any]
]


@dataclass(frozen=True)
class RecordPage:
    template: str
    url: str  # the page's URL name, reversed with the record's pk
    void_url: str  # the URL name the 作废 form (common.forms.VoidForm) posts to
    context: PageContext

    def show(
        self,
        request: AuthenticatedHttpRequest,
        record: Any,
        *,
        status: int = 200,
        action: forms.Form | None = None,
        version: str | None = None,
        void: forms.Form | None = None,
    ) -> HttpResponse:
        context = {
            "record": record,
            "version_field": versioning.FIELD,
            "void_form": void or VoidForm(),
            "void_url": reverse(self.void_url, args=[record.pk]),
            **self.context(request, record, action, version),
        }
        return render(request, self.template, context, status=status)

    def again(self, request: AuthenticatedHttpRequest, record: Any, **bound: Any) -> HttpResponse:
        """The page again, as the record now stands, with the refused form (400)."""
        record.refresh_from_db()
        return self.show(request, record, status=400, **bound)

    def correct(
        self,
        request: AuthenticatedHttpRequest,
        record: Any,
        form: forms.Form,
        save: Callable[[dict[str, Any], str | None], object],
        *,
        saved: str,
    ) -> HttpResponse:
        """The correcting form posted: ``save`` is given its data and the version token it was
        made with; see :func:`~gongkai.web.common.submit.submit` for the answer."""
        version = request.POST.get(versioning.FIELD)
        return submit(
            request,
            form,
            lambda data: save(data, version),
            saved=saved,
            then=reverse(self.url, args=[record.pk]),
            again=lambda token: self.again(request, record, action=form, version=token),
            version=version,
        )

    def void(
        self,
        request: AuthenticatedHttpRequest,
        record: Any,
        void: Callable[[str], object],
        *,
        saved: str,
    ) -> HttpResponse:
        """The 作废 form posted: ``void`` is given the reason."""
        form = VoidForm(request.POST)
        return submit(
            request,
            form,
            lambda data: void(data["reason"]),
            saved=saved,
            then=reverse(self.url, args=[record.pk]),
            again=lambda _: self.again(request, record, void=form),
        )
