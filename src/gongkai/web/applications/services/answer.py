"""Closing a request: the answer (条例 第三十六条, one table-3 row), the termination, and the
closing of a request its applicant abandoned (第三十条; 国办函〔2020〕109号)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.clock import applicant_deadline, deadline_for
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.outcomes import is_valid_outcome, outcome_label, termination_choices
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, required_text


@transaction.atomic
def application_answer(
    *,
    acting_user: User,
    application: Application,
    day: dt.date,
    outcome: str,
    legal_basis: str,
    summary: str = "",
    pages: int | None = None,
) -> Application:
    """条例 第三十六条: the answer, counted in one leaf row of table 3 of its year's format.
    Where the agency requires 签发, the officer submits the answer instead
    (:func:`~gongkai.web.applications.services.signoff.application_submit_answer`)."""
    application = step.take_open(application, acting_user, ANSWERABLE, "作出答复")
    if application.agency.answers_need_signoff:
        raise ApplicationError(
            f"{application.agency.name}的答复须经审核人签发：请“提交签发”，签发之日为答复日期"
        )
    check_answer(application, day, outcome, legal_basis, pages)
    return record_answer(
        application,
        actor=acting_user,
        day=day,
        outcome=outcome,
        legal_basis=legal_basis,
        summary=summary,
        pages=pages,
    )


# An answer is given while the request runs — including a consultation whose parties let their
# 15 working days pass (条例第三十二条: 第三方逾期未提出意见的，由行政机关依照本条例的规定决定).
ANSWERABLE = {*step.OPEN_ACTIVE, Status.CONSULTING}


def check_answer(
    application: Application, day: dt.date, outcome: str, legal_basis: str, pages: int | None
) -> None:
    """What an answer must satisfy on ``day`` (ApplicationError naming the field otherwise)."""
    step.check_day(application, day, "答复")
    if application.status == Status.CONSULTING.value:
        ends = application.consultation_ends_on
        if ends is None or day <= ends:
            until = f"（至{ends.isoformat()}）" if ends else ""
            raise ApplicationError(
                f"征求意见期限{until}届满前不能作出答复：请先登记意见答复"
                "（条例第三十二条、第三十四条）",
                field="day",
            )
    if not is_valid_outcome(outcome, day.year):
        raise ApplicationError(f"请选择{day.year}年度年报格式表三中的一个办理结果", field="outcome")
    required_text(
        legal_basis, "请写明答复的法律依据（如条例第三十六条第几项）", field="legal_basis"
    )
    if pages is not None and pages < 0:
        raise ApplicationError("页数不能为负数", field="pages")


def record_answer(
    application: Application,
    *,
    actor: User,
    day: dt.date,
    outcome: str,
    legal_basis: str,
    summary: str,
    pages: int | None,
    audit: dict[str, object] | None = None,
) -> Application:
    """Close the (locked, checked) request with its answer on ``day`` and audit it."""
    application.outcome = outcome
    application.legal_basis = legal_basis.strip()
    application.answer_summary = summary.strip()
    application.closed_on = day
    application.pages = pages
    return step.record_step(
        application,
        EventKind.ANSWERED,
        day,
        actor,
        action=AuditAction.APPLICATION_ANSWER,
        changes={"outcome": [None, outcome_label(outcome, day.year)], "closed_on": day}
        | (audit or {}),
        status=Status.ANSWERED,
        fields=("outcome", "legal_basis", "answer_summary", "closed_on", "pages"),
        note=summary.strip(),
    )


@transaction.atomic
def application_terminate(
    *, acting_user: User, application: Application, day: dt.date, outcome: str, reason: str
) -> Application:
    """End a request without a decision on the information (table 3 （六）其他处理): no
    correction in time (第三十条), no fee paid in time (国办函〔2020〕109号), withdrawn."""
    application = step.take_open(application, acting_user)
    step.check_day(application, day, "终止")
    allowed = dict(termination_choices(day.year))
    if outcome not in allowed:
        raise ApplicationError(
            "终止办理的结果须为年报表三“（六）其他处理”中的一项", field="outcome"
        )
    reason = required_text(reason, "请写明终止办理的原因", field="reason")
    lapsed = LAPSE_OUTCOMES.get(outcome)
    if lapsed is not None:
        # （六）1 and （六）2 only when the record supports them; the dates go with the reason.
        justification = lapse_justification(application, lapsed, day)
        if justification not in reason:
            reason = f"{reason}（{justification}）"
    application.outcome = outcome
    application.legal_basis = reason
    application.closed_on = day
    return step.record_step(
        application,
        EventKind.TERMINATED,
        day,
        acting_user,
        action=AuditAction.APPLICATION_TERMINATE,
        changes={"outcome": [None, allowed[outcome]], "closed_on": day},
        status=Status.TERMINATED,
        fields=("outcome", "legal_basis", "closed_on"),
        reason=reason,
        note=reason,
    )


# The two （六） rows that say the applicant abandoned the request, and the waiting status the
# record must be in for them (条例 第三十条; 国办函〔2020〕109号).
LAPSE_OUTCOMES = {
    "other.no_correction": Status.AWAITING_CORRECTION,
    "other.no_fee_paid": Status.AWAITING_FEE,
}


def lapse_justification(application: Application, waiting: Status, day: dt.date) -> str:
    """The dates that justify closing as abandoned on ``day``, or ApplicationError saying why
    the record does not support it: （六）1 逾期不补正 needs a 补正 notice with a period that has
    passed and no 补正 received; （六）2 逾期未缴费 a fee notice whose 20 working days have passed
    without payment."""
    what = "缴费" if waiting is Status.AWAITING_FEE else "补正"
    if Status(application.status) is not waiting:
        if waiting is Status.AWAITING_FEE:
            raise ApplicationError(
                "只有已发出收费通知且尚未缴费的申请，才能按“逾期未缴纳信息处理费”终止",
                field="outcome",
            )
        raise ApplicationError(
            "只有已发出补正通知且尚未收到补正的申请，才能按“逾期不补正”终止", field="outcome"
        )
    deadline = deadline_for(application, as_of=day)
    lapse = applicant_deadline(application, deadline)
    if lapse is None:
        raise ApplicationError(
            f"补正通知未写明补正期限，无法认定申请人逾期未{what}", field="outcome"
        )
    if day <= lapse:
        raise ApplicationError(
            f"{what}期限至{lapse.isoformat()}，期限届满后才能按逾期未{what}办结", field="day"
        )
    notices = [
        e
        for e in application.events.all()
        if e.kind
        == (
            EventKind.FEE_NOTICE
            if waiting is Status.AWAITING_FEE
            else EventKind.CORRECTION_REQUESTED
        )
    ]
    sent = notices[-1].day.isoformat() if notices else "—"
    if waiting is Status.AWAITING_FEE:
        return (
            f"收费通知{sent}发出，申请人自收到之日起20个工作日内（至{lapse.isoformat()}）"
            "未缴纳信息处理费，视为放弃申请（国办函〔2020〕109号）"
        )
    return (
        f"补正通知{sent}发出，补正期限{lapse.isoformat()}届满，未收到补正，"
        "视为放弃申请（条例第三十条）"
    )


def lapsed_outcome(status: Status, year: int) -> str:
    """The table-3 row of a request the applicant abandoned, in the format of ``year``:
    2021 format （六）1 逾期不补正 / （六）2 逾期不缴纳信息处理费; 2019 format （六）其他处理."""
    key = "other.no_fee_paid" if status is Status.AWAITING_FEE else "other.no_correction"
    rows = dict(termination_choices(year))
    return key if key in rows else "other"


@transaction.atomic
def application_close_lapsed(
    *, acting_user: User, application: Application, day: dt.date | None = None
) -> Application:
    """End a request whose applicant let the deadline pass: no 补正 by the date in the notice
    (条例第三十条: 视为放弃申请) or no fee paid within 20 working days of the fee notice
    (国办函〔2020〕109号). The outcome is the （六） row of the format of the closing year."""
    application = step.take_open(application, acting_user)
    status = Status(application.status)
    day = day or wallclock.today()
    if status not in {Status.AWAITING_CORRECTION, Status.AWAITING_FEE}:
        raise ApplicationError("只有补正中或待缴费的申请可以按申请人逾期办结")
    reason = lapse_justification(application, status, day)
    return application_terminate(
        acting_user=acting_user,
        application=application,
        day=day,
        outcome=lapsed_outcome(status, day.year),
        reason=reason,
    )
