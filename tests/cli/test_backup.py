"""``gongkai backup`` and ``gongkai restore`` (issue 13, item 10): a backup taken while the
database is being written restores into a fresh folder with every record and every file."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from command_env import clean_env, run_command

BIN = Path(sys.executable).parent
LIVE = Path(__file__).with_name("backup_live.py")
# Rows a running installation rewrites in place (counters, sessions, login attempts, tasks).
MUTABLE = {
    "applications_numbercounter",
    "letters_lettercounter",
    "django_session",
    "axes_accessattempt",
    "axes_accesslog",
    "django_tasks_database_dbtaskresult",
}


def gongkai(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return run_command(
        [str(BIN / "gongkai"), *args, "--data-dir", str(data)], clean_env(data), timeout=600
    )


def rows(database: Path) -> dict[str, set[tuple[object, ...]]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: set(db.execute(f'SELECT * FROM "{t}"')) for t in tables}


def files(media: Path) -> dict[str, str]:
    return {
        p.relative_to(media).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in media.rglob("*")
        if p.is_file()
    }


def test_a_backup_under_writes_restores_every_record_and_file(tmp_path):
    live, fresh, archive = tmp_path / "live", tmp_path / "fresh", tmp_path / "b" / "backup.tar.gz"
    built = run_command(
        [sys.executable, str(LIVE), "build", str(live)], clean_env(live), timeout=900
    )
    assert built.returncode == 0, built.stderr
    before = rows(live / "gongkai.sqlite3")
    letter_files = files(live / "media")
    assert len(letter_files) >= 10  # DOCX and PDF of the answer letters

    writer = subprocess.Popen(
        [sys.executable, str(LIVE), "write", str(live), "30"],
        env=clean_env(live),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        first = writer.stdout.readline()
        assert first.startswith("wrote"), writer.stderr.read() if writer.stderr else ""
        backed = gongkai("backup", str(archive), data=live)
        assert backed.returncode == 0, backed.stderr
        assert "已备份到" in backed.stdout
    finally:
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    written = int(out.strip().splitlines()[-1].split()[1])
    assert (archive.stat().st_mode & 0o777) == 0o600  # personal data: owner only

    restored = gongkai("restore", str(archive), data=fresh)
    assert restored.returncode == 0, restored.stderr
    after_restore = rows(fresh / "gongkai.sqlite3")
    after_live = rows(live / "gongkai.sqlite3")
    for table, before_rows in before.items():
        if table in MUTABLE:
            continue
        # Everything there before the backup is there, unchanged …
        assert before_rows <= after_restore[table], table
        # … and nothing is in the copy that the live database does not hold (a consistent
        # snapshot: no torn or invented rows).
        assert after_restore[table] <= after_live[table], table
    # The snapshot was taken mid-writing: some but not all of the writer's requests are in it.
    new = len(after_restore["applications_application"]) - len(before["applications_application"])
    assert 0 < new < written + 1
    # The numbering counter agrees with the requests the snapshot holds.
    with sqlite3.connect(fresh / "gongkai.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (last,) = db.execute(
            "SELECT MAX(last) FROM applications_numbercounter c WHERE c.year = 2026"
        ).fetchone()
        (seq,) = db.execute(
            "SELECT MAX(seq) FROM applications_application WHERE year = 2026"
        ).fetchone()
        assert last == seq
    # Every stored file, byte for byte; the secret key comes back with the data.
    assert files(fresh / "media") == letter_files
    assert (fresh / "secret_key").read_text() == (live / "secret_key").read_text()

    # A second restore over it is refused unless forced; a damaged backup changes nothing.
    again = gongkai("restore", str(archive), data=fresh)
    assert again.returncode == 2 and "已存在" in again.stderr
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            handle = source.extractfile(member)
            data = handle.read() if handle else b""
            if member.name.endswith(".pdf"):
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    refused = gongkai("restore", str(damaged), "--force", data=fresh)
    assert refused.returncode == 2 and "与清单不符" in refused.stderr
    assert (
        rows(fresh / "gongkai.sqlite3")["applications_application"]
        == after_restore["applications_application"]
    )


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    with tarfile.open(junk, "w:gz"):
        pass
    result = gongkai("restore", str(junk), data=tmp_path / "data")
    assert result.returncode == 2
    assert "不是 gongkai 的备份文件" in result.stderr


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_the_commands_are_registered_with_a_data_dir(command):
    from gongkai.cli.main import build_parser

    args = build_parser().parse_args([command, "x.tar.gz", "--data-dir", "d"])
    assert callable(args.handler) and args.data_dir == "d"
