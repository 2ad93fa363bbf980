"""An answer travels from the case officer to the 审核人's 待我审批 for 签发 in headless Chromium,
at an agency that requires it: the badge counts it, the reviewer returns it with reasons, the
officer is told and submits again, the reviewer signs it and the request is answered that day."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from gongkai.core.wallclock import CHINA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "gongkai-test-pass"


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".tabs")).to_be_visible()


def submit(page: Page, base: str, pk: int, basis: str) -> None:
    page.goto(f"{base}/applications/{pk}/")
    expect(page.locator("details.action", has_text="作出答复")).to_have_count(0)
    box = page.locator("details.action", has_text="提交签发")
    box.locator("summary").click()
    box.locator("[name='sa-day']").fill("2025-03-24")
    box.locator("[name='sa-outcome']").select_option("granted")
    box.locator("[name='sa-legal_basis']").fill(basis)
    box.locator("[name='sa-summary']").fill("现将招生划片方案提供给您")
    box.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("答复已提交审核人签发")
    expect(page.locator("#signoffs")).to_contain_text("待签发")
    page.click("text=退出")


def test_return_then_sign_from_the_inbox(
    live_server, page, district, register, time_machine, tmp_path
):
    time_machine.move_to(dt.datetime(2025, 3, 25, 10, tzinfo=CHINA), tick=False)
    district.dept_a.answers_need_signoff = True
    district.dept_a.save(update_fields=["answers_need_signoff"])
    app = register()  # due 2025-03-31
    base = live_server.url
    login(page, base, "jyj_jbr")
    submit(page, base, app.pk, "条例第三十六条第一项")

    login(page, base, "jyj_shr")
    expect(page.locator("#inbox-count")).to_have_text("1")
    page.click("nav.mainnav >> text=待我审批")
    row = page.locator(f"#signoffs tr[data-number='{app.number}']")
    expect(row).to_contain_text("条例第三十六条第一项")
    expect(row).to_contain_text("2025-03-31")
    expect(row).to_contain_text("剩余4个工作日")
    page.screenshot(path=str(tmp_path / "signoff-inbox.png"), full_page=True)
    row.locator("summary", has_text="退回修改").click()
    row.locator("textarea[name='sr-reason']").fill("予以公开应依第三十六条第二项")
    row.locator("button", has_text="退回").click()
    expect(page.locator(".messages")).to_contain_text("已退回答复")
    expect(page.locator("#signoffs")).to_contain_text("没有待您签发的答复")
    page.click("text=退出")

    login(page, base, "jyj_jbr")
    page.goto(f"{base}/notifications/")
    expect(page.locator("table.list")).to_contain_text("被退回（予以公开应依第三十六条第二项）")
    submit(page, base, app.pk, "条例第三十六条第二项")

    login(page, base, "jyj_shr")
    page.click("nav.mainnav >> text=待我审批")
    row = page.locator(f"#signoffs tr[data-number='{app.number}']")
    row.locator("button", has_text="签发").first.click()
    expect(page.locator(".messages")).to_contain_text("已签发")
    page.goto(f"{base}/applications/{app.pk}/")
    expect(page.locator("#status")).to_have_text("已答复")
    expect(page.locator("#signoffs")).to_contain_text("已签发（教育审核，2025-03-25）")
    app.refresh_from_db()
    assert app.closed_on == dt.date(2025, 3, 25) and app.legal_basis == "条例第三十六条第二项"
