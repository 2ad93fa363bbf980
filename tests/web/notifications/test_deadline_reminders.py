"""The daily deadline reminders: one in-app notification per case officer and case a day for
cases due within 3 working days or overdue, e-mailed when SMTP is configured."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from gongkai.web.notifications.models import Notification
from gongkai.web.notifications.tasks import send_deadline_reminders, send_deadline_reminders_for

D = dt.date


def test_due_soon_and_overdue_cases_are_reminded_once_a_day(register, district, steps):
    soon = register()  # due 2025-03-31
    waiting = steps.ask_correction(register(), D(2025, 3, 4))
    result = send_deadline_reminders_for(D(2025, 3, 27))
    assert result == {"created": 1, "emailed": 0}
    note = Notification.objects.get()
    assert note.user == district.officer_a
    assert note.application == soon
    assert note.message == f"{soon.number} 将于 2025-03-31 到期，请按时答复"
    assert send_deadline_reminders_for(D(2025, 3, 27))["created"] == 0  # not twice a day
    assert not Notification.objects.filter(application=waiting).exists()
    send_deadline_reminders_for(D(2025, 4, 2))
    assert Notification.objects.filter(kind="overdue").get().message.endswith("请尽快答复")


@override_settings(USE_SMTP=True)
def test_reminders_are_emailed_when_smtp_is_configured(register, district):
    district.officer_a.email = "jbr@example.org"
    district.officer_a.save()
    register()
    send_deadline_reminders_for(D(2025, 4, 2))
    assert [m.to for m in mail.outbox] == [["jbr@example.org"]]
    assert mail.outbox[0].subject == "政府信息公开申请期限提醒"


def test_the_task_runs_through_the_tasks_framework(register):
    register()  # long overdue by the real today
    result = send_deadline_reminders.enqueue()
    assert result.return_value["created"] == 1


def test_notifications_show_in_the_app(client, register, district):
    register()
    send_deadline_reminders_for(D(2025, 4, 2))
    client.force_login(district.officer_a)
    page = client.get(reverse("notifications:index"))
    assert "已超过答复期限" in page.text
    queue = client.get(reverse("applications:queue"))
    assert '<span class="badge">1</span>' in queue.text


def test_the_next_run_is_the_next_eight_oclock_in_shanghai():
    from gongkai.web.notifications.tasks import next_reminder_time

    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert next_reminder_time(dt.datetime(2025, 3, 3, 7, 59, tzinfo=shanghai)) == dt.datetime(
        2025, 3, 3, 8, 0, tzinfo=shanghai
    )
    assert next_reminder_time(dt.datetime(2025, 3, 3, 8, 0, tzinfo=shanghai)) == dt.datetime(
        2025, 3, 4, 8, 0, tzinfo=shanghai
    )


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_the_reminders_and_queues_the_next_day(register, district):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    register()  # overdue
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        send_deadline_reminders.enqueue()
        call_command("db_worker", batch=True, interval=0, verbosity=0)
        done = DBTaskResult.objects.get(status="SUCCESSFUL")
        assert done.return_value == {"created": 1, "emailed": 0, "stale_guides": 0}
        queued = DBTaskResult.objects.get(status="READY")  # tomorrow's run, queued by this one
        assert timezone.localtime(queued.run_after).hour == 8
    assert Notification.objects.filter(kind="overdue").count() == 1
