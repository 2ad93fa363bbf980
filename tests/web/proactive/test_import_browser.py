"""A 目录 import in headless Chromium: the upload lands on the job's page, which shows the bar,
the count and each bad row with its number; a queued job's page reloads itself without
JavaScript until the job is done."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest
from playwright.sync_api import Page, expect

from gongkai.web.proactive import import_jobs, services
from gongkai.web.proactive.models import ImportJob

PASSWORD = "gongkai-test-pass"
SHOTS = os.environ.get("GONGKAI_SCREENSHOTS", "")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "索引号,名称,内容概述,文号,生成日期,公开日期,发布机构,主题分类,有效性,发布渠道\n"
    "A-1,区教育局召开工作会,,,2025-03-03,,,工作动态,有效,\n"
    "A-2,关于做好招生工作的通知,,,2025-13-01,,,通知公告,有效,\n"
    "A-3,人事任免通知,,,2025-05-06,,,人事任免,失效,\n"
)


def login(page: Page, base: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "jyj_jbr")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("text=退出")).to_be_visible()


def test_an_import_in_the_browser(live_server, page, district, tmp_path, monkeypatch):
    services.categories_ensure_defaults(agency=district.dept_a)
    upload = tmp_path / "目录.csv"
    upload.write_text(CSV, encoding="utf-8")
    queued: list[int] = []
    monkeypatch.setattr(
        import_jobs, "run_import_job", SimpleNamespace(enqueue=lambda pk: queued.append(pk))
    )
    login(page, live_server.url)
    page.goto(f"{live_server.url}/proactive/import/")
    page.set_input_files("input[type=file]", str(upload))
    page.check("input[name=good_rows_only]")
    page.click("button:has-text('导入')")
    expect(page.locator("#job-status")).to_have_text("排队中")
    expect(page.locator("#job-queued")).to_contain_text("gongkai worker")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/import-queued.png", full_page=True)
    # The worker runs the job; the page, left alone, reloads itself and shows the end.
    import_jobs.job_run(queued[0])
    expect(page.locator("#job-status")).to_have_text("已完成", timeout=10_000)
    expect(page.locator("#job-percent")).to_have_text("100%")
    expect(page.locator("#import-result")).to_contain_text("第3行")
    expect(page.locator("#import-result")).to_contain_text("无法识别日期“2025-13-01”")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/import-done.png", full_page=True)
    assert ImportJob.objects.get().imported == 2
