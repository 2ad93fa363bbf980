"""The environment a test gives to a ``gongkai`` command it runs as a subprocess, and the run.

Importable from every test (pytest puts ``tests`` on the path for its conftest)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def clean_env(data: Path) -> dict[str, str]:
    """This process's environment without its Django, gongkai and database settings, with
    ``data`` as the data folder: the command configures itself as on a fresh installation."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "GONGKAI_", "DATABASE_URL"))
    }
    env["GONGKAI_DATA_DIR"] = str(data)
    return env


def run_command(
    argv: list[str], env: dict[str, str], *, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with ``env`` to its end (at most ``timeout`` seconds) and keep its output as
    text; the exit status is the caller's to judge."""
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
