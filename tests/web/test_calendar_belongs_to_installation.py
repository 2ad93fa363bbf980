"""The calendar belongs to the installation (issue 13, item 2): the national working-day calendar
is shared by every government, so a government's 系统管理员 cannot move another government's
deadlines; only an installation-wide administrator edits it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.accounts.services import calendar_admin_grant
from gongkai.web.common.errors import PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.workcalendar.services import arrangement_text, calendar_year_save
from gongkai.web.workcalendar.snapshots import work_calendar


def a_holiday_more(year: int = 2025) -> dict[str, object]:
    arrangement = work_calendar().arrangements[year]
    holidays, workdays = arrangement_text(arrangement)
    return {
        "year": year,
        "notice": arrangement.notice,
        "holidays": holidays + "\n临时假日 2025-03-14 2025-03-14",
        "workdays": workdays,
    }


@pytest.fixture
def other_admin(district):
    user = get_user_model().objects.create_user(username="other_admin", password="x" * 12)
    Membership.objects.create(user=user, agency=district.other_gov, role=Role.ADMIN.value)
    return user


def test_neither_government_s_administrator_may_move_the_shared_calendar(
    client, district, other_admin, register
):
    other_request = register(acting_user=district.outsider, agency=district.other_gov)
    due = other_request.due_on
    for admin in (district.admin, other_admin):
        with pytest.raises(PermissionDenied, match="所有人民政府共用"):
            calendar_year_save(acting_user=admin, **a_holiday_more())
        client.force_login(admin)
        assert client.get(reverse("workcalendar:index")).status_code == 403
        assert client.post(reverse("workcalendar:year", args=[2025]), {}).status_code == 403
        assert "工作日历" not in client.get(reverse("applications:queue")).text
    other_request.refresh_from_db()
    assert other_request.due_on == due  # the other government's deadline did not move


def test_an_installation_administrator_edits_it_for_every_government(
    district, other_admin, register
):
    other_request = register(acting_user=district.outsider, agency=district.other_gov)
    root = get_user_model().objects.create_superuser(username="root", password="x" * 12)
    with pytest.raises(PermissionDenied):
        calendar_admin_grant(acting_user=district.admin, user=other_admin)
    calendar_admin_grant(acting_user=root, user=other_admin)
    assert AuditRecord.objects.filter(action=AuditAction.CALENDAR_ADMIN_GRANT, actor=root).exists()
    calendar_year_save(acting_user=other_admin, **a_holiday_more())
    other_request.refresh_from_db()
    assert other_request.due_on == dt.date(2025, 4, 1)  # one working day later
