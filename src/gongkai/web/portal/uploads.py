"""The ID proof (条例 第二十九条 身份证明) and 补正 files: images or PDF only, checked by their
first bytes (not by the name a browser sends), size-limited (``GONGKAI_PORTAL_UPLOAD_MAX_MB``,
default 5) — the checks every upload gets (``common/uploads.py``)."""

from __future__ import annotations

from typing import Any

from gongkai.web.common.uploads import JPG, PDF, PNG, UploadRefused, limit_bytes, sized_head

DEFAULT_MAX_MB = 5
SIGNATURES = {"PDF": PDF, "JPG": JPG, "PNG": PNG}


def check_proof(upload: Any) -> str:
    """The file's type (PDF, JPG or PNG) by content, or UploadRefused saying what to fix."""
    head = sized_head(
        upload,
        limit=limit_bytes("GONGKAI_PORTAL_UPLOAD_MAX_MB", DEFAULT_MAX_MB),
        shown="上传的文件",
        noun="文件",
        length=16,
    )
    for label, signatures in SIGNATURES.items():
        if head.startswith(signatures):
            return label
    raise UploadRefused(
        "只能上传身份证明的图片（JPG、PNG）或 PDF 文件；所选文件的内容不是这几种格式"
    )
