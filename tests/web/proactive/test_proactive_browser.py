"""Registering a proactive item in headless Chromium (Debian's, driven by Playwright): the form,
a refused date with the typed input kept, then the item with its Art. 26 due date."""

from __future__ import annotations

import pytest
from browser_steps import login
from playwright.sync_api import expect

from gongkai.web.proactive.models import Item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_a_proactive_item_in_the_browser(live_server, page, district):
    base = live_server.url
    login(page, base, "jyj_shr")
    page.goto(f"{base}/proactive/settings/")
    channel_form = page.locator("form", has_text="新增渠道")
    channel_form.locator("select[name=kind]").select_option("new_media")
    channel_form.locator("input[name=name]").fill("“示例教育”微信公众号")
    channel_form.locator("button[type=submit]").click()
    expect(page.locator("table.list", has_text="“示例教育”微信公众号")).to_be_visible()

    page.click("nav.mainnav >> text=主动公开")
    page.click("nav.tabs >> text=登记信息")
    page.fill("input[name=index_number]", "JYJ/2025-00042")
    page.fill("input[name=title]", "区教育局召开防汛工作部署会")
    page.fill("textarea[name=summary]", "部署汛期校园安全工作")
    page.select_option("select[name=category]", label="工作动态")
    page.fill("input[name=formed_on]", "2025-06-02")
    page.fill("input[name=published_on]", "2025-05-30")
    page.check("text=“示例教育”微信公众号（政务新媒体）")
    page.click("button:has-text('登记')")
    expect(page.locator(".field-error")).to_contain_text("不能早于生成日期")
    expect(page.locator("input[name=title]")).to_have_value("区教育局召开防汛工作部署会")
    assert not Item.objects.exists()

    page.fill("input[name=published_on]", "2025-07-03")
    page.click("button:has-text('登记')")
    expect(page.locator("h1")).to_have_text("区教育局召开防汛工作部署会")
    expect(page.locator("#due")).to_contain_text("2025-06-30")
    expect(page.locator("#due")).to_contain_text("超过20个工作日")
    item = Item.objects.get()
    assert [c.name for c in item.channels.all()] == ["“示例教育”微信公众号"]

    page.click("nav.tabs >> text=主动公开目录")
    expect(page.locator("table.list")).to_contain_text("JYJ/2025-00042")
    expect(page.locator("table.list")).to_contain_text("逾期")
