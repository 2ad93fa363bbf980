"""The whole request flow in headless Chromium (Debian's, driven by Playwright): register,
ask for 补正 and receive it, extend with a reviewer's approval, answer — and watch the due date
move at each step."""

from __future__ import annotations

import re

import pytest
from browser_steps import act, fill_request_form, login, logout, visit_as
from playwright.sync_api import Page, expect

from gongkai.web.applications.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def due(page: Page) -> str:
    return page.locator("#due-date").inner_text()


def test_register_correct_extend_and_answer_in_the_browser(live_server, page, district):
    base = live_server.url
    login(page, base, "jyj_jbr")

    page.click("text=登记申请 >> nth=0")
    fill_request_form(page)
    page.click("button:has-text('登记')")

    expect(page.locator(".messages")).to_contain_text("已登记，受理编号 jyj-2025-0001")
    assert due(page) == "2025-03-31"

    act(page, "发出补正通知", {"rc-day": "2025-03-05", "rc-note": "请写明所需信息的时间范围"})
    expect(page.locator("#status")).to_have_text("补正中")
    assert due(page) == "暂停计算"

    act(page, "登记收到补正", {"cr-day": "2025-03-10"})
    expect(page.locator("#status")).to_have_text("办理中")
    assert due(page) == "2025-04-08"

    act(page, "申请延期答复", {"er-day": "2025-03-20", "er-reason": "需调取历年档案"})
    expect(page.locator("#deadline")).to_contain_text("延期申请待审核人批准")
    assert due(page) == "2025-04-08"
    logout(page)

    visit_as(page, base, "jyj_shr", f"/applications/{Application.objects.get().pk}/")
    act(page, "批准延期答复", {"ea-day": "2025-03-21"})
    expect(page.locator(".messages")).to_contain_text("已批准延期")
    assert due(page) == "2025-05-08"
    logout(page)

    visit_as(page, base, "jyj_jbr", f"/applications/{Application.objects.get().pk}/")
    act(
        page,
        "作出答复",
        {
            "an-day": "2025-04-20",
            "an-outcome": "granted",
            "an-legal_basis": "条例第三十六条第（二）项",
            "an-summary": "经查，您申请的2024年学校食堂检查结果属于公开范围，现予提供。",
        },
    )
    expect(page.locator("#status")).to_have_text("已答复")
    expect(page.locator("#outcome")).to_have_text("（一）予以公开")
    expect(page.locator("#events")).to_contain_text("作出答复")
    letters = page.locator("a.button", has_text="文书")
    if letters.count():  # the letters app (gongkai.web.letters) is installed: the answer letter
        letters.click()
        expect(page).to_have_url(re.compile(r"/letters/"))
        page.locator("#offered a", has_text="答复").first.click()
        page.click("button[value=generate]")
        expect(page.locator(".messages")).to_contain_text("已生成文书")
        expect(page.locator("#letters")).to_contain_text("答复")


def test_bad_input_in_the_browser_keeps_what_was_typed(live_server, page, district):
    visit_as(page, live_server.url, "jyj_jbr", "/applications/new/")
    page.fill("input[name=applicant_name]", "赵六")
    page.fill("textarea[name=subject]", "某文件")
    page.click("button:has-text('登记')")
    expect(page.locator(".form-errors")).to_contain_text("请修改标出的内容")
    expect(page.locator("input[name=applicant_name]")).to_have_value("赵六")
    expect(page.locator("textarea[name=subject]")).to_have_value("某文件")
    expect(page.locator("form.card")).to_contain_text("请选择“申请方式”")
