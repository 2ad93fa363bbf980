"""An answer travels from the case officer to the 审核人's 待我审批 for 签发 in headless Chromium,
at an agency that requires it: the badge counts it, the reviewer returns it with reasons, the
officer is told and submits again, the reviewer signs it and the request is answered that day."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import act, inbox_row, login, logout, only_row_in_inbox, return_to_officer
from playwright.sync_api import Page, expect

from gongkai.core.wallclock import CHINA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page: Page, base: str, pk: int, basis: str) -> None:
    page.goto(f"{base}/applications/{pk}/")
    expect(page.locator("details.action", has_text="作出答复")).to_have_count(0)
    act(
        page,
        "提交签发",
        {
            "sa-day": "2025-03-24",
            "sa-outcome": "granted",
            "sa-legal_basis": basis,
            "sa-summary": "现将招生划片方案提供给您",
        },
    )
    expect(page.locator(".messages")).to_contain_text("答复已提交审核人签发")
    expect(page.locator("#signoffs")).to_contain_text("待签发")
    logout(page)


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
    row = only_row_in_inbox(
        page, "signoffs", app.number, "条例第三十六条第一项", "2025-03-31", "剩余4个工作日"
    )
    page.screenshot(path=str(tmp_path / "signoff-inbox.png"), full_page=True)
    return_to_officer(page, base, "signoffs", row, "予以公开应依第三十六条第二项")
    submit(page, base, app.pk, "条例第三十六条第二项")

    login(page, base, "jyj_shr")
    row = inbox_row(page, "signoffs", app.number)
    row.locator("button", has_text="签发").first.click()
    expect(page.locator(".messages")).to_contain_text("已签发")
    page.goto(f"{base}/applications/{app.pk}/")
    expect(page.locator("#status")).to_have_text("已答复")
    expect(page.locator("#signoffs")).to_contain_text("已签发（教育审核，2025-03-25）")
    app.refresh_from_db()
    assert app.closed_on == dt.date(2025, 3, 25) and app.legal_basis == "条例第三十六条第二项"
