"""The task library's own rows of a killed worker (issue 13, item 3).

django-tasks' database backend (``django_tasks_db``) marks a task RUNNING when a worker claims
it and SUCCESSFUL or FAILED when it ends. A worker killed in between (power cut, ``kill -9``,
out of memory) leaves the row RUNNING forever: the library has no heartbeat and no recovery.
``gongkai worker`` calls :func:`task_results_recover_stale` when it starts, which marks such
rows FAILED through the library's own ``DBTaskResult.set_failed`` (status, end time, the
exception's class and message), when

* the worker that claimed it is gone: gongkai's workers are named by :func:`worker_id` after
  their host and process id, and that process no longer runs on this host; or
* it started longer ago than ``STALE_AFTER`` (a worker on another machine, or one named by
  hand): no gongkai task runs that long.

The work itself is not lost: gongkai's jobs (``proactive.import_jobs``,
``reports.import_jobs``) keep their own state and heartbeat and are queued again by their own
recovery; this only stops the library's record from claiming a run that no one is doing.
"""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.db import transaction
from django.tasks import TaskResultStatus

from gongkai.core import wallclock

STALE_AFTER = dt.timedelta(hours=1)
PREFIX = "gk"


class WorkerLost(Exception):
    """Recorded as the failure of a task whose worker died while running it."""


def _host() -> str:
    return socket.gethostname().replace(":", "-")[:40]


def worker_id(pid: int | None = None) -> str:
    """This process's worker id for ``db_worker --worker-id`` (at most 64 characters):
    ``gk:<host>:<pid>``."""
    return f"{PREFIX}:{_host()}:{os.getpid() if pid is None else pid}"


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return True  # an earlier worker of this id: this process has not run a task yet
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # someone else's process: alive
    return False


def worker_gone(worker: str) -> bool:
    """Whether ``worker`` is one of gongkai's worker ids on this host whose process has ended
    (an id of another host or another form is never declared gone here)."""
    parts = worker.split(":")
    if len(parts) != 3 or parts[0] != PREFIX or parts[1] != _host() or not parts[2].isdigit():
        return False
    return _process_gone(int(parts[2]))


def task_results_recover_stale(now: dt.datetime | None = None) -> int:
    """Mark the library's RUNNING task rows whose worker is gone, or that started before
    ``now - STALE_AFTER``, as FAILED. Returns how many were marked."""
    from django_tasks_db.models import DBTaskResult

    now = now or wallclock.now()
    marked = 0
    for row in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        last = row.worker_ids[-1] if row.worker_ids else ""
        old = row.started_at is not None and row.started_at < now - STALE_AFTER
        if not old and not worker_gone(last):
            continue
        with transaction.atomic():
            locked = DBTaskResult.objects.select_for_update().filter(pk=row.pk).first()
            if locked is None or locked.status != TaskResultStatus.RUNNING:
                continue  # ended meanwhile
            reason = "运行该任务的后台进程已不存在" if not old else "任务开始后长时间未结束"
            locked.set_failed(WorkerLost(f"{reason}（后台进程 {last or '未知'}），已标记为失败。"))
            marked += 1
    return marked
