"""Every write on the request register (style guide R5).

Each service is keyword-only, takes the ``acting_user``, runs in one transaction, checks the
permission in :mod:`gongkai.web.accounts.permissions`, validates, and writes an
:class:`AuditRecord`. The due date is never set by hand: after every event the clock recomputes
it from the event log (:func:`gongkai.web.applications.clock.refresh_due`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from gongkai.core import wallclock
from gongkai.core.deadlines import EXTENSION_DAYS
from gongkai.web.accounts import permissions
from gongkai.web.applications.audit import audit_record, jsonable
from gongkai.web.applications.clock import (
    CLOCK_FIELDS,
    applicant_deadline,
    correction_deadline,
    deadline_for,
    receipt_day,
    refresh_due,
)
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
from gongkai.web.applications.models import (
    Applicant,
    Application,
    ApplicationEvent,
    AuditRecord,
    NumberCounter,
)
from gongkai.web.applications.outcomes import (
    is_valid_outcome,
    outcome_label,
    termination_choices,
)
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.numbering import format_number, pattern_for
from gongkai.web.workcalendar.snapshots import work_calendar

EXTENSION_WORKDAYS = EXTENSION_DAYS  # 条例 第三十三条第二款: 延长的期限最长不得超过20个工作日


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


# --- helpers ------------------------------------------------------------------------------


def _today() -> dt.date:
    return wallclock.today()


def _audit(
    *,
    application: Application | None,
    action: str,
    actor: Any,
    changes: dict[str, Any],
    reason: str = "",
    entity: str = "application",
    entity_id: str | None = None,
) -> AuditRecord:
    return audit_record(
        application=application,
        entity=entity,
        entity_id=entity_id if entity_id is not None else (application.pk if application else ""),
        action=action,
        actor=actor,
        changes=changes,
        reason=reason,
    )


def _lock(application: Application) -> Application:
    """Re-read the row under a lock so that two clerks cannot act on stale state."""
    return Application.objects.select_for_update().select_related("agency").get(pk=application.pk)


def _require_handler(user: Any, application: Application) -> None:
    if not permissions.can_view_application(user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_handle(user, application):
        raise PermissionDenied("只有本机关的经办人、审核人或公开办可以办理该申请")


def _require_open(application: Application) -> None:
    if application.voided:
        raise ApplicationError("该申请已作废，不能再办理")
    if not Status(application.status).is_open:
        raise ApplicationError(f"该申请已{Status(application.status).label}，不能再办理")


def _require_status(application: Application, allowed: set[Status], action: str) -> None:
    status = Status(application.status)
    if status not in allowed:
        allowed_text = "、".join(s.label for s in Status if s in allowed)
        raise ApplicationError(
            f"当前状态为“{status.label}”，不能{action}（仅限{allowed_text}状态）"
        )


def _check_day(application: Application, day: dt.date, what: str) -> None:
    """Event dates: not in the future, not before receipt, not before the last recorded event."""
    if day > _today():
        raise ApplicationError(f"{what}日期不能晚于今天（{_today().isoformat()}）", field="day")
    if day < application.received_on:
        raise ApplicationError(
            f"{what}日期不能早于收到申请之日（{application.received_on.isoformat()}）", field="day"
        )
    last = application.events.order_by("-day", "-id").values_list("day", flat=True).first()
    if last is not None and day < last:
        raise ApplicationError(
            f"{what}日期不能早于上一次办理事件的日期（{last.isoformat()}），请按时间顺序登记",
            field="day",
        )


def _event(
    application: Application, kind: EventKind, day: dt.date, actor: Any, **fields: Any
) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, kind=kind.value, day=day, actor=actor, **fields
    )


def _set_status(application: Application, status: Status) -> dict[str, Any]:
    old = application.status
    application.status = status.value
    return {"status": [Status(old).label, status.label]} if old != status.value else {}


def _save_with_clock(application: Application, fields: list[str]) -> dict[str, Any]:
    """Save, recompute the due date from the event log, and return the due-date change."""
    old_due = application.due_on
    refresh_due(application)
    application.save(update_fields=[*fields, *CLOCK_FIELDS, "updated_at"])
    if old_due != application.due_on:
        return {"due_on": [old_due, application.due_on]}
    return {}


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


# --- registration -------------------------------------------------------------------------


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


@transaction.atomic
def application_register(
    *,
    acting_user: Any,
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
) -> Application:
    """Register a request handed in, mailed, faxed or e-mailed (条例 第二十九条), with the day of
    receipt fixed by 第三十一条 for its channel, and give it the next 受理编号."""
    if not permissions.can_register_for(acting_user, agency):
        raise PermissionDenied(f"您不是{agency.name}的经办人，不能为该机关登记申请")
    today = today or _today()
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

    person = Applicant.objects.create(
        agency=agency,
        kind=applicant.kind,
        name=applicant.name.strip(),
        id_type=applicant.id_type,
        id_number=applicant.id_number.strip(),
        phone=applicant.phone.strip(),
        email=applicant.email.strip(),
        address=applicant.address.strip(),
        postcode=applicant.postcode.strip(),
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
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ApplicationError(
            f"受理编号“{number}”已存在，请检查本机关的受理编号格式是否包含流水号"
        ) from None
    _event(
        application,
        EventKind.RECEIVED,
        received_on,
        acting_user,
        note=Channel(channel).receipt_rule,
    )
    refresh_due(application)
    application.save(update_fields=list(CLOCK_FIELDS))
    _audit(
        application=application,
        action="登记申请",
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


class FormErrors(ApplicationError):
    """Several fields are wrong at once; ``errors`` maps field name → Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


