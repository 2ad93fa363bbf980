"""Registrations of other agencies succeed during a 10,000-row import (issue 13, item 3).

The import and the registrations run as they do when installed: bench/import_10k.py builds a
fresh database — SQLite in a new data folder with the production settings (WAL, IMMEDIATE
transactions, busy timeout), or an empty database on the throwaway PostgreSQL server — runs the
import job in a worker thread and has three clerks of other agencies register requests until it
ends. In a separate process, because the test settings' SQLite lives in memory, which is neither
WAL nor shared the way the installed database is. Only correctness is asserted; the bench
prints the timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

ROWS = 10_000
CLERKS = 3
BENCH = Path(__file__).resolve().parents[3] / "bench" / "import_10k.py"


def run_scenario(**env: str) -> dict[str, Any]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "GONGKAI_DATA_DIR")
    }
    command = [sys.executable, str(BENCH), "--rows", str(ROWS), "--clerks", str(CLERKS)]
    command += ["--pause", "0.5", "--json"]
    done = subprocess.run(
        command, env=environment | env, capture_output=True, text=True, timeout=3600, check=False
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result, ensure_ascii=False))  # the timings, shown with pytest -s
    return result


def assert_every_registration_went_through(result: dict[str, Any]) -> None:
    assert (result["job_status"], result["imported"], result["items"]) == ("done", ROWS, ROWS)
    assert result["failed_registrations"] == []
    # Every clerk registered while the import was running, not only before or after it.
    assert result["clerks_during_import"] == CLERKS
    assert result["numbers_unique"]


@pytest.mark.skipif(
    os.environ.get("GONGKAI_TEST_POSTGRES") == "1", reason="PostgreSQL 运行中不重复 SQLite 场景"
)
def test_registrations_succeed_during_a_10000_row_import_on_sqlite_in_wal_mode():
    result = run_scenario()
    assert (result["database"], result["journal_mode"]) == ("sqlite", "wal")
    assert_every_registration_went_through(result)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_registrations_succeed_during_a_10000_row_import_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("只在 PostgreSQL 上运行（GONGKAI_TEST_POSTGRES=1）")
    name = "gongkai_import_concurrency"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name}"
    try:
        result = run_scenario(DATABASE_URL=url)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert result["database"] == "postgresql"
    assert_every_registration_went_through(result)
