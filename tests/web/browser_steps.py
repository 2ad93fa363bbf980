"""Steps the browser tests share: sign in and out, and fill an action box of a request's page.

Importable from every browser test (pytest puts ``tests/web`` on the path for its conftest)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

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


def fill_fields(scope: Page | Locator, fields: dict[str, str]) -> None:
    """Fill the controls of ``scope`` named by ``fields``, in order: a select takes the option
    with that value, any other control the text."""
    for name, value in fields.items():
        control = scope.locator(f"[name='{name}']")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def act(page: Page, label: str, fields: dict[str, str]) -> None:
    """Open the action box ``label`` on a request's page, fill ``fields`` (by name), submit."""
    box = page.locator("details.action", has_text=label)
    box.locator("summary").click()
    fill_fields(box, fields)
    box.locator("button[type=submit]").click()


def visit_as(page: Page, base: str, username: str, path: str) -> None:
    """Sign in as ``username`` and open ``path`` (a URL below ``base``, or a full URL)."""
    login(page, base, username)
    page.goto(path if path.startswith("http") else f"{base}{path}")


def fill_request_form(page: Page, *, desk: bool = True, **changes: str) -> None:
    """Fill the 登记申请 form with 王五's request for the 2024 school canteen inspections,
    received in person on 3 March 2025, with ``changes`` (the caller submits it). ``desk=False``:
    the portal's 在线申请 form, the same fields without how and when the request arrived."""
    arrival = {"channel": "in_person", "arrived_on": "2025-03-03"} if desk else {}
    request = {
        "applicant_kind": "natural",
        "applicant_name": "王五",
        "id_type": "居民身份证",
        "id_number": "110101199001015676",
        "phone": "13700000000",
        "subject": "2024年学校食堂检查结果",
        "requested_form": "纸质",
        "delivery": "邮寄",
    }
    fill_fields(page, arrival | request | changes)


def inbox_row(page: Page, table: str, number: str) -> Locator:
    """Open 待我审批 from the main menu and return the row of request ``number`` in the table
    with id ``table`` (``inbox`` for extensions, ``signoffs`` for answers to sign)."""
    page.click("nav.mainnav >> text=待我审批")
    return page.locator(f"#{table} tr[data-number='{number}']")


# For each table of 待我审批: the field of a 退回修改 reason, what the page says once a row is
# returned, and what the table says when nothing is left in it.
RETURNS = {
    "inbox": ("et-reason", "已退回延期申请", "没有待您审批的事项"),
    "signoffs": ("sr-reason", "已退回答复", "没有待您签发的答复"),
}


def only_row_in_inbox(page: Page, table: str, number: str, *shown: str) -> Locator:
    """The signed-in reviewer's 待我审批 badge counts one item: the row of request ``number`` in
    ``table`` (see :func:`inbox_row`), which shows each of ``shown``."""
    expect(page.locator("#inbox-count")).to_have_text("1")
    row = inbox_row(page, table, number)
    for text in shown:
        expect(row).to_contain_text(text)
    return row


def return_to_officer(
    page: Page, base: str, table: str, row: Locator, reason: str, officer: str = "jyj_jbr"
) -> None:
    """退回修改 on ``row`` of ``table`` with ``reason``, which leaves the table empty; then, signed
    in as ``officer``, the 通知 list says the request came back with ``reason``."""
    reason_field, said, emptied = RETURNS[table]
    row.locator("summary", has_text="退回修改").click()
    row.locator(f"textarea[name='{reason_field}']").fill(reason)
    row.locator("button", has_text="退回").click()
    expect(page.locator(".messages")).to_contain_text(said)
    expect(page.locator(f"#{table}")).to_contain_text(emptied)
    logout(page)
    login(page, base, officer)
    page.goto(f"{base}/notifications/")
    expect(page.locator("table.list")).to_contain_text(f"被退回（{reason}）")
