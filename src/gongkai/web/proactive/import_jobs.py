"""目录 imports as background jobs (issue 13, item 3): the upload only stores the file and
queues the job; ``gongkai worker`` runs it; the page shows its progress.

What is kept when something goes wrong (decided here, documented in docs/architecture.md):

* The whole file is checked first, without writing. A file with bad rows imports nothing (unless
  the user asked for the good rows only) and every bad row is listed with its row number.
* The checked rows are then written in batches of ``importing.BATCH`` rows, **each batch its own
  short transaction** that also moves the job's cursor (``next_row``) and heartbeat. No request
  and no batch holds the database write lock for long, so other agencies keep registering.
* A row the register refuses while writing (someone registered the same 索引号 meanwhile) rolls
  back its batch whole and fails the job, saying which row and which rows were imported: batches
  already written stay, none is half-written.
* A worker killed mid-job leaves the job RUNNING with an old heartbeat. ``jobs_recover_stale``
  (run when the worker starts, before each import job, and whenever an import page is opened)
  queues it again to continue from its cursor, at most ``MAX_ATTEMPTS`` runs in all; after that
  it is marked failed, visibly, with what was imported.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.tasks import task

from gongkai.core import wallclock
from gongkai.web.accounts.permissions import require_writer
from gongkai.web.common import job_runs, jobs
from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency
from gongkai.web.proactive import importing
from gongkai.web.proactive.job_models import ImportJob, JobStatus
from gongkai.web.proactive.services import ItemData

STALE_AFTER = dt.timedelta(minutes=5)  # a batch takes about a second; five minutes is a dead worker
MAX_ATTEMPTS = 3
MAX_ERRORS_KEPT = 2000  # rows listed on the page; the count of bad rows is always exact
PROGRESS_EVERY = 1000
# A batch also ends once it has held the write lock this long (seconds), whatever the machine's
# speed: SQLite has one writer at a time, and other agencies' registrations wait behind it.
BATCH_SECONDS: float | None = 0.5
# Between two batches the worker lets go of SQLite's write lock for this long: a writer waiting
# in SQLite's busy handler retries every 100 ms at most, and a worker that took the lock back at
# once would starve it (PostgreSQL locks rows, not the database: no pause there).
SQLITE_PAUSE = 0.15  # rows checked between two progress writes


def job_create(
    *, acting_user: User, agency: Agency, data: bytes, filename: str, good_rows_only: bool
) -> ImportJob:
    """Store the uploaded file as a queued job and hand it to the worker. Nothing is read
    beyond the size and the file type here: the checking is the job's."""
    require_writer(acting_user, agency)
    if len(data) > importing.MAX_BYTES:
        raise ApplicationError("文件超过10MB，请分批导入")
    if not filename.lower().endswith((".xlsx", ".xlsm", ".csv", ".txt")):
        raise ApplicationError("只能导入 CSV 或 Excel（.xlsx）文件")
    job: ImportJob = job_runs.queue(
        ImportJob,
        filename=filename,
        enqueue=lambda pk: run_import_job.enqueue(pk),
        agency=agency,
        created_by=acting_user,
        data=data,
        good_rows_only=good_rows_only,
    )
    return job


@task()
def run_import_job(job_id: int) -> dict[str, Any]:
    """The task ``gongkai worker`` runs for one uploaded file (first looking for jobs whose
    worker died, so a busy installation recovers them without waiting for a restart)."""
    jobs_recover_stale()
    job_run(job_id)
    job = ImportJob.objects.get(pk=job_id)
    return {"status": job.status, "imported": job.imported, "bad_rows": job.bad_rows}


def job_run(job_id: int, *, today: dt.date | None = None) -> None:
    """Claim a queued job and do it (see the module's docstring for what is kept when)."""
    job_runs.run(
        ImportJob,
        job_id,
        work=lambda job, attempt: _work(job, attempt, today or wallclock.today()),
        crashed=lambda job: "导入时发生内部错误，请联系系统管理员。" + _kept(job),
        what="import job",
    )


def _kept(job: ImportJob) -> str:
    if not job.imported:
        return "本文件没有导入任何行。"
    return f"已导入 {job.imported} 行（至第{job.next_row - 1}行），其后的行未导入。"


_update = job_runs.beat  # a name of this module, so a test can watch the writes
_finish = job_runs.finish


def _work(job: ImportJob, attempt: int, today: dt.date) -> None:
    user, agency = job.created_by, job.agency
    require_writer(user, agency)
    _, rows = importing.data_rows(bytes(job.data), job.filename)
    ctx = importing.context(agency, today)
    resume = job.next_row  # rows before it were written by an earlier run
    errors: list[list[Any]] = [e for e in job.errors if resume and e[0] < resume]
    bad = {e[0] for e in errors}
    good: list[tuple[int, ItemData]] = []
    _update(job, attempt, total_rows=len(rows), checked_rows=0)
    for checked, (number, values) in enumerate(rows, start=1):
        if number >= resume:
            item, row_errors = importing.check_row(ctx, number, values)
            for e in row_errors:
                bad.add(e.row)
                if len(errors) < MAX_ERRORS_KEPT:
                    errors.append([e.row, e.column, e.message])
            if item is not None:
                good.append((number, item))
        if checked % PROGRESS_EVERY == 0:
            _update(job, attempt, checked_rows=checked)
    _update(
        job,
        attempt,
        checked_rows=len(rows),
        errors=errors,
        bad_rows=len(bad),
        to_write=job.imported + len(good),
    )
    if bad and not job.good_rows_only:
        _finish(
            job,
            attempt,
            JobStatus.DONE,
            "文件中有问题的行，本文件未导入。请改正后重新上传，或勾选“只导入没有问题的行”。",
        )
        return
    position = 0
    while position < len(good):
        batch = good[position : position + importing.BATCH]
        try:
            with transaction.atomic():
                job_runs.hold(job, attempt)
                until = None if BATCH_SECONDS is None else time.monotonic() + BATCH_SECONDS
                written = importing.write_batch(
                    acting_user=user, agency=agency, rows=batch, today=today, until=until
                )
                _update(
                    job,
                    attempt,
                    imported=job.imported + written,
                    next_row=batch[written - 1][0] + 1,
                )
        except importing.RowRefused as exc:
            _finish(job, attempt, JobStatus.FAILED, f"{exc.message}。{_kept(job)}")
            return
        position += written
        if connection.vendor == "sqlite":
            time.sleep(SQLITE_PAUSE)
    _finish(job, attempt, JobStatus.DONE, f"已导入 {job.imported} 行。")


def jobs_recover_stale(now: dt.datetime | None = None) -> int:
    """Jobs left RUNNING by a killed worker (no heartbeat for ``STALE_AFTER``): queued again to
    continue from their cursor, or marked failed after ``MAX_ATTEMPTS`` runs. Returns how many
    were found."""

    def requeue(job: ImportJob) -> list[str]:
        job.message = (
            f"后台进程中断（第{job.attempts}次运行），已自动重新排队，"
            f"将从第{max(job.next_row, 2)}行继续。"
        )
        return ["message"]

    def fail(job: ImportJob) -> list[str]:
        job.message = f"后台进程中断，已运行{job.attempts}次仍未完成，导入失败。" + _kept(job)
        return ["message"]

    return jobs.jobs_recover_stale(
        ImportJob,
        now=now or wallclock.now(),
        stale_after=STALE_AFTER,
        max_attempts=MAX_ATTEMPTS,
        requeue=requeue,
        fail=fail,
        enqueue=lambda pk: run_import_job.enqueue(pk),
    )
