"""Twenty clerks generating letters at the same moment never get the same 文书编号
(PostgreSQL: the per-agency, year and 文书代字 counter row is locked with SELECT … FOR UPDATE)."""

from __future__ import annotations

import datetime as dt

import pytest
from concurrency import all_at_once

from gongkai.web.letters import services
from gongkai.web.letters.models import Letter
from gongkai.web.letters.snapshots import LetterInput

CLERKS = 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_letters_get_twenty_different_numbers(
    postgres_only, district, register, steps, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }

    applications = [
        # the notice states the recorded 补正 period (issue 10), so each request records one
        steps.ask_correction(
            register(),
            dt.date(2025, 3, 5),
            note="请写明所需政府信息的名称",
            reply_by=dt.date(2025, 3, 20),
        )
        for _ in range(CLERKS)
    ]
    data = LetterInput(
        issued_on=dt.date(2025, 3, 5),
        correction_items="请写明所需政府信息的名称",
        correction_deadline=dt.date(2025, 3, 20),
    )

    def clerk(i: int) -> None:
        services.letter_generate(
            acting_user=district.officer_a,
            application=applications[i],
            key="correction",
            data=data,
        )

    errors = all_at_once(CLERKS, clerk)

    assert errors == []
    numbers = sorted(Letter.objects.values_list("seq", flat=True))
    assert numbers == list(range(1, CLERKS + 1))
    assert len(set(Letter.objects.values_list("number", flat=True))) == CLERKS
