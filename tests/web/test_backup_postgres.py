"""``gongkai backup`` / ``gongkai restore`` on PostgreSQL (issue 13, item 10): pg_dump of a live
database under writes, pg_restore into an empty one, every record and file found. Runs only in the
PostgreSQL run (``GONGKAI_TEST_POSTGRES=1``), on its throwaway server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from command_env import clean_env, run_command

pytestmark = pytest.mark.skipif(
    os.environ.get("GONGKAI_TEST_POSTGRES") != "1", reason="只在 PostgreSQL 测试中运行"
)

LIVE = Path(__file__).parent.parent / "cli" / "backup_live.py"
BIN = Path(sys.executable).parent


def _url(settings: dict[str, object], name: str) -> str:
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{name}"


def _tables(url: str) -> dict[str, set[tuple[object, ...]]]:
    import psycopg

    with psycopg.connect(url) as db:
        names = [
            n
            for (n,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        return {
            n: {tuple(map(_hashable, row)) for row in db.execute(f'SELECT * FROM "{n}"')}
            for n in names
        }


def _hashable(value: object) -> object:
    return json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_postgres_backup_under_writes_restores_into_an_empty_database(tmp_path):
    import psycopg
    from django.db import connection

    server = connection.settings_dict
    assert server["ENGINE"].endswith("postgresql")
    with psycopg.connect(_url(server, "postgres"), autocommit=True) as admin:
        for name in ("gongkai_live", "gongkai_restored"):
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
    live_url, restored_url = _url(server, "gongkai_live"), _url(server, "gongkai_restored")

    def env(data: Path, url: str) -> dict[str, str]:
        return clean_env(data) | {"DATABASE_URL": url}

    live, fresh, archive = tmp_path / "live", tmp_path / "fresh", tmp_path / "backup.tar.gz"
    built = run_command(
        [sys.executable, str(LIVE), "build", str(live)], env(live, live_url), timeout=900
    )
    assert built.returncode == 0, built.stderr
    before = _tables(live_url)
    writer = subprocess.Popen(
        [sys.executable, str(LIVE), "write", str(live), "20"],
        env=env(live, live_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().startswith("wrote")
        backed = run_command(
            [str(BIN / "gongkai"), "backup", str(archive), "--data-dir", str(live)],
            env(live, live_url),
            timeout=900,
        )
        assert backed.returncode == 0, backed.stderr
    finally:
        writer.communicate(timeout=300)
    restored = run_command(
        [str(BIN / "gongkai"), "restore", str(archive), "--data-dir", str(fresh)],
        env(fresh, restored_url),
        timeout=900,
    )
    assert restored.returncode == 0, restored.stderr
    after, now_live = _tables(restored_url), _tables(live_url)
    mutable = {"applications_numbercounter", "letters_lettercounter", "django_session"}
    for table, rows in before.items():
        if table in mutable or table.startswith(("axes_", "django_tasks")):
            continue
        assert rows <= after[table], table
        assert after[table] <= now_live[table], table
    assert len(after["applications_application"]) > len(before["applications_application"])
    files = sorted(
        p.relative_to(live / "media") for p in (live / "media").rglob("*") if p.is_file()
    )
    assert files and all(
        (fresh / "media" / f).read_bytes() == (live / "media" / f).read_bytes() for f in files
    )
