"""The transitions offered on an application's page: which form, which service, when.

One table, so that the detail page, the action view and the permission test walk the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from gongkai.core import wallclock
from gongkai.web.accounts import permissions
from gongkai.web.applications import confirmation, services
from gongkai.web.applications import forms as f
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.outcomes import (
    outcome_choices,
    outcome_choices_all_years,
    termination_choices,
)
from gongkai.web.applications.services.amend import outcome_values
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.versioning import version_token


def _today_year() -> int:
    return wallclock.today().year


Run = Callable[[Any, Application, dict[str, Any]], object]
MakeForm = Callable[[Application, Any], forms.Form]


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    make_form: MakeForm
    run: Run
    available: Callable[[Any, Application], bool]
    success: str
    danger: bool = False


def _status_in(*statuses: Status) -> Callable[[Application], bool]:
    return lambda a: Status(a.status) in statuses and not a.voided


def _handler(pred: Callable[[Application], bool]) -> Callable[[Any, Application], bool]:
    return lambda user, a: pred(a) and permissions.can_handle(user, a)


def _has_event(a: Application, kind: EventKind) -> bool:
    return a.events.filter(kind=kind.value).exists()


ACTIVE = (Status.REGISTERED, Status.IN_PROGRESS)
# 待确认 (an online application not yet received) is open but offers only confirmation and
# voiding (applications/confirmation.py).
OPEN = tuple(s for s in Status if s.is_open and s is not Status.PENDING)


def _can_request_extension(user: Any, a: Application) -> bool:
    return (
        _status_in(*OPEN)(a)
        and permissions.can_handle(user, a)
        and not _has_event(a, EventKind.EXTENSION)
        and services.pending_extension_request(a) is None
    )


def _can_approve_extension(user: Any, a: Application) -> bool:
    """A 审核人 of the agency, on a pending request someone else made (no self-approval)."""
    if not (_status_in(*OPEN)(a) and permissions.can_approve_extension(user, a)):
        return False
    pending = services.pending_extension_request(a)
    return pending is not None and pending.actor_id != user.pk


def _needs_signoff(a: Application) -> bool:
    return bool(a.agency.answers_need_signoff)


def _answerable(user: Any, a: Application) -> bool:
    """Running, or consulting past the parties' limit (条例第三十二条: the agency decides)."""
    return permissions.can_handle(user, a) and (
        _status_in(*ACTIVE)(a) or a.consultation_lapsed(wallclock.today())
    )


def _can_answer(user: Any, a: Application) -> bool:
    return _answerable(user, a) and not _needs_signoff(a)


def _can_submit_answer(user: Any, a: Application) -> bool:
    return _answerable(user, a) and _needs_signoff(a) and services.pending_signoff(a) is None


def _can_sign_answer(user: Any, a: Application) -> bool:
    """A 审核人 of the agency, on an answer someone else submitted (nobody signs their own)."""
    if not (_status_in(*OPEN)(a) and permissions.can_approve_extension(user, a)):
        return False
    pending = services.pending_signoff(a)
    return pending is not None and pending.submitted_by_id != user.pk


def _calls(
    service: Callable[..., object],
    fields: str = "",
    optional: dict[str, Any] | None = None,
    **fixed: Any,
) -> Run:
    """Run ``service`` as the acting user on the application with the form's ``fields``
    (space-separated, required), its ``optional`` fields (the value given when the form left
    one out) and the ``fixed`` arguments."""

    def run(user: Any, app: Application, d: dict[str, Any]) -> object:
        values = {name: d[name] for name in fields.split()}
        values |= {name: d.get(name, default) for name, default in (optional or {}).items()}
        return service(acting_user=user, application=app, **values, **fixed)

    return run


def _form(form_class: type[forms.Form], prefix: str | None = None) -> MakeForm:
    return lambda app, data: form_class(data, prefix=prefix)


# What the answer form gives both 作出答复 and 提交签发.
ANSWER_FIELDS = "day outcome legal_basis"
ANSWER_OPTIONAL = {"summary": "", "pages": None}


def _answer_form(prefix: str) -> MakeForm:
    return lambda app, data: f.AnswerForm(
        data, prefix=prefix, outcomes=outcome_choices_all_years(_today_year())
    )


