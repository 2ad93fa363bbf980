"""What the background jobs of gongkai share (issue 13, item 3): claiming a queued job and
recovering those a killed worker left RUNNING. Used by the 目录 import
(``proactive.import_jobs``) and the import of earlier annual reports (``reports.import_jobs``).

A job model has ``status`` (``queued`` → ``running`` → ``done`` | ``failed``), ``attempts``,
``started_at``, ``heartbeat_at``, ``finished_at`` and ``data`` (the uploaded file, emptied when
the job ends). A run names itself by its attempt number: it writes only while the job is still
RUNNING with that number, so a run declared dead and replaced never writes again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction

from gongkai.web.common.models import JobStatus


def job_claim(model: Any, job_id: int, *, now: dt.datetime, **reset: Any) -> Any | None:
    """Take a queued job for this run (status RUNNING, one more attempt, a fresh heartbeat,
    and the fields in ``reset``); None when it is taken by another run or finished."""
    with transaction.atomic():
        job = model.objects.select_for_update().get(pk=job_id)
        if job.status != JobStatus.QUEUED:
            return None
        job.status = JobStatus.RUNNING
        job.attempts += 1
        job.started_at = job.started_at or now
        job.heartbeat_at = now
        for name, value in reset.items():
            setattr(job, name, value)
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", *reset])
    return job


def jobs_recover_stale(
    model: Any,
    *,
    now: dt.datetime,
    stale_after: dt.timedelta,
    max_attempts: int,
    requeue: Callable[[Any], list[str]],
    fail: Callable[[Any], list[str]],
    enqueue: Callable[[int], object],
) -> int:
    """Jobs left RUNNING by a killed worker (no heartbeat for ``stale_after``): queued again
    (``requeue`` sets the job's message and returns the fields it changed) and handed to
    ``enqueue``, or marked failed after ``max_attempts`` runs (``fail`` likewise). Returns how
    many were found."""
    requeued: list[int] = []
    found = 0
    for pk in model.objects.filter(
        status=JobStatus.RUNNING, heartbeat_at__lt=now - stale_after
    ).values_list("pk", flat=True):
        with transaction.atomic():
            job = model.objects.select_for_update().get(pk=pk)
            if job.status != JobStatus.RUNNING or job.heartbeat_at is None:
                continue
            if job.heartbeat_at >= now - stale_after:
                continue
            found += 1
            if job.attempts < max_attempts:
                job.status = JobStatus.QUEUED
                job.save(update_fields=["status", *requeue(job)])
                requeued.append(pk)
            else:
                job.status = JobStatus.FAILED
                job.data = b""
                job.finished_at = now
                job.save(update_fields=["status", "data", "finished_at", *fail(job)])
    for pk in requeued:
        enqueue(pk)
    return found
