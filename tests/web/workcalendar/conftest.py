"""The calendar tests act as an installation-wide administrator: the fixture district's 系统管理员
is granted the calendar permission (issue 13, item 2: a government's admin alone may not edit)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def calendar_admin(request: pytest.FixtureRequest) -> None:
    if "district" not in request.fixturenames:
        return
    from gongkai.web.accounts.services import calendar_admin_grant

    district = request.getfixturevalue("district")
    calendar_admin_grant(acting_user=None, user=district.admin)


@pytest.fixture
def arrangement_2025() -> dict[str, str]:
    """The calendar form for 2025 as it stands (notice, holidays, workdays)."""
    from gongkai.web.workcalendar.services import arrangement_text
    from gongkai.web.workcalendar.snapshots import work_calendar

    arrangement = work_calendar().arrangements[2025]
    holidays, workdays = arrangement_text(arrangement)
    return {"notice": arrangement.notice, "holidays": holidays, "workdays": workdays}


@pytest.fixture
def extra_holiday_form(arrangement_2025: dict[str, str]) -> dict[str, str]:
    """The calendar form for 2025 with one more holiday on Friday 14 March."""
    return arrangement_2025 | {"holidays": arrangement_2025["holidays"] + "\n临时假日 2025-03-14"}


@pytest.fixture
def unpublished_item(district: Any) -> Any:
    """A 目录 item of department A formed on 3 March 2025 and not yet published (due 31 March)."""
    import proactive_records

    return proactive_records.register_item(
        district,
        proactive_records.category(district),
        published_on=None,
        today=dt.date(2025, 3, 4),
    )
