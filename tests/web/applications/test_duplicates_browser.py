"""In headless Chromium: a double click and the back button register one request; a new form
with the same content warns with a link to the open request."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from browser_steps import fill_request_form, login
from playwright.sync_api import expect

from gongkai.core.wallclock import CHINA
from gongkai.web.applications.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_double_click_back_button_and_a_duplicate(live_server, page, district, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 5, 10, tzinfo=CHINA), tick=False)
    base = live_server.url
    login(page, base, "jyj_jbr")
    page.goto(f"{base}/applications/new/")
    fill_request_form(page)
    page.dblclick("button:has-text('登记')")
    expect(page.locator("#due-date")).to_be_visible()
    assert Application.objects.count() == 1
    number = Application.objects.get().number

    page.go_back()  # the form again: restored with its token, or reloaded with a new one
    expect(page.locator("textarea[name=subject]")).to_be_visible()
    fill_request_form(page)
    page.click("button:has-text('登记')")
    # either way no second record: the same token is recognised, a new one is warned about
    expect(page.locator("main")).to_contain_text(re.compile("重复提交未再次登记|可能是重复申请"))
    assert Application.objects.count() == 1

    page.goto(f"{base}/applications/new/")  # a fresh form, same applicant and content
    fill_request_form(page)
    page.click("button:has-text('登记')")
    warning = page.locator("#duplicates")
    expect(warning).to_contain_text("可能是重复申请")
    expect(warning.locator("a", has_text=number)).to_be_visible()
    assert Application.objects.count() == 1
    page.check("input[name=confirm_duplicate]")
    page.click("button:has-text('登记')")
    expect(page.locator("#due-date")).to_be_visible()
    assert Application.objects.count() == 2
