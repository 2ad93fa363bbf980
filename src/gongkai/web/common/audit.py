"""Writing the audit trail: every service of every register records who changed what, when and
why, through this one function."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.models import AuditRecord

if TYPE_CHECKING:
    from gongkai.web.applications.models import Application


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of an audit diff: dataclasses and dicts as objects, dates in ISO form,
    amounts as strings (exact)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def audit_record(
    *,
    action: AuditAction,
    actor: Any,
    entity: str,
    entity_id: Any,
    changes: dict[str, Any],
    reason: str = "",
    application: Application | None = None,
) -> AuditRecord:
    return AuditRecord.objects.create(
        application=application,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        actor=actor,
        changes=jsonable(changes),
        reason=reason,
    )
