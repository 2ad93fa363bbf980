"""The read-only sub-columns: 指南 generated from the records (dated, stale warning), the 目录
(search that works on Chinese, browse by 主题分类, zero-result log, validity), the 年报 page,
the 47号 page metadata, no login, the CSP kept."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from portal_helpers import make_item

from gongkai.web.notifications.models import Notification
from gongkai.web.portal.guide import guide_for
from gongkai.web.portal.models import ZeroResultSearch
from gongkai.web.portal.staff import warn_stale_guides
from gongkai.web.proactive.models import Category, Item

pytestmark = pytest.mark.django_db


def item(agency, category, title, *, published=dt.date(2025, 3, 3), **kw):
    return make_item(agency, category, title, published=published, **kw)


@pytest.fixture
def catalogue(district):
    a = district.dept_a
    plans = Category.objects.create(agency=a, name="规划计划")
    rules = Category.objects.create(agency=a, name="政策文件")
    item(a, plans, "2025年义务教育阶段学校招生工作方案", summary="招生范围和划片")
    item(
        a, rules, "关于规范校外培训机构的通知", doc_number="示教发〔2025〕3号", validity="repealed"
    )
    item(a, rules, "尚未公开的文件", published=None)
    item(a, rules, "已作废的条目", voided=True)
    item(district.dept_b, Category.objects.create(agency=district.dept_b, name="x"), "卫健招生")
    return plans, rules


def titles(response):
    return re.findall(r'/fdzdgknr/\d+/">([^<]+)<', response.content.decode())


def test_search_finds_chinese_words_inside_titles_and_summaries(client, district, catalogue):
    url = reverse("portal:catalogue", args=[district.dept_a.code])
    assert titles(client.get(url, {"q": "招生"})) == ["2025年义务教育阶段学校招生工作方案"]
    assert titles(client.get(url, {"q": "划片"})) == ["2025年义务教育阶段学校招生工作方案"]
    assert titles(client.get(url, {"q": "招生 培训"})) == []  # every term must match
    assert titles(client.get(url, {"q": "示教发〔2025〕3号"})) == ["关于规范校外培训机构的通知"]
    assert titles(client.get(url, {"q": "jyj/2025-00001"})) == [
        "2025年义务教育阶段学校招生工作方案"
    ]
    # Unpublished and voided items are not public; another agency's items are not listed.
    every = titles(client.get(url))
    assert sorted(every) == sorted(
        ["2025年义务教育阶段学校招生工作方案", "关于规范校外培训机构的通知"]
    )


def test_browse_by_category_and_validity_is_shown(client, district, catalogue):
    _plans, rules = catalogue
    url = reverse("portal:catalogue", args=[district.dept_a.code])
    page = client.get(url, {"category": rules.pk})
    assert titles(page) == ["关于规范校外培训机构的通知"]
    assert "政策文件（1）" in page.content.decode()
    assert "废止" in page.content.decode()
    assert titles(client.get(url, {"validity": "repealed"})) == ["关于规范校外培训机构的通知"]
    detail = Item.objects.get(title="关于规范校外培训机构的通知")
    html = client.get(reverse("portal:item", args=[district.dept_a.code, detail.pk])).content
    assert "jyj/2025-00002" in html.decode() and 'id="validity">废止' in html.decode()


def test_a_search_that_finds_nothing_is_logged_for_the_agency(client, district, catalogue):
    url = reverse("portal:catalogue", args=[district.dept_a.code])
    client.get(url, {"q": "垃圾分类"})
    client.get(url, {"q": "招生"})
    logged = ZeroResultSearch.objects.get()
    assert logged.query == "垃圾分类" and logged.agency == district.dept_a


def test_the_guide_is_generated_from_the_records_and_dated(client, district, time_machine):
    a = district.dept_a
    time_machine.move_to(dt.datetime(2025, 1, 10, 2, 0, tzinfo=dt.UTC))
    a.office_name = "示例区教育局办公室"
    a.office_phone = "010-11111111"
    a.review_body = "示例区人民政府"
    a.save()
    time_machine.move_to(dt.datetime(2025, 6, 1, 2, 0, tzinfo=dt.UTC))
    html = client.get(reverse("portal:guide", args=[a.code])).content.decode()
    assert "010-11111111" in html and "示例区教育局办公室" in html
    assert "更新日期：2025-01-10" in html and "超过一年" not in html
    assert "复议机关：示例区人民政府" in html
    assert re.search(r"本机关尚未登记：[^<]*传真", html)  # missing facts are named
    a.office_phone = "010-22222222"  # a fact changes: the guide follows, with a new date
    a.save()
    html = client.get(reverse("portal:guide", args=[a.code])).content.decode()
    assert "010-22222222" in html and "010-11111111" not in html
    assert "更新日期：2025-06-01" in html
    assert '<meta name="PubDate" content="2025-06-01">' in html


def test_an_agency_is_warned_when_its_guide_is_older_than_a_year(district, time_machine):
    time_machine.move_to(dt.datetime(2025, 1, 10, 2, 0, tzinfo=dt.UTC))
    district.dept_a.office_phone = "010-1"
    district.dept_a.save()
    assert warn_stale_guides(dt.date(2025, 12, 31)) == 0
    today = dt.date(2026, 1, 11)
    assert guide_for(agency=district.dept_a).dated == dt.date(2025, 1, 10)
    warned = warn_stale_guides(today)
    assert warned > 0
    note = Notification.objects.filter(user=district.officer_a, kind="guide_stale").get()
    assert "超过一年" in note.message
    assert warn_stale_guides(today) == 0  # once a day


def test_every_public_page_works_without_login_and_carries_the_47_metadata(client, district):
    code = district.dept_a.code
    for url in (
        reverse("portal:index"),
        reverse("portal:agency", args=[code]),
        reverse("portal:guide", args=[code]),
        reverse("portal:rules", args=[code]),
        reverse("portal:catalogue", args=[code]),
        reverse("portal:reports", args=[code]),
        reverse("portal:apply_index"),
        reverse("portal:apply"),
        reverse("portal:lookup"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for tag in ("SiteName", "SiteDomain", "ColumnName", "ColumnType"):
            assert f'<meta name="{tag}"' in html, (url, tag)
        assert "<script" not in html and "style=" not in html, url
        assert "script-src 'self'" in response["Content-Security-Policy"]
    guide = client.get(reverse("portal:guide", args=[code])).content.decode()
    assert '<meta name="ColumnType" content="信息公开指南">' in guide
    assert '<meta name="ArticleTitle" content="示例区教育局政府信息公开指南">' in guide
    assert '<meta name="ContentSource" content="示例区教育局">' in guide


def test_the_report_column_says_plainly_when_nothing_is_published(client, district):
    html = client.get(reverse("portal:reports", args=[district.dept_a.code])).content.decode()
    assert "尚未在本平台公布年度报告" in html


def test_officers_are_told_of_a_new_online_application(client, district):
    from portal_helpers import form_data

    client.post(reverse("portal:apply"), form_data(district))
    note = Notification.objects.get(user=district.officer_a, kind="online_pending")
    assert "新的网上申请待确认" in note.message
    assert not Notification.objects.filter(user=district.officer_b).exists()


def test_the_agency_reads_its_zero_result_searches(client, district, catalogue):
    client.get(reverse("portal:catalogue", args=[district.dept_a.code]), {"q": "垃圾分类"})
    client.get(reverse("portal:catalogue", args=[district.dept_b.code]), {"q": "疫苗接种点"})
    url = reverse("portal:staff_zero_results")
    assert client.get(url).status_code == 302  # staff only
    client.force_login(district.officer_a)
    html = client.get(url).content.decode()
    assert "垃圾分类" in html and "疫苗接种点" not in html
    client.force_login(district.office)  # the government's 公开办 sees every agency below it
    html = client.get(url).content.decode()
    assert "垃圾分类" in html and "疫苗接种点" in html
