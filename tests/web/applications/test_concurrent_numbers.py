"""Fifty clerks registering at the same moment never get the same 受理编号 (PostgreSQL:
the per-agency-year counter row is locked with SELECT … FOR UPDATE)."""

from __future__ import annotations

import pytest
from concurrency import all_at_once

from gongkai.web.applications import services
from gongkai.web.applications.models import Application

CLERKS = 50


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_registrations_get_fifty_different_numbers(postgres_only, register):
    def clerk(i: int) -> None:
        applicant = services.ApplicantData(
            kind="natural",
            name=f"申请人{i}",
            id_number=f"11010119900101{i:04d}",
            phone="13800000000",
        )
        register(applicant=applicant, subject=f"第{i}件申请")

    errors = all_at_once(CLERKS, clerk)

    assert errors == []
    numbers = list(Application.objects.values_list("number", flat=True))
    assert len(numbers) == CLERKS
    assert len(set(numbers)) == CLERKS
    assert sorted(numbers) == [f"jyj-2025-{i:04d}" for i in range(1, CLERKS + 1)]
