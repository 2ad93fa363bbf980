"""The year-end view's drill-down in headless Chromium: from a number of table 3 to the
requests behind it, and from there to a request."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import login
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_drill_down_from_a_number_to_the_requests_behind_it(
    live_server, page, district, register, answer
):
    answered = answer(
        register(arrived_on=dt.date(2025, 3, 3)),
        start=True,
        outcome="unable.not_held",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    )
    carried = register(arrived_on=dt.date(2025, 12, 29))
    base = live_server.url
    login(page, base, "jyj_jbr")
    page.click("nav.mainnav >> text=年度统计")
    page.select_option("select[name=agency]", label="示例区教育局")
    page.select_option("select[name=year]", "2025")
    page.click("button:has-text('查看')")
    expect(page.locator("h1")).to_contain_text("示例区教育局 2025年")
    expect(page.locator("#t3-received-total")).to_have_text("2")
    expect(page.locator("#t3-unable\\.not_held-natural")).to_have_text("1")
    expect(page.locator("#t3-carried_out-total")).to_have_text("1")

    page.click("#t3-carried_out-total")
    expect(page.locator("#cell-title")).to_contain_text("四、结转下年度继续办理 · 总计：1")
    expect(page.locator("#drill")).to_contain_text(carried.number)
    expect(page.locator("#drill")).not_to_contain_text(answered.number)

    page.go_back()
    page.click("#t3-unable\\.not_held-natural")
    expect(page.locator("#cell-title")).to_contain_text("1.本机关不掌握相关政府信息 · 自然人：1")
    page.click(f"#drill >> text={answered.number}")
    expect(page.locator("h1")).to_contain_text(answered.number)
