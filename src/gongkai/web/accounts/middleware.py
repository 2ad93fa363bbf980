"""After an administrator reset a password, its owner changes it before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from gongkai.web.accounts.account_services import must_change_password


class ForcePasswordChangeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            allowed = {reverse("accounts:password_change"), reverse("logout")}
            if request.path not in allowed and must_change_password(user):
                return redirect("accounts:password_change")
        return self.get_response(request)
