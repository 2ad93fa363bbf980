"""`uv run pytest` is the one command that runs every check CI runs: the linters and the type
checker run here as tests, so a lint error fails the build like a broken assertion."""

from __future__ import annotations

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


def test_core_type_checks_strictly() -> None:
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
