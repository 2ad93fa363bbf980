"""The daily deadline reminders, run by ``gongkai worker`` (django-tasks-db's db_worker)."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from gongkai.core import wallclock
from gongkai.web.applications.clock import CLOCK_FIELDS, refresh_due
from gongkai.web.applications.enums import OPEN_STATUSES
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError
from gongkai.web.notifications.models import Notification
from gongkai.web.workcalendar.snapshots import work_calendar

log = logging.getLogger(__name__)
SOON_WORKDAYS = 3


def reminder_message(
    application: Application, today: dt.date, soon_until: dt.date
) -> tuple[str, str] | None:
    """(kind, Chinese message) for an open application that needs attention today."""
    if application.lapsed_on(today):
        assert application.lapses_on is not None
        return (
            "lapsed",
            f"{application.number} 的{'缴费' if application.status == 'awaiting_fee' else '补正'}"
            f"期限（{application.lapses_on:%Y-%m-%d}）已过，申请人视为放弃申请，"
            f"可按{'逾期未缴费' if application.status == 'awaiting_fee' else '逾期不补正'}办结",
        )
    if application.due_on is None or not application.clock_running(today):
        return None
    if application.due_on < today:
        return (
            "overdue",
            f"{application.number} 已超过答复期限（{application.due_on:%Y-%m-%d}），请尽快答复",
        )
    if application.due_on <= soon_until:
        return (
            "due_soon",
            f"{application.number} 将于 {application.due_on:%Y-%m-%d} 到期，请按时答复",
        )
    return None


def send_deadline_reminders_for(today: dt.date) -> dict[str, int]:
    """Refresh every open due date, then remind each case officer once a day of the cases due
    within 3 working days or overdue; e-mail the reminder when SMTP is configured."""
    created = emailed = 0
    apps = (
        Application.objects.filter(voided=False, status__in=OPEN_STATUSES)
        .select_related("assigned_to")
        .prefetch_related("events")
    )
    calendar = work_calendar()
    soon_until = calendar.add_workdays(today, SOON_WORKDAYS)
    for application in apps.iterator(chunk_size=1000):
        try:
            old = [getattr(application, f) for f in CLOCK_FIELDS]
            refresh_due(application, calendar=calendar)
            if old != [getattr(application, f) for f in CLOCK_FIELDS]:
                application.save(update_fields=[*CLOCK_FIELDS, "updated_at"])
        except ApplicationError as exc:
            log.warning("cannot compute the due date of %s: %s", application.number, exc.message)
            continue
        reminder = reminder_message(application, today, soon_until)
        user = application.assigned_to
        if reminder is None or user is None:
            continue
        kind, message = reminder
        try:
            with transaction.atomic():
                note = Notification.objects.create(
                    user=user, application=application, kind=kind, day=today, message=message
                )
        except IntegrityError:
            continue  # already reminded today
        created += 1
        if settings.USE_SMTP and user.email:
            try:
                send_mail("政府信息公开申请期限提醒", message, None, [user.email])
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("reminder e-mail to %s failed: %s", user.email, exc)
                continue
            note.emailed = True
            note.save(update_fields=["emailed"])
            emailed += 1
    return {"created": created, "emailed": emailed}


# Daily checks of the apps above this one (the portal's stale-guide warning), connected from
# their AppConfig.ready: name -> function of today returning how many it flagged.
DAILY_CHECKS: dict[str, Callable[[dt.date], int]] = {}


def register_daily_check(name: str, check: Callable[[dt.date], int]) -> None:
    """Run ``check(today)`` with the daily reminders; its count is reported under ``name``."""
    DAILY_CHECKS[name] = check


REMINDER_HOUR = 8  # reminders go out at 08:00 local time (Asia/Shanghai)


def next_reminder_time(now: dt.datetime) -> dt.datetime:
    """The next 08:00 local time after ``now``."""
    local = timezone.localtime(now)
    run = local.replace(hour=REMINDER_HOUR, minute=0, second=0, microsecond=0)
    return run if run > local else run + dt.timedelta(days=1)


def ensure_daily_reminders(now: dt.datetime | None = None) -> bool:
    """Make sure the next daily run is queued (database backend only): the worker calls this
    on start and every run queues the next, so reminders go out daily without cron.
    Returns True when a run was queued."""
    if not send_deadline_reminders.get_backend().supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(
        task_path=send_deadline_reminders.module_path, status=TaskResultStatus.READY
    )
    if pending.exists():
        return False
    when = next_reminder_time(now or wallclock.now())
    send_deadline_reminders.using(run_after=when).enqueue()
    return True


@task()
def send_deadline_reminders() -> dict[str, int]:
    """The module-level task the worker runs each morning (``gongkai worker`` queues the first
    run; each run queues the next; ``gongkai manage remind`` queues one now)."""
    today = wallclock.today()
    result = send_deadline_reminders_for(today)
    for name, check in DAILY_CHECKS.items():
        result[name] = check(today)
    ensure_daily_reminders()
    return result
