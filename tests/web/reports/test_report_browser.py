"""A report drafted, submitted, returned, fixed, approved, signed and published in headless
Chromium, then downloaded: the PDF reads back as the same report with no error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser_steps import login, logout, visit_as
from playwright.sync_api import Page, expect

from gongkai.core.checks import check_report
from gongkai.core.parsing import read_report
from gongkai.core.wallclock import CHINA
from gongkai.web.reports.models import PublishedReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press(page: Page, button: str, state: str, field: str = "", text: str = "") -> None:
    """Type ``text`` into ``field`` (if given), press ``button``; the report is then in ``state``."""
    if field:
        page.fill(field, text)
    page.click(button)
    expect(page.locator("#report-state")).to_have_text(state)


def test_publish_a_report_end_to_end(live_server, page, district, register, answer, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 22, 10, tzinfo=CHINA), tick=True)
    answer(
        register(arrived_on=dt.date(2025, 3, 3)),
        start=True,
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    )
    base = live_server.url
    url = f"{base}/reports/{district.dept_a.pk}/2025/"

    login(page, base, "jyj_jbr")
    page.click("nav.mainnav >> text=年度报告")
    expect(page.locator("#report-index")).to_contain_text("示例区教育局")
    page.goto(url)
    press(page, "#open-draft", "起草")
    expect(page.locator("#preview")).to_contain_text("本年度新收政府信息公开申请1件")
    expect(page.locator("#blocking")).to_contain_text("第五部分")
    problems = "一是政策解读形式单一。二是答复文书规范化不足。下一步将加强培训、完善制度。"
    press(page, "#submit-draft", "提交审核", "#problems", problems)
    logout(page)

    visit_as(page, base, "jyj_shr", url)
    press(page, "#return", "退回", "#return-reason-input", "第一部分平台建设未写")
    logout(page)

    visit_as(page, base, "jyj_jbr", url)
    expect(page.locator("#return-reason")).to_contain_text("第一部分平台建设未写")
    platform = "依托区政府门户网站政府信息公开专栏发布法定主动公开内容。"
    press(page, "#submit-draft", "提交审核", "#overview-platform", platform)
    logout(page)

    visit_as(page, base, "jyj_shr", url)
    press(page, "#approve", "审核通过")
    page.fill("#leader", "李局长")
    page.click("#sign")
    expect(page.locator("#signed-by")).to_have_text("李局长")
    logout(page)

    visit_as(page, base, "gkb", url)
    page.set_default_timeout(180_000)  # publishing renders every output, the PDF too
    press(page, "#publish", "发布", "#published-on", "2026-01-22")
    version = PublishedReport.objects.get(agency=district.dept_a, year=2025)
    row = page.locator("#version-1")
    expect(row).to_contain_text("按期")
    expect(row.locator("code.sha256").first).to_have_text(version.files.get(kind="html").sha256)
    for kind in ("pdf", "docx"):
        with page.expect_download() as info:
            row.locator(f"a.download-{kind}").click()
        data = Path(info.value.path()).read_bytes()
        read = read_report(data, f"r.{kind}")
        assert (read.year, read.agency) == (2025, "示例区教育局")
        assert [f for f in check_report(read) if f.level == "error"] == []
