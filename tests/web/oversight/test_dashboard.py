"""The 公开办's dashboard (per agency: open, due soon, overdue, closed this year, average working
days, late rate, the year by month) and 督办 (recorded, notified, audited)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.core.wallclock import CHINA
from gongkai.web.common.models import AuditRecord
from gongkai.web.notifications.models import Notification
from gongkai.web.oversight.models import Supervision
from gongkai.web.oversight.selectors import dashboard
from gongkai.web.workcalendar.snapshots import work_calendar

D = dt.date


@pytest.fixture
def april(time_machine):
    time_machine.move_to(dt.datetime(2025, 4, 10, 10, tzinfo=CHINA), tick=False)
    return D(2025, 4, 10)


@pytest.fixture
def cases(district, register, answer, april):
    overdue = register(arrived_on=D(2025, 3, 3))  # due 2025-03-31
    answered = answer(register(arrived_on=D(2025, 3, 3)))
    late = answer(register(arrived_on=D(2025, 2, 5)), day=D(2025, 3, 7))  # due 2025-03-04
    recent = register(arrived_on=D(2025, 4, 9))
    return {"overdue": overdue, "answered": answered, "late": late, "recent": recent}


def row_of(board, agency):
    return next(r for r in board.rows if r.agency.pk == agency.pk)


def test_the_dashboard_counts_each_agency(district, cases, april):
    board = dashboard(user=district.office, today=april, calendar=work_calendar())
    a = row_of(board, district.dept_a)
    assert (a.open, a.overdue, a.closed, a.closed_late) == (2, 1, 2, 1)
    assert a.overdue_rate == 50.0
    # 2025-03-03 → 03-20 is 13 working days; 2025-02-05 → 03-07 is 23 (Saturday 2-08 was a
    # 调休 working day after the Spring Festival): average 18
    assert a.average_workdays == 18.0
    b = row_of(board, district.dept_b)
    assert (b.open, b.closed, b.average_workdays) == (0, 0, None)
    assert board.received_by_month[:4] == [0, 1, 2, 1]
    assert board.closed_by_month[:4] == [0, 0, 2, 0]
    assert district.other_gov.pk not in {r.agency.pk for r in board.rows}


def test_the_dashboard_page_is_for_the_office_only(client, district, cases, april):
    client.force_login(district.office)
    page = client.get(reverse("oversight:dashboard"))
    assert page.status_code == 200
    assert "督办看板" in page.text and "示例区教育局" in page.text
    assert "逾期办结率" in page.text and "month-chart" in page.text
    assert "邻区人民政府" not in page.text
    client.force_login(district.officer_a)
    assert client.get(reverse("oversight:dashboard")).status_code == 403


def test_supervision_is_recorded_notified_and_audited(client, district, cases, april):
    client.force_login(district.office)
    answer = client.post(
        reverse("oversight:supervise"),
        {"agency": district.dept_a.pk, "note": "1件申请已超期，请于3日内答复"},
    )
    assert answer.status_code == 302
    supervision = Supervision.objects.get()
    assert (supervision.agency, supervision.day, supervision.by) == (
        district.dept_a,
        april,
        district.office,
    )
    notified = set(Notification.objects.filter(kind="supervision").values_list("user", flat=True))
    assert notified == {district.officer_a.pk, district.reviewer_a.pk}
    assert AuditRecord.objects.filter(
        action=AuditAction.SUPERVISE, entity_id=str(district.dept_a.pk)
    ).exists()
    page = client.get(reverse("oversight:dashboard"))
    assert "1件申请已超期，请于3日内答复" in page.text


def test_a_case_officer_cannot_supervise(client, district, cases, april):
    client.force_login(district.officer_a)
    client.post(reverse("oversight:supervise"), {"agency": district.dept_a.pk, "note": "x"})
    assert not Supervision.objects.exists()


def test_the_queue_shows_working_days_left_and_sorts_by_column(client, district, cases, april):
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:queue"), {"view": "open", "sort": "-received"})
    text = page.text
    assert "剩余工作日" in text
    assert "超期7个工作日" in text  # due 2025-03-31, today 2025-04-10 (4-4 清明 off)
    assert text.index(cases["recent"].number) < text.index(cases["overdue"].number)
    page = client.get(reverse("applications:queue"), {"view": "open", "sort": "received"})
    assert page.text.index(cases["overdue"].number) < page.text.index(cases["recent"].number)
