"""200 online applications submitted at once through the public form (PostgreSQL): none lost,
none duplicated, each with its own 查询码; then the officer confirms them all and the 受理编号
run 1…200 without a gap."""

from __future__ import annotations

import re
import threading

import pytest
from concurrency import all_at_once
from django.test import Client
from django.urls import reverse
from portal_helpers import form_data

from gongkai.web.applications.confirmation import application_confirm
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.portal import codes
from gongkai.web.portal.models import OnlineRequest

APPLICATIONS = 200
# The throwaway cluster allows 200 connections; 100 browsers submit 2 each, all started together.
BROWSERS = 100


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_simultaneous_applications_are_all_kept_once(postgres_only, district):
    seen: list[tuple[str, str]] = []  # (subject, 查询码) as each applicant saw it
    lock = threading.Lock()

    def browser(b: int) -> None:
        client = Client(REMOTE_ADDR=f"10.1.{b // 200}.{b % 200 + 1}")  # one address each
        for k in range(APPLICATIONS // BROWSERS):
            subject = f"并发申请 {b}-{k}"
            response = client.post(reverse("portal:apply"), form_data(district, subject=subject))
            assert response.status_code == 302, response.content.decode()[:500]
            page = client.get(response["Location"]).content.decode()
            code = re.search(r'id="query-code">([^<]+)<', page).group(1)
            with lock:
                seen.append((subject, code))

    errors = all_at_once(BROWSERS, browser)

    assert errors == []
    assert len(seen) == APPLICATIONS
    apps = Application.objects.filter(status=Status.PENDING)
    assert apps.count() == APPLICATIONS
    assert sorted(apps.values_list("subject", flat=True)) == sorted(s for s, _ in seen)
    assert len({c for _, c in seen}) == APPLICATIONS
    digests = set(OnlineRequest.objects.values_list("code_digest", flat=True))
    assert digests == {codes.digest(c) for _, c in seen}
    # Each code leads back to its own application.
    by_digest = dict(OnlineRequest.objects.values_list("code_digest", "application__subject"))
    assert all(by_digest[codes.digest(c)] == s for s, c in seen)

    day = apps.first().arrived_on
    for app in apps.order_by("id"):
        application_confirm(acting_user=district.officer_a, application=app, day=day)
    seqs = sorted(Application.objects.values_list("seq", flat=True))
    assert seqs == list(range(1, APPLICATIONS + 1))
