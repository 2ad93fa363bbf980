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
