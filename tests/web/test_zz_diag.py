import datetime as dt

import pytest


@pytest.mark.django_db
def test_diag():
    from gongkai.web.applications.enums import OPEN_STATUSES
    from gongkai.web.applications.models import Application
    from gongkai.web.demo import load_demo

    today = dt.date(2026, 11, 26)
    load_demo(seed=1, today=today)
    rows = Application.objects.filter(
        status__in=OPEN_STATUSES, voided=False, due_on__gte=today, due_on__lte=dt.date(2026, 12, 1)
    ).values_list("number", "status", "due_on", "assigned_to_id")
    print("SOON", list(rows))
    from django.db.models import Count

    from gongkai.web.notifications.models import Notification

    print("NOTE", list(Notification.objects.values("kind").annotate(n=Count("id"))))
