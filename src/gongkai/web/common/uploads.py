"""What every uploaded file is checked for, whatever it is for: not empty, not over the
installation's limit (a setting in MB), and its first bytes, which say what the file really is
whatever name the browser sent. ``letters/uploads.py`` (attachments) builds on it."""

from __future__ import annotations

from typing import Any

from django.conf import settings

# Leading bytes of the formats the system accepts ("magic numbers").
PDF = (b"%PDF-",)
JPG = (b"\xff\xd8\xff",)
PNG = (b"\x89PNG\r\n\x1a\n",)
TIFF = (b"II*\x00", b"MM\x00*")
ZIP = (b"PK\x03\x04",)  # OFD, docx, xlsx
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # doc, wps, xls


class UploadRefused(ValueError):
    """The upload breaks a limit; ``str()`` is the Chinese message saying what to fix."""


def limit_bytes(setting: str, default_mb: int) -> int:
    """The size limit in bytes: the setting ``setting`` (in MB), else ``default_mb``."""
    return int(getattr(settings, setting, default_mb)) * 1024 * 1024


def sized_head(upload: Any, *, limit: int, shown: str, noun: str, length: int) -> bytes:
    """The first ``length`` bytes of ``upload`` (left rewound), once it is known to be neither
    empty nor over ``limit`` bytes; else :class:`UploadRefused` naming the file as ``shown``
    and the limit as that of one ``noun``."""
    size = int(upload.size or 0)
    if size == 0:
        raise UploadRefused(f"{shown}是空文件，请重新选择")
    if size > limit:
        raise UploadRefused(
            f"{shown}过大（{size / 1024 / 1024:.1f} MB）：单个{noun}不能超过 {limit // 1024 // 1024} MB"
        )
    upload.seek(0)
    head: bytes = upload.read(length)
    upload.seek(0)
    return head
