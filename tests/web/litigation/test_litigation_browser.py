"""Registering a review case in headless Chromium and recording its result, with a result date
before the filing refused on the way."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import login
from playwright.sync_api import expect

from gongkai.web.litigation.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_a_review_case_in_the_browser(live_server, page, district, register):
    application = register(arrived_on=dt.date(2025, 3, 3))
    base = live_server.url
    login(page, base, "jyj_jbr")
    page.click("nav.mainnav >> text=复议诉讼")
    page.click("text=登记案件")
    page.fill("input[name=application_number]", application.number)
    page.select_option("select[name=kind]", "review")
    page.fill("input[name=number]", "示复〔2025〕12号")
    page.fill("input[name=filed_on]", "2025-05-06")
    page.fill("input[name=body]", "示例区人民政府")
    page.click("button:has-text('登记')")
    expect(page.locator("h1")).to_contain_text("行政复议")
    expect(page.locator("#result")).to_have_text("尚未审结")

    box = page.locator("details.action", has_text="登记审结结果")
    box.locator("select[name=result]").select_option("corrected")
    box.locator("input[name=decided_on]").fill("2025-05-01")
    box.locator("button[type=submit]").click()
    expect(page.locator(".field-error")).to_contain_text("不能早于申请复议或起诉的日期")
    assert Case.objects.get().result == ""

    box = page.locator("details.action", has_text="登记审结结果")
    box.locator("select[name=result]").select_option("corrected")
    box.locator("input[name=decided_on]").fill("2025-06-20")
    box.locator("button[type=submit]").click()
    expect(page.locator("#result")).to_have_text("结果纠正（2025-06-20）")
    case = Case.objects.get()
    assert (case.application, case.result) == (application, "corrected")
