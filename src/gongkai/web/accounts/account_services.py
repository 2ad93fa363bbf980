"""Writes on accounts by the 系统管理员: disable and enable, reset a password (its owner must
change it at the next login), and the end of access when a user's last role goes. Audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import AccountState, Membership
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text


def require_manager_of(acting_user: Any, user: Any) -> None:
    """The 系统管理员 of a government manages the accounts of its agencies' people."""
    agencies = [m.agency for m in Membership.objects.filter(user=user).select_related("agency")]
    if getattr(acting_user, "is_superuser", False):
        return
    if not agencies or not all(permissions.can_manage_members(acting_user, a) for a in agencies):
        raise PermissionDenied("只有该工作人员所在政府的系统管理员可以管理其账户")


def _audit(
    acting_user: Any, user: Any, action: AuditAction, reason: str = "", **changes: Any
) -> None:
    audit_record(
        entity="user",
        entity_id=user.pk,
        action=action,
        actor=acting_user,
        reason=reason,
        changes={"user": user.get_username(), **changes},
    )


@transaction.atomic
def account_set_active(*, acting_user: Any, user: Any, active: bool, reason: str) -> Any:
    """Disable (sessions end at the next request: Django refuses inactive users) or enable."""
    require_manager_of(acting_user, user)
    reason = required_text(reason, "请写明停用或启用账户的原因", field="reason")
    if user.pk == acting_user.pk and not active:
        raise ApplicationError("不能停用自己的账户")
    user.is_active = active
    user.save(update_fields=["is_active"])
    _audit(
        acting_user,
        user,
        AuditAction.ACCOUNT_ENABLE if active else AuditAction.ACCOUNT_DISABLE,
        reason,
        active=active,
    )
    return user


@transaction.atomic
def account_reset_password(*, acting_user: Any, user: Any, password: str) -> Any:
    """Set a temporary password; its owner must choose a new one at the next login."""
    require_manager_of(acting_user, user)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ApplicationError("；".join(exc.messages), field="password") from None
    user.set_password(password)
    user.save(update_fields=["password"])
    AccountState.objects.update_or_create(user=user, defaults={"must_change_password": True})
    _audit(acting_user, user, AuditAction.PASSWORD_RESET, must_change_password=True)
    return user


def password_changed(user: Any) -> None:
    """The owner chose a new password: the forced change is done."""
    AccountState.objects.filter(user=user).update(must_change_password=False)


def must_change_password(user: Any) -> bool:
    return AccountState.objects.filter(user=user, must_change_password=True).exists()


def end_access_without_roles(*, acting_user: Any, user: Any) -> bool:
    """A user whose last role was removed can no longer log in (the account and its history
    stay). Returns True when access ended."""
    if Membership.objects.filter(user=user).exists() or not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    _audit(
        acting_user,
        user,
        AuditAction.ACCOUNT_DISABLE,
        "最后一个角色已移除，访问权限随之终止",
        active=False,
    )
    return True
