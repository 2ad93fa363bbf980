"""The task library's own RUNNING rows of a killed worker (issue 13, item 3): ``gongkai worker``
marks them failed when it starts — the worker that claimed them is gone, or they started
longer ago than the stale limit — and leaves the rows of live workers alone."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess

import pytest
from django.test import override_settings
from django.utils import timezone

from gongkai.cli import web
from gongkai.core import wallclock
from gongkai.web.common import task_recovery
from gongkai.web.notifications.tasks import send_deadline_reminders

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def running(worker: str, started: dt.datetime) -> str:
    """A task row as a worker leaves it while it runs the task (what a kill leaves behind)."""
    from django_tasks_db.models import DBTaskResult

    result = send_deadline_reminders.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=started, worker_ids=[worker]
    )
    return str(result.id)


@pytest.mark.django_db
def test_running_rows_of_gone_or_stale_workers_are_marked_failed():
    from django_tasks_db.models import DBTaskResult

    now = wallclock.now()
    old = now - task_recovery.STALE_AFTER - dt.timedelta(minutes=1)
    with override_settings(TASKS=DB_TASKS):
        gone = running(task_recovery.worker_id(dead_pid()), now)
        alive = running(task_recovery.worker_id(os.getppid()), now)
        stale = running("a-worker-on-another-machine", old)
        fresh = running("a-worker-on-another-machine", now)
        other_host = running(f"gk:not-this-host:{dead_pid()}", now)
        done = send_deadline_reminders.enqueue()
        DBTaskResult.objects.filter(pk=done.id).update(status="SUCCESSFUL", started_at=old)

        assert task_recovery.task_results_recover_stale(now) == 2
        status = dict(DBTaskResult.objects.values_list("id", "status"))
        assert {str(k): v for k, v in status.items()} == {
            gone: "FAILED",
            alive: "RUNNING",
            stale: "FAILED",
            fresh: "RUNNING",
            other_host: "RUNNING",
            str(done.id): "SUCCESSFUL",
        }
        failed = DBTaskResult.objects.get(pk=gone)
        assert failed.finished_at is not None
        assert failed.exception_class_path.endswith("task_recovery.WorkerLost")
        assert "运行该任务的后台进程已不存在" in failed.traceback
        # Through the library's API, the task's result now says it failed.
        assert send_deadline_reminders.get_result(gone).status == "FAILED"
        assert task_recovery.task_results_recover_stale(now) == 0  # nothing left to mark


@pytest.mark.django_db(transaction=True)
def test_gongkai_worker_marks_them_when_it_starts_and_names_itself_after_its_process(
    monkeypatch, capsys
):
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(web, "_setup", lambda data_dir=None: None)
    monkeypatch.setattr(web, "_prepare", lambda **kwargs: None)
    args = argparse.Namespace(data_dir=None, queue="*", interval=0.0, batch=True, no_daily=True)
    with override_settings(TASKS=DB_TASKS):
        killed = running(task_recovery.worker_id(dead_pid()), wallclock.now())
        waiting = send_deadline_reminders.enqueue()
        assert web._handle_worker(args) == 0
        assert DBTaskResult.objects.get(pk=killed).status == "FAILED"
        ran = DBTaskResult.objects.get(pk=waiting.id)
        assert ran.status == "SUCCESSFUL"
        assert ran.worker_ids == [task_recovery.worker_id()]
    assert "1 个中断的后台任务记录" in capsys.readouterr().out
    assert timezone.is_aware(ran.started_at)
