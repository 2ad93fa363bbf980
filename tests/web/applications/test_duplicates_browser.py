"""In headless Chromium: a double click and the back button register one request; a new form
with the same content warns with a link to the open request."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from gongkai.core.wallclock import CHINA
from gongkai.web.applications.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "gongkai-test-pass"


def fill(page: Page) -> None:
    page.select_option("select[name=channel]", "in_person")
    page.fill("input[name=arrived_on]", "2025-03-03")
    page.select_option("select[name=applicant_kind]", "natural")
    page.fill("input[name=applicant_name]", "王五")
    page.select_option("select[name=id_type]", "居民身份证")
    page.fill("input[name=id_number]", "110101199001015676")
    page.fill("input[name=phone]", "13700000000")
    page.fill("textarea[name=subject]", "2024年学校食堂检查结果")
    page.select_option("select[name=requested_form]", "纸质")
    page.select_option("select[name=delivery]", "邮寄")


def test_double_click_back_button_and_a_duplicate(live_server, page, district, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 5, 10, tzinfo=CHINA), tick=False)
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "jyj_jbr")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base}/applications/new/")
    fill(page)
    page.dblclick("button:has-text('登记')")
    expect(page.locator("#due-date")).to_be_visible()
    assert Application.objects.count() == 1
    number = Application.objects.get().number

    page.go_back()  # the form again: restored with its token, or reloaded with a new one
    expect(page.locator("textarea[name=subject]")).to_be_visible()
    fill(page)
    page.click("button:has-text('登记')")
    # either way no second record: the same token is recognised, a new one is warned about
    expect(page.locator("main")).to_contain_text(re.compile("重复提交未再次登记|可能是重复申请"))
    assert Application.objects.count() == 1

    page.goto(f"{base}/applications/new/")  # a fresh form, same applicant and content
    fill(page)
    page.click("button:has-text('登记')")
    warning = page.locator("#duplicates")
    expect(warning).to_contain_text("可能是重复申请")
    expect(warning.locator("a", has_text=number)).to_be_visible()
    assert Application.objects.count() == 1
    page.check("input[name=confirm_duplicate]")
    page.click("button:has-text('登记')")
    expect(page.locator("#due-date")).to_be_visible()
    assert Application.objects.count() == 2
