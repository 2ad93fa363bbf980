"""An earlier year's report uploaded in headless Chromium: the form lands on the job's page,
which shows the imported version and its findings (the test settings run the job at once)."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_steps import visit_as
from playwright.sync_api import expect

from gongkai.core.annual import AgencyInfo, compose, render
from gongkai.core.yearend import YearRecords, count_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_an_earlier_report_and_see_its_job(live_server, page, district, tmp_path):
    counted = count_year(YearRecords(), year=2024, agency=district.dept_a.name)
    report = compose(
        counted, agency=AgencyInfo(name=district.dept_a.name), published=dt.date(2025, 2, 10)
    )
    upload = tmp_path / "2024年报.docx"
    upload.write_bytes(render(report, "docx"))
    base = live_server.url
    visit_as(page, base, "gkb", "/reports/import/")
    page.select_option("select[name=agency]", str(district.dept_a.pk))
    page.set_input_files("#import-file", str(upload))
    page.click("#import-form button[type=submit]")
    expect(page.locator("#job-status")).to_have_text("已完成")
    expect(page.locator("#job-percent")).to_have_text("100%")
    expect(page.locator("#job-message")).to_contain_text("已导入2024年度报告（第1版）")
    expect(page.locator("#import-findings")).to_contain_text("晚于政府部门年度报告的法定公布期限")
    page.click("#job-workspace")
    expect(page.locator("h1")).to_contain_text("2024")
