"""The import of an earlier annual report: the upload request against the background job
(issue 13, item 3).

    uv run python bench/report_import_job.py [--runs 3]

On a fresh database with the production settings (the database task backend: the upload only
stores the file and queues a task row), times the upload request through Django's test client
and then the job as ``gongkai worker`` runs it (read, check, save), for a report rendered as
DOCX and as PDF. Prints median and slowest times in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import statistics
import time

from benchkit import django_on_fresh_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    django_on_fresh_database()

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from gongkai.core.annual import AgencyInfo, compose, render
    from gongkai.core.yearend import YearRecords, count_year
    from gongkai.web.accounts.models import Membership
    from gongkai.web.orgs.models import AgencyKind
    from gongkai.web.orgs.services import agency_create
    from gongkai.web.reports import import_jobs
    from gongkai.web.reports.models import ReportImportJob

    gov = agency_create(code="gov", name="基准区人民政府", kind=AgencyKind.GOVERNMENT)
    office = get_user_model().objects.create_user("gkb", password="x")
    Membership.objects.create(user=office, agency=gov, role="office")
    client = Client()
    client.force_login(office)
    years = itertools.count(2019)
    for kind in ("docx", "pdf"):
        upload_ms, job_ms = [], []
        for _ in range(args.runs):
            year = next(years)
            counted = count_year(YearRecords(), year=year, agency=gov.name)
            report = compose(
                counted, agency=AgencyInfo(name=gov.name), published=dt.date(year + 1, 1, 20)
            )
            data = render(report, kind)
            started = time.perf_counter()
            answer = client.post(
                "/reports/import/",
                {"agency": gov.pk, "file": SimpleUploadedFile(f"{year}.{kind}", data)},
            )
            upload_ms.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 302, answer.status_code
            job = ReportImportJob.objects.latest("pk")
            started = time.perf_counter()
            import_jobs.job_run(job.pk)
            job_ms.append((time.perf_counter() - started) * 1000)
            job.refresh_from_db()
            assert job.status == "done", job.message
        print(
            f"{kind:4} ({len(data) // 1024} KB): upload request median "
            f"{statistics.median(upload_ms):.0f} ms (worst {max(upload_ms):.0f}); "
            f"job median {statistics.median(job_ms):.0f} ms (worst {max(job_ms):.0f})"
        )


if __name__ == "__main__":
    main()
