"""The 政府信息公开制度 page (issue 14 item 4): written by the agency, published as versions,
guarded against lost updates, shown on the 专栏 with its date; the default until then."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common import versioning
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.portal import rules
from gongkai.web.portal.models import RulesPage

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 4, 1, 9, 0, tzinfo=dt.UTC)


def publish(district, body, *, user=None, now=NOW):
    return rules.rules_page_publish(
        acting_user=user or district.reviewer_a,
        agency=district.dept_a,
        body=body,
        version=None,
        now=now,
    )


BODY = "本局依照条例开展工作：\n- 保密审查制度\n- 新闻发布制度\n\n## 联系我们\n电话 010-12345678"


def test_the_column_shows_the_default_until_the_agency_publishes(client, district):
    html = client.get(reverse("portal:rules", args=[district.dept_a.code])).content.decode()
    assert "《中华人民共和国政府信息公开条例》" in html and "示例区教育局依照下列法规" in html
    assert 'id="rules-dated"' not in html


def test_the_agency_publishes_versions_and_the_column_shows_the_newest(client, district):
    first = publish(district, BODY)
    second = publish(district, BODY + "\n- 政策解读制度", now=NOW + dt.timedelta(days=1))
    assert (first.number, second.number) == (1, 2)
    assert RulesPage.objects.filter(agency=district.dept_a).count() == 2  # history kept
    html = client.get(reverse("portal:rules", args=[district.dept_a.code])).content.decode()
    assert "<li>政策解读制度</li>" in html and "<h2>联系我们</h2>" in html
    assert "更新日期：2025-04-02" in html and "国办公开办函〔2019〕61号" not in html
    assert '<meta name="PubDate" content="2025-04-02">' in html
    audit = AuditRecord.objects.filter(action=AuditAction.RULES_PAGE_PUBLISH)
    assert audit.count() == 2 and audit.first().actor == district.reviewer_a
    # The text is escaped, never HTML.
    publish(district, "<script>alert(1)</script>")
    html = client.get(reverse("portal:rules", args=[district.dept_a.code])).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_only_the_agencys_reviewer_or_office_may_publish_and_blank_is_refused(district):
    with pytest.raises(PermissionDenied):
        publish(district, BODY, user=district.officer_a)
    with pytest.raises(PermissionDenied):
        publish(district, BODY, user=district.reviewer_b)
    with pytest.raises(ApplicationError, match="请填写"):
        publish(district, "  ")


def test_a_concurrent_edit_is_refused_and_what_was_typed_is_kept(client, district):
    url = reverse("portal:staff_rules", args=[district.dept_a.pk])
    client.force_login(district.reviewer_a)
    opened = client.get(url).content.decode()
    token = opened.split(f'name="{versioning.FIELD}" value="')[1].split('"')[0]
    # Someone else publishes meanwhile.
    publish(district, "他人发布的内容", user=district.office)
    response = client.post(url, {"body": "我的修改", versioning.FIELD: token})
    html = response.content.decode()
    assert response.status_code == 400 and "他人已修改" in html and "我的修改" in html
    assert rules.current_body(agency=district.dept_a) == "他人发布的内容"
    fresh = html.split(f'name="{versioning.FIELD}" value="')[1].split('"')[0]
    response = client.post(url, {"body": "我的修改", versioning.FIELD: fresh})
    assert response.status_code == 302
    assert rules.current_body(agency=district.dept_a) == "我的修改"
    assert "第2版" in client.get(url).content.decode()


def test_a_case_officer_cannot_open_the_editor(client, district):
    client.force_login(district.officer_a)
    assert client.get(reverse("portal:staff_rules", args=[district.dept_a.pk])).status_code == 403
