"""Writes on people: the 系统管理员 adds staff to agencies in a role, or removes a role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text

if TYPE_CHECKING:
    from gongkai.web.orgs.models import Agency


def _require_admin_of(user: Any, agency: Agency) -> None:
    if not permissions.can_manage_members(user, agency):
        raise PermissionDenied("只有本级政府的系统管理员可以管理工作人员")


@transaction.atomic
def member_add(
    *,
    acting_user: User,
    agency: Agency,
    role: Role,
    username: str,
    full_name: str = "",
    password: str = "",
    confirm_office: bool = False,
) -> Membership:
    """Give a person a role in an agency; a new username creates the account (the password is
    checked by Django's validators and stored hashed). Granting 公开办 — which reads every
    agency of the government — to someone who works in a department must be confirmed."""
    _require_admin_of(acting_user, agency)
    username = username.strip()
    if not username:
        raise ApplicationError("请填写用户名", field="username")
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        if not password:
            raise ApplicationError("新用户需要设置初始密码", field="password")
        try:
            # With the would-be user, so a password like the username or name is refused too.
            validate_password(
                password, user=get_user_model()(username=username, first_name=full_name.strip())
            )
        except ValidationError as exc:
            raise ApplicationError("；".join(exc.messages), field="password") from None
        user = users.create_user(username=username, password=password, first_name=full_name.strip())
    if Membership.objects.filter(user=user, agency=agency, role=role.value).exists():
        raise ApplicationError(f"{username} 已是{agency.name}的{role.label}")
    departments = [
        m.agency.name
        for m in Membership.objects.filter(user=user).select_related("agency")
        # A government is its own government (orgs.models.Agency.government).
        if m.agency.government_id != m.agency_id
    ]
    if role is Role.OFFICE and departments and not confirm_office:
        raise ApplicationError(
            f"{username} 是{'、'.join(departments)}的工作人员。授予公开办角色后，"
            f"其可查看{agency.name}所有部门的申请；请勾选确认后再提交",
            field="confirm_office",
        )
    had_roles = Membership.objects.filter(user=user).exists()
    membership = Membership.objects.create(user=user, agency=agency, role=role.value)
    changes = {"user": username, "agency": agency.name, "role": role.label}
    if role is Role.OFFICE and departments:
        changes["confirmed"] = f"已确认向部门工作人员（{'、'.join(departments)}）授予公开办角色"
    audit_record(
        entity="membership",
        entity_id=membership.pk,
        action=AuditAction.MEMBER_ADD,
        actor=acting_user,
        changes=changes,
    )
    if not had_roles and not user.is_active:
        user.is_active = True  # access ended with the last role; a role given back restores it
        user.save(update_fields=["is_active"])
    return membership


@transaction.atomic
def member_remove(*, acting_user: User, membership: Membership, reason: str) -> None:
    """Take a role away (the account and its history stay)."""
    _require_admin_of(acting_user, membership.agency)
    reason = required_text(reason, "请写明移除角色的原因", field="reason")
    if membership.user_id == acting_user.pk and membership.role == Role.ADMIN.value:
        raise ApplicationError("不能移除自己的系统管理员角色")
    audit_record(
        entity="membership",
        entity_id=membership.pk,
        action=AuditAction.MEMBER_REMOVE,
        actor=acting_user,
        reason=reason,
        changes={
            "user": membership.user.get_username(),
            "agency": membership.agency.name,
            "role": Role(membership.role).label,
        },
    )
    user = membership.user
    membership.delete()
    from gongkai.web.accounts.account_services import end_access_without_roles

    end_access_without_roles(acting_user=acting_user, user=user)


@transaction.atomic
def calendar_admin_grant(*, acting_user: Any, user: Any) -> None:
    """Make ``user`` an installation-wide administrator of the working calendar; only a
    superuser may (``acting_user=None`` is the installation's own set-up, e.g. the demo)."""
    from django.contrib.auth.models import Permission

    if acting_user is not None and not acting_user.is_superuser:
        raise PermissionDenied("只有超级用户可以授予工作日历管理权限")
    app_label, codename = permissions.CALENDAR_PERMISSION.split(".")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    audit_record(
        entity="user",
        entity_id=user.pk,
        action=AuditAction.CALENDAR_ADMIN_GRANT,
        actor=acting_user,
        changes={"permission": permissions.CALENDAR_PERMISSION},
    )
