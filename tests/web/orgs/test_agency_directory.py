"""The agency directory: 工作机构 details are shown and edited by those the rules allow,
audited, with Chinese errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.orgs.services import agency_update_office


def test_a_reviewer_edits_the_office_details_and_the_change_is_audited(district):
    agency = agency_update_office(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        office_name="示例区教育局办公室",
        office_phone="0999-1234567",
    )
    assert agency.office_phone == "0999-1234567"
    record = AuditRecord.objects.get(entity="agency", entity_id=str(agency.pk))
    assert record.changes["office_phone"] == ["", "0999-1234567"]


def test_a_case_officer_may_not_edit_the_agency(district):
    with pytest.raises(PermissionDenied):
        agency_update_office(
            acting_user=district.officer_a, agency=district.dept_a, office_phone="1"
        )


def test_a_number_pattern_without_a_sequence_is_refused(district):
    with pytest.raises(ApplicationError, match="必须包含流水号"):
        agency_update_office(
            acting_user=district.reviewer_a, agency=district.dept_a, number_pattern="{year}号"
        )


def test_the_directory_shows_only_visible_agencies(client, district):
    client.force_login(district.officer_b)
    page = client.get(reverse("orgs:index"))
    assert "示例区卫生健康委员会" in page.text
    assert "示例区教育局" not in page.text
    assert client.get(reverse("orgs:detail", args=[district.dept_a.pk])).status_code == 404
    client.force_login(district.office)
    page = client.get(reverse("orgs:index"))
    assert "示例区教育局" in page.text and "示例区东风街道办事处" in page.text
    assert "邻区人民政府" not in page.text


def test_the_edit_form_keeps_bad_input_and_says_what_to_fix(client, district):
    client.force_login(district.reviewer_a)
    page = client.post(
        reverse("orgs:edit", args=[district.dept_a.pk]),
        {"office_name": "教育局办公室", "office_email": "not-an-email"},
    )
    assert page.status_code == 400
    assert "电子邮箱格式不正确" in page.text
    assert 'value="教育局办公室"' in page.text
