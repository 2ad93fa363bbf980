"""Steps the browser tests share: sign in and out, and fill an action box of a request's page.

Importable from every browser test (pytest puts ``tests/web`` on the path for its conftest)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PASSWORD = "gongkai-test-pass"


def login(page: Page, base: str, username: str) -> None:
    """Sign in as ``username`` (every user of the ``district`` fixture has ``PASSWORD``) and wait
    for the signed-in page (the top bar names the user)."""
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".topbar .who")).to_be_visible()


def logout(page: Page) -> None:
    page.click("text=退出")
    expect(page.locator("h1")).to_have_text("登录")


def act(page: Page, label: str, fields: dict[str, str]) -> None:
    """Open the action box ``label`` on a request's page, fill ``fields`` (by name), submit."""
    box = page.locator("details.action", has_text=label)
    box.locator("summary").click()
    for name, value in fields.items():
        control = box.locator(f"[name='{name}']")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    box.locator("button[type=submit]").click()
