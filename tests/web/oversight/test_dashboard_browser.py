"""The 公开办 finds the late agency on the dashboard and sends a 督办, in headless Chromium."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from gongkai.core.wallclock import CHINA
from gongkai.web.oversight.models import Supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "gongkai-test-pass"


def test_the_office_sees_the_overdue_agency_and_supervises_it(
    live_server, page, district, register, time_machine, tmp_path
):
    time_machine.move_to(dt.datetime(2025, 4, 10, 10, tzinfo=CHINA), tick=False)
    overdue = register(arrived_on=dt.date(2025, 3, 3))
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "gkb")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.click("nav.mainnav >> text=督办看板")
    row = page.locator("#dashboard tr[data-agency=jyj]")
    expect(row.locator("td").nth(3)).to_have_text("1")
    march = page.locator("#month-chart rect", has_text="3月收到 1 件")
    expect(march).to_be_visible()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    row.locator("summary", has_text="督办").click()
    expect(row.locator("textarea[name=note]")).to_have_value(
        "贵单位有1件政府信息公开申请已超过答复期限，请尽快依法答复。"
    )
    row.locator("button", has_text="发出督办").click()
    expect(page.locator(".messages")).to_contain_text("已向示例区教育局督办")
    expect(page.locator("#supervisions")).to_contain_text("已超过答复期限")
    assert Supervision.objects.get().agency_id == district.dept_a.pk
    # the overdue link leads to the agency's overdue queue, with days left
    row.locator("td").nth(3).locator("a").click()
    expect(page.locator("#queue-table")).to_contain_text(overdue.number)
    expect(page.locator("#queue-table")).to_contain_text("超期7个工作日")
