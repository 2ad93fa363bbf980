"""A live installation for the backup test, run as its own process.

``python backup_live.py build DATA``: a small demo district (agencies, people, 40 requests, the
answer letters as DOCX and PDF files) in the SQLite database of DATA.
``python backup_live.py write DATA SECONDS``: register requests without pause for SECONDS,
printing ``wrote N`` after each, so a backup can be taken while the database is being written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import time

from gongkai.cli.web import _setup

TODAY = dt.date(2026, 11, 26)


def build() -> None:
    from gongkai.core import demo as core_demo
    from gongkai.web import demo

    district = core_demo.generate_district(seed=1, years=(2024, 2025))
    agencies = demo.load_agencies(district)
    users = demo.load_people(district, agencies)
    summary = demo.DemoSummary()
    loaded = demo.load_requests(district.requests[:40], agencies, users, TODAY, summary)
    print(demo._answer_letters(loaded, users), flush=True)


def write(seconds: float) -> None:
    from gongkai.web.accounts.models import Membership
    from gongkai.web.applications import services

    member = Membership.objects.filter(role="officer").select_related("user", "agency").first()
    assert member is not None
    stop = time.monotonic() + seconds
    for n in itertools.count(1):
        services.application_register(
            acting_user=member.user,
            agency=member.agency,
            applicant=services.ApplicantData(
                kind="natural",
                name=f"写入者{n}",
                id_type="护照",
                id_number=f"E{n:08d}",
                phone="13800000000",
            ),
            channel="in_person",
            arrived_on=TODAY,
            subject=f"备份期间登记的第{n}件申请",
            requested_form="纸质",
            delivery="邮寄",
            today=TODAY,
        )
        print(f"wrote {n}", flush=True)
        if time.monotonic() > stop:
            return


if __name__ == "__main__":
    command, data = sys.argv[1], sys.argv[2]
    _setup(data)
    if command == "build":
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        build()
    else:
        write(float(sys.argv[3]))
