"""Imports of annual reports published before gongkai as background jobs (issue 13, item 3),
after the design of the 目录 import (``gongkai.web.proactive.import_jobs``): the upload only
stores the file and queues the job; ``gongkai worker`` reads and checks it (a PDF takes
seconds); the job's page shows the stage and then the imported version and its findings, or a
Chinese error.

What is kept when something goes wrong: the version, its original file, the audit record and
the job's DONE state are written in ONE transaction, so a run either imported the report or
wrote nothing. A worker killed mid-job leaves the job RUNNING with an old heartbeat;
``jobs_recover_stale`` (run when the worker starts, before each job, and whenever an import
page is opened) queues it again to start from the file, at most ``MAX_ATTEMPTS`` runs in all;
after that it is marked failed, visibly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from gongkai.core import wallclock
from gongkai.web.common import job_runs, jobs
from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency
from gongkai.web.reports import services
from gongkai.web.reports.job_models import ReportImportJob, ReportJobStage, ReportJobStatus
from gongkai.web.reports.models import PublishedReport

STALE_AFTER = dt.timedelta(minutes=5)  # the heartbeat moves at each stage; a stage takes seconds
MAX_ATTEMPTS = 3
MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")


def job_create(
    *,
    acting_user: Any,
    agency: Agency,
    data: bytes,
    filename: str,
    year: int | None = None,
    published_on: dt.date | None = None,
) -> ReportImportJob:
    """Store the uploaded report as a queued job and hand it to the worker. Only what needs no
    reading of the file is checked here; the reading and checking are the job's."""
    services.require_publisher(acting_user, agency, "导入历史年度报告")
    if not data:
        raise ApplicationError("上传的文件是空的，请选择要导入的报告文件", field="file")
    if len(data) > MAX_BYTES:
        raise ApplicationError(
            f"文件超过{MAX_BYTES // (1024 * 1024)}MB，请确认是否为年度报告", field="file"
        )
    if not filename.lower().endswith(SUFFIXES):
        raise ApplicationError("只能导入 .txt、.html、.docx 或 .pdf 格式的报告文件", field="file")
    if year is not None and not 2008 <= year <= wallclock.today().year:
        raise ApplicationError(f"年度应在2008至{wallclock.today().year}之间", field="year")
    if year is not None and published_on is not None:
        services.check_published_after_year(year, published_on)
    job: ReportImportJob = job_runs.queue(
        ReportImportJob,
        filename=filename,
        enqueue=lambda pk: run_report_import_job.enqueue(pk),
        agency=agency,
        created_by=acting_user,
        data=data,
        year=year,
        published_on=published_on,
    )
    return job


@task()
def run_report_import_job(job_id: int) -> dict[str, Any]:
    """The task ``gongkai worker`` runs for one uploaded report (first looking for jobs whose
    worker died, so a busy installation recovers them without waiting for a restart)."""
    jobs_recover_stale()
    job_run(job_id)
    job = ReportImportJob.objects.get(pk=job_id)
    return {"status": job.status, "result": job.result_id}


def job_run(job_id: int) -> None:
    """Claim a queued job and do it (see the module's docstring for what is kept when)."""
    job_runs.run(
        ReportImportJob,
        job_id,
        work=_work,
        crashed=lambda job: "导入时发生内部错误，报告未导入。请联系系统管理员。",
        what="report import job",
        stage=ReportJobStage.WAITING,
    )


def _work(job: ReportImportJob, attempt: int) -> None:
    def saved(version: PublishedReport) -> None:
        # In the transaction that writes the version: both are kept, or neither.
        job_runs.hold(job, attempt)
        job_runs.finish(
            job,
            attempt,
            ReportJobStatus.DONE,
            f"已导入{version.year}年度报告（第{version.version}版），"
            f"检查发现{len(version.findings)}项",
            result=version,
            heartbeat_at=wallclock.now(),
        )

    services.report_import(
        acting_user=job.created_by,
        agency=job.agency,
        data=bytes(job.data),
        name=job.filename,
        year=job.year,
        published_on=job.published_on,
        progress=lambda stage: job_runs.beat(job, attempt, stage=stage),
        on_saved=saved,
    )


def jobs_recover_stale(now: dt.datetime | None = None) -> int:
    """Jobs left RUNNING by a killed worker (no heartbeat for ``STALE_AFTER``): queued again,
    or marked failed after ``MAX_ATTEMPTS`` runs. Returns how many were found."""

    def requeue(job: ReportImportJob) -> list[str]:
        job.stage = ReportJobStage.WAITING
        job.message = f"后台进程中断（第{job.attempts}次运行），已自动重新排队。"
        return ["stage", "message"]

    def fail(job: ReportImportJob) -> list[str]:
        job.message = (
            f"后台进程中断，已运行{job.attempts}次仍未完成，报告未导入。"
            "请重新上传，或联系系统管理员。"
        )
        return ["message"]

    return jobs.jobs_recover_stale(
        ReportImportJob,
        now=now or wallclock.now(),
        stale_after=STALE_AFTER,
        max_attempts=MAX_ATTEMPTS,
        requeue=requeue,
        fail=fail,
        enqueue=lambda pk: run_report_import_job.enqueue(pk),
    )
