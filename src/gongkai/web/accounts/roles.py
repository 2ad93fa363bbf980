"""The four roles of an installation (declared in :mod:`gongkai.core.vocabulary`)."""

from __future__ import annotations

from gongkai.core.vocabulary import Role, choices

__all__ = ["ROLE_CHOICES", "Role"]

ROLE_CHOICES = choices(Role)
