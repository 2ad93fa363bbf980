"""A 10,000-row 目录 import while clerks of other agencies register requests (issue 13, item 3).

    uv run python bench/import_10k.py [--rows 10000] [--clerks 3] [--json]
    DATABASE_URL=postgres://… uv run python bench/import_10k.py     # on PostgreSQL (empty database)

Builds a fresh database in a temporary folder with the production settings (SQLite in WAL mode,
``transaction_mode=IMMEDIATE``, 20 s busy timeout) or uses ``DATABASE_URL``; stores a CSV of
``--rows`` rows as an import job, runs the job in one thread as ``gongkai worker`` would, and
meanwhile has ``--clerks`` threads register requests at other agencies, one after another
(``--pause`` seconds apart), until the import ends. Prints the import's time and rows/s, how many registrations went through during
it and how long they waited; with ``--json`` one line of JSON (used by
``tests/web/proactive/test_import_concurrency.py``, which asserts only correctness).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from typing import Any

HEADER = "索引号,名称,内容概述,文号,生成日期,公开日期,发布机构,主题分类,有效性,发布渠道"
ID_NUMBER = "110101199001011237"


def _django() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.config.settings.base"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _catalogue(rows: int, formed: dt.date) -> bytes:
    lines = [HEADER]
    lines += [
        f"BJ-{i:06d},关于第{i}项工作的通知,,,{formed:%Y-%m-%d},,,通知公告,有效,"
        for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def scenario(rows: int, clerks: int, pause: float = 0.1) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import connections

    from gongkai.core import wallclock
    from gongkai.web.accounts.models import Membership
    from gongkai.web.applications import services as requests
    from gongkai.web.applications.models import Application
    from gongkai.web.orgs.models import AgencyKind
    from gongkai.web.orgs.services import agency_create
    from gongkai.web.proactive import import_jobs
    from gongkai.web.proactive import services as proactive
    from gongkai.web.proactive.models import ImportJob, Item

    today = wallclock.today()
    gov = agency_create(code="gov", name="基准区人民政府", kind=AgencyKind.GOVERNMENT)
    review = {"review_body": gov.name}
    importer = agency_create(
        code="d00", name="基准区导入局", kind=AgencyKind.DEPARTMENT, parent=gov, **review
    )
    users = get_user_model().objects
    uploader = users.create_user("d00_jbr", password="x")
    Membership.objects.create(user=uploader, agency=importer, role="officer")
    desks = []
    for i in range(1, clerks + 1):
        agency = agency_create(
            code=f"d{i:02d}",
            name=f"基准区第{i}部门",
            kind=AgencyKind.DEPARTMENT,
            parent=gov,
            **review,
        )
        user = users.create_user(f"d{i:02d}_jbr", password="x")
        Membership.objects.create(user=user, agency=agency, role="officer")
        desks.append((user, agency))
    proactive.categories_ensure_defaults(agency=importer)
    job = ImportJob.objects.create(
        agency=importer,
        created_by=uploader,
        filename="目录.csv",
        data=_catalogue(rows, today - dt.timedelta(days=30)),
        created_at=wallclock.now(),
    )  # as job_create stores it; the worker thread below runs it
    connections.close_all()

    done = threading.Event()
    spans: dict[str, float] = {}
    waits: list[float] = []
    during: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            spans["start"] = time.perf_counter()
            import_jobs.job_run(job.pk)
            spans["end"] = time.perf_counter()
        finally:
            done.set()
            connections.close_all()

    def clerk(user: Any, agency: Any, k: int) -> None:
        n = 0
        try:
            while not done.is_set() or n == 0:
                n += 1
                began = time.perf_counter()
                try:
                    requests.application_register(
                        acting_user=user,
                        agency=agency,
                        applicant=requests.ApplicantData(
                            kind="natural",
                            name=f"申请人{k}",
                            id_type="居民身份证",
                            id_number=ID_NUMBER,
                            phone="13800000000",
                        ),
                        channel="in_person",
                        arrived_on=today,
                        subject=f"第{k}窗口第{n}件：{n * 7919 % 104729}号文件",
                        requested_form="纸质",
                        delivery="邮寄",
                    )
                except Exception as exc:  # every failure is reported, none swallowed
                    with lock:
                        failures.append(f"{agency.code}#{n}: {type(exc).__name__}: {exc}")
                    continue
                ended = time.perf_counter()
                with lock:
                    waits.append(ended - began)
                    if not done.is_set():
                        during.append(k)
                time.sleep(pause)  # a clerk types the next request
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker)]
    threads += [
        threading.Thread(target=clerk, args=(user, agency, k))
        for k, (user, agency) in enumerate(desks, start=1)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    job.refresh_from_db()
    journal = ""
    if connections["default"].vendor == "sqlite":
        with connections["default"].cursor() as cursor:
            journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    numbers = list(Application.objects.values_list("number", flat=True))
    seconds = spans["end"] - spans["start"]
    return {
        "database": connections["default"].vendor,
        "journal_mode": journal,
        "rows": rows,
        "job_status": job.status,
        "job_message": job.message,
        "imported": job.imported,
        "items": Item.objects.filter(agency=importer).count(),
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds, 1),
        "registrations": len(waits),
        "registrations_during_import": len(during),
        "clerks_during_import": len(set(during)),
        "batch_seconds": import_jobs.BATCH_SECONDS,
        "numbers_unique": len(numbers) == len(set(numbers)) == len(waits),
        "wait_median_ms": round(statistics.median(waits) * 1000, 1) if waits else None,
        "wait_max_ms": round(max(waits) * 1000, 1) if waits else None,
        "failed_registrations": failures,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--clerks", type=int, default=3)
    parser.add_argument(
        "--pause", type=float, default=0.1, help="seconds each clerk waits between registrations"
    )
    parser.add_argument("--json", action="store_true", help="print one line of JSON")
    args = parser.parse_args(argv)
    _django()
    result = scenario(args.rows, args.clerks, args.pause)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"数据库：{result['database']}")
    print(
        f"导入 {result['rows']} 行：{result['seconds']} 秒，{result['rows_per_second']} 行/秒，"
        f"状态 {result['job_status']}，已导入 {result['imported']} 行"
    )
    print(
        f"同时登记申请：{result['registrations']} 件（导入期间 {result['registrations_during_import']}"
        f" 件），等待中位数 {result['wait_median_ms']} ms，最长 {result['wait_max_ms']} ms，"
        f"失败 {len(result['failed_registrations'])} 件"
    )
    for line in result["failed_registrations"][:10]:
        print("  ", line)
    return 0 if not result["failed_registrations"] else 1


if __name__ == "__main__":
    sys.exit(main())
