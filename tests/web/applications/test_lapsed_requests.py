"""Requests whose applicant let the 补正 or payment deadline pass (条例第三十条; 国办函〔2020〕109号):
flagged in the queue and the daily reminder, and closed in one click as （六）其他处理."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications import services
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.notifications.models import Notification
from gongkai.web.notifications.tasks import send_deadline_reminders_for

D = dt.date


@pytest.fixture
def lapsed(register, steps):
    """A request received 2025-03-03 whose 补正 notice gave the applicant until 2025-03-25."""
    return steps.ask_correction(
        register(), D(2025, 3, 4), note="请写明所需信息的名称、文号", reply_by=D(2025, 3, 25)
    )


def test_the_correction_period_named_in_the_notice_is_kept_for_the_queue(lapsed):
    assert lapsed.lapses_on == D(2025, 3, 25)
    assert lapsed.due_on is None  # the clock stops while waiting for the correction


def test_the_queue_flags_a_request_whose_correction_period_has_passed(client, district, lapsed):
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:queue"), {"view": "lapsed"})
    assert lapsed.number in page.text
    assert "补正期限已过，可按逾期不补正办结" in page.text


def test_a_request_still_within_its_correction_period_is_not_flagged(
    client, district, register, steps
):
    app = steps.ask_correction(
        register(), D(2025, 3, 4), reply_by=wallclock.today() + dt.timedelta(days=30)
    )
    client.force_login(district.officer_a)
    assert app.number not in client.get(reverse("applications:queue"), {"view": "lapsed"}).text
    page = client.get(reverse("applications:queue"))
    assert app.number in page.text and "可按逾期不补正办结" not in page.text


def test_closing_a_lapsed_request_ends_it_as_no_correction_with_an_audit_record(district, lapsed):
    app = services.application_close_lapsed(
        acting_user=district.officer_a, application=lapsed, day=D(2025, 3, 28)
    )
    assert app.status == "terminated"
    assert app.outcome == "other.no_correction"  # 2021 format: （六）1 申请人逾期不补正
    assert app.closed_on == D(2025, 3, 28)
    assert "条例第三十条" in app.legal_basis and "2025-03-25" in app.legal_basis
    record = AuditRecord.objects.filter(
        application=app, action=AuditAction.APPLICATION_TERMINATE
    ).get()
    assert record.actor == district.officer_a


def test_a_request_of_a_2019_format_year_ends_in_the_single_other_row(register, district, steps):
    app = steps.ask_correction(
        register(arrived_on=D(2020, 6, 1)), D(2020, 6, 2), reply_by=D(2020, 6, 16)
    )
    app = services.application_close_lapsed(
        acting_user=district.officer_a, application=app, day=D(2020, 6, 18)
    )
    assert app.outcome == "other"  # 2019 format: （六）其他处理


def test_closing_before_the_period_ends_is_refused_with_the_date(district, lapsed):
    with pytest.raises(ApplicationError, match="补正期限至2025-03-25"):
        services.application_close_lapsed(
            acting_user=district.officer_a, application=lapsed, day=D(2025, 3, 25)
        )


def test_a_notice_without_a_period_cannot_be_judged_lapsed(register, district, steps):
    app = steps.ask_correction(register(), D(2025, 3, 4))
    assert app.lapses_on is None
    with pytest.raises(ApplicationError, match="未写明补正期限"):
        services.application_close_lapsed(acting_user=district.officer_a, application=app)


def test_an_unpaid_fee_past_20_working_days_ends_as_no_fee_paid(register, district, steps):
    app = steps.fee_notice(steps.start(register()), D(2025, 3, 10), Decimal("100"))
    assert app.lapses_on is not None and app.lapses_on > D(2025, 4, 1)
    app = services.application_close_lapsed(
        acting_user=district.officer_a,
        application=app,
        day=app.lapses_on + dt.timedelta(days=1),
    )
    assert app.outcome == "other.no_fee_paid"  # （六）2 逾期未按收费通知要求缴纳费用
    assert "国办函〔2020〕109号" in app.legal_basis


def test_only_a_handler_may_close_a_lapsed_request(district, lapsed):
    with pytest.raises(PermissionDenied):
        services.application_close_lapsed(acting_user=district.admin, application=lapsed)


def test_the_case_officer_gets_a_one_click_action_on_the_request_page(client, district, lapsed):
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:detail", args=[lapsed.pk]))
    assert 'id="action-close_lapsed"' in page.text
    answer = client.post(
        reverse("applications:act", args=[lapsed.pk, "close_lapsed"]),
        {"cl-day": "2025-03-28"},
        follow=True,
    )
    assert "已按“其他处理”办结" in answer.text
    lapsed.refresh_from_db()
    assert lapsed.outcome == "other.no_correction"


def test_the_daily_reminder_tells_the_officer_the_request_can_be_closed(district, lapsed):
    assert lapsed.assigned_to == district.officer_a  # the registering officer handles it
    send_deadline_reminders_for(D(2025, 3, 27))
    note = Notification.objects.get(kind="lapsed")
    assert note.message == (
        f"{lapsed.number} 的补正期限（2025-03-25）已过，申请人视为放弃申请，可按逾期不补正办结"
    )
