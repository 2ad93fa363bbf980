"""Fixtures of the account tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def add_member(district: Any) -> Callable[..., Any]:
    """Give ``username`` a role (case officer unless ``role`` says) at ``agency``, as the
    government's 系统管理员 unless ``by`` says; ``password``, ``full_name`` and
    ``confirm_office`` may follow."""
    from gongkai.web.accounts.roles import Role
    from gongkai.web.accounts.services import member_add

    def add(agency: Any, username: str, *, role: Any = Role.OFFICER, by: Any = None, **more: Any):
        return member_add(
            acting_user=by or district.admin, agency=agency, role=role, username=username, **more
        )

    return add
