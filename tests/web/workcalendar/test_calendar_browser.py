"""In headless Chromium: the administrator's arrangement that drops a statutory holiday is
refused; a lawful one shows the due dates that move and is saved only on confirmation; the
公开办 reads the calendar."""

from __future__ import annotations

import pytest
from browser_steps import login
from playwright.sync_api import expect

from gongkai.web.workcalendar.models import YearOverride

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_refuse_preview_confirm_and_read(live_server, page, district, register):
    app = register()  # received 2025-03-03, due 2025-03-31
    base = live_server.url
    login(page, base, "admin")
    page.goto(f"{base}/calendar/2025/")
    holidays = page.locator("textarea[name=holidays]")
    original = holidays.input_value()
    holidays.fill("\n".join(line for line in original.splitlines() if "清明" not in line))
    page.click("button:has-text('检查并预览')")
    expect(page.locator(".form-errors")).to_contain_text("缺少法定节假日：清明节（2025-04-04）")
    assert not YearOverride.objects.exists()

    page.locator("textarea[name=holidays]").fill(original + "\n临时假日 2025-03-14 2025-03-14")
    page.click("button:has-text('检查并预览')")
    preview = page.locator("#preview")
    expect(preview).to_contain_text("1件在办申请的答复期限、0条主动公开信息的公开期限将随之变化")
    expect(preview.locator("tr", has_text=app.number)).to_contain_text("2025-04-01")
    assert not YearOverride.objects.exists()
    page.click("button:has-text('确认保存')")
    expect(page.locator(".messages")).to_contain_text("2025年放假安排已保存")
    app.refresh_from_db()
    assert str(app.due_on) == "2025-04-01"
    page.click("text=退出")

    login(page, base, "gkb")
    page.click("nav.mainnav >> text=工作日历")
    page.goto(f"{base}/calendar/2025/")
    expect(page.locator("#arrangement")).to_contain_text("临时假日")
    expect(page.locator("button:has-text('检查并预览')")).to_have_count(0)
