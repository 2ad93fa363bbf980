"""The ID proof (条例 第二十九条 身份证明) and 补正 files: images or PDF only, checked by their
first bytes (not by the name a browser sends), size-limited (``GONGKAI_PORTAL_UPLOAD_MAX_MB``,
default 5)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from gongkai.web.letters.uploads import AttachmentRefused

DEFAULT_MAX_MB = 5
SIGNATURES = {
    "PDF": (b"%PDF-",),
    "JPG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
}


def max_bytes() -> int:
    return int(getattr(settings, "GONGKAI_PORTAL_UPLOAD_MAX_MB", DEFAULT_MAX_MB)) * 1024 * 1024


def check_proof(upload: Any) -> str:
    """The file's type (PDF, JPG or PNG) by content, or AttachmentRefused saying what to fix."""
    size = int(upload.size or 0)
    if size == 0:
        raise AttachmentRefused("上传的文件是空文件，请重新选择")
    limit = max_bytes()
    if size > limit:
        raise AttachmentRefused(
            f"上传的文件过大（{size / 1024 / 1024:.1f} MB），不能超过 {limit // 1024 // 1024} MB"
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for label, signatures in SIGNATURES.items():
        if head.startswith(signatures):
            return label
    raise AttachmentRefused(
        "只能上传身份证明的图片（JPG、PNG）或 PDF 文件；所选文件的内容不是这几种格式"
    )
