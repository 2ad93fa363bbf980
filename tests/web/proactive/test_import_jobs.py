"""目录 imports as background jobs (issue 13, item 3): the upload stores and queues, the job
reaches 100% in batches, its page refreshes itself until it ends, and a job whose worker was
killed is picked up again from its cursor — or marked failed, visibly — never RUNNING forever."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.core import wallclock
from gongkai.web.proactive import import_jobs, importing, services
from gongkai.web.proactive.models import Category, ImportJob, Item, JobStatus

HEADER = "索引号,名称,内容概述,文号,生成日期,公开日期,发布机构,主题分类,有效性,发布渠道"


def catalogue(rows: int, *, prefix: str = "J") -> bytes:
    lines = [HEADER]
    lines += [f"{prefix}-{i:05d},第{i}号通知,,,2025-03-03,,,通知公告,有效," for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def agency(district):
    services.categories_ensure_defaults(agency=district.dept_a)
    return district.dept_a


@pytest.fixture(autouse=True)
def whole_batches(monkeypatch):
    """Batches of exactly ``importing.BATCH`` rows, however slow the machine, so the tests can
    say where each one ends (the time bound has a test of its own)."""
    monkeypatch.setattr(import_jobs, "BATCH_SECONDS", None)


class Killed(BaseException):
    """What a killed worker looks like from inside: the run stops where it is, nothing more."""


@pytest.fixture
def queue(monkeypatch):
    """Jobs queued but not run (as when no worker is up): the test runs them by hand."""
    queued: list[int] = []
    monkeypatch.setattr(
        import_jobs, "run_import_job", SimpleNamespace(enqueue=lambda pk: queued.append(pk))
    )
    return queued


def queued(district, agency, rows: int) -> ImportJob:
    return import_jobs.job_create(
        acting_user=district.officer_a,
        agency=agency,
        data=catalogue(rows),
        filename="目录.csv",
        good_rows_only=False,
    )


def test_the_upload_queues_a_job_whose_page_shows_100_percent(client, district, agency):
    client.force_login(district.officer_a)
    answer = client.post(
        reverse("proactive:import"),
        {"agency": agency.pk, "file": SimpleUploadedFile("目录.csv", catalogue(450))},
    )
    job = ImportJob.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("proactive:import_job", args=[job.pk])
    # The test settings run tasks at once (the immediate backend): it is done already.
    assert (job.status, job.imported, job.total_rows, job.percent) == (
        JobStatus.DONE,
        450,
        450,
        100,
    )
    assert job.next_row == 452 and job.attempts == 1 and bytes(job.data) == b""
    assert Item.objects.filter(agency=agency).count() == 450
    page = client.get(answer["Location"])
    assert "已完成" in page.text and "100%" in page.text and "已导入 450 行" in page.text
    assert "Refresh" not in page  # a finished job's page no longer reloads itself
    listing = client.get(reverse("proactive:import") + f"?agency={agency.pk}")
    assert "目录.csv" in listing.text and "已导入 450 行" in listing.text


def test_progress_moves_batch_by_batch_and_an_open_job_page_refreshes(
    client, district, agency, queue, monkeypatch
):
    client.force_login(district.officer_a)
    client.post(
        reverse("proactive:import"),
        {"agency": agency.pk, "file": SimpleUploadedFile("目录.csv", catalogue(450))},
    )
    job = ImportJob.objects.get()
    assert queue == [job.pk] and job.status == JobStatus.QUEUED and not Item.objects.exists()
    page = client.get(reverse("proactive:import_job", args=[job.pk]))
    assert page["Refresh"] == "2" and "排队中" in page.text and "手动刷新" in page.text

    seen: list[tuple[int, int]] = []
    real = importing.write_batch

    def watched(**kwargs):
        written = real(**kwargs)
        row = ImportJob.objects.get(pk=job.pk)
        seen.append((row.imported, row.percent))
        return written

    monkeypatch.setattr(importing, "write_batch", watched)
    import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.percent == 100
    # Each batch is committed with the job's cursor; the bar rises with it.
    assert [imported for imported, _ in seen] == [0, 200, 400]
    percents = [p for _, p in seen]
    assert percents == sorted(percents) and 50 <= percents[0] < percents[-1] < 100


def test_a_job_killed_mid_way_is_resumed_from_its_cursor_without_duplicates(
    district, agency, queue, monkeypatch
):
    job = queued(district, agency, 450)
    real = importing.write_batch
    calls = {"n": 0}

    def dies_in_the_second_batch(**kwargs):
        calls["n"] += 1
        written = real(**kwargs)
        if calls["n"] == 2:
            raise Killed  # the second batch is written; the process dies before its commit
        return written

    monkeypatch.setattr(importing, "write_batch", dies_in_the_second_batch)
    with pytest.raises(Killed):
        import_jobs.job_run(job.pk)
    monkeypatch.setattr(importing, "write_batch", real)
    job.refresh_from_db()
    # The first batch is in, whole; the second was rolled back; the job looks RUNNING.
    assert job.status == JobStatus.RUNNING and job.imported == 200 and job.next_row == 202
    assert Item.objects.count() == 200

    now = wallclock.now()
    assert import_jobs.jobs_recover_stale(now) == 0  # a fresh heartbeat: still alive
    assert import_jobs.jobs_recover_stale(now + import_jobs.STALE_AFTER + dt.timedelta(1)) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and "将从第202行继续" in job.message
    assert queue == [job.pk, job.pk]
    import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert (job.status, job.imported, job.attempts) == (JobStatus.DONE, 450, 2)
    numbers = list(Item.objects.values_list("index_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 450


def test_a_job_that_keeps_dying_is_marked_failed_with_what_was_imported(
    client, district, agency, queue
):
    job = queued(district, agency, 10)
    long_ago = wallclock.now() - dt.timedelta(hours=1)
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=import_jobs.MAX_ATTEMPTS, heartbeat_at=long_ago
    )
    client.force_login(district.officer_a)
    # Opening the page is one of the places that look for dead jobs.
    page = client.get(reverse("proactive:import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at is not None
    assert "后台进程中断" in page.text and "本文件没有导入任何行" in page.text
    assert "Refresh" not in page


def test_a_superseded_run_stops_without_writing(district, agency, queue, monkeypatch):
    """A worker declared dead that was only slow must not write over its successor."""
    job = queued(district, agency, 10)
    real = importing.write_batch

    def meanwhile_recovered(**kwargs):
        ImportJob.objects.filter(pk=job.pk).update(attempts=5)  # another run took the job
        return real(**kwargs)

    monkeypatch.setattr(importing, "write_batch", meanwhile_recovered)
    import_jobs.job_run(job.pk)
    assert not Item.objects.exists()


def test_a_row_taken_meanwhile_fails_the_job_with_its_row_number_and_keeps_earlier_batches(
    district, agency, queue, monkeypatch
):
    job = queued(district, agency, 300)
    real = import_jobs._update

    def someone_registers_j00250_after_the_check(job, attempt, **fields):
        real(job, attempt, **fields)
        if "to_write" in fields:  # the check is over; the writing has not begun
            services.item_register(
                acting_user=district.reviewer_a,
                agency=agency,
                data=services.ItemData(
                    index_number="J-00250",
                    title="他人登记",
                    formed_on=dt.date(2025, 3, 3),
                    category=Category.objects.get(agency=agency, name="通知公告"),
                ),
            )

    monkeypatch.setattr(import_jobs, "_update", someone_registers_j00250_after_the_check)
    import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("第252行未能导入")  # J-00250 is on spreadsheet row 252
    assert "已导入 200 行（至第201行）" in job.message
    assert Item.objects.filter(title__startswith="第").count() == 200


def test_someone_elses_job_page_is_not_found(district, agency):
    job = queued(district, agency, 1)
    other = Client()
    other.force_login(district.officer_b)
    assert other.get(reverse("proactive:import_job", args=[job.pk])).status_code == 404


def test_a_batch_ends_when_it_has_held_the_write_lock_long_enough(
    district, agency, queue, monkeypatch
):
    monkeypatch.setattr(import_jobs, "BATCH_SECONDS", 0)  # every batch is over after one row
    job = queued(district, agency, 5)
    commits: list[int] = []
    real = import_jobs._update

    def watched(job, attempt, **fields):
        real(job, attempt, **fields)
        if "next_row" in fields:
            commits.append(fields["next_row"])

    monkeypatch.setattr(import_jobs, "_update", watched)
    import_jobs.job_run(job.pk)
    assert commits == [3, 4, 5, 6, 7]  # five batches of one row
    assert Item.objects.count() == 5
