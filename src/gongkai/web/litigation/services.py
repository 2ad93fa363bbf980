"""Every write on the review and litigation register (table 4 of the annual report).

Keyword-only, with the ``acting_user``, atomic, permission-checked and audited like the request
register. Dates follow the order of the proceedings: a case is filed after the request was
received, and decided on or after the day it was filed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.accounts.permissions import require_writer
from gongkai.web.applications.models import Application
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text
from gongkai.web.common.versioning import check_version
from gongkai.web.common.voiding import void_row
from gongkai.web.litigation.models import Case, CaseKind, CaseResult
from gongkai.web.litigation.versions import RESULT_LABELS, result_values
from gongkai.web.orgs.models import Agency


def _today() -> dt.date:
    return wallclock.today()


def _audit(
    case: Case, action: AuditAction, actor: Any, changes: dict[str, Any], reason: str = ""
) -> None:
    audit_record(
        application=case.application,
        entity="litigation.case",
        entity_id=case.pk,
        action=action,
        actor=actor,
        changes=changes,
        reason=reason,
    )


def _check_result(
    result: str, decided_on: dt.date | None, filed_on: dt.date, today: dt.date
) -> str:
    if not result:
        if decided_on is not None:
            raise ApplicationError("填写了审结日期，请同时选择审结结果", field="result")
        return ""
    try:
        result = CaseResult(result).value
    except ValueError:
        raise ApplicationError("请选择审结结果（维持、纠正或其他）", field="result") from None
    if decided_on is None:
        raise ApplicationError("已审结的案件请填写审结日期", field="decided_on")
    if decided_on < filed_on:
        raise ApplicationError(
            f"审结日期（{decided_on.isoformat()}）不能早于申请复议或起诉的日期（{filed_on.isoformat()}）",
            field="decided_on",
        )
    if decided_on > today:
        raise ApplicationError(f"审结日期不能晚于今天（{today.isoformat()}）", field="decided_on")
    return result


def _check_against_the_record(
    application: Application, kind: CaseKind, filed_on: dt.date, note: str
) -> str:
    """A case must fit the request's record: a challenge to the answer comes after the answer;
    before it, only a challenge to the failure to answer in time (after the due date) makes
    sense — then the note says so. The same answer is not brought to 行政复议 twice.
    Returns the note to keep."""
    answered = application.closed_on
    if answered is None or filed_on < answered:
        due = application.due_on
        if due is None or filed_on <= due:
            when = f"答复日期（{answered.isoformat()}）" if answered else "答复（该申请尚未答复）"
            limit = f"（{due.isoformat()}）" if due else ""
            raise ApplicationError(
                f"申请复议或起诉日期（{filed_on.isoformat()}）早于{when}：对答复不服的，"
                f"应在答复之后提出；对逾期未答复提出的，应在答复期限{limit}届满之后",
                field="filed_on",
            )
        reason = f"针对逾期未答复提出（答复期限{due.isoformat()}届满时尚未答复）"
        note = f"{note.strip()}；{reason}" if note.strip() else reason
    if kind is CaseKind.REVIEW:
        earlier = Case.objects.filter(
            application=application,
            kind=CaseKind.REVIEW.value,
            voided=False,
            review_body_codefendant=False,
        ).first()
        if earlier is not None:
            raise ApplicationError(
                f"该申请已登记行政复议案件（{earlier.filed_on.isoformat()}申请，"
                f"{earlier.body}），同一答复不能重复登记行政复议；如原案件登记有误，请先作废",
                field="kind",
            )
    return note


@transaction.atomic
def case_register(
    *,
    acting_user: User,
    agency: Agency,
    application: Application,
    kind: str,
    filed_on: dt.date,
    body: str,
    number: str = "",
    review_body_codefendant: bool = False,
    note: str = "",
    result: str = "",
    decided_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Case:
    """Register a 行政复议 or 行政诉讼 about ``application``.

    The case belongs to the agency whose disclosure decision is challenged. A 复议机关 sued as
    co-defendant (行政诉讼法第二十六条第二款) may keep its own entry with
    ``review_body_codefendant``; it is not counted in its table 4 (国办公开办函〔2016〕201号).
    """
    require_writer(acting_user, agency)
    today = today or _today()
    # A 复议机关 registering its co-defendant entry may not see the department's request
    # itself; it must sit under the same government (checked below).
    if not review_body_codefendant and not permissions.can_view_application(
        acting_user, application
    ):
        raise PermissionDenied("无权查看该申请")
    try:
        kind_enum = CaseKind(kind)
    except ValueError:
        raise ApplicationError("请选择案件类型", field="kind") from None
    if review_body_codefendant:
        if kind_enum is not CaseKind.SUIT_AFTER_REVIEW:
            raise ApplicationError(
                "只有复议后起诉的案件才有复议机关作共同被告", field="review_body_codefendant"
            )
        if application.agency_id == agency.pk:
            raise ApplicationError(
                "共同被告登记应由复议机关登记；原行政行为机关请直接登记本案",
                field="review_body_codefendant",
            )
        if application.agency.government_id != agency.government_id:
            raise ApplicationError("该申请不属于本级政府及其部门", field="application")
    elif application.agency_id != agency.pk:
        raise ApplicationError(
            f"该申请由{application.agency.name}办理，案件应登记在该机关名下", field="application"
        )
    if filed_on > today:
        raise ApplicationError(
            f"申请复议或起诉日期不能晚于今天（{today.isoformat()}）", field="filed_on"
        )
    if filed_on < application.received_on:
        raise ApplicationError(
            f"申请复议或起诉日期不能早于收到申请之日（{application.received_on.isoformat()}）",
            field="filed_on",
        )
    body = required_text(body, "请填写复议机关或审理法院", field="body")
    if not review_body_codefendant:
        note = _check_against_the_record(application, kind_enum, filed_on, note)
    result = _check_result(result, decided_on, filed_on, today)
    case = Case.objects.create(
        agency=agency,
        application=application,
        kind=kind_enum.value,
        number=number.strip(),
        filed_on=filed_on,
        body=body,
        result=result,
        decided_on=decided_on if result else None,
        review_body_codefendant=review_body_codefendant,
        note=note.strip(),
        created_by=acting_user,
    )
    _audit(
        case,
        AuditAction.case_register(kind_enum),
        acting_user,
        {
            "filed_on": filed_on,
            "body": case.body,
            "result": result or None,
            "decided_on": case.decided_on,
            "review_body_codefendant": review_body_codefendant,
        },
    )
    return case


@transaction.atomic
def case_record_result(
    *,
    acting_user: User,
    case: Case,
    result: str,
    decided_on: dt.date | None,
    reason: str = "",
    today: dt.date | None = None,
    version: str | None = None,
) -> Case:
    """Record (or correct, with a reason) how the case ended. ``version``: the result form's
    token; a form opened before someone else's change is refused (issue 13)."""
    require_writer(acting_user, case.agency)
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_version(version, result_values(case), RESULT_LABELS)
    today = today or _today()
    if case.voided:
        raise ApplicationError("该案件已作废")
    if case.result and not reason.strip():
        raise ApplicationError("更正已登记的审结结果须说明原因", field="reason")
    new = _check_result(result, decided_on, case.filed_on, today)
    if not new:
        raise ApplicationError("请选择审结结果", field="result")
    old = (case.result, case.decided_on)
    case.result = new
    case.decided_on = decided_on
    case.save(update_fields=["result", "decided_on", "updated_at"])
    _audit(
        case,
        AuditAction.CASE_RESULT_CHANGE if old[0] else AuditAction.CASE_RESULT_RECORD,
        acting_user,
        {"result": f"{old[0] or '尚未审结'} → {new}", "decided_on": decided_on},
        reason,
    )
    return case


@transaction.atomic
def case_void(*, acting_user: User, case: Case, reason: str) -> Case:
    require_writer(acting_user, case.agency)
    reason = void_row(case, reason, noun="案件", no_reason="作废须填写原因")
    _audit(case, AuditAction.VOID, acting_user, {"voided": True}, reason)
    return case
