"""Error pages in Chinese with the navigation (403, 404, 500, CSRF); dates printed one way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from gongkai.core.wallclock import CHINA

WEB = Path(__file__).parents[2] / "src" / "gongkai" / "web"


def test_a_missing_page_is_chinese_with_the_navigation(client, district):
    client.force_login(district.officer_a)
    page = client.get("/applications/999999/")
    assert page.status_code == 404
    assert "页面不存在（404）" in page.text
    assert "返回工作台" in page.text and 'class="mainnav"' in page.text


def test_a_refused_action_is_the_chinese_403_page_with_its_reason(client, district, register):
    app = register()
    client.force_login(district.office)  # reads department A's cases, does not handle them
    page = client.post(reverse("applications:act", args=[app.pk, "start"]), {})
    assert page.status_code == 403
    assert "无权访问（403）" in page.text and "您无权办理该申请" in page.text
    assert 'class="mainnav"' in page.text


def test_the_dashboard_refuses_a_case_officer_in_chinese(client, district):
    client.force_login(district.officer_a)
    page = client.get(reverse("oversight:dashboard"))
    assert page.status_code == 403 and "只有公开办和系统管理员可以查看督办看板" in page.text


def test_a_stale_form_is_the_chinese_csrf_page(district):
    client = Client(enforce_csrf_checks=True)
    client.force_login(district.officer_a)
    page = client.post(reverse("applications:register"), {"subject": "x"})
    assert page.status_code == 403
    assert "安全校验失败" in page.text and "没有保存任何内容" in page.text
    assert "CSRF verification failed" not in page.text


def test_a_server_error_is_the_chinese_500_page(rf):
    from django.views.defaults import server_error

    page = server_error(rf.get("/boom/"))
    text = page.content.decode()
    assert page.status_code == 500
    assert "系统出错（500）" in text and "已保存的数据不受影响" in text
    assert "返回工作台" in text and "Server Error" not in text


def test_dates_are_printed_one_way_in_every_template():
    formats = set()
    for template in WEB.rglob("*.html"):
        formats |= set(re.findall(r"""\|date:["']([^"']*)["']""", template.read_text()))
    assert formats <= {"Y-m-d", "Y-m-d H:i", "Y-m-d H:i:s", "Y"}, formats  # seconds: audit trails


@pytest.mark.django_db
def test_a_date_without_a_format_prints_the_same_way():
    text = Template("{{ d }} {{ t }}").render(
        Context({"d": dt.date(2025, 3, 31), "t": dt.datetime(2025, 3, 31, 14, 5, tzinfo=CHINA)})
    )
    assert text == "2025-03-31 2025-03-31 14:05"


def test_required_fields_are_marked_on_the_registration_form(client, district):
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:register")).text
    mark = '<span class="required-mark" title="必填">*</span>'  # tests/web/test_required_marks.py
    assert f"申请人姓名/名称{mark}" in page
    assert f"双方确认日期{mark}" not in page
