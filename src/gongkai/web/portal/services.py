"""Writes of the public side: an online application (条例 第二十九条), an online 补正
(第三十条). The applicant is not a user: ``acting_user`` is None in the audit trail and the
action is named as the applicant's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from gongkai.core.identity import normalise_id
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import (
    DELIVERY_CHOICES,
    FORM_CHOICES,
    NATURAL_PERSON,
    Channel,
    Status,
)
from gongkai.web.applications.models import Applicant, Application
from gongkai.web.applications.services import ApplicantData, FormErrors
from gongkai.web.applications.services.register import _validate_applicant
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.uploads import UploadRefused
from gongkai.web.orgs.models import Agency
from gongkai.web.portal import codes
from gongkai.web.portal.models import CorrectionUpload, OnlineRequest
from gongkai.web.portal.staff import tell_staff
from gongkai.web.portal.uploads import check_proof

CREDIT_CODE = "统一社会信用代码"


@dataclass(frozen=True)
class Submitted:
    online: OnlineRequest
    code: str  # shown once; only its digest is stored


def validate_online(
    *, agency: Agency | None, applicant: ApplicantData, subject: str, form: str, delivery: str
) -> dict[str, str]:
    errors = _validate_applicant(applicant)
    if agency is None:
        errors["agency"] = "请选择受理申请的行政机关"
    if applicant.kind == NATURAL_PERSON and applicant.id_type == CREDIT_CODE:
        errors["id_type"] = "自然人请选择居民身份证、护照等个人证件"
    if applicant.kind != NATURAL_PERSON and applicant.kind and applicant.id_type != CREDIT_CODE:
        errors["id_type"] = "法人或其他组织请选择“统一社会信用代码”并填写18位代码"
    if applicant.id_type == CREDIT_CODE and len(applicant.id_number.strip()) != 18:
        errors["id_number"] = "统一社会信用代码应为18位"
    if not subject.strip():
        errors["subject"] = "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述"
    elif len(subject) > 2000:
        errors["subject"] = "所需信息的描述请控制在2000字以内"
    if form not in dict(FORM_CHOICES):
        errors["requested_form"] = "请选择获取信息的载体形式"
    if delivery not in dict(DELIVERY_CHOICES):
        errors["delivery"] = "请选择获取信息的方式"
    if delivery == "电子邮件" and not applicant.email.strip():
        errors["email"] = "选择以电子邮件获取信息的，请填写电子邮箱"
    return errors


def online_application_submit(
    *,
    agency: Agency | None,
    applicant: ApplicantData,
    subject: str,
    requested_form: str,
    delivery: str,
    purpose: str = "",
    id_proof: Any = None,
    now: dt.datetime,
) -> Submitted:
    """Save an application made on the portal as 待确认 in the agency's queue and return its
    查询码. Nothing is numbered and no clock runs until the agency confirms receipt."""
    errors = validate_online(
        agency=agency, applicant=applicant, subject=subject, form=requested_form, delivery=delivery
    )
    proof_type = ""
    if id_proof is not None:
        try:
            proof_type = check_proof(id_proof)
        except UploadRefused as exc:
            errors["id_proof"] = str(exc)
    if errors:
        raise FormErrors(errors)
    assert agency is not None
    today = now.date()
    number = normalise_id(applicant.id_number)
    for _attempt in range(5):
        code = codes.new_code()
        try:
            with transaction.atomic():
                online = _save(agency, applicant, number, subject, requested_form, delivery, today)
                record = OnlineRequest(
                    application=online,
                    code_digest=codes.digest(code),
                    purpose=purpose.strip(),
                    id_proof_type=proof_type,
                    submitted_at=now,
                )
                if id_proof is not None:
                    record.id_proof.save(f"proof{_suffix(proof_type)}", id_proof, save=False)
                record.save()
                _audit_by_applicant(
                    online,
                    AuditAction.ONLINE_SUBMIT,
                    {
                        "status": Status.PENDING.label,
                        "applicant": f"{applicant.name.strip()}（{online.applicant.masked_id}）",
                        "channel": Channel.ONLINE.label,
                        "arrived_on": today,
                    },
                )
                tell_staff(
                    agency=agency,
                    kind="online_pending",
                    day=today,
                    application=online,
                    message=f"新的网上申请待确认：{subject.strip()[:60]}",
                )
                return Submitted(record, code)
        except IntegrityError:  # a 查询码 digest collided: draw again
            continue
    raise ApplicationError("系统繁忙，请稍后重新提交")


def _audit_by_applicant(
    application: Application, action: AuditAction, changes: dict[str, Any]
) -> None:
    """What the applicant did on the portal, on the request's audit trail (no staff actor)."""
    audit_record(
        application=application,
        entity="application",
        entity_id=application.pk,
        action=action,
        actor=None,
        changes=changes,
    )


def _suffix(proof_type: str) -> str:
    return {"PDF": ".pdf", "JPG": ".jpg", "PNG": ".png"}.get(proof_type, "")


def _save(
    agency: Agency,
    data: ApplicantData,
    id_number: str,
    subject: str,
    form: str,
    delivery: str,
    today: dt.date,
) -> Application:
    person = Applicant.objects.create(
        agency=agency,
        kind=data.kind,
        name=data.name.strip(),
        id_type=data.id_type,
        id_number=id_number,
        phone=data.phone.strip(),
        email=data.email.strip(),
        address=data.address.strip(),
        postcode=data.postcode.strip(),
    )
    return Application.objects.create(
        agency=agency,
        number="",
        year=today.year,
        seq=0,
        applicant=person,
        channel=Channel.ONLINE.value,
        arrived_on=today,
        # Provisional until the agency confirms (条例 第三十一条第三项); not counted meanwhile.
        received_on=today,
        subject=subject.strip(),
        requested_form=form,
        delivery=delivery,
        status=Status.PENDING.value,
    )


@transaction.atomic
def online_correction_submit(
    *, online: OnlineRequest, text: str, upload: Any = None, today: dt.date
) -> CorrectionUpload:
    """The applicant's 补正, sent online while the request waits for it. The officer registers
    its receipt (which restarts the clock, 条例 第三十条) on the workbench."""
    application = Application.objects.select_for_update().get(pk=online.application_id)
    if application.status != Status.AWAITING_CORRECTION.value:
        raise ApplicationError("该申请当前不需要补正")
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = "请填写补正内容（例如所需信息的名称、文号、时间范围）"
    if upload is not None:
        try:
            check_proof(upload)
        except UploadRefused as exc:
            errors["file"] = str(exc)
    if errors:
        raise FormErrors(errors)
    correction = CorrectionUpload(online=online, text=text.strip(), submitted_on=today)
    if upload is not None:
        correction.file.save("correction", upload, save=False)
    correction.save()
    _audit_by_applicant(
        application,
        AuditAction.ONLINE_CORRECTION,
        {"correction": text.strip()[:200], "submitted_on": today},
    )
    return correction
