"""An extension request travels from the case officer to the 审核人's 待我审批 in headless
Chromium: the badge counts it, the reviewer returns it with reasons, the officer asks again,
the reviewer approves it from the inbox."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import login
from playwright.sync_api import Page, expect

from gongkai.core.wallclock import CHINA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ask(page: Page, base: str, pk: int, reason: str) -> None:
    page.goto(f"{base}/applications/{pk}/")
    box = page.locator("details.action", has_text="申请延期答复")
    box.locator("summary").click()
    box.locator("[name='er-day']").fill("2025-03-20")
    box.locator("[name='er-reason']").fill(reason)
    box.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("已提出延期申请")
    page.click("text=退出")


def test_return_then_approve_from_the_inbox(live_server, page, district, register, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 20, 10, tzinfo=CHINA), tick=False)
    app = register()
    base = live_server.url
    login(page, base, "jyj_jbr")
    ask(page, base, app.pk, "需调取历年档案")

    login(page, base, "jyj_shr")
    expect(page.locator("#inbox-count")).to_have_text("1")
    page.click("nav.mainnav >> text=待我审批")
    row = page.locator(f"#inbox tr[data-number='{app.number}']")
    expect(row).to_contain_text("需调取历年档案")
    expect(row).to_contain_text("2025-04-28")
    row.locator("summary", has_text="退回修改").click()
    row.locator("textarea[name='et-reason']").fill("请写明调取哪些年份的档案")
    row.locator("button", has_text="退回").click()
    expect(page.locator(".messages")).to_contain_text("已退回延期申请")
    expect(page.locator("#inbox")).to_contain_text("没有待您审批的事项")
    page.click("text=退出")

    login(page, base, "jyj_jbr")
    page.goto(f"{base}/notifications/")
    expect(page.locator("table.list")).to_contain_text("被退回（请写明调取哪些年份的档案）")
    page.click("text=退出")
    login(page, base, "jyj_jbr")
    ask(page, base, app.pk, "需调取2019至2024年档案")

    login(page, base, "jyj_shr")
    page.click("nav.mainnav >> text=待我审批")
    row = page.locator(f"#inbox tr[data-number='{app.number}']")
    row.locator("button", has_text="批准").click()
    expect(page.locator(".messages")).to_contain_text("已批准延期")
    app.refresh_from_db()
    assert app.due_on == dt.date(2025, 4, 28)
