"""Imports of earlier annual reports as background jobs (issue 13, item 3): the upload stores
and queues, the job's page shows the stage and refreshes itself until it shows the imported
version and its findings, and a job whose worker was killed is queued again — or marked
failed, visibly — never RUNNING forever, and never imported twice."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core import wallclock
from gongkai.core.annual import AgencyInfo, compose, render
from gongkai.core.yearend import YearRecords, count_year
from gongkai.web.reports import import_jobs, services
from gongkai.web.reports.job_models import ReportJobStage, ReportJobStatus
from gongkai.web.reports.models import PublishedReport, ReportImportJob


def report_docx(name: str, year: int = 2024, day: dt.date = dt.date(2025, 2, 10)) -> bytes:
    counted = count_year(YearRecords(), year=year, agency=name)
    return render(compose(counted, agency=AgencyInfo(name=name), published=day), "docx")


class Killed(BaseException):
    """What a killed worker looks like from inside: the run stops where it is, nothing more."""


@pytest.fixture
def queue(monkeypatch):
    """Jobs queued but not run (as when no worker is up): the test runs them by hand."""
    queued: list[int] = []
    monkeypatch.setattr(
        import_jobs,
        "run_report_import_job",
        SimpleNamespace(enqueue=lambda pk: queued.append(pk)),
    )
    return queued


def queued_job(district) -> ReportImportJob:
    return import_jobs.job_create(
        acting_user=district.office,
        agency=district.dept_a,
        data=report_docx(district.dept_a.name),
        filename="2024年报.docx",
    )


def test_the_upload_queues_a_job_whose_page_shows_the_version_and_its_findings(client, district):
    client.force_login(district.office)
    answer = client.post(
        reverse("reports:import"),
        {
            "agency": district.dept_a.pk,
            "file": SimpleUploadedFile("2024年报.docx", report_docx(district.dept_a.name)),
        },
    )
    job = ReportImportJob.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("reports:import_job", args=[job.pk])
    # The test settings run tasks at once (the immediate backend): it is done already.
    version = PublishedReport.objects.get()
    assert (job.status, job.percent, job.result, bytes(job.data)) == (
        ReportJobStatus.DONE,
        100,
        version,
        b"",
    )
    page = client.get(answer["Location"])
    text = page.content.decode()
    assert "Refresh" not in page  # finished: the page stops reloading
    assert f"已导入2024年度报告（第1版），检查发现{len(version.findings)}项" in text
    assert "late-publication" in [f["code"] for f in version.findings]
    for finding in version.findings:
        assert finding["message"] in text
    assert reverse("reports:workspace", args=[district.dept_a.pk, 2024]) in text
    # The import page lists the job.
    assert (
        reverse("reports:import_job", args=[job.pk])
        in client.get(reverse("reports:import")).content.decode()
    )


def test_the_page_of_a_queued_or_running_job_shows_its_stage_and_refreshes(
    client, district, queue, monkeypatch
):
    job = queued_job(district)
    assert queue == [job.pk] and not PublishedReport.objects.exists()
    client.force_login(district.office)
    url = reverse("reports:import_job", args=[job.pk])
    page = client.get(url)
    assert page["Refresh"] == "2" and "排队中" in page.content.decode()

    seen: list[tuple[str, str, int, str]] = []
    real_check = services.check_report

    def check_and_look(*args, **kwargs):
        # While the worker checks the report, the job's page says so.
        running = ReportImportJob.objects.get(pk=job.pk)
        response = client.get(url)
        seen.append((running.status, running.stage, running.percent, response.get("Refresh", "")))
        assert "正在检查报告" in response.content.decode()
        return real_check(*args, **kwargs)

    monkeypatch.setattr(services, "check_report", check_and_look)
    import_jobs.job_run(job.pk)
    assert seen == [(ReportJobStatus.RUNNING, ReportJobStage.CHECKING, 60, "2")]
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE and PublishedReport.objects.count() == 1


def test_a_job_killed_mid_way_is_queued_again_and_imports_once(district, queue, monkeypatch):
    job = queued_job(district)
    queue.clear()

    def killed(**kwargs):
        raise Killed

    # Killed inside the transaction that writes the version: nothing of it is kept.
    with monkeypatch.context() as patched, pytest.raises(Killed):
        patched.setattr(services, "audit_record", killed)
        import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert (job.status, job.stage, job.attempts) == (
        ReportJobStatus.RUNNING,
        ReportJobStage.SAVING,
        1,
    )
    assert not PublishedReport.objects.exists()
    now = wallclock.now()
    assert import_jobs.jobs_recover_stale(now) == 0  # a fresh heartbeat: still alive
    assert import_jobs.jobs_recover_stale(now + import_jobs.STALE_AFTER + dt.timedelta(1)) == 1
    job.refresh_from_db()
    assert job.status == ReportJobStatus.QUEUED and "重新排队" in job.message
    assert queue == [job.pk]
    import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (ReportJobStatus.DONE, 2)
    assert PublishedReport.objects.get() == job.result and job.result.version == 1


def test_a_job_that_keeps_dying_is_marked_failed_visibly(client, district, queue, monkeypatch):
    job = queued_job(district)

    def killed(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(services, "read_report", killed)
    later = wallclock.now()
    for _ in range(import_jobs.MAX_ATTEMPTS):
        with pytest.raises(Killed):
            import_jobs.job_run(job.pk)
        later += import_jobs.STALE_AFTER + dt.timedelta(seconds=1)
        assert import_jobs.jobs_recover_stale(later) == 1
    job.refresh_from_db()
    assert (job.status, job.attempts, bytes(job.data)) == (
        ReportJobStatus.FAILED,
        import_jobs.MAX_ATTEMPTS,
        b"",
    )
    client.force_login(district.office)
    page = client.get(reverse("reports:import_job", args=[job.pk]))
    assert "Refresh" not in page
    assert f"已运行{import_jobs.MAX_ATTEMPTS}次仍未完成，报告未导入" in page.content.decode()
    assert not PublishedReport.objects.exists()


def test_a_superseded_run_writes_nothing(district, queue, monkeypatch):
    """A run declared dead (its job queued again and taken by a new run) must not import the
    report a second time when it wakes up."""
    job = queued_job(district)
    real_check = services.check_report

    def superseded(*args, **kwargs):
        ReportImportJob.objects.filter(pk=job.pk).update(attempts=job.attempts + 5)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(services, "check_report", superseded)
    import_jobs.job_run(job.pk)
    assert not PublishedReport.objects.exists()
    assert ReportImportJob.objects.get(pk=job.pk).status == ReportJobStatus.RUNNING


def test_an_unreadable_file_fails_the_job_with_a_chinese_error(district, queue):
    job = import_jobs.job_create(
        acting_user=district.office, agency=district.dept_a, data=b"hello", filename="x.txt"
    )
    import_jobs.job_run(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED and job.message.startswith("无法读取该文件")
    assert not PublishedReport.objects.exists()


def test_someone_elses_job_page_is_not_found(client, district, queue):
    job = queued_job(district)
    url = reverse("reports:import_job", args=[job.pk])
    for user in (district.outsider, district.officer_b):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert url not in client.get(reverse("reports:import")).content.decode()
    client.force_login(district.office)
    assert client.get(url).status_code == 200


def test_only_the_office_may_queue_an_import(district, queue):
    from gongkai.web.common.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_jobs.job_create(
            acting_user=district.officer_a,
            agency=district.dept_a,
            data=report_docx(district.dept_a.name),
            filename="2024年报.docx",
        )
    assert not ReportImportJob.objects.exists() and queue == []
