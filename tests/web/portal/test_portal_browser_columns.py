"""axe-core in headless Chromium on the sub-columns this round added or filled: the 年报 list with
published versions (files and hashes) and the government's consolidated tables, the 目录 browsed
by 条例第二十条 category and agency, the agency-written 制度 page — at desktop and mobile widths
and in large-text mode: no serious or critical violation."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect
from test_portal_browser import check_paths_accessible
from test_portal_consolidated import by_hand, publish, t3

from gongkai.core.article20 import Article20
from gongkai.web.portal import rules
from gongkai.web.proactive.models import Category, Item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_report_column_catalogue_and_rules_pages_pass_axe(live_server, page, district):
    base = live_server.url
    publish(district, district.dept_a, district.officer_a, district.reviewer_a)
    by_hand(district.dept_b, tables={"t2": {}, "t3": t3(5, 3), "t4": {}})
    category = Category.objects.create(agency=district.dept_a, name="政策文件")
    for n, (title, a20) in enumerate(
        [("示例区“十四五”教育发展规划", Article20.PLANS), ("2025年部门预算", Article20.BUDGET)],
        start=1,
    ):
        Item.objects.create(
            agency=district.dept_a,
            index_number=f"jyj/2025-{n:05d}",
            title=title,
            formed_on=dt.date(2025, 3, 1),
            published_on=dt.date(2025, 3, 3),
            publisher="示例区教育局",
            category=category,
            article20=a20.value,
            due_on=dt.date(2025, 3, 28),
        )
    rules.rules_page_publish(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        body="本局制度：\n- 保密审查制度\n\n## 联系\n电话 010-12345678",
        version=None,
        now=dt.datetime(2025, 4, 1, 9, 0, tzinfo=dt.UTC),
    )
    paths = [
        f"/xxgk/{district.dept_a.code}/nb/",
        f"/xxgk/{district.gov.code}/nb/",
        f"/xxgk/{district.gov.code}/nb/hz/2025/",
        f"/xxgk/{district.gov.code}/fdzdgknr/",
        f"/xxgk/{district.dept_a.code}/fdzdgknr/?a20={Article20.PLANS.value}",
        f"/xxgk/{district.dept_a.code}/zd/",
    ]
    page.goto(base + paths[0])
    expect(page.locator("#reports")).to_contain_text("2025年度")
    page.goto(base + paths[2])
    expect(page.locator("#included")).to_contain_text("示例区卫生健康委员会")
    check_paths_accessible(page, base, paths)
