"""In headless Chromium: a citizen applies online, the officer confirms and answers, the
citizen looks the request up, reads the answer and downloads the letter (issue 14, done-when).
Every public page is checked with axe-core: no serious or critical violation, at desktop and
mobile widths and in large-text mode."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_steps import act, fill_request_form, login
from playwright.sync_api import Page, expect
from portal_helpers import VALID_ID

from gongkai.core import wallclock
from gongkai.web.applications.models import Application
from gongkai.web.proactive.models import Category, Item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Axe()


def serious_violations(page: Page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def check_accessible(page: Page) -> None:
    found = serious_violations(page)
    assert found == [], f"{page.url}: {found}"


def check_paths_accessible(page: Page, base: str, paths: list[str]) -> None:
    """Every path at desktop and mobile widths, then in large-text mode (left switched on)."""
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(base + path)
            check_accessible(page)
    page.goto(f"{base}/xxgk/dazi/?on=1&next=/xxgk/")
    expect(page.locator("body")).to_have_class(re.compile("large"))
    for path in paths:
        page.goto(base + path)
        check_accessible(page)


def test_a_citizen_applies_the_officer_answers_the_citizen_downloads_the_letter(
    live_server, page, district
):
    base = live_server.url
    today = wallclock.today().isoformat()
    # The citizen, from the government's 专栏 to the form of the 教育局.
    page.goto(f"{base}/xxgk/")
    check_accessible(page)
    page.click(f"a[href='/xxgk/{district.dept_a.code}/']")
    page.click("text=在线申请")
    check_accessible(page)
    fill_request_form(
        page,
        desk=False,
        applicant_name="李四",
        id_number="110105194912310021",  # wrong check character
        phone="13900000000",
        subject="2024年义务教育阶段学校招生划片方案",
        requested_form="电子数据",
    )
    page.click("button:has-text('提交申请')")
    expect(page.locator(".p-alert")).to_contain_text("请按提示修改")
    expect(page.locator(".has-error")).to_contain_text("校验位不正确")
    check_accessible(page)  # the page with errors too
    expect(page.locator("textarea[name=subject]")).to_have_value(
        "2024年义务教育阶段学校招生划片方案"
    )
    page.fill("input[name=id_number]", VALID_ID)
    page.click("button:has-text('提交申请')")
    expect(page.locator("h1")).to_have_text("申请已提交")
    code = page.locator("#query-code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    expect(page.locator("main")).to_contain_text("110***********002X")
    check_accessible(page)
    with page.expect_download() as copy:
        page.click("text=下载申请表副本（PDF）")
    assert copy.value.suggested_filename == "application-copy.pdf"

    # The officer finds it waiting, confirms it, answers it and makes the letter.
    officer = page.context.browser.new_page()
    login(officer, base, "jyj_jbr")
    app = Application.objects.get(applicant__name="李四")
    officer.goto(f"{base}/applications/{app.pk}/")
    expect(officer.locator("#status")).to_have_text("待确认")
    act(officer, "确认收到网上申请", {"cf-day": today})
    expect(officer.locator("#status")).to_have_text("登记")
    number = Application.objects.get(pk=app.pk).number
    assert number.startswith("jyj-")
    act(officer, "开始办理", {})
    act(
        officer,
        "作出答复",
        {
            "an-day": today,
            "an-outcome": "granted",
            "an-legal_basis": "条例第三十六条第（二）项",
            "an-summary": "经查，您申请的招生划片方案属于公开范围，现予提供。",
        },
    )
    expect(officer.locator("#status")).to_have_text("已答复")
    officer.locator("a.button", has_text="文书").click()
    officer.locator("#offered a", has_text="答复").first.click()
    officer.click("button[value=generate]")
    expect(officer.locator(".messages")).to_contain_text("已生成文书")
    officer.close()

    # The citizen looks it up with the code and the name.
    page.goto(f"{base}/xxgk/ysqgk/cx/")
    check_accessible(page)
    page.fill("input[name=code]", code.lower())
    page.fill("input[name=name_or_phone]", "李四")
    page.click("button:has-text('查询')")
    expect(page.locator("#stage")).to_have_text("已答复")
    expect(page.locator("#number")).to_have_text(number)
    expect(page.locator("#outcome")).to_contain_text("予以公开")
    expect(page.locator("#answer-text")).to_contain_text("现予提供")
    expect(page.locator("main")).not_to_contain_text("教育经办")
    check_accessible(page)
    with page.expect_download() as letter:
        page.locator("#letters a").first.click()
    assert letter.value.suggested_filename.endswith(".pdf")
    with open(letter.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_every_public_page_passes_axe_at_desktop_mobile_and_large_text(live_server, page, district):
    base = live_server.url
    agency = district.dept_a
    agency.office_name = "示例区教育局办公室"
    agency.office_phone = "010-12345678"
    agency.save()
    category = Category.objects.create(agency=agency, name="招生入学")
    Item.objects.create(
        agency=agency,
        index_number="jyj/2025-00001",
        title="2025年义务教育招生工作方案",
        summary="招生范围、时间和程序",
        formed_on=dt.date(2025, 3, 1),
        published_on=dt.date(2025, 3, 3),
        publisher="示例区教育局",
        category=category,
        due_on=dt.date(2025, 3, 28),
    )
    item = Item.objects.get()
    code = agency.code
    paths = [
        "/xxgk/",
        f"/xxgk/{code}/",
        f"/xxgk/{code}/zn/",
        f"/xxgk/{code}/zd/",
        f"/xxgk/{code}/fdzdgknr/",
        f"/xxgk/{code}/fdzdgknr/?q=招生",
        f"/xxgk/{code}/fdzdgknr/?q=没有这个词",
        f"/xxgk/{code}/fdzdgknr/{item.pk}/",
        f"/xxgk/{code}/nb/",
        "/xxgk/ysqgk/",
        "/xxgk/ysqgk/sq/",
        "/xxgk/ysqgk/cx/",
    ]
    check_paths_accessible(page, base, paths)
    size = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(size.removesuffix("px")) > 16


def test_the_accessibility_check_finds_a_serious_violation(page):
    page.set_content(
        '<html lang="zh-CN"><head><title>t</title></head><body><main>'
        '<input type="text"></main></body></html>'
    )
    assert any(v.startswith("label") for v in serious_violations(page))
