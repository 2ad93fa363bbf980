"""Registering a request (条例 第二十九条, 第三十一条): the applicant, the day of receipt, the 受理编号."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from gongkai.core import wallclock
from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.applications.clock import CLOCK_FIELDS, receipt_day, refresh_due
from gongkai.web.applications.enums import (
    APPLICANT_KIND_LABELS,
    CHANNEL_LABELS,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
    Channel,
    EventKind,
    Status,
)
from gongkai.web.applications.limits import applicant_problems, subject_problem
from gongkai.web.applications.models import Applicant, Application, NumberCounter
from gongkai.web.applications.services import common as step
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.numbering import format_number, pattern_for


@dataclass(frozen=True)
class ApplicantData:
    """What the register records about an applicant (条例 第二十九条第二款第（一）项)."""

    kind: str
    name: str
    id_type: str = ""
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""

    @classmethod
    def from_form(cls, data: Mapping[str, Any]) -> ApplicantData:
        """The applicant in a request form's cleaned data (the register's and the portal's: the
        kind and the name are its ``applicant_kind`` and ``applicant_name``, as in the errors)."""
        contact = ("id_type", "id_number", "phone", "email", "address", "postcode")
        return cls(
            kind=data["applicant_kind"],
            name=data["applicant_name"],
            **{field: data[field] for field in contact},
        )


class AlreadyRegistered(ApplicationError):
    """The same registration form was submitted again: the request it registered."""

    def __init__(self, application: Application) -> None:
        super().__init__(f"该申请已登记（受理编号 {application.number}），重复提交未再次登记")
        self.application = application


class FormErrors(ApplicationError):
    """Several fields are wrong at once; ``errors`` maps field name → Chinese message."""

    default_code = "invalid_form"

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


def _validate_applicant(data: ApplicantData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.kind not in APPLICANT_KIND_LABELS:
        errors["applicant_kind"] = "请选择申请人类型（自然人，或法人或其他组织的具体类别）"
    if not data.name.strip():
        errors["applicant_name"] = "请填写申请人姓名或名称"
    if data.id_type and data.id_type not in dict(ID_TYPE_CHOICES):
        errors["id_type"] = "请选择证件类型"
    if not data.id_number.strip():
        errors["id_number"] = "请填写身份证明（证件号码），条例第二十九条要求申请人提供身份证明"
    if not (data.phone.strip() or data.email.strip() or data.address.strip()):
        errors["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通信地址）"
    return applicant_problems(data, today=wallclock.today()) | errors


def _allocate_number(agency: Agency, year: int) -> tuple[int, str]:
    """The next 受理编号 for the agency and year, race-free: the counter row is created if
    missing (ignoring a concurrent creation) and then locked with SELECT … FOR UPDATE."""
    NumberCounter.objects.bulk_create(
        [NumberCounter(agency=agency, year=year, last=0)], ignore_conflicts=True
    )
    counter = NumberCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    number = format_number(
        pattern_for(agency.number_pattern), agency_code=agency.code, year=year, seq=counter.last
    )
    return counter.last, number


@transaction.atomic
def application_register(
    *,
    acting_user: User,
    agency: Agency,
    applicant: ApplicantData,
    channel: str,
    arrived_on: dt.date,
    subject: str,
    requested_form: str,
    delivery: str,
    confirmed_on: dt.date | None = None,
    assigned_to: Any = None,
    today: dt.date | None = None,
    submission_token: str = "",
) -> Application:
    """Register a request handed in, mailed, faxed or e-mailed (条例 第二十九条), with the day of
    receipt fixed by 第三十一条 for its channel, and give it the next 受理编号."""
    if not permissions.can_register_for(acting_user, agency):
        raise PermissionDenied(f"您不是{agency.name}的经办人，不能为该机关登记申请")
    submission_token = submission_token.strip()
    if submission_token:
        earlier = Application.objects.filter(submission_token=submission_token).first()
        if earlier is not None:
            raise AlreadyRegistered(earlier)
    today = today or wallclock.today()
    errors = _validate_applicant(applicant)
    received_on = arrived_on
    if channel not in CHANNEL_LABELS:
        errors["channel"] = "请选择申请方式"
    elif arrived_on > today:
        errors["arrived_on"] = f"申请到达日期不能晚于今天（{today.isoformat()}）"
    elif confirmed_on is not None and confirmed_on > today:
        errors["confirmed_on"] = f"确认日期不能晚于今天（{today.isoformat()}）"
    else:
        try:
            received_on = receipt_day(channel, arrived_on, confirmed_on)
        except ApplicationError as exc:
            errors["confirmed_on"] = exc.message
    if not subject.strip():
        errors["subject"] = "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述"
    elif problem := subject_problem(subject):
        errors["subject"] = problem
    if requested_form not in dict(FORM_CHOICES):
        errors["requested_form"] = "请选择获取信息的载体形式"
    if delivery not in dict(DELIVERY_CHOICES):
        errors["delivery"] = "请选择获取信息的方式"
    if assigned_to is not None and not permissions.can_register_for(assigned_to, agency):
        errors["assigned_to"] = "经办人必须是本机关的工作人员"
    if errors:
        raise FormErrors(errors)

    # The kind and the ID type are checked codes above, so stripping every field is safe.
    person = Applicant.objects.create(
        agency=agency, **{field: value.strip() for field, value in asdict(applicant).items()}
    )
    seq, number = _allocate_number(agency, received_on.year)
    if assigned_to is None and permissions.can_register_for(acting_user, agency):
        assigned_to = acting_user
    application = Application(
        agency=agency,
        number=number,
        year=received_on.year,
        seq=seq,
        applicant=person,
        channel=channel,
        arrived_on=arrived_on,
        confirmed_on=confirmed_on,
        received_on=received_on,
        subject=subject.strip(),
        requested_form=requested_form,
        delivery=delivery,
        status=Status.REGISTERED.value,
        assigned_to=assigned_to,
        created_by=acting_user,
        submission_token=submission_token,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        earlier = (
            Application.objects.filter(submission_token=submission_token).first()
            if submission_token
            else None
        )
        if earlier is not None:  # a second click raced the first: roll this one back
            raise AlreadyRegistered(earlier) from None
        raise ApplicationError(
            f"受理编号“{number}”已存在，请检查本机关的受理编号格式是否包含流水号"
        ) from None
    step.add_event(
        application,
        EventKind.RECEIVED,
        received_on,
        acting_user,
        note=Channel(channel).receipt_rule,
    )
    refresh_due(application)
    application.save(update_fields=list(CLOCK_FIELDS))
    step.write_audit(
        application=application,
        action=AuditAction.APPLICATION_REGISTER,
        actor=acting_user,
        changes={
            "number": number,
            "applicant": f"{person.name}（{person.kind_label}，{person.masked_id}）",
            "channel": Channel(channel).label,
            "received_on": received_on,
            "due_on": application.due_on,
        },
    )
    return application
