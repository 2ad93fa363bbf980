"""``gongkai backup FILE`` and ``gongkai restore FILE``: the database and every stored file.

A backup is one ``.tar.gz`` holding ``manifest.json`` (format, database engine, time, and the
SHA-256 of every member), the database, the stored files (uploads, generated letters: Django's
``MEDIA_ROOT``) and the installation's secret key when it has one in its data folder.

* SQLite: SQLite's online backup API copies a consistent snapshot of the live database — the
  write-ahead log included — while the server keeps serving and writing.
* PostgreSQL (``DATABASE_URL``): ``pg_dump --format=custom``, restored with ``pg_restore``.

``restore`` checks every member against the manifest before it touches anything, refuses a data
folder that already holds a database unless ``--force``, and writes the files into place.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from gongkai.core import wallclock

FORMAT = "gongkai-backup-1"
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/gongkai.sqlite3"
PGDUMP_MEMBER = "database/gongkai.pgdump"
SECRET_MEMBER = "secret_key"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Chinese and says what to do."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _database() -> dict[str, Any]:
    from django.conf import settings

    return dict(settings.DATABASES["default"])


def _pg_env(database: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"找不到 {command[0]}，请安装与数据库版本一致的 PostgreSQL 客户端工具")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{command[0]} 失败：{detail[-1] if detail else result.returncode}")


def _snapshot_database(target: Path) -> str:
    """The live database into ``target``; returns the archive member name."""
    database = _database()
    engine = str(database["ENGINE"])
    if engine.endswith("sqlite3"):
        source_path = Path(str(database["NAME"]))
        if not source_path.exists():
            raise BackupError(f"数据库 {source_path} 不存在，请检查 --data-dir")
        # The online backup API: a consistent copy of committed data (WAL included) while other
        # connections go on writing; pages changed meanwhile are copied again until it is whole.
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
        return SQLITE_MEMBER
    if "postgresql" in engine:
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)], _pg_env(database))
        return PGDUMP_MEMBER
    raise BackupError(f"不支持备份这种数据库：{engine}")


def backup(file: Path) -> dict[str, Any]:
    """Write the backup of the configured installation to ``file``; returns the manifest."""
    from django.conf import settings

    data_dir = Path(settings.DATA_DIR)
    media = Path(settings.MEDIA_ROOT)
    members: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-backup-") as scratch:
        snapshot = Path(scratch) / "database"
        members[_snapshot_database(snapshot)] = snapshot
        # Files after the database: a file a row names was written before the row was committed,
        # so every file the snapshot refers to is already on disk.
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                members[MEDIA_PREFIX + path.relative_to(media).as_posix()] = path
        secret = data_dir / "secret_key"
        if secret.is_file():
            members[SECRET_MEMBER] = secret
        manifest = {
            "format": FORMAT,
            "created": wallclock.now().isoformat(timespec="seconds"),
            "engine": "sqlite" if SQLITE_MEMBER in members else "postgresql",
            "files": {
                name: {"sha256": _sha256(path), "size": path.stat().st_size}
                for name, path in members.items()
            },
        }
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(file.name + ".partial")
        old_umask = os.umask(0o077)  # the backup holds personal data: owner-only
        try:
            with tarfile.open(partial, "w:gz") as archive:
                body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                archive.addfile(info, io.BytesIO(body))
                for name, path in members.items():
                    archive.add(path, arcname=name, recursive=False)
            partial.replace(file)
        finally:
            os.umask(old_umask)
            partial.unlink(missing_ok=True)
    return manifest


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.getmember(MANIFEST)
        handle = archive.extractfile(member)
        manifest = json.loads(handle.read()) if handle else None
    except (KeyError, json.JSONDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("这不是 gongkai 的备份文件（缺少或无法识别 manifest.json）")
    return manifest


def restore(file: Path, *, force: bool = False) -> dict[str, Any]:
    """Put the backup in ``file`` into the configured installation; returns its manifest."""
    from django.conf import settings

    from gongkai.web.config import datadir

    if not file.is_file():
        raise BackupError(f"备份文件 {file} 不存在")
    data_dir = datadir.ensure_private_dir(Path(settings.DATA_DIR))
    media = Path(settings.MEDIA_ROOT)
    database = _database()
    sqlite = str(database["ENGINE"]).endswith("sqlite3")
    with tempfile.TemporaryDirectory(prefix="gongkai-restore-", dir=data_dir) as scratch:
        unpacked = Path(scratch)
        try:
            with tarfile.open(file, "r:gz") as archive:
                manifest = _read_manifest(archive)
                archive.extractall(unpacked, filter="data")  # no absolute paths, links or ../
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise BackupError(f"备份文件已损坏，无法读取（{exc}）") from None
        for name, facts in manifest["files"].items():
            path = unpacked / name
            if not path.is_file() or _sha256(path) != facts["sha256"]:
                raise BackupError(
                    f"备份文件中的“{name}”与清单不符（文件损坏或被改动），未做任何恢复"
                )
        if (manifest["engine"] == "sqlite") != sqlite:
            raise BackupError(
                f"备份来自 {manifest['engine']} 数据库，当前配置的是"
                f"{'SQLite' if sqlite else 'PostgreSQL'}，请先设置相同类型的数据库"
            )
        fresh = force
        if sqlite:
            target = Path(str(database["NAME"]))
            fresh = fresh or not target.exists()
            if target.exists() and not force:
                raise BackupError(
                    f"{target} 已存在。恢复会覆盖现有数据，请换一个 --data-dir，或加 --force"
                )
            for stale in datadir.sqlite_files(target):
                stale.unlink(missing_ok=True)
            (unpacked / SQLITE_MEMBER).replace(target)
            datadir.restrict_files(target)
        else:
            command = [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                str(database["NAME"]),
            ]
            if force:
                command[1:1] = ["--clean", "--if-exists"]
            _run([*command, str(unpacked / PGDUMP_MEMBER)], _pg_env(database))
        stored = unpacked / "media"
        if stored.is_dir():
            for path in stored.rglob("*"):
                if path.is_file():
                    destination = media / path.relative_to(stored)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    path.replace(destination)
        # The installation's key comes back with its data (a fresh folder got a new one at start).
        if (unpacked / SECRET_MEMBER).is_file() and (
            fresh or not (data_dir / "secret_key").exists()
        ):
            (unpacked / SECRET_MEMBER).replace(data_dir / "secret_key")
            datadir.restrict_files(data_dir / "secret_key")
    return manifest


def _handle_backup(args: argparse.Namespace) -> int:
    from gongkai.cli.web import _setup

    _setup(args.data_dir)
    target = Path(args.file)
    try:
        manifest = backup(target)
    except BackupError as exc:
        print(f"备份失败：{exc}", file=sys.stderr)
        return 2
    files = sum(1 for name in manifest["files"] if name.startswith(MEDIA_PREFIX))
    print(f"已备份到 {target}：数据库（{manifest['engine']}）和 {files} 个文件")
    return 0


def _handle_restore(args: argparse.Namespace) -> int:
    from gongkai.cli.web import _prepare, _setup

    _setup(args.data_dir)
    try:
        manifest = restore(Path(args.file), force=args.force)
    except BackupError as exc:
        print(f"恢复失败：{exc}", file=sys.stderr)
        return 2
    _prepare()  # a backup from an older version is migrated to this one
    files = sum(1 for name in manifest["files"] if name.startswith(MEDIA_PREFIX))
    print(f"已从 {args.file} 恢复（备份时间 {manifest['created']}）：数据库和 {files} 个文件")
    return 0


def register(subparsers: Any) -> None:
    from gongkai.cli.web import _friendly

    backup_parser = subparsers.add_parser(
        "backup", help="备份数据库（SQLite 在线备份或 pg_dump）和上传、生成的文件到一个文件"
    )
    backup_parser.add_argument("file", help="备份文件（.tar.gz）")
    backup_parser.add_argument(
        "--data-dir", help="数据目录（默认环境变量 GONGKAI_DATA_DIR 或 ./data）"
    )
    backup_parser.set_defaults(handler=_friendly(_handle_backup))
    restore_parser = subparsers.add_parser("restore", help="从 gongkai backup 的备份文件恢复")
    restore_parser.add_argument("file", help="备份文件（.tar.gz）")
    restore_parser.add_argument(
        "--data-dir", help="数据目录（默认环境变量 GONGKAI_DATA_DIR 或 ./data）"
    )
    restore_parser.add_argument("--force", action="store_true", help="数据目录中已有数据时覆盖")
    restore_parser.set_defaults(handler=_friendly(_handle_restore))
