"""A register's record page (a 目录 item, a review or litigation case): the record's facts, the
one form that corrects it — sent with the version token that refuses a lost update —, its 作废
card and its audit trail, on the template ``common/record_page.html``.

Each page gives its template (which extends that one) and its context, a function of the
request, the record and the forms a refused submission left bound (``action``, the correcting
form; ``version``, the token to show it with; ``void``, the 作废 form). The context names
``action_form``, ``action_version``, ``action_open`` (the correcting form shown open),
``void_form``, ``void_url``, ``can_write`` and ``audit`` for the shared template; the record
itself is given as ``record``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from gongkai.web.common import versioning
from gongkai.web.common.http import AuthenticatedHttpRequest
from gongkai.web.common.submit import submit


@dataclass(frozen=True)
class RecordPage:
    template: str
    url: str  # the page's URL name, reversed with the record's pk
    context: Callable[..., dict[str, Any]]  # (request, record, **bound) -> the page's context

    def show(
        self, request: AuthenticatedHttpRequest, record: Any, *, status: int = 200, **bound: Any
    ) -> HttpResponse:
        context = {
            "record": record,
            "version_field": versioning.FIELD,
            **self.context(request, record, **bound),
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
        form: forms.Form,
        void: Callable[[str], object],
        *,
        saved: str,
    ) -> HttpResponse:
        """The 作废 form posted: ``void`` is given the reason."""
        return submit(
            request,
            form,
            lambda data: void(data["reason"]),
            saved=saved,
            then=reverse(self.url, args=[record.pk]),
            again=lambda _: self.again(request, record, void=form),
        )
