"""``gongkai serve``, ``gongkai demo``, ``gongkai worker`` and ``gongkai manage``: the web side.

Thin: each parses its options, sets up Django and hands over to waitress, Django's management
commands or the demo loader.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gongkai.core import wallclock

DEFAULT_SETTINGS = "gongkai.web.config.settings.base"


def _setup(data_dir: str | None = None) -> None:
    from gongkai.web.config import datadir

    if data_dir:
        os.environ["GONGKAI_DATA_DIR"] = str(Path(data_dir).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    # Everything this process creates (database, uploads, letters) is its owner's only.
    os.umask(0o077)
    if os.environ["DJANGO_SETTINGS_MODULE"] == DEFAULT_SETTINGS and not os.environ.get(
        "DJANGO_SECRET_KEY"
    ):
        # A single-machine install: a random key of its own, kept in the private data folder.
        folder = Path(os.environ.get("GONGKAI_DATA_DIR", "data")).resolve()
        datadir.ensure_secret_key(datadir.ensure_private_dir(folder))
    import django

    django.setup()


def _prepare(*, verbose: bool = False) -> None:
    """Create the data folder, migrate and collect static files (idempotent)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from gongkai.web.common.squashed import unfinished_squashes
    from gongkai.web.config import datadir

    datadir.ensure_private_dir(Path(settings.DATA_DIR))
    if problems := unfinished_squashes(connection):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("\n".join(problems))
    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if connection.vendor == "sqlite":
        datadir.restrict_files(*datadir.sqlite_files(Path(connection.settings_dict["NAME"])))


def _serve(host: str, port: int, threads: int) -> int:
    from waitress import serve

    from gongkai.web.config.wsgi import application

    print(f"政府信息公开工作平台已启动：http://{host}:{port}/ （按 Ctrl+C 停止）", flush=True)
    serve(application, host=host, port=port, threads=threads, ident="gongkai")
    return 0


def _handle_serve(args: argparse.Namespace) -> int:
    _setup(args.data_dir)
    _prepare(verbose=True)
    return _serve(args.host, args.port, args.threads)


def _handle_demo(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="gongkai-demo-")
    database = Path(data_dir) / "gongkai.sqlite3"
    if database.exists():
        if not args.force:
            print(
                f"{database} 已存在。演示会新建数据库，请换一个 --data-dir，或加 --force 覆盖。",
                file=sys.stderr,
            )
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
    os.environ.pop("DATABASE_URL", None)
    _setup(data_dir)
    print("正在创建演示数据库……", flush=True)
    _prepare()
    from gongkai.web.demo import load_demo

    def progress(count: int) -> None:
        print(f"  已办理 {count} 件演示申请……", flush=True)

    summary = load_demo(seed=args.seed, progress=progress)
    print(
        f"演示数据：{summary.agencies} 个机关，{summary.applications} 件申请（数据目录 {data_dir}）"
    )
    if summary.skipped:
        print(f"（{summary.skipped} 件生成的申请未通过校验，已跳过）")
    for line in summary.extra:
        print(line)
    print()
    print(f"地址：http://127.0.0.1:{args.port}/")
    print("演示账户（密码相同）：")
    for login in summary.logins:
        print(f"  {login.role:<6} {login.username:<16} 密码 {login.password}  （{login.agency}）")
    if args.no_serve:
        return 0
    print()
    return _serve("127.0.0.1", args.port, args.threads)


def _handle_worker(args: argparse.Namespace) -> int:
    _setup(args.data_dir)
    _prepare()
    from django.core.management import call_command

    options: dict[str, Any] = {"queue_name": args.queue, "interval": args.interval}
    if args.batch:
        options["batch"] = True
    if not args.no_daily:
        from gongkai.web.notifications.tasks import ensure_daily_reminders, next_reminder_time

        ensure_daily_reminders()
        from django.utils import timezone

        when = timezone.localtime(next_reminder_time(wallclock.now()))
        print(f"每日期限提醒已排定，下次运行：{when:%Y-%m-%d %H:%M}", flush=True)
    from gongkai.web.common.task_recovery import task_results_recover_stale, worker_id
    from gongkai.web.proactive.import_jobs import jobs_recover_stale
    from gongkai.web.reports.import_jobs import jobs_recover_stale as report_jobs_recover_stale

    if lost := task_results_recover_stale():
        print(f"发现 {lost} 个中断的后台任务记录（进程已不存在），已标记为失败", flush=True)
    if recovered := jobs_recover_stale() + report_jobs_recover_stale():
        print(f"发现 {recovered} 个中断的导入任务，已重新排队或标记为失败", flush=True)
    options["worker_id"] = worker_id()
    print("后台任务进程已启动（按 Ctrl+C 停止）", flush=True)
    call_command("db_worker", **options)
    return 0


def _handle_manage(args: argparse.Namespace) -> int:
    _setup(args.data_dir)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *args.args])
    return 0


def _friendly(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A configuration mistake is one Chinese line on stderr and exit status 2, not a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from django.core.exceptions import ImproperlyConfigured

        try:
            return handler(args)
        except ImproperlyConfigured as exc:
            print(f"配置错误：{exc}", file=sys.stderr)
            return 2

    return run


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser("serve", help="启动网页服务（waitress），启动前自动迁移数据库")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.add_argument("--threads", type=int, default=8, help="工作线程数（默认 8）")
    serve.add_argument("--data-dir", help="数据目录（默认环境变量 GONGKAI_DATA_DIR 或 ./data）")
    serve.set_defaults(handler=_friendly(_handle_serve))

    demo = subparsers.add_parser(
        "demo", help="新建演示区县（各类机关、各角色账户、各状态的申请）并启动网页服务"
    )
    demo.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    demo.add_argument("--data-dir", help="数据目录（默认新建临时目录）")
    demo.add_argument("--seed", type=int, default=1, help="演示数据的随机种子（默认 1）")
    demo.add_argument("--no-serve", action="store_true", help="只建库，不启动服务")
    demo.add_argument("--force", action="store_true", help="数据目录中已有数据库时覆盖")
    demo.add_argument("--threads", type=int, default=8, help=argparse.SUPPRESS)
    demo.set_defaults(handler=_friendly(_handle_demo))

    worker = subparsers.add_parser("worker", help="运行后台任务（每日期限提醒等）")
    worker.add_argument("--queue", default="*", help="队列名（默认全部）")
    worker.add_argument("--interval", type=float, default=1.0, help="轮询间隔秒数")
    worker.add_argument("--batch", action="store_true", help="处理完现有任务后退出")
    worker.add_argument("--no-daily", action="store_true", help="不自动排定每日期限提醒")
    worker.add_argument("--data-dir", help="数据目录")
    worker.set_defaults(handler=_friendly(_handle_worker))

    manage = subparsers.add_parser("manage", help="Django 管理命令（如 migrate、createsuperuser）")
    manage.add_argument("--data-dir", help="数据目录")
    manage.add_argument("args", nargs=argparse.REMAINDER, help="传给 Django 的参数")
    manage.set_defaults(handler=_friendly(_handle_manage))
