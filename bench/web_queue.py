"""Work-queue page time with 100,000 applications (issue 4: "the issue note lists what was
measured").

    uv run python bench/web_queue.py [--applications 100000] [--runs 7]
    DATABASE_URL=postgres://… uv run python bench/web_queue.py     # on PostgreSQL

Builds a fresh database in a temporary folder (or uses ``DATABASE_URL``), bulk-inserts synthetic
applications spread over a district's agencies (statuses, due dates and applicant types mixed as
in the demo), then times the queue page through Django's test client — the full request: auth,
scoping selector, count, one page of 50 rows, template — for each queue view and for the
公开办 (all agencies) and a case officer (one agency). Prints the median and the worst run.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from benchkit import arguments, bench_district, django_on_fresh_database

from gongkai.core import wallclock


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv, applications=100_000, agencies=26, runs=7)

    django_on_fresh_database()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from gongkai.web.accounts.models import Membership
    from gongkai.web.applications.enums import Status
    from gongkai.web.applications.models import Applicant, Application, ApplicationEvent

    rng = random.Random(0)
    started = time.perf_counter()
    agencies = bench_district(args.agencies)
    gov = agencies[0]
    users = get_user_model().objects
    office = users.create_user("gkb", password="x")
    Membership.objects.create(user=office, agency=gov, role="office")
    officer = users.create_user("d01_jbr", password="x")
    Membership.objects.create(user=officer, agency=agencies[1], role="officer")

    kinds = ["natural"] * 7 + ["commercial", "research", "nonprofit", "legal", "other"]
    statuses = (
        [Status.ANSWERED] * 14
        + [Status.TERMINATED]
        + [
            Status.IN_PROGRESS,
            Status.IN_PROGRESS,
            Status.AWAITING_CORRECTION,
            Status.CONSULTING,
            Status.AWAITING_FEE,
            Status.REGISTERED,
        ]
    )

    today = wallclock.today()
    batch = 5000
    counters: dict[tuple[int, int], int] = {}
    for start in range(0, args.applications, batch):
        n = min(batch, args.applications - start)
        applicants = Applicant.objects.bulk_create(
            [
                Applicant(
                    agency=agencies[(start + i) % len(agencies)],
                    kind=rng.choice(kinds),
                    name=f"申请人{start + i}",
                    id_type="居民身份证",
                    id_number=f"99000019900101{(start + i) % 10000:04d}",
                    phone="0999-0000000",
                )
                for i in range(n)
            ]
        )
        rows = []
        for i, person in enumerate(applicants):
            agency = agencies[(start + i) % len(agencies)]
            received = today - dt.timedelta(days=rng.randint(0, 730))
            status = rng.choice(statuses)
            key = (agency.pk, received.year)
            counters[key] = counters.get(key, 0) + 1
            due = received + dt.timedelta(days=28 + rng.randint(-3, 10))
            closed = status in (Status.ANSWERED, Status.TERMINATED)
            rows.append(
                Application(
                    agency=agency,
                    number=f"{agency.code}-{received.year}-{counters[key]:05d}",
                    year=received.year,
                    seq=counters[key],
                    applicant=person,
                    channel="in_person",
                    arrived_on=received,
                    received_on=received,
                    subject=f"基准申请内容{start + i}",
                    requested_form="纸质",
                    delivery="邮寄",
                    status=status.value,
                    assigned_to=officer if agency == agencies[1] else None,
                    due_on=None if status.is_waiting else due,
                    outcome="granted" if closed else "",
                    closed_on=min(due, today) if closed else None,
                )
            )
        created = Application.objects.bulk_create(rows)
        ApplicationEvent.objects.bulk_create(
            [ApplicationEvent(application=a, kind="received", day=a.received_on) for a in created]
        )
    print(
        f"插入 {args.applications:,} 件申请，{len(agencies)} 个机关：{time.perf_counter() - started:.1f} 秒"
    )
    print(f"数据库：{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")

    def measure(user: object, query: str) -> tuple[float, float, int]:
        client = Client()
        client.force_login(user)
        times = []
        size = 0
        for _ in range(args.runs + 1):
            t = time.perf_counter()
            answer = client.get(f"/applications/{query}")
            times.append(time.perf_counter() - t)
            assert answer.status_code == 200, answer.status_code
            size = len(answer.content)
        times = times[1:]  # the first run warms caches
        return statistics.median(times) * 1000, max(times) * 1000, size

    print(f"{'用户':<8}{'视图':<28}{'中位数 ms':>10}{'最慢 ms':>10}")
    for label, user in (("公开办", office), ("经办人", officer)):
        for query in (
            "?view=open",
            "?view=mine",
            "?view=soon",
            "?view=overdue",
            "?view=waiting",
            "?view=all",
            "?view=all&page=200",
            "?view=all&applicant_kind=commercial",
            "?view=all&q=申请人4242",
        ):
            median, worst, _ = measure(user, query)
            print(f"{label:<8}{query:<28}{median:>10.1f}{worst:>10.1f}")

    # A calendar change: every open request's due date is recomputed from its event log.
    from gongkai.web.applications.enums import OPEN_STATUSES
    from gongkai.web.notifications.tasks import send_deadline_reminders_for
    from gongkai.web.workcalendar.services import arrangement_text, calendar_year_save
    from gongkai.web.workcalendar.snapshots import work_calendar

    admin = users.create_superuser("admin", password="x")  # the calendar is installation-wide
    year = today.year
    arrangement = work_calendar().arrangements[year]
    holidays, workdays = arrangement_text(arrangement)
    open_count = Application.objects.filter(status__in=OPEN_STATUSES).count()
    t = time.perf_counter()
    saved = calendar_year_save(
        acting_user=admin,
        year=year,
        notice=arrangement.notice,
        holidays=holidays + f"\n临时假日 {year}-12-31 {year}-12-31",
        workdays=workdays,
    )
    took = time.perf_counter() - t
    print(
        f"修改{year}年放假安排：重算 {open_count:,} 件在办申请的答复期限 {took:.1f} 秒"
        f"（{len(saved.changes):,} 件变化，{len(saved.failed)} 件无法重算）"
    )
    t = time.perf_counter()
    sent = send_deadline_reminders_for(today)
    print(f"每日提醒任务：{time.perf_counter() - t:.1f} 秒，生成 {sent['created']:,} 条提醒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
