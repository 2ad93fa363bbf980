"""`uv run pytest` is the one command that runs every check CI runs: the linters and the type
checker run here as tests, so a lint error fails the build like a broken assertion."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} is not installed in the project environment (uv sync --dev)")
        return found
    return str(path)


def test_ruff_finds_no_lint_errors() -> None:
    result = run(tool("ruff"), "check", "src", "tests", "bench", "examples")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted_by_ruff() -> None:
    result = run(tool("ruff"), "format", "--check", "src", "tests", "bench", "examples")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_django_or_the_web_side() -> None:
    result = run(tool("lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_type_checks() -> None:
    """mypy: the core strictly; the web side and the command with the django-stubs plugin."""
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


# What reads the wall clock, in any of its spellings (stdlib, Django, time).
CLOCK_READ = re.compile(
    r"\b(?:date\.today|datetime\.now|datetime\.today|datetime\.utcnow|timezone\.now"
    r"|timezone\.localdate|time\.time|time\.time_ns)\(|\btimezone\.localtime\(\)"
)


def test_only_the_wallclock_module_reads_the_clock() -> None:
    """One source of "today" (issue 8): every other module takes it from gongkai.core.wallclock,
    so pinning the date in one place moves the whole product."""
    allowed = ROOT / "src/gongkai/core/wallclock.py"
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        if path != allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READ.search(line.split("#", 1)[0])
    ]
    assert not offenders, "read the clock through gongkai.core.wallclock:\n" + "\n".join(offenders)


def test_the_domain_logic_takes_today_as_an_argument() -> None:
    """The core's logic never asks for the date: only the edges (web, cli) call wallclock."""
    users = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "src/gongkai/core").rglob("*.py"))
        if "wallclock" in path.read_text(encoding="utf-8") and path.name != "wallclock.py"
    ]
    assert not users, users
