"""What the benchmarks share: their command line, a median-and-worst timer, a page step, and
Django on a fresh database.

Imported by the scripts beside it (``uv run python bench/<name>.py`` puts this folder on the
path)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any


def arguments(doc: str, argv: list[str] | None, **defaults: int) -> argparse.Namespace:
    """A benchmark's command line: ``--help`` shows its ``doc``; each of ``defaults`` is a
    whole-number option (``runs=5``: ``--runs``, 5 when not given)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawTextHelpFormatter)
    for name, default in defaults.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    return parser.parse_args(argv)


def page_step(client: Any, url: str) -> Callable[[], None]:
    """A step that asks for the page at ``url`` and insists it answers 200."""

    def step() -> None:
        answer = client.get(url)
        assert answer.status_code == 200, answer.status_code

    return step


def timed(runs: int, action: Callable[[], Any]) -> tuple[float, float]:
    """Run ``action`` ``runs`` + 1 times; the median and the worst in milliseconds, leaving out
    the first run (it warms caches)."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    times = times[1:]
    return statistics.median(times) * 1000, max(times) * 1000


def timed_cpu(runs: int, action: Callable[[], Any]) -> tuple[float, float, float]:
    """Median and slowest wall time and median CPU time (ms) of ``runs`` runs after a warm-up:
    the CPU time is what the step costs on a machine shared with other work."""
    wall, cpu = [], []
    for _ in range(runs + 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    wall, cpu = wall[1:], cpu[1:]
    return statistics.median(wall) * 1000, max(wall) * 1000, statistics.median(cpu) * 1000


def django_on_fresh_database() -> None:
    """Set Django up on a new SQLite file in a temporary folder (or on ``DATABASE_URL``'s
    database), migrated, with plain static files, so pages render through the test client.

    Exits with status 2 when that database already holds requests or 目录 items: a benchmark
    inserts its own and would count someone else's."""
    if not os.environ.get("DATABASE_URL"):
        os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.config.settings.base"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    call_command("migrate", verbosity=0, interactive=False)
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)

    from gongkai.web.applications.models import Application
    from gongkai.web.proactive.models import Item

    if Application.objects.exists() or Item.objects.exists():
        print("数据库中已有数据；请使用空数据库（不设 DATABASE_URL 时自动新建）。", file=sys.stderr)
        raise SystemExit(2)


def bench_district(agencies: int) -> list[Any]:
    """基准区人民政府 and ``agencies`` - 1 of its departments (the government first)."""
    from gongkai.web.orgs.models import AgencyKind
    from gongkai.web.orgs.services import agency_create

    gov = agency_create(code="gov", name="基准区人民政府", kind=AgencyKind.GOVERNMENT)
    return [gov] + [
        agency_create(
            code=f"d{i:02d}", name=f"基准区第{i}部门", kind=AgencyKind.DEPARTMENT, parent=gov
        )
        for i in range(1, agencies)
    ]
