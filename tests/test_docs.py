"""The documentation is held to the code: every finding code is in the contract, every command
is in the README, and the architecture document names every package it describes."""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.cli.main import build_parser
from gongkai.core.findings import CODES

ROOT = Path(__file__).resolve().parent.parent


def test_every_finding_code_is_documented_in_the_contract() -> None:
    text = (ROOT / "docs" / "report-data.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in text]
    assert not missing, f"undocumented finding codes: {missing}"


def test_every_documented_finding_code_exists() -> None:
    text = (ROOT / "docs" / "report-data.md").read_text(encoding="utf-8")
    table = text.split("## Finding codes", 1)[1].split("## JSON output", 1)[0]
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", table, flags=re.MULTILINE))
    assert documented == set(CODES)


def test_every_command_is_shown_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [name for name in commands if f"gongkai {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_the_architecture_document_names_every_package() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    src = ROOT / "src" / "gongkai"
    packages = [
        p.relative_to(src.parent).as_posix()
        for p in sorted(src.glob("*/*/"))
        if (p / "__init__.py").exists()
        and p.name not in {"migrations", "templatetags", "management"}
    ]
    missing = [p for p in packages if p.split("/", 1)[1] not in text]
    assert not missing, f"packages not described in docs/architecture.md: {missing}"


def test_every_document_a_comment_cites_is_in_the_repository() -> None:
    """Comments cite reference notes by file name (``annual-report-formats.md §5``) or as the
    style guide; each must be in docs/ (issue 9), not only on the machine it was written on."""
    docs = {p.name for p in (ROOT / "docs").rglob("*.md")}
    cited: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        cited |= set(re.findall(r"\b([a-z][a-z0-9-]+\.md)\b", text))
        if "style guide" in text:
            cited.add("style-guide.md")
    missing = sorted(cited - docs - {"README.md"})
    assert not missing, f"cited but not in docs/: {missing}"
