"""One run of a background job (the 目录 import and the import of earlier annual reports): it
claims the job (``common.jobs``), does the work, and ends the job DONE or FAILED with a Chinese
message. A run names itself by its attempt number and writes only while the job is still
RUNNING with that number: a run declared dead and handed to another stops without writing
(:class:`Superseded`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from gongkai.core import wallclock
from gongkai.web.common import jobs
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.models import JobStatus

log = logging.getLogger(__name__)


class Superseded(Exception):
    """This run was declared dead and the job handed to another run: stop without writing."""


def mine(job: Any, attempt: int) -> QuerySet[Any]:
    """The job, as long as it is still this run's."""
    return type(job).objects.filter(pk=job.pk, attempts=attempt, status=JobStatus.RUNNING)


def beat(job: Any, attempt: int, **fields: Any) -> None:
    """Write progress (and the heartbeat) in a short transaction of its own, unless this run
    was superseded."""
    fields["heartbeat_at"] = wallclock.now()
    if not mine(job, attempt).update(**fields):
        raise Superseded
    for name, value in fields.items():
        setattr(job, name, value)


def hold(job: Any, attempt: int) -> None:
    """Inside a transaction: lock the job while it is this run's, else stop the run."""
    if not mine(job, attempt).select_for_update().exists():
        raise Superseded


def finish(job: Any, attempt: int, status: str, message: str, **fields: Any) -> None:
    """End the job (its file emptied), unless this run was superseded."""
    mine(job, attempt).update(
        status=status, message=message, data=b"", finished_at=wallclock.now(), **fields
    )


def run(
    model: Any,
    job_id: int,
    *,
    work: Callable[[Any, int], None],
    crashed: Callable[[Any], str],
    what: str,
    **reset: Any,
) -> None:
    """Claim the queued job ``job_id`` (with the fields in ``reset``) and ``work`` on it. A
    refusal (:class:`ApplicationError`) fails the job with its message; any other error fails it
    with ``crashed``'s and is logged; ``what`` names the job in the log."""
    job = jobs.job_claim(model, job_id, now=wallclock.now(), **reset)
    if job is None:
        return  # already taken by another run, or finished
    attempt = job.attempts
    try:
        work(job, attempt)
    except Superseded:
        log.warning("%s %s was handed to another run; this run stops", what, job_id)
    except ApplicationError as exc:
        finish(job, attempt, JobStatus.FAILED, exc.message)
    except Exception:
        log.exception("%s %s failed", what, job_id)
        finish(job, attempt, JobStatus.FAILED, crashed(job))


def queue(model: Any, *, filename: str, enqueue: Callable[[int], object], **fields: Any) -> Any:
    """Store an uploaded file as a queued job of ``model`` and hand it to the worker."""
    job = model.objects.create(filename=filename[-255:], created_at=wallclock.now(), **fields)
    enqueue(job.pk)
    return job
