"""What an attachment may be: its type (by extension AND by content) and its size.

The limits are settings (``GONGKAI_ATTACHMENT_MAX_MB``, default 20) so an installation can match
its mail gateway; the messages are one Chinese line saying what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings

DEFAULT_MAX_MB = 20


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    signatures: tuple[bytes, ...]  # accepted leading bytes; () = text, checked for NUL bytes


ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
ALLOWED: dict[str, FileType] = {
    ".pdf": FileType("PDF", "application/pdf", (b"%PDF-",)),
    ".ofd": FileType("OFD", "application/ofd", ZIP),
    ".doc": FileType("Word", "application/msword", OLE),
    ".docx": FileType(
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
    ),
    ".wps": FileType("WPS", "application/vnd.ms-works", OLE),
    ".xls": FileType("Excel", "application/vnd.ms-excel", OLE),
    ".xlsx": FileType(
        "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP
    ),
    ".jpg": FileType("JPG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileType("JPG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".png": FileType("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".tif": FileType("TIFF", "image/tiff", (b"II*\x00", b"MM\x00*")),
    ".tiff": FileType("TIFF", "image/tiff", (b"II*\x00", b"MM\x00*")),
    ".txt": FileType("文本", "text/plain", ()),
}
ALLOWED_TEXT = "PDF、OFD、Word（doc/docx/wps）、Excel（xls/xlsx）、图片（jpg/png/tif）或文本（txt）"


class AttachmentRefused(ValueError):
    """The upload breaks a limit; ``str()`` is the Chinese message."""


def max_bytes() -> int:
    return int(getattr(settings, "GONGKAI_ATTACHMENT_MAX_MB", DEFAULT_MAX_MB)) * 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def check_upload(upload: Any) -> FileType:
    """Return the file's type, or raise :class:`AttachmentRefused` saying what is wrong."""
    name = str(upload.name or "")
    suffix = PurePath(name).suffix.lower()
    file_type = ALLOWED.get(suffix)
    if file_type is None:
        shown = suffix or "无扩展名"
        raise AttachmentRefused(f"不支持的文件类型（{shown}）：只能上传{ALLOWED_TEXT}")
    size = int(upload.size or 0)
    if size == 0:
        raise AttachmentRefused(f"“{name}”是空文件，请重新选择")
    limit = max_bytes()
    if size > limit:
        raise AttachmentRefused(
            f"“{name}”过大（{_mb(size)}）：单个附件不能超过 {limit // 1024 // 1024} MB"
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if file_type.signatures:
        if not head.startswith(file_type.signatures):
            raise AttachmentRefused(
                f"“{name}”的内容不是{file_type.label}文件，与扩展名{suffix}不符，请检查后重新上传"
            )
    elif b"\x00" in head:
        raise AttachmentRefused(f"“{name}”不是文本文件，与扩展名{suffix}不符，请检查后重新上传")
    return file_type
