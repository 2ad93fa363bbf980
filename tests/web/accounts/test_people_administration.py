"""People administration: the 系统管理员 adds staff in a role and removes roles, audited;
nobody else may."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.services import member_remove
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord


def test_the_administrator_adds_a_new_case_officer(district, add_member):
    membership = add_member(
        district.street, "dfjd_jbr", full_name="街道经办", password="a-long-enough-password-42"
    )
    user = get_user_model().objects.get(username="dfjd_jbr")
    assert user.check_password("a-long-enough-password-42")
    assert membership.role == "officer"
    assert AuditRecord.objects.filter(action=AuditAction.MEMBER_ADD).count() == 1


def test_a_weak_password_is_refused_in_chinese(district, add_member):
    with pytest.raises(ApplicationError, match="密码"):
        add_member(district.street, "weak", password="123")


def test_only_the_administrator_of_that_government_manages_people(district, add_member):
    for user in (district.office, district.reviewer_a):
        with pytest.raises(PermissionDenied):
            add_member(district.dept_a, "x", by=user)
    with pytest.raises(PermissionDenied):
        add_member(district.other_gov, "x", password="a-long-enough-password-42")


def test_removing_a_role_needs_a_reason_and_keeps_the_account(district):
    membership = Membership.objects.get(user=district.officer_b)
    with pytest.raises(ApplicationError, match="原因"):
        member_remove(acting_user=district.admin, membership=membership, reason="")
    member_remove(acting_user=district.admin, membership=membership, reason="调离")
    assert not Membership.objects.filter(user=district.officer_b).exists()
    assert get_user_model().objects.filter(pk=district.officer_b.pk).exists()


def test_the_people_page_is_for_administrators(client, district):
    client.force_login(district.officer_a)
    assert client.get(reverse("accounts:members")).status_code == 403
    client.force_login(district.admin)
    page = client.post(
        reverse("accounts:members"),
        {"agency": district.dept_b.pk, "role": "reviewer", "username": "jyj_jbr"},
        follow=True,
    )
    assert "已添加 jyj_jbr（审核人，示例区卫生健康委员会）" in page.text
