"""Request types for the type checker."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind ``login_required``: its user is a signed-in ``User``
    (django-stubs' recipe; only the type checker sees the difference)."""

    user: User
