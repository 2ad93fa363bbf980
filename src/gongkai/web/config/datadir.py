"""The data folder of a single-machine install: private to its owner, with its own secret key.

``gongkai serve`` (and the other commands) never run with a secret anyone else knows: the
production profile refuses to start without ``DJANGO_SECRET_KEY``; the default profile creates a
random key once, in ``<data folder>/secret_key``, readable by the owner only. The folder and the
SQLite database are created with owner-only permissions as well.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
# Django's old development key and anything this short is a known or guessable secret.
MINIMUM_SECRET_LENGTH = 32
KNOWN_SECRETS = frozenset({"gongkai-development-only-secret-key-change-me-in-production"})

PRIVATE_DIR = stat.S_IRWXU  # 0o700
PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "posix":
        path.chmod(PRIVATE_DIR)
    return path


def read_secret_key(data_dir: Path) -> str:
    """The key stored in the data folder, or ``""`` when there is none yet."""
    try:
        return (data_dir / SECRET_KEY_FILE).read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return ""


def ensure_secret_key(data_dir: Path) -> str:
    """The data folder's secret key, created at random (owner-only file) the first time."""
    existing = read_secret_key(data_dir)
    if existing:
        return existing
    ensure_private_dir(data_dir)
    key = secrets.token_urlsafe(50)
    path = data_dir / SECRET_KEY_FILE
    # O_EXCL: two processes starting at once keep the first key, never overwrite it.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return read_secret_key(data_dir)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def weak_secret(key: str) -> str | None:
    """Why ``key`` must not protect an installation (Chinese), or None when it may."""
    if key in KNOWN_SECRETS:
        return "DJANGO_SECRET_KEY 是公开的示例密钥，请换成随机生成的密钥"
    if len(key) < MINIMUM_SECRET_LENGTH:
        return (
            f"DJANGO_SECRET_KEY 太短（至少 {MINIMUM_SECRET_LENGTH} 个字符），请换成随机生成的密钥"
        )
    return None


def restrict_files(*paths: Path) -> None:
    """Make the existing files among ``paths`` readable by their owner only (POSIX)."""
    if os.name != "posix":
        return
    for path in paths:
        if path.exists():
            path.chmod(PRIVATE_FILE)


def sqlite_files(database: Path) -> tuple[Path, ...]:
    """The database file and its write-ahead log and shared-memory index."""
    return (database, Path(f"{database}-wal"), Path(f"{database}-shm"))
