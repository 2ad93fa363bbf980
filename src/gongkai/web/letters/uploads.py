"""What an attachment may be: its type (by extension AND by content) and its size.

The limits are settings (``GONGKAI_ATTACHMENT_MAX_MB``, default 20) so an installation can match
its mail gateway; the messages are one Chinese line saying what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from gongkai.web.common.uploads import (
    JPG,
    OLE,
    PDF,
    PNG,
    TIFF,
    ZIP,
    UploadRefused,
    limit_bytes,
    sized_head,
)

DEFAULT_MAX_MB = 20


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    signatures: tuple[bytes, ...]  # accepted leading bytes; () = text, checked for NUL bytes


ALLOWED: dict[str, FileType] = {
    ".pdf": FileType("PDF", "application/pdf", PDF),
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
    ".jpg": FileType("JPG", "image/jpeg", JPG),
    ".jpeg": FileType("JPG", "image/jpeg", JPG),
    ".png": FileType("PNG", "image/png", PNG),
    ".tif": FileType("TIFF", "image/tiff", TIFF),
    ".tiff": FileType("TIFF", "image/tiff", TIFF),
    ".txt": FileType("文本", "text/plain", ()),
}
ALLOWED_TEXT = "PDF、OFD、Word（doc/docx/wps）、Excel（xls/xlsx）、图片（jpg/png/tif）或文本（txt）"


def max_bytes() -> int:
    return limit_bytes("GONGKAI_ATTACHMENT_MAX_MB", DEFAULT_MAX_MB)


def check_upload(upload: Any) -> FileType:
    """Return the file's type, or raise :class:`UploadRefused` saying what is wrong."""
    name = str(upload.name or "")
    suffix = PurePath(name).suffix.lower()
    file_type = ALLOWED.get(suffix)
    if file_type is None:
        shown = suffix or "无扩展名"
        raise UploadRefused(f"不支持的文件类型（{shown}）：只能上传{ALLOWED_TEXT}")
    head = sized_head(upload, limit=max_bytes(), shown=f"“{name}”", noun="附件", length=1024)
    if file_type.signatures:
        if not head.startswith(file_type.signatures):
            raise UploadRefused(
                f"“{name}”的内容不是{file_type.label}文件，与扩展名{suffix}不符，请检查后重新上传"
            )
    elif b"\x00" in head:
        raise UploadRefused(f"“{name}”不是文本文件，与扩展名{suffix}不符，请检查后重新上传")
    return file_type
