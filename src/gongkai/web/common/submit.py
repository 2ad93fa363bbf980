"""What a register's page does with a submitted form (the 目录 and the review and litigation
register share it): run the service on the form's data and answer — back to the record with a
message when it saved, the Chinese 403 page when refused, or the form again with the service's
error beside the field it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.refusals import add_refusal
from gongkai.web.common.views import forbidden


def submit(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], object],
    *,
    saved: str,
    then: str,
    again: Callable[[str | None], HttpResponse],
    version: str | None = None,
) -> HttpResponse:
    """Validate ``form`` and ``save`` its cleaned data: on success say ``saved`` and go to
    ``then`` (a URL); refused, the 403 page; otherwise ``again`` shows the form with its errors,
    given the version token to show it with — after someone else's change the current one
    (what the user typed stays, so saving again is a knowing choice), else ``version``."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except PermissionDenied as exc:
            return forbidden(request, exc.message)
        except versioning.StaleEdit as exc:
            form.add_error(None, exc.message)
            return again(exc.token)
        except ApplicationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, saved)
            return redirect(then)
    return again(version)
