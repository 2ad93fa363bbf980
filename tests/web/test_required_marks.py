"""Every required field of the main forms is marked the same way (界面：必填项标注), whether the
form is rendered through ``applications/_field.html`` or by hand: the control carries the
``required`` attribute and its label the mark ``<span class="required-mark">``."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.core.wallclock import CHINA

MARK = "required-mark"
CONTROLS = {"input", "select", "textarea"}


class Labels(HTMLParser):
    """(label text, marked?, control name) for every visible control inside a <label>, and
    the names of required controls outside any label."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, object]] = []
        self.found: list[tuple[str, bool, str, bool]] = []  # (text, marked, name, required)
        self.selects: set[str] = set()
        self.unlabelled_required: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.stack.append({"text": "", "marked": False})
        elif tag == "span" and self.stack and MARK in (a.get("class") or "").split():
            self.stack[-1]["marked"] = True
        elif tag in CONTROLS and a.get("type") not in {"hidden", "submit", "button"}:
            if "hidden" in a:
                return
            required = "required" in a
            name = a.get("name") or "?"
            if tag == "select":
                self.selects.add(name)
            if self.stack:
                label = self.stack[-1]
                self.found.append((str(label["text"]), bool(label["marked"]), name, required))
            elif required:
                self.unlabelled_required.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1]["text"] = str(self.stack[-1]["text"]) + data.strip()


def problems(html: str) -> list[str]:
    parser = Labels()
    parser.feed(html)
    out = [f"必填项“{t}”({n})没有标注" for t, marked, n, req in parser.found if req and not marked]
    # (a required <select> without an empty first option has no ``required`` attribute: HTML)
    out += [
        f"“{t}”({n})标注为必填但并非必填"
        for t, marked, n, req in parser.found
        if marked and not req and n not in parser.selects
    ]
    out += [f"必填项 {n} 没有标签" for n in parser.unlabelled_required]
    return out


def scanned(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert problems(html) == [], (url, problems(html))
    return html


@pytest.fixture
def pinned(time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 20, 10, tzinfo=CHINA), tick=False)


def test_the_login_form_marks_its_required_fields(client):
    html = scanned(client, reverse("login"))
    assert html.count(MARK) == 2


def test_the_officers_forms_mark_every_required_field(client, district, register, pinned):
    app = register()
    client.force_login(district.officer_a)
    assert MARK in scanned(client, reverse("applications:register"))
    detail = scanned(client, reverse("applications:detail", args=[app.pk]))
    assert MARK in detail
    scanned(client, reverse("letters:application", args=[app.pk]))
    scanned(client, reverse("letters:letter_new", args=[app.pk, "correction"]))
    scanned(client, reverse("password_change"))
    scanned(client, reverse("litigation:new"))


def test_the_reviewers_forms_mark_every_required_field(client, district, register, steps, pinned):
    app = steps.ask_extension(register(), dt.date(2025, 3, 20))
    client.force_login(district.reviewer_a)
    inbox = scanned(client, reverse("applications:inbox"))
    assert app.number in inbox and inbox.count(MARK) >= 2
    scanned(client, reverse("orgs:edit", args=[district.dept_a.pk]))


def test_the_office_and_administrator_forms_mark_every_required_field(client, district, pinned):
    client.force_login(district.office)
    scanned(client, reverse("oversight:dashboard"))
    client.force_login(district.admin)
    scanned(client, reverse("accounts:members"))
    district.admin.is_superuser = True  # the installation's calendar administrator (issue 13)
    district.admin.save(update_fields=["is_superuser"])
    assert MARK in scanned(client, reverse("workcalendar:year", args=[2025]))
