"""Suite-wide fixtures: the database the web tests run on.

SQLite in memory by default. With ``GONGKAI_TEST_POSTGRES=1`` (or ``--postgres``) a throwaway
PostgreSQL cluster is started for the session (initdb in a temporary folder, a free port,
fsync off; dependencies.md §7) and the web tests run against it; it is stopped at the end.
``GONGKAI_TEST_DATABASE_URL`` points the tests at an existing server instead.

``--today=YYYY-MM-DD`` (or ``GONGKAI_TEST_TODAY``) runs the whole suite with the wall clock moved
to that day (10:00 Beijing time, ticking), through time-machine: the product reads the clock only
in ``gongkai.core.wallclock``, and no test may depend on the day it runs. ``.ci/run`` runs the
suite at the dates that matter most (a report-deadline week, 春节 of a year without an official
holiday notice yet, the last day of a year).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from hypothesis import settings

from gongkai.core.wallclock import CHINA

# No per-example time limit: on a shared two-core machine a slow example is load, not a defect
# (hypothesis' default 200 ms deadline made property tests fail at random). Performance is
# measured in bench/, never asserted in tests.
settings.register_profile("gongkai", deadline=None)
settings.load_profile("gongkai")

# Playwright's sync API runs an event loop in the test thread (dependencies.md §6).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres",
        action="store_true",
        help="run the web tests on a throwaway PostgreSQL cluster (same as GONGKAI_TEST_POSTGRES=1)",
    )
    parser.addoption(
        "--today",
        default="",
        help="run the suite with the wall clock at this date (YYYY-MM-DD; same as GONGKAI_TEST_TODAY)",
    )


def _pinned_today(config: pytest.Config) -> dt.date | None:
    text = config.getoption("--today") or os.environ.get("GONGKAI_TEST_TODAY", "")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise pytest.UsageError(f"--today 应为 YYYY-MM-DD 格式的日期，收到“{text}”") from None


_travel: time_machine.travel | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _travel
    day = _pinned_today(config)
    if day is not None:
        _travel = time_machine.travel(dt.datetime.combine(day, dt.time(10), CHINA), tick=True)
        _travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _travel
    if _travel is not None:
        _travel.stop()
        _travel = None


def pytest_report_header(config: pytest.Config) -> str | None:
    day = _pinned_today(config)
    return f"wall clock pinned at {day.isoformat()} (time-machine)" if day else None


def _wants_postgres(config: pytest.Config) -> bool:
    return bool(config.getoption("--postgres")) or os.environ.get("GONGKAI_TEST_POSTGRES") == "1"


def _pg_bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    for path in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(path, "initdb").exists():
            return Path(path)
    raise pytest.UsageError("PostgreSQL 未安装（找不到 initdb），无法运行 PostgreSQL 测试")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, owned by the ``postgres`` user when we run
    as root (initdb refuses root)."""

    def __init__(self) -> None:
        self.bindir = _pg_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="gongkai-pg-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *command: str) -> None:
        if self.as_root:
            line = " ".join(f"'{c}'" for c in command)
            args = ["su", "postgres", "-c", line]
        else:
            args = list(command)
        result = subprocess.run(args, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stdout}\n{result.stderr}")

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        data = self.root / "data"
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(self.root / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        try:
            self._run(
                str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast", "stop"
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def settings(self) -> dict[str, object]:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "gongkai",
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Point the default database at PostgreSQL before the test database is created."""
    url = os.environ.get("GONGKAI_TEST_DATABASE_URL", "")
    server: ThrowawayPostgres | None = None
    if url:
        import dj_database_url

        target: dict[str, object] | None = dict(dj_database_url.parse(url))
    elif _wants_postgres(request.config):
        server = ThrowawayPostgres()
        server.start()
        target = server.settings
    else:
        target = None
    if target is not None:
        from django.conf import settings
        from django.db import connections

        settings.DATABASES["default"].clear()
        settings.DATABASES["default"].update(target)
        connections.close_all()
        connections.__dict__.pop("settings", None)
        with contextlib.suppress(AttributeError):
            del connections["default"]
        assert connections["default"].vendor == "postgresql"
    try:
        yield
    finally:
        if server is not None:
            from django.db import connections

            connections.close_all()
            server.stop()
