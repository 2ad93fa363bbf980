"""Letters in headless Chromium: preview and generate an answer letter, download its PDF, and
edit an agency template with a live preview."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_steps import login
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_answer_with_a_letter_in_the_browser(live_server, page, district, answered, tmp_path: Path):
    application = answered()
    login(page, live_server.url, "jyj_jbr")
    page.goto(f"{live_server.url}/applications/{application.pk}/")
    page.locator("a.button", has_text="文书").click()
    expect(page).to_have_url(re.compile(rf"/letters/application/{application.pk}/$"))
    page.click("text=答复书：（一）予以公开")
    page.fill("textarea[name=decision]", "现将该信息随本答复书一并提供给您（共3页）")
    page.click("button[value=preview]")
    preview = page.locator("#preview")
    expect(preview).to_contain_text("第三十六条第二项")
    expect(preview).to_contain_text("60日内")
    page.screenshot(path=str(tmp_path / "letter-preview.png"), full_page=True)
    page.click("button[value=generate]")
    expect(page.locator("#letters")).to_contain_text("示例区教育局公开〔2025〕第1号")
    with page.expect_download() as download_info:
        page.locator("#letters a", has_text="PDF").first.click()
    download = download_info.value
    assert download.suggested_filename == "示例区教育局公开〔2025〕第1号.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def test_edit_a_template_with_preview_in_the_browser(live_server, page, district, tmp_path: Path):
    login(page, live_server.url, "jyj_shr")
    page.goto(f"{live_server.url}/letters/")
    page.locator("#templates tr", has_text="补正通知书").locator("a").click()
    body = page.locator("textarea[name=body]")
    body.fill(body.input_value() + "\n{补正}")
    page.click("button[value=preview]")
    expect(page.locator("#problems")).to_contain_text("名称无效")
    body.fill(body.input_value().replace("\n{补正}", "\n如需帮助，请致电{office_phone}。"))
    page.click("button[value=save]")
    expect(page.locator(".messages")).to_contain_text("模板已保存（第1版）")
    expect(page.locator("#preview")).to_contain_text("如需帮助，请致电")
    page.screenshot(path=str(tmp_path / "template-edit.png"), full_page=True)
