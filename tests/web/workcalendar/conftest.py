"""The calendar tests act as an installation-wide administrator: the fixture district's 系统管理员
is granted the calendar permission (issue 13, item 2: a government's admin alone may not edit)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def calendar_admin(request: pytest.FixtureRequest) -> None:
    if "district" not in request.fixturenames:
        return
    from gongkai.web.accounts.services import calendar_admin_grant

    district = request.getfixturevalue("district")
    calendar_admin_grant(acting_user=None, user=district.admin)
