"""The command line of the web side: ``gongkai serve`` runs a real server (waitress) with its
static files, ``gongkai manage`` passes through to Django, production settings pass
``check --deploy``."""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from command_env import clean_env, run_command
from gongkai.cli.main import build_parser
from gongkai.core.vocabulary import AuditAction

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_web_commands_are_registered():
    parser = build_parser()
    for command in ("serve", "demo", "worker", "manage"):
        args = parser.parse_args([command] if command != "manage" else ["manage", "check"])
        assert callable(args.handler)
    assert parser.parse_args(["demo"]).port == 8000
    assert parser.parse_args(["serve"]).host == "127.0.0.1"


def test_serve_migrates_and_serves_pages_and_static_files(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gongkai"), "serve", "--port", str(port)],
        env=clean_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        # Generous: migrating and collecting static files on a loaded machine takes a while.
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(f"{base}/login/", timeout=2) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()  # reading the output of a live server would wait for ever
                    raise AssertionError(server.communicate(timeout=20)[0]) from None
                time.sleep(0.3)
        assert "登录" in page
        assert "/static/gongkai/js/htmx.min." in page  # hashed name from the manifest
        script = page.split('src="', 1)[1].split('"', 1)[0]
        with urllib.request.urlopen(base + script, timeout=5) as answer:
            assert answer.status == 200
            assert b"htmx" in answer.read(2000)
        with urllib.request.urlopen(f"{base}/login/", timeout=5) as answer:
            assert answer.headers["X-Frame-Options"] == "DENY"
            assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert (tmp_path / "gongkai.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_manage_passes_through_to_django(tmp_path):
    result = run_command([str(BIN / "gongkai"), "manage", "check"], clean_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    env = clean_env(tmp_path) | {
        "DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "gongkai.example.gov.cn",
    }
    result = run_command(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"], env
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = clean_env(tmp_path) | {"DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.production"}
    result = run_command([sys.executable, "-m", "django", "check"], env)
    assert result.returncode != 0
    assert "缺少环境变量 DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_the_demo_loader_builds_a_district_with_every_role_and_state():
    import datetime as dt

    from gongkai.web.applications.models import Application
    from gongkai.web.common.models import AuditRecord
    from gongkai.web.demo import load_demo
    from gongkai.web.orgs.models import Agency

    summary = load_demo(seed=1, today=dt.date(2026, 11, 26))
    assert summary.skipped == 0
    assert Agency.objects.filter(kind="department").count() >= 15
    assert Agency.objects.filter(kind__in=["township", "subdistrict"]).exists()
    assert {login.role for login in summary.logins} == {"系统管理员", "公开办", "经办人", "审核人"}
    from gongkai.web.applications.enums import Status

    states = set(Application.objects.values_list("status", flat=True))
    assert states == {s.value for s in Status}  # a request in every state
    registered = Application.objects.exclude(status=Status.PENDING)  # online ones: 待确认
    assert (
        AuditRecord.objects.filter(action=AuditAction.APPLICATION_REGISTER).count()
        == registered.count()
    )
    assert summary.applications == registered.count()
    assert AuditRecord.objects.filter(action=AuditAction.ONLINE_SUBMIT).count() == 3
    from gongkai.web.applications.enums import OPEN_STATUSES
    from gongkai.web.letters.models import Letter
    from gongkai.web.litigation.models import Case

    # Requests carried into 2026 end in 2026; none is still open ten months later.
    carried = Application.objects.filter(received_on__year__lt=2026, status__in=OPEN_STATUSES)
    assert not carried.exists()
    # Applicants who let the 补正 or fee period pass end as （六） rows; the recent ones wait,
    # flagged, for the officer — none is left lapsed for longer than the demo's grace period.
    assert Application.objects.filter(outcome="other.no_correction").exists()
    lapsed = Application.objects.filter(
        status__in=OPEN_STATUSES, lapses_on__lt=dt.date(2026, 11, 26)
    )
    assert lapsed.exists()
    assert all(a.lapses_on >= dt.date(2026, 11, 12) for a in lapsed)
    assert Case.objects.exists() and "复议诉讼案件" in " ".join(summary.extra)
    assert Letter.objects.filter(template_key__startswith="answer").count() >= 20
    # The 目录 goes on into the current year, up to today.
    from gongkai.web.proactive.models import Item

    current = Item.objects.filter(formed_on__year=2026)
    assert current.exists()
    assert not current.filter(formed_on__gt=dt.date(2026, 11, 26)).exists()
    # Reminders ran at start: 提醒 shows the overdue and due-soon cases to their officers.
    from gongkai.web.applications.enums import WAITING_STATUSES
    from gongkai.web.notifications.models import Notification

    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"overdue", "approval", "supervision"} <= kinds
    late = Application.objects.filter(
        status__in=OPEN_STATUSES, due_on__lt=dt.date(2026, 11, 26), assigned_to__isnull=False
    ).exclude(status__in=WAITING_STATUSES)
    assert late.exists()
    for app in late:  # every overdue case's officer has its reminder
        assert Notification.objects.filter(
            user=app.assigned_to, application=app, kind="overdue"
        ).exists()
    # 待我审批 has work for the featured 审核人; the 公开办's dashboard has data and 督办.
    from django.contrib.auth import get_user_model

    from gongkai.web.applications.inbox import approval_inbox
    from gongkai.web.oversight.models import Supervision
    from gongkai.web.oversight.selectors import dashboard
    from gongkai.web.workcalendar.snapshots import work_calendar

    people = {login.role: login.username for login in summary.logins}
    users = get_user_model().objects
    reviewer = users.get(username=people["审核人"])
    assert approval_inbox(user=reviewer, calendar=work_calendar())
    from gongkai.web.applications.inbox import signoff_inbox

    # …and an answer to sign (签发): the featured agency requires it (issue 10, item 9).
    assert signoff_inbox(user=reviewer, calendar=work_calendar(), today=dt.date(2026, 11, 26))
    office = users.get(username=people["公开办"])
    board = dashboard(user=office, today=dt.date(2026, 11, 26), calendar=work_calendar())
    assert board.total.open > 0 and board.total.closed > 0 and sum(board.received_by_month) > 0
    assert Supervision.objects.count() == 2


def test_the_upload_storage_is_chosen_by_the_environment(tmp_path):
    env = clean_env(tmp_path) | {
        "DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.base",
        "GONGKAI_STORAGE_BACKEND": "django.core.files.storage.InMemoryStorage",
        "GONGKAI_STORAGE_OPTIONS": '{"location": "uploads"}',
    }
    code = (
        "import django; django.setup(); from django.core.files.storage import default_storage;"
        "print(type(default_storage._wrapped if hasattr(default_storage, '_wrapped') else"
        " default_storage).__name__ if default_storage.save('a.txt', __import__('io').BytesIO(b'x'))"
        " else '')"
    )
    result = run_command([sys.executable, "-c", code], env)
    assert result.stdout.strip() == "InMemoryStorage", result.stderr
    bad = run_command(
        [sys.executable, "-m", "django", "check"], env | {"GONGKAI_STORAGE_OPTIONS": "{bucket"}
    )
    assert "环境变量 GONGKAI_STORAGE_OPTIONS 应为 JSON" in bad.stderr


def test_a_configuration_mistake_is_one_chinese_line_not_a_traceback(tmp_path):
    env = clean_env(tmp_path) | {"DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.production"}
    result = run_command([str(BIN / "gongkai"), "serve"], env)
    assert result.returncode == 2
    assert result.stderr.strip() == "配置错误：缺少环境变量 DJANGO_SECRET_KEY，请设置后重新启动"
