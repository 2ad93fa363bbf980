"""The case list's pager keeps the list's filters (it used to link to ``?page=2`` alone, so the
second page of the 行政复议 of one agency showed every case of every agency)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.http import QueryDict
from django.urls import reverse

from gongkai.web.litigation import services, views


@pytest.fixture
def two_reviews(district, register):
    for _ in range(2):
        services.case_register(
            acting_user=district.officer_a,
            agency=district.dept_a,
            application=register(),
            kind="review",
            filed_on=dt.date(2025, 5, 6),
            body="示例区人民政府",
            today=dt.date(2025, 12, 31),
        )


def _link(html: str, label: str) -> QueryDict:
    """The query of the pager link ``label`` (上一页/下一页), as the browser reads the href."""
    (href,) = re.findall(rf'<a href="\?([^"]*)">{label}</a>', html)
    return QueryDict(unescape(href))


def test_the_next_page_of_a_filtered_case_list_keeps_its_filters(
    client, district, two_reviews, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client.force_login(district.officer_a)
    url = reverse("litigation:index")
    first = client.get(url, {"kind": "review", "pending": "1"}).content.decode()
    assert "第 1 / 2 页" in first
    assert _link(first, "下一页").dict() == {"kind": "review", "pending": "1", "page": "2"}

    second = client.get(url, {"kind": "review", "pending": "1", "page": 2}).content.decode()
    assert _link(second, "上一页").dict() == {"kind": "review", "pending": "1", "page": "1"}
