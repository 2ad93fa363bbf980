"""Sending a stored file (a generated letter, an attachment, an uploaded proof) as a download."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404


def stored_file_response(
    stored: Any,
    filename: str,
    content_type: str,
    *,
    as_attachment: bool = True,
    missing: str = "文件已不在存储中，请联系系统管理员",
) -> FileResponse:
    """``stored`` (a model's file field) under ``filename``; a 404 saying ``missing`` when the
    storage no longer has it (deleted, moved, or a path the storage refuses)."""
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, SuspiciousFileOperation, ValueError):
        raise Http404(missing) from None
    return FileResponse(
        handle, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
