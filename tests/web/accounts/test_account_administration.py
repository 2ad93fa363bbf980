"""Accounts: disable, reset a password (changed at the next login), the last role removed ends
access, granting 公开办 to a department user is confirmed and audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import services
from gongkai.web.accounts.account_services import account_reset_password, account_set_active
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.roles import Role
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord

PASSWORD = "gongkai-test-pass"


def test_a_disabled_account_cannot_log_in_and_its_session_ends(client, district):
    client.force_login(district.officer_a)
    assert client.get(reverse("applications:queue")).status_code == 200
    account_set_active(
        acting_user=district.admin, user=district.officer_a, active=False, reason="离职"
    )
    assert client.get(reverse("applications:queue")).status_code == 302  # back to login
    answer = client.post(reverse("login"), {"username": "jyj_jbr", "password": PASSWORD})
    assert "该账户已停用" in answer.text or "用户名或密码不正确" in answer.text
    assert AuditRecord.objects.filter(action=AuditAction.ACCOUNT_DISABLE, reason="离职").exists()
    with pytest.raises(PermissionDenied):
        account_set_active(
            acting_user=district.outsider, user=district.officer_b, active=False, reason="x"
        )


def test_a_reset_password_must_be_changed_at_the_next_login(client, district):
    account_reset_password(
        acting_user=district.admin, user=district.officer_a, password="Temp-2025-xyz"
    )
    answer = client.post(reverse("login"), {"username": "jyj_jbr", "password": "Temp-2025-xyz"})
    assert answer.status_code == 302
    page = client.get(reverse("applications:queue"))
    assert page.status_code == 302 and page["Location"] == reverse("accounts:password_change")
    changed = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "Temp-2025-xyz",
            "new_password1": "Mine-2025-abc!",
            "new_password2": "Mine-2025-abc!",
        },
    )
    assert changed.status_code == 302
    assert client.get(reverse("applications:queue")).status_code == 200
    assert AuditRecord.objects.filter(action=AuditAction.PASSWORD_RESET).exists()


def test_removing_the_last_role_ends_access(district, add_member):
    membership = Membership.objects.get(user=district.officer_b)
    services.member_remove(acting_user=district.admin, membership=membership, reason="调离")
    district.officer_b.refresh_from_db()
    assert not district.officer_b.is_active
    add_member(district.dept_b, "wjw_jbr")
    district.officer_b.refresh_from_db()
    assert district.officer_b.is_active  # a role given back restores access


def test_granting_the_office_role_to_a_department_user_needs_confirmation(district, add_member):
    with pytest.raises(ApplicationError, match="请勾选确认"):
        add_member(district.gov, "jyj_shr", role=Role.OFFICE)
    assert not Membership.objects.filter(user=district.reviewer_a, role="office").exists()
    add_member(district.gov, "jyj_shr", role=Role.OFFICE, confirm_office=True)
    record = AuditRecord.objects.get(action=AuditAction.MEMBER_ADD, changes__user="jyj_shr")
    assert "已确认向部门工作人员" in record.changes["confirmed"]
