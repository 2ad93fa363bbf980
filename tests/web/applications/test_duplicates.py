"""A request matching an open one warns with a link before it is registered; the same form
submitted twice registers one request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from request_steps import request_form

from gongkai.web.applications import services
from gongkai.web.applications.duplicates import similar
from gongkai.web.applications.models import Application

FORM = request_form(arrived_on="2025-03-10", subject="2024年义务教育阶段学校招生划片方案（含附件）")


@pytest.fixture
def officer(client, district):
    client.force_login(district.officer_a)
    return client


def form(district, **changes):
    return FORM | {"agency": str(district.dept_a.pk)} | changes


def test_similar_content_is_recognised():
    assert similar(
        "2024年义务教育阶段学校招生划片方案", "2024年义务教育阶段学校招生划片方案（含附件）"
    )
    assert similar("区财政2024年预算执行情况", "区财政2024年度预算执行情况报告")
    assert not similar("2024年义务教育阶段学校招生划片方案", "区财政2024年预算执行情况")


def test_a_matching_open_request_is_warned_with_a_link_and_registered_only_when_confirmed(
    officer, district, register
):
    earlier = register()  # 张三, same ID, 2025-03-03, 招生划片方案
    page = officer.post(reverse("applications:register"), form(district))
    assert page.status_code == 409
    assert "可能是重复申请" in page.text
    assert reverse("applications:detail", args=[earlier.pk]) in page.text
    assert Application.objects.count() == 1
    answer = officer.post(reverse("applications:register"), form(district, confirm_duplicate="on"))
    assert answer.status_code == 302
    assert Application.objects.count() == 2


def test_other_content_or_another_applicant_is_not_a_duplicate(officer, district, register):
    register()
    other = form(district, subject="区财政2024年预算执行情况", submission_token="a")
    assert officer.post(reverse("applications:register"), other).status_code == 302
    someone = form(district, id_number="110101199001015676", submission_token="b")
    assert officer.post(reverse("applications:register"), someone).status_code == 302


def test_a_closed_request_is_not_warned_about(officer, district, register, answer):
    answer(register(), day=dt.date(2025, 3, 5))
    assert officer.post(reverse("applications:register"), form(district)).status_code == 302


def test_the_same_form_submitted_twice_registers_one_request(officer, district):
    data = form(district, submission_token="4f1c2d")
    first = officer.post(reverse("applications:register"), data)
    second = officer.post(reverse("applications:register"), data)
    assert Application.objects.count() == 1
    assert first["Location"] == second["Location"]
    page = officer.get(second["Location"])
    assert "重复提交未再次登记" in page.text


def test_the_service_refuses_a_second_registration_with_the_same_token(district, register):
    first = register(submission_token="tok-1")
    with pytest.raises(services.AlreadyRegistered) as caught:
        register(submission_token="tok-1", subject="完全不同的内容")
    assert caught.value.application == first
    assert Application.objects.count() == 1


def test_the_registration_form_carries_a_fresh_token(officer):
    one = officer.get(reverse("applications:register")).text
    two = officer.get(reverse("applications:register")).text
    token = 'name="submission_token" value="'
    assert token in one
    assert one.split(token)[1][:32] != two.split(token)[1][:32]


def test_a_request_received_long_ago_is_registered_with_a_visible_overdue_warning(
    officer, district, time_machine
):
    from gongkai.core.wallclock import CHINA

    time_machine.move_to(dt.datetime(2025, 4, 10, 10, tzinfo=CHINA), tick=False)
    answer = officer.post(
        reverse("applications:register"), form(district, submission_token="late"), follow=True
    )
    assert Application.objects.count() == 1
    assert "答复期限2025-04-08已过，登记时已超期2个工作日" in answer.text
    fresh = officer.post(
        reverse("applications:register"),
        form(district, arrived_on="2025-04-09", subject="另一件", submission_token="new"),
        follow=True,
    )
    assert "已超期" not in fresh.text