# --- the status flow ----------------------------------------------------------------------

OPEN_ACTIVE = {Status.REGISTERED, Status.IN_PROGRESS}


@transaction.atomic
def application_start(*, acting_user: Any, application: Application) -> Application:
    """登记 → 办理中."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, {Status.REGISTERED}, "开始办理")
    changes = _set_status(application, Status.IN_PROGRESS)
    if application.assigned_to_id is None:
        application.assigned_to = acting_user
        changes["assigned_to"] = [None, acting_user.get_username()]
    changes |= _save_with_clock(application, ["status", "assigned_to"])
    _audit(application=application, action="开始办理", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_request_correction(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    note: str,
    reply_by: dt.date | None = None,
) -> Application:
    """条例 第三十条: ask the applicant once, within 7 working days of receipt, to make the
    request clear; the clock stops until the correction arrives."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, OPEN_ACTIVE, "发出补正通知")
    if application.events.filter(kind=EventKind.CORRECTION_REQUESTED.value).exists():
        raise ApplicationError("补正通知只能一次性发出（条例第三十条），本申请已发过补正通知")
    if not note.strip():
        raise ApplicationError("请写明需要补正的事项和合理的补正期限", field="note")
    _check_day(application, day, "补正通知")
    latest = correction_deadline(application)
    if latest is not None and day > latest:
        raise ApplicationError(
            f"补正通知应在收到申请之日起7个工作日内发出（最迟{latest.isoformat()}，条例第三十条）",
            field="day",
        )
    if reply_by is not None and reply_by <= day:
        raise ApplicationError("补正期限应晚于发出补正通知之日", field="reply_by")
    _event(
        application,
        EventKind.CORRECTION_REQUESTED,
        day,
        acting_user,
        note=note.strip(),
        due=reply_by,
    )
    changes = _set_status(application, Status.AWAITING_CORRECTION) | {"correction_requested": day}
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="发出补正通知", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_receive_correction(
    *, acting_user: Any, application: Application, day: dt.date, note: str = ""
) -> Application:
    """条例 第三十条: the answer period counts again, in full, from the day the correction arrives."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, {Status.AWAITING_CORRECTION}, "登记收到补正")
    _check_day(application, day, "收到补正")
    _event(application, EventKind.CORRECTION_RECEIVED, day, acting_user, note=note.strip())
    changes = _set_status(application, Status.IN_PROGRESS) | {"correction_received": day}
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="收到补正材料", actor=acting_user, changes=changes)
    return application


def _open_consultations(application: Application) -> list[str]:
    """Names of consulted parties that have not answered yet."""
    pending: list[str] = []
    for kind, name in application.events.filter(
        kind__in=[EventKind.CONSULTATION_STARTED.value, EventKind.CONSULTATION_ENDED.value]
    ).values_list("kind", "party_name"):
        if kind == EventKind.CONSULTATION_STARTED.value:
            pending.append(name)
        elif name in pending:
            pending.remove(name)
    return pending


@transaction.atomic
def application_send_consultation(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    party: str,
    party_name: str,
    note: str = "",
) -> Application:
    """条例 第三十二条 (third party, 15 working days to reply) and 第三十四条 (other agencies):
    the time spent waiting does not count toward the answer period."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, {*OPEN_ACTIVE, Status.CONSULTING}, "发出征求意见")
    if party not in {"third_party", "agency"}:
        raise ApplicationError("请选择征求意见的对象类型（第三方或其他行政机关）", field="party")
    if not party_name.strip():
        raise ApplicationError("请填写征求意见对象的名称", field="party_name")
    if party_name.strip() in _open_consultations(application):
        raise ApplicationError(f"已向“{party_name.strip()}”征求意见且尚未答复", field="party_name")
    _check_day(application, day, "征求意见")
    _event(
        application,
        EventKind.CONSULTATION_STARTED,
        day,
        acting_user,
        party=party,
        party_name=party_name.strip(),
        note=note.strip(),
    )
    changes = _set_status(application, Status.CONSULTING) | {"consulted": party_name.strip()}
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="发出征求意见", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_receive_consultation(
    *, acting_user: Any, application: Application, day: dt.date, party_name: str, note: str = ""
) -> Application:
    """The consulted party answered (or its 15 working days ran out); the clock runs again when
    no other consultation is pending."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, {Status.CONSULTING}, "登记意见答复")
    pending = _open_consultations(application)
    name = party_name.strip() or (pending[0] if len(pending) == 1 else "")
    if name not in pending:
        raise ApplicationError(
            "请选择尚未答复的征求意见对象：" + "、".join(pending), field="party_name"
        )
    _check_day(application, day, "收到意见")
    party = (
        application.events.filter(kind=EventKind.CONSULTATION_STARTED.value, party_name=name)
        .values_list("party", flat=True)
        .last()
    )
    _event(
        application,
        EventKind.CONSULTATION_ENDED,
        day,
        acting_user,
        party=party or "",
        party_name=name,
        note=note.strip(),
    )
    changes: dict[str, Any] = {"consultation_answered": name}
    if len(pending) == 1:
        changes |= _set_status(application, Status.IN_PROGRESS)
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="收到意见答复", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_issue_fee_notice(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    amount: Decimal,
    note: str = "",
    delivered_on: dt.date | None = None,
) -> Application:
    """国办函〔2020〕109号: the time from the fee notice to payment does not count; the applicant
    has 20 working days to pay."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, OPEN_ACTIVE, "发出收费通知")
    if amount <= 0:
        raise ApplicationError("收费金额必须大于0元", field="amount")
    _check_day(application, day, "收费通知")
    if delivered_on is not None and delivered_on < day:
        raise ApplicationError("申请人收到收费通知的日期不能早于发出日期", field="delivered_on")
    _event(
        application,
        EventKind.FEE_NOTICE,
        day,
        acting_user,
        amount=amount,
        note=note.strip(),
        due=delivered_on,
    )
    changes = _set_status(application, Status.AWAITING_FEE) | {"fee_notice": str(amount)}
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="发出收费通知", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_record_payment(
    *, acting_user: Any, application: Application, day: dt.date, amount: Decimal
) -> Application:
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, {Status.AWAITING_FEE}, "登记缴费")
    noticed = (
        application.events.filter(kind=EventKind.FEE_NOTICE.value)
        .values_list("amount", flat=True)
        .last()
    )
    if noticed is not None and amount != noticed:
        raise ApplicationError(f"缴费金额应与收费通知一致（{noticed}元）", field="amount")
    _check_day(application, day, "缴费")
    _event(application, EventKind.FEE_PAID, day, acting_user, amount=amount)
    changes = _set_status(application, Status.IN_PROGRESS) | {"fee_paid": str(amount)}
    changes |= _save_with_clock(application, ["status"])
    _audit(application=application, action="登记缴费", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_request_extension(
    *, acting_user: Any, application: Application, day: dt.date, reason: str
) -> Application:
    """条例 第三十三条第二款: the case officer asks for an extension; a 审核人 approves it."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    if application.events.filter(kind=EventKind.EXTENSION.value).exists():
        raise ApplicationError("答复期限只能延长一次（条例第三十三条第二款），本申请已延期")
    if _pending_extension_request(application):
        raise ApplicationError("已有待审核的延期申请，请等待审核人审批")
    if not reason.strip():
        raise ApplicationError("请写明需要延长答复期限的理由", field="reason")
    _check_day(application, day, "申请延期")
    _event(application, EventKind.EXTENSION_REQUESTED, day, acting_user, note=reason.strip())
    _audit(
        application=application,
        action="申请延期答复",
        actor=acting_user,
        changes={"extension_requested": day},
        reason=reason.strip(),
    )
    return application


def _pending_extension_request(application: Application) -> ApplicationEvent | None:
    requested = application.events.filter(kind=EventKind.EXTENSION_REQUESTED.value).last()
    if requested is None:
        return None
    if application.events.filter(kind=EventKind.EXTENSION.value, id__gt=requested.id).exists():
        return None
    return requested


@transaction.atomic
def application_approve_extension(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
) -> Application:
    """条例 第三十三条第二款: extension approved by the 工作机构's responsible person (审核人),
    at most 20 working days, once."""
    application = _lock(application)
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_approve_extension(acting_user, application):
        raise PermissionDenied("延期答复须经本机关审核人（政府信息公开工作机构负责人）批准")
    _require_open(application)
    requested = _pending_extension_request(application)
    if requested is None:
        raise ApplicationError("没有待审批的延期申请，请经办人先提出延期申请")
    _check_day(application, day, "批准延期")
    current_due = application.due_on
    if current_due is not None and day > current_due:
        raise ApplicationError(
            f"延期须在原答复期限（{current_due.isoformat()}）届满前批准", field="day"
        )
    _event(
        application,
        EventKind.EXTENSION,
        day,
        acting_user,
        workdays=EXTENSION_WORKDAYS,
        note=requested.note,
    )
    changes: dict[str, Any] = {"extension": f"{EXTENSION_WORKDAYS}个工作日"}
    changes |= _save_with_clock(application, [])
    _audit(application=application, action="批准延期答复", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_answer(
    *,
    acting_user: Any,
    application: Application,
    day: dt.date,
    outcome: str,
    legal_basis: str,
    summary: str = "",
    pages: int | None = None,
) -> Application:
    """条例 第三十六条: the answer, counted in one leaf row of table 3 of its year's format."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _require_status(application, OPEN_ACTIVE, "作出答复")
    _check_day(application, day, "答复")
    if not is_valid_outcome(outcome, day.year):
        raise ApplicationError(f"请选择{day.year}年度年报格式表三中的一个办理结果", field="outcome")
    if not legal_basis.strip():
        raise ApplicationError(
            "请写明答复的法律依据（如条例第三十六条第几项）", field="legal_basis"
        )
    if pages is not None and pages < 0:
        raise ApplicationError("页数不能为负数", field="pages")
    _event(application, EventKind.ANSWERED, day, acting_user, note=summary.strip())
    changes = _set_status(application, Status.ANSWERED) | {
        "outcome": [None, outcome_label(outcome, day.year)],
        "closed_on": day,
    }
    application.outcome = outcome
    application.legal_basis = legal_basis.strip()
    application.answer_summary = summary.strip()
    application.closed_on = day
    application.pages = pages
    changes |= _save_with_clock(
        application,
        ["status", "outcome", "legal_basis", "answer_summary", "closed_on", "pages"],
    )
    _audit(application=application, action="作出答复", actor=acting_user, changes=changes)
    return application


@transaction.atomic
def application_terminate(
    *, acting_user: Any, application: Application, day: dt.date, outcome: str, reason: str
) -> Application:
    """End a request without a decision on the information (table 3 （六）其他处理): no
    correction in time (第三十条), no fee paid in time (国办函〔2020〕109号), withdrawn."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    _check_day(application, day, "终止")
    allowed = dict(termination_choices(day.year))
    if outcome not in allowed:
        raise ApplicationError(
            "终止办理的结果须为年报表三“（六）其他处理”中的一项", field="outcome"
        )
    if not reason.strip():
        raise ApplicationError("请写明终止办理的原因", field="reason")
    _event(application, EventKind.TERMINATED, day, acting_user, note=reason.strip())
    changes = _set_status(application, Status.TERMINATED) | {
        "outcome": [None, allowed[outcome]],
        "closed_on": day,
    }
    application.outcome = outcome
    application.legal_basis = reason.strip()
    application.closed_on = day
    changes |= _save_with_clock(application, ["status", "outcome", "legal_basis", "closed_on"])
    _audit(
        application=application,
        action="终止办理",
        actor=acting_user,
        changes=changes,
        reason=reason.strip(),
    )
    return application


def lapsed_outcome(status: Status, year: int) -> str:
    """The table-3 row of a request the applicant abandoned, in the format of ``year``:
    2021 format （六）1 逾期不补正 / （六）2 逾期不缴纳信息处理费; 2019 format （六）其他处理."""
    key = "other.no_fee_paid" if status is Status.AWAITING_FEE else "other.no_correction"
    rows = dict(termination_choices(year))
    return key if key in rows else "other"


@transaction.atomic
def application_close_lapsed(
    *, acting_user: Any, application: Application, day: dt.date | None = None
) -> Application:
    """End a request whose applicant let the deadline pass: no 补正 by the date in the notice
    (条例第三十条: 视为放弃申请) or no fee paid within 20 working days of the fee notice
    (国办函〔2020〕109号). The outcome is the （六） row of the format of the closing year."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    status = Status(application.status)
    day = day or _today()
    if status not in {Status.AWAITING_CORRECTION, Status.AWAITING_FEE}:
        raise ApplicationError("只有补正中或待缴费的申请可以按申请人逾期办结")
    deadline = deadline_for(application, as_of=day)
    lapse = applicant_deadline(application, deadline)
    what = "缴费" if status is Status.AWAITING_FEE else "补正"
    if lapse is None:
        raise ApplicationError(f"补正通知未写明补正期限，无法认定申请人逾期未{what}")
    if day <= lapse:
        raise ApplicationError(
            f"{what}期限至{lapse.isoformat()}，期限届满后才能按逾期未{what}办结", field="day"
        )
    if status is Status.AWAITING_FEE:
        reason = (
            f"申请人自收到收费通知之日起20个工作日内（至{lapse.isoformat()}）未缴纳信息处理费，"
            "视为放弃申请，本机关不再处理（国办函〔2020〕109号）"
        )
    else:
        reason = (
            f"申请人未在补正期限（{lapse.isoformat()}）内补正，视为放弃申请，"
            "本机关不再处理（条例第三十条）"
        )
    return application_terminate(
        acting_user=acting_user,
        application=application,
        day=day,
        outcome=lapsed_outcome(status, day.year),
        reason=reason,
    )


@transaction.atomic
def application_change_outcome(
    *,
    acting_user: Any,
    application: Application,
    outcome: str,
    reason: str,
    legal_basis: str | None = None,
) -> Application:
    """A closed request's outcome changes only with a recorded reason, by a 审核人."""
    application = _lock(application)
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_change_outcome(acting_user, application):
        raise PermissionDenied("只有本机关的审核人可以更正办理结果")
    if application.voided:
        raise ApplicationError("该申请已作废，不能更正办理结果")
    if Status(application.status).is_open or application.closed_on is None:
        raise ApplicationError("只有已办结的申请才能更正办理结果")
    if not reason.strip():
        raise ApplicationError("更正办理结果必须写明原因", field="reason")
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
    _audit(
        application=application,
        action="更正办理结果",
        actor=acting_user,
        changes=changes,
        reason=reason.strip(),
    )
    return application


@transaction.atomic
def application_void(*, acting_user: Any, application: Application, reason: str) -> Application:
    """A request registered by mistake is voided with a reason, never deleted; it no longer
    counts anywhere but stays in the register and its audit trail."""
    application = _lock(application)
    if not permissions.can_view_application(acting_user, application):
        raise PermissionDenied("无权查看该申请")
    if not permissions.can_void(acting_user, application):
        raise PermissionDenied("只有本机关的工作人员可以作废该申请")
    if application.voided:
        raise ApplicationError("该申请已作废")
    if not reason.strip():
        raise ApplicationError("作废申请必须写明原因", field="reason")
    application.voided = True
    application.void_reason = reason.strip()
    application.save(update_fields=["voided", "void_reason", "updated_at"])
    _audit(
        application=application,
        action="作废",
        actor=acting_user,
        changes={"voided": [False, True]},
        reason=reason.strip(),
    )
    return application


@dataclass(frozen=True)
class Recomputed:
    """What a recomputation did: due dates that moved, and requests the clock refused (their
    event log breaks a rule under the new calendar; they keep their old date and are listed)."""

    changed: list[tuple[Application, dt.date | None, dt.date | None]]
    failed: list[tuple[Application, str]]


@transaction.atomic
def application_due_dates_recompute(*, acting_user: Any, reason: str) -> Recomputed:
    """Recompute the cached due date of every open request (after a calendar change) and list
    the requests whose due date moved, with an audit record each."""
    changed: list[tuple[Application, dt.date | None, dt.date | None]] = []
    failed: list[tuple[Application, str]] = []
    open_apps = (
        Application.objects.filter(voided=False, status__in=[s.value for s in Status if s.is_open])
        .select_related("agency")
        .prefetch_related("events")
    )
    moved: list[Application] = []
    now = wallclock.now()
    calendar = work_calendar()
    for application in open_apps.iterator(chunk_size=1000):
        old = (application.due_on, application.due_provisional, application.lapses_on)
        old_due = application.due_on
        try:
            refresh_due(application, calendar=calendar)
        except ApplicationError as exc:
            failed.append((application, exc.message))
            continue
        if old != (application.due_on, application.due_provisional, application.lapses_on):
            application.updated_at = now
            moved.append(application)
            if old_due != application.due_on:
                changed.append((application, old_due, application.due_on))
    # Written in bulk: a calendar change can move tens of thousands of due dates at once.
    Application.objects.bulk_update(moved, [*CLOCK_FIELDS, "updated_at"], batch_size=1000)
    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                application=application,
                entity="application",
                entity_id=str(application.pk),
                action="工作日历变更后重算期限",
                actor=acting_user,
                changes=jsonable({"due_on": [old_due, new_due]}),
                reason=reason,
            )
            for application, old_due, new_due in changed
        ],
        batch_size=1000,
    )
    return Recomputed(changed, failed)


