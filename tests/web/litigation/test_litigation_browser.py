"""Registering a review case in headless Chromium and recording its result, with a result date
before the filing refused on the way."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import fill_fields, login
from playwright.sync_api import Page, expect

from gongkai.web.litigation.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def record_correction(page: Page, decided_on: str) -> None:
    """In the 登记审结结果 box (open while the case has no result): 结果纠正 on ``decided_on``."""
    box = page.locator("details.action", has_text="登记审结结果")
    fill_fields(box, {"result": "corrected", "decided_on": decided_on})
    box.locator("button[type=submit]").click()


def test_register_a_review_case_in_the_browser(live_server, page, district, register):
    application = register(arrived_on=dt.date(2025, 3, 3))
    base = live_server.url
    login(page, base, "jyj_jbr")
    page.click("nav.mainnav >> text=复议诉讼")
    page.click("text=登记案件")
    fill_fields(
        page,
        {
            "application_number": application.number,
            "kind": "review",
            "number": "示复〔2025〕12号",
            "filed_on": "2025-05-06",
            "body": "示例区人民政府",
        },
    )
    page.click("button:has-text('登记')")
    expect(page.locator("h1")).to_contain_text("行政复议")
    expect(page.locator("#result")).to_have_text("尚未审结")

    record_correction(page, "2025-05-01")
    expect(page.locator(".field-error")).to_contain_text("不能早于申请复议或起诉的日期")
    assert Case.objects.get().result == ""

    record_correction(page, "2025-06-20")
    expect(page.locator("#result")).to_have_text("结果纠正（2025-06-20）")
    case = Case.objects.get()
    assert (case.application, case.result) == (application, "corrected")
