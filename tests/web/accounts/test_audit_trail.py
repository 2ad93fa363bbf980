"""Audit you can read (issue 13, item 9): every kind of audit record is visible to those allowed
(and only them), filterable and exportable; nothing can alter or delete one."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from gongkai.web.accounts.services import calendar_admin_grant
from gongkai.web.common.appendonly import AppendOnlyError
from gongkai.web.common.models import AuditRecord
from gongkai.web.orgs.services import agency_update_office

PASSWORD = "gongkai-test-pass"


@pytest.fixture
def trail(client, district, register, add_member):
    """One record of each kind in 示例区, and one in the other government."""
    register()
    agency_update_office(
        acting_user=district.reviewer_a, agency=district.dept_a, office_phone="0999-1234567"
    )
    add_member(district.dept_b, "new_officer", password="Qx7!lantern-42")
    client.post(reverse("login"), {"username": "jyj_jbr", "password": "wrong"})
    client.post(reverse("login"), {"username": "other_jbr", "password": "wrong"})
    register(acting_user=district.outsider, agency=district.other_gov)
    return AuditRecord.objects.count()


def csv_rows(client, **params):
    answer = client.get(reverse("accounts:audit_csv"), params)
    assert answer.status_code == 200
    text = b"".join(answer.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_government_s_administrator_reads_all_of_its_trail_and_nothing_else(
    client, district, trail
):
    client.force_login(district.admin)
    actions = {row["操作"] for row in csv_rows(client)}
    assert {"登记申请", "修改机构信息", "添加工作人员", "登录失败"} <= actions
    rows = csv_rows(client)
    assert all("邻区" not in row["变更内容"] for row in rows)
    assert not any(r["受理编号"].startswith("other-") for r in rows)
    failures = [r for r in rows if r["操作"] == "登录失败"]
    assert [json_user(r) for r in failures] == ["jyj_jbr"]  # not the other government's login
    page = client.get(reverse("accounts:audit"))
    assert page.status_code == 200 and "审计记录只能追加" in page.text
    assert "no-store" in page["Cache-Control"]


def json_user(row):
    return json.loads(row["变更内容"])["username"]


def test_an_installation_administrator_reads_every_record(client, district, trail):
    calendar_admin_grant(acting_user=None, user=district.admin)
    client.force_login(district.admin)
    assert len(csv_rows(client)) == AuditRecord.objects.count()


def test_the_trail_filters_by_kind_action_person_and_date(client, district, trail):
    client.force_login(district.office)
    assert {r["对象类型"] for r in csv_rows(client, entity="user")} == {"账户与登录"}
    assert {r["操作"] for r in csv_rows(client, action="机构")} == {"修改机构信息"}
    assert {r["操作人"] for r in csv_rows(client, actor="jyj_jbr")} <= {"教育经办", "jyj_jbr"}
    assert csv_rows(client, since="2999-01-01") == []
    # A malformed filter is ignored with a message, never a server error.
    assert Client().get(reverse("accounts:audit")).status_code == 302
    assert client.get(reverse("accounts:audit"), {"since": "2025-13-45"}).status_code == 200


def test_case_officers_do_not_read_the_trail(client, district, trail):
    client.force_login(district.officer_a)
    assert client.get(reverse("accounts:audit")).status_code == 403
    assert client.get(reverse("accounts:audit_csv")).status_code == 403


def test_nothing_can_alter_or_delete_an_audit_record(client, district, trail):
    record = AuditRecord.objects.first()
    original = (record.action, record.changes)
    record.action = "篡改"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=record.pk).update(action="篡改")
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.all().delete()
    record.refresh_from_db()
    assert (record.action, record.changes) == original
    # No page offers a way: every POST to the audit pages is refused, and the count is unchanged.
    client.force_login(district.admin)
    for name in ("accounts:audit", "accounts:audit_csv"):
        assert client.post(reverse(name), {"id": record.pk, "action": "删除"}).status_code == 405
    assert AuditRecord.objects.count() >= trail
    assert "django.contrib.admin" not in settings.INSTALLED_APPS  # no admin site to edit one
