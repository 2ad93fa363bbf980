"""待我审批: extension requests reach the agency's 审核人 (notified on arrival), who approves,
rejects or returns them with reasons; nobody approves their own request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.wallclock import CHINA
from gongkai.web.applications import services
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.inbox import approval_inbox, approval_inbox_count
from gongkai.web.common.errors import PermissionDenied
from gongkai.web.notifications.models import Notification
from gongkai.web.workcalendar.snapshots import work_calendar

D = dt.date


@pytest.fixture
def asked(register, steps, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 20, 10, tzinfo=CHINA), tick=False)
    return steps.ask_extension(register(), D(2025, 3, 20), "需调档")


def test_a_request_reaches_the_reviewers_inbox_and_notifies_them(district, asked):
    items = approval_inbox(user=district.reviewer_a, calendar=work_calendar())
    assert [i.application.pk for i in items] == [asked.pk]
    assert items[0].request.note == "需调档"
    assert items[0].extended_due == D(
        2025, 4, 28
    )  # 2025-03-31 + 20 working days (清明 off, 4-27 调休 on)
    assert approval_inbox_count(user=district.reviewer_a) == 1
    assert approval_inbox(user=district.reviewer_b, calendar=work_calendar()) == []
    assert approval_inbox(user=district.officer_a, calendar=work_calendar()) == []
    note = Notification.objects.get(user=district.reviewer_a, kind="approval")
    assert note.application_id == asked.pk and "待您审批" in note.message
    assert not Notification.objects.filter(user=district.reviewer_b).exists()


def test_nobody_approves_their_own_request(district, register, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 20, 10, tzinfo=CHINA), tick=False)
    app = services.application_request_extension(
        acting_user=district.reviewer_a, application=register(), day=D(2025, 3, 20), reason="x"
    )
    assert approval_inbox(user=district.reviewer_a, calendar=work_calendar()) == []
    with pytest.raises(PermissionDenied, match="不能审批自己提出的延期申请"):
        services.application_approve_extension(
            acting_user=district.reviewer_a, application=app, day=D(2025, 3, 20)
        )
    assert not app.events.filter(kind=EventKind.EXTENSION.value).exists()


def test_the_inbox_page_approves_and_the_officer_is_told(client, district, asked):
    client.force_login(district.reviewer_a)
    page = client.get(reverse("applications:inbox"))
    assert asked.number in page.text and "需调档" in page.text
    answer = client.post(
        reverse("applications:act", args=[asked.pk, "approve_extension"]),
        {"ea-day": "2025-03-20", "next": "inbox"},
    )
    assert answer["Location"] == reverse("applications:inbox")
    asked.refresh_from_db()
    assert asked.due_on == D(2025, 4, 28)
    after = client.get(reverse("applications:inbox")).text
    assert "已批准延期" in after and f'data-number="{asked.number}"' not in after
    told = Notification.objects.get(user=district.officer_a, kind="approval_decided")
    assert "已批准" in told.message


@pytest.mark.parametrize(
    ("action", "prefix", "kind", "word"),
    [
        ("return_extension", "et", EventKind.EXTENSION_RETURNED, "退回"),
        ("reject_extension", "ej", EventKind.EXTENSION_REJECTED, "驳回"),
    ],
)
def test_return_or_reject_needs_reasons_and_keeps_the_period(
    client, district, asked, action, prefix, kind, word
):
    client.force_login(district.reviewer_a)
    url = reverse("applications:act", args=[asked.pk, action])
    refused = client.post(url, {f"{prefix}-day": "2025-03-20", "next": "inbox"})
    assert refused.status_code == 400 and "请填写“理由”" in refused.text
    client.post(
        url, {f"{prefix}-day": "2025-03-20", f"{prefix}-reason": "理由不充分", "next": "inbox"}
    )
    asked.refresh_from_db()
    assert asked.due_on == D(2025, 3, 31)
    assert asked.events.filter(kind=kind.value, note="理由不充分").exists()
    assert services.pending_extension_request(asked) is None
    told = Notification.objects.get(user=district.officer_a, kind="approval_decided")
    assert f"被{word}（理由不充分）" in told.message
    # the officer may ask again
    services.application_request_extension(
        acting_user=district.officer_a, application=asked, day=D(2025, 3, 20), reason="补充理由"
    )
    assert services.pending_extension_request(asked) is not None