@transaction.atomic
def application_set_due_date(
    *, acting_user: Any, application: Application, day: dt.date, due: dt.date, reason: str
) -> Application:
    """条例 第三十五条: for a request of unreasonable volume or frequency the agency may set a
    later, reasonable due date and tell the applicant; it replaces the statutory one."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    if application.events.filter(kind=EventKind.DUE_DATE_SET.value).exists():
        raise ApplicationError("本申请已依第三十五条确定过答复期限")
    if not reason.strip():
        raise ApplicationError("请写明依第三十五条确定答复期限的理由", field="reason")
    if due <= day:
        raise ApplicationError("确定的答复期限应晚于作出决定之日", field="due")
    _check_day(application, day, "确定答复期限")
    _event(application, EventKind.DUE_DATE_SET, day, acting_user, due=due, note=reason.strip())
    changes: dict[str, Any] = {"custom_due": due}
    changes |= _save_with_clock(application, [])
    _audit(
        application=application,
        action="确定答复期限（第三十五条）",
        actor=acting_user,
        changes=changes,
        reason=reason.strip(),
    )
    return application


@transaction.atomic
def application_assign(*, acting_user: Any, application: Application, assignee: Any) -> Application:
    """Hand the request to another case officer of the same agency (the 工作台's 我的案件)."""
    application = _lock(application)
    _require_handler(acting_user, application)
    _require_open(application)
    if not permissions.can_register_for(assignee, application.agency):
        raise ApplicationError("只能分配给本机关的经办人或审核人", field="assignee")
    if application.assigned_to_id == assignee.pk:
        raise ApplicationError("该申请已由此人办理", field="assignee")

    def name(user: Any) -> str | None:
        return (user.get_full_name() or user.get_username()) if user else None

    changes = {"assigned_to": [name(application.assigned_to), name(assignee)]}
    application.assigned_to = assignee
    application.save(update_fields=["assigned_to", "updated_at"])
    _audit(application=application, action="分配经办人", actor=acting_user, changes=changes)
    return application
