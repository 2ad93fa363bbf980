"""Logins, failed logins, logouts and password changes in the audit trail (issue 13, item 7).

Throttling and lockout are django-axes' (settings ``AXES_*``); this module only records. A failed
login names the username tried (never the password) and the address it came from.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.audit import audit_record

USERNAME_SHOWN = 150


def _address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def _record(action: AuditAction, user: Any, request: HttpRequest | None) -> None:
    if user is not None:
        audit_record(
            action=action,
            actor=user,
            entity="user",
            entity_id=user.pk,
            changes={"address": _address(request)},
        )


@receiver(user_logged_in, dispatch_uid="gongkai-audit-login")
def _logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    _record(AuditAction.LOGIN, user, request)


@receiver(user_logged_out, dispatch_uid="gongkai-audit-logout")
def _logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    _record(AuditAction.LOGOUT, user, request)


@receiver(user_login_failed, dispatch_uid="gongkai-audit-login-failed")
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:USERNAME_SHOWN]
    known = get_user_model().objects.filter(username=username).first()
    audit_record(
        action=AuditAction.LOGIN_FAILED,
        actor=None,
        entity="user",
        entity_id=known.pk if known else "",
        changes={"username": username, "address": _address(request)},
    )


def password_changed(*, user: Any, request: HttpRequest) -> None:
    _record(AuditAction.PASSWORD_CHANGE, user, request)


def locked_out(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """The page django-axes shows a locked-out login (``AXES_LOCKOUT_CALLABLE``), in Chinese."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
