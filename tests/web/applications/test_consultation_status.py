"""A request whose consultation limit (条例 第三十二条、第三十四条: 15 working days from the party's
receipt) has passed no longer shows 征求意见中: the queue, the request page and the 公开办's
dashboard say the limit passed and count the clock, which has run again since."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.wallclock import CHINA
from gongkai.web.common.errors import ApplicationError
from gongkai.web.oversight.selectors import dashboard
from gongkai.web.workcalendar.snapshots import work_calendar

D = dt.date


def consulting(steps, register):
    app = register(arrived_on=D(2025, 9, 26))
    # reply due 2025-11-06; silent → due 2025-11-26
    return steps.consult(app, D(2025, 10, 13), "甲公司", delivered_on=D(2025, 10, 16))


@pytest.fixture
def december(time_machine):
    time_machine.move_to(dt.datetime(2025, 12, 1, 10, tzinfo=CHINA), tick=False)
    return D(2025, 12, 1)


@pytest.fixture
def october(time_machine):
    time_machine.move_to(dt.datetime(2025, 10, 20, 10, tzinfo=CHINA), tick=False)
    return D(2025, 10, 20)


def test_the_limit_is_cached_with_the_clock(register, december, steps):
    app = consulting(steps, register)
    assert app.consultation_ends_on == D(2025, 11, 6)
    assert app.due_on == D(2025, 11, 26)
    assert app.consultation_lapsed(december) and app.clock_running(december)
    assert not app.consultation_lapsed(D(2025, 11, 6))
    steps.receive_consultation(app, D(2025, 12, 1), "甲公司")
    app.refresh_from_db()
    assert app.consultation_ends_on is None


def test_queue_and_page_show_the_limit_passed_and_the_overdue_clock(
    client, district, register, december, steps
):
    app = consulting(steps, register)
    client.force_login(district.officer_a)
    overdue = client.get(reverse("applications:queue"), {"view": "overdue"}).content.decode()
    assert app.number in overdue
    assert "征求意见期限已过，恢复计算" in overdue
    assert "征求意见中</span>" not in overdue  # (the status filter still offers it)
    assert "已超期" in overdue
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert 'id="status">征求意见期限已过，恢复计算<' in page
    assert "征求意见期限已于 2025-11-06 届满" in page


def test_within_the_limit_it_still_shows_consulting(client, district, register, october, steps):
    app = consulting(steps, register)
    client.force_login(district.officer_a)
    queue = client.get(reverse("applications:queue"), {"view": "open"}).content.decode()
    assert "征求意见中</span>" in queue and "征求意见期限已过" not in queue
    overdue = client.get(reverse("applications:queue"), {"view": "overdue"}).content.decode()
    assert app.number not in overdue
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert 'id="status">征求意见中<' in page


def test_the_dashboard_counts_a_lapsed_consultation_as_overdue(district, register, december, steps):
    consulting(steps, register)
    board = dashboard(user=district.office, today=december, calendar=work_calendar())
    row = next(r for r in board.rows if r.agency.pk == district.dept_a.pk)
    assert (row.open, row.overdue) == (1, 1)


def test_the_daily_reminder_tells_of_a_lapsed_consultation_gone_overdue(register, december, steps):
    from gongkai.web.notifications.tasks import reminder_message

    app = consulting(steps, register)
    kind, message = reminder_message(app, december, D(2025, 12, 4))
    assert kind == "overdue" and "2025-11-26" in message


def test_past_the_limit_the_agency_answers_without_recording_a_reply(
    client, district, register, december, steps, answer
):
    app = consulting(steps, register)
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert 'name="an-outcome"' in page  # 作出答复 is offered
    answer(
        app,
        day=D(2025, 12, 1),
        outcome="withheld.third_party",
        legal_basis="条例第十五条、第三十六条第三项",
    )
    app.refresh_from_db()
    assert app.status == "answered" and app.closed_on == D(2025, 12, 1)


def test_within_the_limit_an_answer_waits_for_the_reply(register, october, steps, answer):
    app = consulting(steps, register)
    with pytest.raises(ApplicationError, match="征求意见期限（至2025-11-06）届满前不能作出答复"):
        answer(app, day=D(2025, 10, 20), outcome="granted", legal_basis="条例第三十六条第二项")
