"""The four roles of an installation (issue 4 §2)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    OFFICE = "office"
    OFFICER = "officer"
    REVIEWER = "reviewer"

    @property
    def label(self) -> str:
        return {
            Role.ADMIN: "系统管理员",
            Role.OFFICE: "公开办",
            Role.OFFICER: "经办人",
            Role.REVIEWER: "审核人",
        }[self]


ROLE_CHOICES = [(r.value, r.label) for r in Role]
