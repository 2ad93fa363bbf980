"""Accounts and sessions (issue 13, item 7): lockout after repeated failures (django-axes), logins
and failures audited, password validators that know the username, users change their own
password, and personal pages never cached."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts.roles import Role
from gongkai.web.accounts.services import member_add
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.models import AuditRecord

PASSWORD = "gongkai-test-pass"


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_from_that_address(client, district):
    for _ in range(4):
        assert "用户名或密码不正确" in login(client, "jyj_jbr", "wrong").text
    assert "登录已暂停" in login(client, "jyj_jbr", "wrong").text  # the fifth
    locked = login(client, "jyj_jbr", PASSWORD)  # even the right password is refused now
    assert locked.status_code == 429
    assert "登录已暂停30分钟" in locked.text
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not affected.
    assert login(client, "jyj_shr", PASSWORD).status_code == 302


def test_a_successful_login_clears_earlier_failures(client, district):
    for _ in range(4):
        login(client, "jyj_jbr", "wrong")
    assert login(client, "jyj_jbr", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "jyj_jbr", "wrong")
    assert login(client, "jyj_jbr", PASSWORD).status_code == 302


def test_logins_failures_and_logouts_are_audited(client, district):
    login(client, "jyj_jbr", "wrong")
    login(client, "nobody", "wrong")
    login(client, "jyj_jbr", PASSWORD)
    client.post(reverse("logout"))
    trail = list(AuditRecord.objects.filter(entity="user").order_by("id"))
    assert [r.action for r in trail] == [
        AuditAction.LOGIN_FAILED,
        AuditAction.LOGIN_FAILED,
        AuditAction.LOGIN,
        AuditAction.LOGOUT,
    ]
    assert trail[0].entity_id == str(district.officer_a.pk)
    assert trail[0].changes == {"username": "jyj_jbr", "address": "127.0.0.1"}
    assert trail[1].changes["username"] == "nobody" and trail[1].entity_id == ""
    assert trail[2].actor == district.officer_a
    assert all("wrong" not in str(r.changes) for r in trail)  # never the password tried


@pytest.mark.parametrize("password", ["zhangwei2025", "zhangwei-2025"])
def test_a_new_account_s_password_may_not_resemble_its_username(district, password):
    with pytest.raises(ApplicationError) as refused:
        member_add(
            acting_user=district.admin,
            agency=district.dept_a,
            role=Role.OFFICER,
            username="zhangwei2025",
            password=password,
        )
    assert "相似" in refused.value.message
    assert not get_user_model().objects.filter(username="zhangwei2025").exists()


def test_users_change_their_own_password(client, district):
    client.force_login(district.officer_a)
    url = reverse("password_change")
    assert "修改密码" in client.get(url).text
    wrong = client.post(
        url, {"old_password": "x", "new_password1": "Qx7!lantern", "new_password2": "Qx7!lantern"}
    )
    assert wrong.status_code == 400 and "原密码不正确" in wrong.text
    like_name = client.post(
        url, {"old_password": PASSWORD, "new_password1": "jyj_jbr1", "new_password2": "jyj_jbr1"}
    )
    assert like_name.status_code == 400
    done = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": "Qx7!lantern", "new_password2": "Qx7!lantern"},
    )
    assert done.status_code == 302
    assert client.get(reverse("applications:queue")).status_code == 200  # still logged in
    district.officer_a.refresh_from_db()
    assert district.officer_a.check_password("Qx7!lantern")
    assert AuditRecord.objects.filter(
        action=AuditAction.PASSWORD_CHANGE, actor=district.officer_a
    ).exists()


def test_pages_and_downloads_with_personal_data_are_never_stored(client, district, register):
    application = register()
    client.force_login(district.officer_a)
    for url in (
        reverse("applications:queue"),
        reverse("applications:detail", args=[application.pk]),
        reverse("applications:queue_csv"),
        reverse("login"),
    ):
        answer = client.get(url)
        assert "no-store" in answer["Cache-Control"], url
        assert "private" in answer["Cache-Control"], url


def test_failures_from_other_addresses_never_lock_the_official_out(client, district):
    """Lockout is per username AND address, by decision (settings: AXES_LOCKOUT_PARAMETERS):
    an outsider who knows a username cannot lock the official out, and each of the outsider's
    addresses is stopped after five tries; every failure is audited with its address."""
    for n in range(1, 6):
        for _ in range(5):
            client.post(
                reverse("login"),
                {"username": "jyj_jbr", "password": "wrong"},
                REMOTE_ADDR=f"203.0.113.{n}",
            )
        refused = client.post(
            reverse("login"),
            {"username": "jyj_jbr", "password": PASSWORD},
            REMOTE_ADDR=f"203.0.113.{n}",
        )
        assert refused.status_code == 429  # that address is locked for this username
    assert login(client, "jyj_jbr", PASSWORD).status_code == 302  # the office's own address
    failures = AuditRecord.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert {r.changes["address"] for r in failures} == {f"203.0.113.{n}" for n in range(1, 6)}
