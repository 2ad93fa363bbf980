"""What every request and response of the workbench goes through."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every page and download the application produces: they carry
    applicants' personal data, which no browser cache or proxy may keep (issue 13, item 7).
    Static files are served before this (WhiteNoise) and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response


NUL_REFUSED = "请求参数中含有无效的空字符，请检查链接或输入的内容"


class RefuseNulCharactersMiddleware:
    """A NUL character in a query parameter is refused with 400 before any view runs: PostgreSQL
    cannot store or compare text containing it, so a search for it would end in a server error
    (issue 13, item 6: junk parameters give 400 or are ignored, never 500). Form fields already
    refuse it (Django's ``ProhibitNullCharactersValidator``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return render(request, "400.html", {"exception": NUL_REFUSED}, status=400)
        return self.get_response(request)
