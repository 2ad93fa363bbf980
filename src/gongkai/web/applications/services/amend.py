"""Amending the register: a closed request's outcome corrected by a 审核人, a request voided."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.outcomes import is_valid_outcome, outcome_label
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text
from gongkai.web.common.versioning import check_version
from gongkai.web.common.voiding import void_row

OUTCOME_LABELS = {"outcome": "办理结果", "legal_basis": "法律依据"}


def outcome_values(application: Application) -> dict[str, Any]:
    """What the 更正办理结果 form is versioned on (issue 13, item 1)."""
    year = application.closed_on.year if application.closed_on else None
    return {
        "outcome": outcome_label(application.outcome, year) if application.outcome and year else "",
        "legal_basis": application.legal_basis,
    }


@transaction.atomic
def application_change_outcome(
    *,
    acting_user: User,
    application: Application,
    outcome: str,
    reason: str,
    legal_basis: str | None = None,
    version: str | None = None,
) -> Application:
    """A closed request's outcome changes only with a recorded reason, by a 审核人.
    ``version``: the form's token; a form opened before someone else's change is refused."""
    application = step.lock(application)
    check_version(version, outcome_values(application), OUTCOME_LABELS)
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_change_outcome(acting_user, application):
        raise PermissionDenied("只有本机关的审核人可以更正办理结果")
    if application.voided:
        raise ApplicationError("该申请已作废，不能更正办理结果")
    if Status(application.status).is_open or application.closed_on is None:
        raise ApplicationError("只有已办结的申请才能更正办理结果")
    reason = required_text(reason, "更正办理结果必须写明原因", field="reason")
    year = application.closed_on.year
    if not is_valid_outcome(outcome, year):
        raise ApplicationError(f"请选择{year}年度年报格式表三中的一个办理结果", field="outcome")
    if outcome == application.outcome and (
        legal_basis is None or legal_basis == application.legal_basis
    ):
        raise ApplicationError("新的办理结果与原结果相同，无需更正", field="outcome")
    changes: dict[str, Any] = {
        "outcome": [outcome_label(application.outcome, year), outcome_label(outcome, year)]
    }
    application.outcome = outcome
    fields = ["outcome"]
    if legal_basis is not None and legal_basis.strip() != application.legal_basis:
        changes["legal_basis"] = [application.legal_basis, legal_basis.strip()]
        application.legal_basis = legal_basis.strip()
        fields.append("legal_basis")
    application.save(update_fields=[*fields, "updated_at"])
    step.write_audit(
        application=application,
        action=AuditAction.OUTCOME_CHANGE,
        actor=acting_user,
        changes=changes,
        reason=reason,
    )
    return application


@transaction.atomic
def application_void(*, acting_user: User, application: Application, reason: str) -> Application:
    """A request registered by mistake is voided with a reason, never deleted; it no longer
    counts anywhere but stays in the register and its audit trail."""
    application = step.lock(application)
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_void(acting_user, application):
        raise PermissionDenied("只有本机关的工作人员可以作废该申请")
    reason = void_row(application, reason, noun="申请", no_reason="作废申请必须写明原因")
    step.write_audit(
        application=application,
        action=AuditAction.VOID,
        actor=acting_user,
        changes={"voided": [False, True]},
        reason=reason,
    )
    return application
