"""An extension request travels from the case officer to the 审核人's 待我审批 in headless
Chromium: the badge counts it, the reviewer returns it with reasons, the officer asks again,
the reviewer approves it from the inbox."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import act, inbox_row, login, logout, only_row_in_inbox, return_to_officer
from playwright.sync_api import Page, expect

from gongkai.core.wallclock import CHINA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ask(page: Page, base: str, pk: int, reason: str) -> None:
    page.goto(f"{base}/applications/{pk}/")
    act(page, "申请延期答复", {"er-day": "2025-03-20", "er-reason": reason})
    expect(page.locator(".messages")).to_contain_text("已提出延期申请")
    logout(page)


def test_return_then_approve_from_the_inbox(live_server, page, district, register, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 20, 10, tzinfo=CHINA), tick=False)
    app = register()
    base = live_server.url
    login(page, base, "jyj_jbr")
    ask(page, base, app.pk, "需调取历年档案")

    login(page, base, "jyj_shr")
    row = only_row_in_inbox(page, "inbox", app.number, "需调取历年档案", "2025-04-28")
    return_to_officer(page, base, "inbox", row, "请写明调取哪些年份的档案")
    logout(page)
    login(page, base, "jyj_jbr")
    ask(page, base, app.pk, "需调取2019至2024年档案")

    login(page, base, "jyj_shr")
    row = inbox_row(page, "inbox", app.number)
    row.locator("button", has_text="批准").click()
    expect(page.locator(".messages")).to_contain_text("已批准延期")
    app.refresh_from_db()
    assert app.due_on == dt.date(2025, 4, 28)
