"""Issue 11's done-when walk-through on the demo district, in headless Chromium: the 公开办 opens
the government's 2025 draft, sees the planted error, fixes it, submits, approves, signs and
publishes; the downloaded DOCX and PDF pass ``gongkai check`` with 0 errors, and the JSON is
valid against its schema with the same cells and a check result of 0 errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Page, expect

from gongkai.cli.main import main
from gongkai.core.annual.json_render import schema
from gongkai.core.demo.agencies import DEMO_PASSWORD
from gongkai.core.parsing import read_report
from gongkai.core.wallclock import CHINA
from gongkai.web.demo import load_demo
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.reports import demo as reports_demo
from gongkai.web.reports.models import PublishedReport
from gongkai.web.yearend.selectors import year_end

TODAY = dt.date(2026, 2, 10)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("text=退出")).to_be_visible(timeout=SLOW)


# Expectations wait as long as actions: the default 5 s of expect() is too short for a save that
# runs the checker and renders every output on a loaded machine (a flaky failure seen here).
SLOW = 180_000


def test_the_office_fixes_and_publishes_the_demo_government_report(
    live_server, page, time_machine, tmp_path, capsys
):
    time_machine.move_to(dt.datetime(2026, 2, 10, 9, tzinfo=CHINA), tick=True)
    load_demo(seed=1, today=TODAY)
    government = Agency.objects.get(kind=AgencyKind.GOVERNMENT)
    planted = reports_demo.planted_count(government, 2025)
    received = year_end(agency=government, year=2025).value("t3", "received", "total")
    base = live_server.url
    page.set_default_timeout(SLOW)  # the checker and the outputs run on every action

    login(page, base, "gkb")
    page.goto(f"{base}/reports/{government.pk}/2025/")
    expect(page.locator("#report-state")).to_have_text("起草", timeout=SLOW)
    expect(page.locator("#report-errors")).to_contain_text(f"申请{planted}件", timeout=SLOW)
    # the error is in the officer's words, so the page must not send them to the records only
    expect(page.locator("#report-errors")).to_contain_text("文字有误须修改说明性文字", timeout=SLOW)
    # The fix: the officer's paragraph states the count of table 三.
    page.fill("#overview-requests", f"本年度共收到政府信息公开申请{received}件。")
    with page.expect_navigation(timeout=SLOW):  # a count of 0 also holds while the page reloads
        page.click("#save-draft")
    page.wait_for_load_state()
    expect(page.locator("#report-state")).to_have_text("起草", timeout=SLOW)
    expect(page.locator("#report-errors")).to_have_count(0, timeout=SLOW)
    notes = page.locator(".warning-note-input")
    for i in range(notes.count()):
        notes.nth(i).fill("经核实，情况属实。")
    page.click("#submit-draft")
    expect(page.locator("#report-state")).to_have_text("提交审核", timeout=SLOW)
    page.click("#approve")
    expect(page.locator("#report-state")).to_have_text("审核通过", timeout=SLOW)
    page.fill("#leader", "王建国")
    page.click("#sign")
    expect(page.locator("#signed-by")).to_have_text("王建国", timeout=SLOW)
    page.fill("#published-on", TODAY.isoformat())
    page.click("#publish")
    expect(page.locator("#report-state")).to_have_text("发布", timeout=SLOW)
    row = page.locator("#version-1")
    expect(row).to_contain_text("按期", timeout=SLOW)

    version = PublishedReport.objects.get(agency=government, year=2025)
    downloaded = {}
    for kind in ("docx", "pdf", "json"):
        with page.expect_download() as info:
            row.locator(f"a.download-{kind}").click()
        path = tmp_path / f"report.{kind}"
        path.write_bytes(Path(info.value.path()).read_bytes())
        downloaded[kind] = path
        assert version.files.get(kind=kind).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    for kind in ("docx", "pdf"):
        capsys.readouterr()
        # In this process (no worker fork beside the live server's threads).
        assert main(["check", str(downloaded[kind]), "--json", "--timeout", "0"]) == 0, kind
        (checked,) = json.loads(capsys.readouterr().out)["reports"]
        assert (checked["year"], checked["agency"]) == (2025, government.name)
        assert [f for f in checked["findings"] if f["severity"] == "error"] == []
    document = json.loads(downloaded["json"].read_text("utf-8"))
    jsonschema.validate(document, schema())
    assert document["checks"]["errors"] == 0
    read = read_report(downloaded["pdf"].read_bytes(), "report.pdf")
    for key, value in document["tables"]["t4"].items():
        row_key, column = key.split(".")
        assert read.value("t4", row_key, column) == value
    for row_key, columns in document["tables"]["t3"].items():
        for column, value in columns.items():
            assert read.value("t3", row_key, column) == value, (row_key, column)
