"""Voiding a register's row (:class:`~gongkai.web.common.models.VoidableModel`): a request, a
letter, a 目录 item, a case entered by mistake is marked void with a reason, never deleted, so
the annual report stops counting it and the audit trail still finds it."""

from __future__ import annotations

from gongkai.web.common.errors import ApplicationError, required_text
from gongkai.web.common.models import VoidableModel


def void_row(
    row: VoidableModel, reason: str, *, noun: str, no_reason: str = "请写明作废原因"
) -> str:
    """Mark ``row`` (a ``noun``: 申请, 文书, 案件 …) void with ``reason`` and save it; returns the
    reason as stored. The caller has checked the acting user's right to void it (in its
    transaction, on a locked row where it matters) and writes the audit record."""
    if row.voided:
        raise ApplicationError(f"该{noun}已作废")
    reason = required_text(reason, no_reason, field="reason")
    row.voided = True
    row.void_reason = reason
    row.save(update_fields=["voided", "void_reason", "updated_at"])
    return reason
