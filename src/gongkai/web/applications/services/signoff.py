"""签发: where the agency wants it (``Agency.answers_need_signoff``), the case officer's answer
goes to the agency's 审核人 before it is issued. 签发 records the answer on the day of signing
(条例 第三十三条: the answer date is the day the agency answers, so waiting for 签发 is part of
the answer period — the clock is not paused); 不予签发 or 退回 send it back with reasons. Nobody
signs an answer they submitted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.models import AnswerSignoff, Application, SignoffState
from gongkai.web.applications.outcomes import outcome_label
from gongkai.web.applications.services import common as step
from gongkai.web.applications.services.answer import ANSWERABLE, check_answer, record_answer
from gongkai.web.common.errors import ApplicationError, PermissionDenied


def pending_signoff(application: Application) -> AnswerSignoff | None:
    return application.signoffs.filter(state=SignoffState.PENDING).first()


def _name(user: Any) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


@transaction.atomic
def application_submit_answer(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    outcome: str,
    legal_basis: str,
    summary: str = "",
    pages: int | None = None,
) -> AnswerSignoff:
    """The case officer submits the answer for 签发; the agency's 审核人 are notified."""
    application = step.take_open(application, acting_user, ANSWERABLE, "提交签发")
    if not application.agency.answers_need_signoff:
        raise ApplicationError("本机关的答复不需签发，请直接作出答复")
    if pending_signoff(application) is not None:
        raise ApplicationError("已有待签发的答复，请等待审核人签发或退回")
    check_answer(application, day, outcome, legal_basis, pages)
    signoff = AnswerSignoff.objects.create(
        application=application,
        outcome=outcome,
        legal_basis=legal_basis.strip(),
        summary=summary.strip(),
        pages=pages,
        submitted_by=acting_user,
        submitted_on=day,
    )
    label = outcome_label(outcome, day.year)
    step.write_audit(
        application=application,
        action=AuditAction.ANSWER_SUBMIT,
        actor=acting_user,
        changes={"outcome": label, "legal_basis": signoff.legal_basis, "submitted_on": day},
    )
    due = f"，答复期限{application.due_on:%Y-%m-%d}" if application.due_on else ""
    step.ask_reviewers(
        application, day, acting_user, f"{application.number} 的答复（{label}）待您签发{due}"
    )
    return signoff


def _require_signer(acting_user: Any, application: Application) -> AnswerSignoff:
    step.require_reviewer(acting_user, application, "答复须由本机关审核人签发")
    signoff = pending_signoff(application)
    if signoff is None:
        raise ApplicationError("没有待签发的答复，请经办人先提交签发")
    if signoff.submitted_by_id == acting_user.pk:
        raise PermissionDenied("不能签发自己提交的答复，请由本机关其他审核人签发")
    return signoff


@transaction.atomic
def application_sign_answer(
    *, acting_user: User, application: Application, day: dt.date
) -> Application:
    """签发: the submitted answer becomes the answer, dated the day of signing."""
    application = step.lock(application)
    signoff = _require_signer(acting_user, application)
    if day < signoff.submitted_on:
        raise ApplicationError(
            f"签发日期不能早于提交签发日期（{signoff.submitted_on:%Y-%m-%d}）", field="day"
        )
    check_answer(application, day, signoff.outcome, signoff.legal_basis, signoff.pages)
    signoff.state = SignoffState.SIGNED
    signoff.decided_by = acting_user
    signoff.decided_on = day
    signoff.save(update_fields=["state", "decided_by", "decided_on"])
    application = record_answer(
        application,
        actor=acting_user,
        day=day,
        outcome=signoff.outcome,
        legal_basis=signoff.legal_basis,
        summary=signoff.summary,
        pages=signoff.pages,
        audit={"submitted_by": _name(signoff.submitted_by)},
    )
    step.write_audit(
        application=application,
        action=AuditAction.ANSWER_SIGN,
        actor=acting_user,
        changes={"signed_by": _name(acting_user), "signed_on": day},
    )
    late = application.due_on is not None and day > application.due_on
    step.tell_requester(
        application,
        signoff.submitted_by_id,
        day,
        f"{application.number} 的答复已于{day:%Y-%m-%d}签发"
        + ("（已超过答复期限）" if late else "")
        + "，请据此出具答复书",
    )
    return application


@transaction.atomic
def application_decline_answer(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    reason: str,
    returned: bool = False,
) -> AnswerSignoff:
    """不予签发 (the proposed answer is refused) or 退回 (to be revised and submitted again),
    with reasons recorded, audited and sent to the officer. The request stays open and its
    clock keeps running."""
    application = step.lock(application)
    signoff = _require_signer(acting_user, application)
    what = "退回" if returned else "不予签发"
    reason = step.refusal_reason(reason, what)
    step.check_day(application, day, what)
    signoff.state = SignoffState.RETURNED if returned else SignoffState.REJECTED
    signoff.decided_by = acting_user
    signoff.decided_on = day
    signoff.reason = reason
    signoff.save(update_fields=["state", "decided_by", "decided_on", "reason"])
    step.write_audit(
        application=application,
        action=AuditAction.ANSWER_SIGN_RETURN if returned else AuditAction.ANSWER_SIGN_REJECT,
        actor=acting_user,
        changes={"signoff": what},
        reason=reason,
    )
    due = f"答复期限{application.due_on:%Y-%m-%d}不变" if application.due_on else "答复期限不变"
    follow = "请修改后重新提交签发" if returned else "请重新拟定答复"
    step.tell_requester(
        application,
        signoff.submitted_by_id,
        day,
        f"{application.number} 的答复被{what}（{reason}），{follow}，{due}",
    )
    return signoff
