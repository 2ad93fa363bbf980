"""The 目录 (issue 14 item 3): browse by 条例第二十条 category and by 主题 with counts, full-text
search that works on Chinese (normalised: Traditional, full-width, spaces and punctuation), filters
by category, 主题, year and agency (a government's 目录 covers its agencies), zero-result searches
logged. Runs on SQLite, and on PostgreSQL with ``GONGKAI_TEST_POSTGRES=1``."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from portal_helpers import make_item

from gongkai.core.article20 import Article20
from gongkai.web.portal.models import ZeroResultSearch
from gongkai.web.proactive.models import Category, Item
from gongkai.web.proactive.search import normalise, query_terms

pytestmark = pytest.mark.django_db


def item(agency, category, title, *, formed=dt.date(2025, 3, 1), **kw):
    return make_item(agency, category, title, formed=formed, **kw)


@pytest.fixture
def mulu(district):
    a, b, gov = district.dept_a, district.dept_b, district.gov
    rules_a = Category.objects.create(agency=a, name="政策文件", position=1)
    news_a = Category.objects.create(agency=a, name="工作动态", position=2)
    rules_b = Category.objects.create(agency=b, name="政策文件", position=1)
    rules_gov = Category.objects.create(agency=gov, name="政策文件", position=1)
    item(
        a,
        rules_a,
        "示例区“十四五”教育发展规划",
        summary="学前教育、义务教育和职业教育的发展目标",
        article20=Article20.PLANS.value,
    )
    item(
        a,
        rules_a,
        "关于规范校外培训机构的通知",
        doc_number="示教发〔2024〕3号",
        validity="repealed",
        article20=Article20.RULES.value,
        formed=dt.date(2024, 6, 1),
    )
    item(a, news_a, "区教育局召开安全生产工作推进会")
    item(b, rules_b, "2025年部门预算公开说明", article20=Article20.BUDGET.value)
    item(gov, rules_gov, "示例区2025年政府工作报告", article20=Article20.OTHER.value)
    return district


def titles(response):
    return re.findall(r'/fdzdgknr/\d+/">([^<]+)<', response.content.decode())


def url(agency):
    return reverse("portal:catalogue", args=[agency.code])


def test_search_text_is_normalised_for_chinese():
    assert normalise("“十四五”  規劃 ＡＢＣ１２３") == "十四五规划abc123"
    assert query_terms("  十四五 ， 规划  十四五 ") == ["十四五", "规划"]
    assert query_terms("，。、") == []


@pytest.mark.parametrize(
    "q",
    ["十四五教育", "“十四五” 规划", "十四五 規劃", "职业教育", "教育 目标", "ＪＹＪ/2025-00001"],
)
def test_search_finds_chinese_however_the_reader_types_it(client, mulu, q):
    assert titles(client.get(url(mulu.dept_a), {"q": q})) == ["示例区“十四五”教育发展规划"]


def test_search_requires_every_term_and_logs_a_search_without_result(client, mulu):
    assert titles(client.get(url(mulu.dept_a), {"q": "规划 预算"})) == []
    assert titles(client.get(url(mulu.dept_a), {"q": "示教发〔2024〕3号"})) == [
        "关于规范校外培训机构的通知"
    ]
    client.get(url(mulu.dept_a), {"q": "，。"})  # punctuation only: not a search, not logged
    logged = ZeroResultSearch.objects.get()
    assert (logged.query, logged.agency) == ("规划 预算", mulu.dept_a)


def test_browse_by_article_20_category_with_counts(client, mulu):
    page = client.get(url(mulu.dept_a))
    html = page.content.decode()
    browse = html[html.index('id="browse-article20"') : html.index('id="browse-topics"')]
    assert "（一）行政法规、规章和规范性文件（1）" in browse
    assert "（三）规划信息（1）" in browse
    assert "财政预算" not in browse  # another agency's category is not counted here
    assert "其他主动公开信息（1）" in browse
    assert titles(client.get(url(mulu.dept_a), {"a20": Article20.PLANS.value})) == [
        "示例区“十四五”教育发展规划"
    ]
    # 规范性文件 show their validity.
    rules = client.get(url(mulu.dept_a), {"a20": Article20.RULES.value}).content.decode()
    assert "关于规范校外培训机构的通知" in rules and "<td>废止</td>" in rules
    repealed = Item.objects.get(title="关于规范校外培训机构的通知")
    detail = client.get(reverse("portal:item", args=[mulu.dept_a.code, repealed.pk]))
    assert 'id="validity">废止' in detail.content.decode()
    assert "条例第二十条行政法规、规章和规范性文件" in detail.content.decode()


def test_browse_by_topic_and_filter_by_year(client, mulu):
    html = client.get(url(mulu.dept_a)).content.decode()
    assert "政策文件（2）" in html and "工作动态（1）" in html
    assert titles(client.get(url(mulu.dept_a), {"topic": "工作动态"})) == [
        "区教育局召开安全生产工作推进会"
    ]
    assert titles(client.get(url(mulu.dept_a), {"topic": "政策文件", "year": "2024"})) == [
        "关于规范校外培训机构的通知"
    ]
    assert titles(client.get(url(mulu.dept_a), {"year": "20x4"})) != []  # junk year ignored


def test_the_governments_catalogue_covers_its_agencies_with_an_agency_filter(client, mulu):
    every = titles(client.get(url(mulu.gov)))
    assert len(every) == 5
    html = client.get(url(mulu.gov)).content.decode()
    assert "示例区卫生健康委员会（1）" in html and "示例区教育局（3）" in html
    assert "政策文件（4）" in html  # one 主题 across the agencies
    assert titles(client.get(url(mulu.gov), {"agency": mulu.dept_b.code})) == [
        "2025年部门预算公开说明"
    ]
    assert titles(client.get(url(mulu.gov), {"a20": Article20.BUDGET.value, "q": "预算"})) == [
        "2025年部门预算公开说明"
    ]
    # Each item links to its own agency's page, which shows it.
    budget = Item.objects.get(title="2025年部门预算公开说明")
    assert f'/xxgk/{mulu.dept_b.code}/fdzdgknr/{budget.pk}/"' in html
    assert client.get(reverse("portal:item", args=[mulu.dept_b.code, budget.pk])).status_code == 200
    # A department's 目录 stays its own.
    assert "2025年部门预算公开说明" not in titles(client.get(url(mulu.dept_a)))
