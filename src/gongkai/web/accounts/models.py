"""Who works for which agency in which role."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.accounts.roles import ROLE_CHOICES, Role
from gongkai.web.common.models import TimestampedModel


class Membership(TimestampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        "orgs.Agency", verbose_name="机构", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = "成员"
        verbose_name_plural = "成员"
        constraints = (
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique"),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {Role(self.role).label}"


class AccountState(models.Model):
    """What the 系统管理员 decided about an account beyond its roles: a password reset by the
    administrator must be changed by its owner at the next login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="account_state",
    )
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)

    class Meta:
        verbose_name = "账户状态"
        verbose_name_plural = "账户状态"

    def __str__(self) -> str:
        return f"{self.user}"
