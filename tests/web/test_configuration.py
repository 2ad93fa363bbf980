"""Configuration (issue 13, item 8): no installation runs with a secret anyone knows, and the
data folder and database are readable by their owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from command_env import clean_env, run_command
from gongkai.web.config.datadir import KNOWN_SECRETS, SECRET_KEY_FILE

BIN = Path(sys.executable).parent
PRINT_KEY = (
    "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_command(args, env, timeout=180)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_single_machine_install_gets_its_own_private_secret_and_folder(tmp_path):
    data = tmp_path / "fresh" / "data"
    env = clean_env(data)
    migrated = run([str(BIN / "gongkai"), "manage", "migrate", "-v", "0"], env)
    assert migrated.returncode == 0, migrated.stderr
    key_file = data / SECRET_KEY_FILE
    key = key_file.read_text().strip()
    assert len(key) >= 50 and key not in KNOWN_SECRETS
    assert mode(data) == 0o700
    assert mode(key_file) == 0o600
    assert mode(data / "gongkai.sqlite3") == 0o600
    # The same key on every later start (sessions survive a restart) …
    again = run(
        [sys.executable, "-c", PRINT_KEY],
        env | {"DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.base"},
    )
    assert again.stdout.strip() == key, again.stderr
    # … and another installation has another one.
    other = tmp_path / "other"
    assert run([str(BIN / "gongkai"), "manage", "check"], clean_env(other)).returncode == 0
    assert (other / SECRET_KEY_FILE).read_text().strip() != key


def test_without_a_key_file_the_default_profile_still_has_no_known_secret(tmp_path):
    env = clean_env(tmp_path / "nothing-here") | {
        "DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.base"
    }
    first = run([sys.executable, "-c", PRINT_KEY], env)
    second = run([sys.executable, "-c", PRINT_KEY], env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() not in KNOWN_SECRETS
    assert first.stdout.strip() != second.stdout.strip()  # random per process, never a constant
    assert not (tmp_path / "nothing-here").exists()  # reading settings creates nothing


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("gongkai-development-only-secret-key-change-me-in-production", "公开的示例密钥"),
        ("short-key", "太短"),
    ],
)
def test_production_refuses_a_known_or_short_secret(tmp_path, key, message):
    env = clean_env(tmp_path) | {
        "DJANGO_SETTINGS_MODULE": "gongkai.web.config.settings.production",
        "DJANGO_SECRET_KEY": key,
    }
    result = run([str(BIN / "gongkai"), "serve"], env)
    assert result.returncode == 2
    assert result.stderr.startswith("配置错误：DJANGO_SECRET_KEY")
    assert message in result.stderr
    assert not (tmp_path / SECRET_KEY_FILE).exists()