def _can_change_outcome(user: Any, a: Application) -> bool:
    return (
        not a.voided
        and not Status(a.status).is_open
        and a.closed_on is not None
        and permissions.can_change_outcome(user, a)
    )


def _staff(app: Application) -> list[tuple[int, str]]:

    users = (
        get_user_model()
        .objects.filter(
            memberships__agency=app.agency,
            memberships__role__in=[r.value for r in permissions.ACTING_ROLES],
        )
        .distinct()
        .order_by("username")
    )
    return [(u.pk, u.get_full_name() or u.get_username()) for u in users]


def _assign(user: Any, app: Application, data: dict[str, Any]) -> Application:

    assignee = get_user_model().objects.filter(pk=data["assignee"]).first()
    if assignee is None:
        raise ApplicationError("请选择经办人", field="assignee")
    return services.application_assign(acting_user=user, application=app, assignee=assignee)


ACTIONS: dict[str, Action] = {
    a.key: a
    for a in (
        Action(
            "confirm",
            "确认收到网上申请",
            _form(f.ConfirmForm, "cf"),
            _calls(confirmation.application_confirm, "day"),
            _handler(_status_in(Status.PENDING)),
            "已确认收到，已给出受理编号并开始计算答复期限",
        ),
        Action(
            "start",
            "开始办理",
            _form(f.StartForm),
            _calls(services.application_start),
            _handler(_status_in(Status.REGISTERED)),
            "已开始办理",
        ),
        Action(
            "request_correction",
            "发出补正通知",
            _form(f.CorrectionRequestForm, "rc"),
            _calls(services.application_request_correction, "day note", {"reply_by": None}),
            lambda u, a: (
                _handler(_status_in(*ACTIVE))(u, a)
                and not _has_event(a, EventKind.CORRECTION_REQUESTED)
            ),
            "已登记补正通知，答复期限暂停计算，收到补正后重新起算",
        ),
        Action(
            "receive_correction",
            "登记收到补正",
            _form(f.CorrectionReceiveForm, "cr"),
            _calls(services.application_receive_correction, "day", {"note": ""}),
            _handler(_status_in(Status.AWAITING_CORRECTION)),
            "已登记收到补正，答复期限自收到补正之日起重新计算",
        ),
        Action(
            "send_consultation",
            "发出征求意见",
            _form(f.ConsultationSendForm, "cs"),
            _calls(
                services.application_send_consultation,
                "day party party_name",
                {"note": "", "delivered_on": None},
            ),
            _handler(_status_in(*ACTIVE, Status.CONSULTING)),
            "已登记征求意见，征求意见期间不计入答复期限",
        ),
        Action(
            "receive_consultation",
            "登记意见答复",
            lambda app, data: f.ConsultationReceiveForm(
                data, prefix="ca", pending=services.open_consultations(app)
            ),
            _calls(services.application_receive_consultation, "day party_name", {"note": ""}),
            _handler(_status_in(Status.CONSULTING)),
            "已登记意见答复",
        ),
        Action(
            "fee_notice",
            "发出收费通知",
            _form(f.FeeNoticeForm, "fn"),
            _calls(
                services.application_issue_computed_fee_notice,
                "day method",
                {"pages": None, "note": "", "delivered_on": None},
            ),
            _handler(_status_in(*ACTIVE)),
            "已登记收费通知，等待缴费期间不计入答复期限",
        ),
        Action(
            "record_payment",
            "登记缴费",
            _form(f.PaymentForm, "fp"),
            _calls(services.application_record_payment, "day amount"),
            _handler(_status_in(Status.AWAITING_FEE)),
            "已登记缴费，答复期限继续计算",
        ),
        Action(
            "request_extension",
            "申请延期答复",
            _form(f.ExtensionRequestForm, "er"),
            _calls(services.application_request_extension, "day reason"),
            _can_request_extension,
            "已提出延期申请，等待审核人批准",
        ),
        Action(
            "approve_extension",
            "批准延期答复",
            _form(f.ExtensionApproveForm, "ea"),
            _calls(services.application_approve_extension, "day"),
            _can_approve_extension,
            "已批准延期，答复期限延长20个工作日",
        ),
        Action(
            "return_extension",
            "退回延期申请",
            _form(f.ExtensionDeclineForm, "et"),
            _calls(services.application_decline_extension, "day reason", returned=True),
            _can_approve_extension,
            "已退回延期申请，并通知经办人修改",
        ),
        Action(
            "reject_extension",
            "驳回延期申请",
            _form(f.ExtensionDeclineForm, "ej"),
            _calls(services.application_decline_extension, "day reason"),
            _can_approve_extension,
            "已驳回延期申请，答复期限不变",
            danger=True,
        ),
        Action(
            "answer",
            "作出答复",
            _answer_form("an"),
            _calls(services.application_answer, ANSWER_FIELDS, ANSWER_OPTIONAL),
            _can_answer,
            "已登记答复，申请办结",
        ),
        Action(
            "submit_answer",
            "提交签发",
            _answer_form("sa"),
            _calls(services.application_submit_answer, ANSWER_FIELDS, ANSWER_OPTIONAL),
            _can_submit_answer,
            "答复已提交审核人签发；签发之日为答复日期，等待签发期间答复期限照常计算",
        ),
        Action(
            "sign_answer",
            "签发答复",
            _form(f.DayForm, "sg"),
            _calls(services.application_sign_answer, "day"),
            _can_sign_answer,
            "已签发，答复已登记，申请办结",
        ),
        Action(
            "return_answer",
            "退回答复修改",
            _form(f.ExtensionDeclineForm, "sr"),
            _calls(services.application_decline_answer, "day reason", returned=True),
            _can_sign_answer,
            "已退回答复，并通知经办人修改",
        ),
        Action(
            "reject_answer",
            "不予签发",
            _form(f.ExtensionDeclineForm, "sj"),
            _calls(services.application_decline_answer, "day reason", returned=False),
            _can_sign_answer,
            "已不予签发，并通知经办人",
            danger=True,
        ),
        Action(
            "close_lapsed",
            "申请人逾期，视为放弃申请并办结",
            _form(f.DayForm, "cl"),
            _calls(services.application_close_lapsed, "day"),
            lambda u, a: permissions.can_handle(u, a) and a.lapsed_on(wallclock.today()),
            "申请人逾期未补正或未缴费，已按“其他处理”办结",
        ),
        Action(
            "terminate",
            "终止办理",
            lambda app, data: f.TerminateForm(
                data, prefix="tm", outcomes=termination_choices(_today_year())
            ),
            _calls(services.application_terminate, "day outcome reason"),
            _handler(_status_in(*OPEN)),
            "已终止办理",
            danger=True,
        ),
        Action(
            "change_outcome",
            "更正办理结果",
            lambda app, data: f.ChangeOutcomeForm(
                data,
                prefix="co",
                outcomes=outcome_choices(app.closed_on.year if app.closed_on else _today_year()),
                initial={"version": version_token(outcome_values(app))},
            ),
            lambda u, app, d: services.application_change_outcome(
                acting_user=u,
                application=app,
                outcome=d["outcome"],
                reason=d["reason"],
                legal_basis=d.get("legal_basis") or None,
                version=d.get("version") or None,
            ),
            _can_change_outcome,
            "已更正办理结果并记录原因",
        ),
        Action(
            "set_due_date",
            "确定答复期限（第三十五条）",
            _form(f.DueDateForm, "dd"),
            _calls(services.application_set_due_date, "day due reason"),
            lambda u, a: (
                _handler(_status_in(*ACTIVE))(u, a) and not _has_event(a, EventKind.DUE_DATE_SET)
            ),
            "已确定答复期限，原法定期限不再适用",
        ),
        Action(
            "assign",
            "分配经办人",
            lambda app, data: f.AssignForm(data, prefix="as", staff=_staff(app)),
            _assign,
            _handler(_status_in(*OPEN)),
            "已分配经办人",
        ),
        Action(
            "void",
            "作废",
            _form(f.VoidForm, "vd"),
            _calls(services.application_void, "reason"),
            lambda u, a: not a.voided and permissions.can_void(u, a),
            "申请已作废（记录保留，不再计入统计）",
            danger=True,
        ),
    )
}
