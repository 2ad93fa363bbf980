"""Error pages in Chinese with the navigation: 403, 404, 500 (templates ``403.html``,
``404.html``, ``500.html``) and a refused form submission (CSRF)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's security token was missing or stale (a page left open too long, cookies off,
    or the form sent from elsewhere): say so and how to go on, never Django's English page."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """A refused action as the Chinese 403 page with the navigation and the reason."""
    return render(request, "403.html", {"exception": message}, status=403)
