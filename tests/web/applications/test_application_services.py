"""The request register's services: every transition, refused transitions with Chinese
messages, audit records, outcomes per format year, void instead of delete."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications import services
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord

D = dt.date


def actions(application: Application) -> list[str]:
    return list(
        AuditRecord.objects.filter(application=application).values_list("action", flat=True)
    )


def events(application: Application) -> list[str]:
    return list(application.events.values_list("kind", flat=True))


# --- registration ---------------------------------------------------------------------


def test_registering_gives_a_number_the_receipt_date_and_the_clock_due_date(register):
    app = register()
    assert app.number == "jyj-2025-0001"
    assert app.status == Status.REGISTERED
    assert app.received_on == D(2025, 3, 3)
    assert app.due_on == D(2025, 3, 31)  # 20 working days after 3 March 2025
    assert events(app) == [EventKind.RECEIVED]
    assert actions(app) == [AuditAction.APPLICATION_REGISTER]


def test_numbers_count_up_per_agency_and_restart_each_year(register, district):
    first = register()
    second = register()
    other_agency = register(acting_user=district.officer_b, agency=district.dept_b)
    next_year = register(arrived_on=D(2026, 1, 5))
    assert [first.number, second.number] == ["jyj-2025-0001", "jyj-2025-0002"]
    assert other_agency.number == "wjw-2025-0001"
    assert next_year.number == "jyj-2026-0001"


def test_the_agency_number_pattern_is_used(register, district):
    district.dept_a.number_pattern = "教依申〔{year}〕{seq}号"
    district.dept_a.save()
    assert register().number == "教依申〔2025〕1号"


def test_ordinary_mail_counts_from_the_day_receipt_was_confirmed(register):
    app = register(channel="mail", arrived_on=D(2025, 3, 3), confirmed_on=D(2025, 3, 5))
    assert app.received_on == D(2025, 3, 5)


def test_a_registration_with_missing_facts_names_each_field_in_chinese(register):
    with pytest.raises(services.FormErrors) as caught:
        register(
            applicant=services.ApplicantData(kind="natural", name=" ", id_number=""),
            subject="",
        )
    errors = caught.value.errors
    assert errors["applicant_name"] == "请填写申请人姓名或名称"
    assert "身份证明" in errors["id_number"]
    assert "联系方式" in errors["phone"]
    assert "所需政府信息" in errors["subject"]
    assert Application.objects.count() == 0


def test_a_receipt_date_in_the_future_is_refused(register):
    with pytest.raises(services.FormErrors) as caught:
        register(arrived_on=D(2999, 1, 1), today=D(2025, 3, 3))
    assert "不能晚于今天" in caught.value.errors["arrived_on"]


def test_a_user_of_another_agency_cannot_register_for_it(register, district):
    with pytest.raises(PermissionDenied, match="不是示例区教育局的经办人"):
        register(acting_user=district.officer_b)


# --- the status flow -------------------------------------------------------------------


def test_start_moves_a_registered_request_into_progress(register, district):
    app = services.application_start(acting_user=district.officer_a, application=register())
    assert app.status == Status.IN_PROGRESS
    assert actions(app) == [AuditAction.APPLICATION_REGISTER, AuditAction.APPLICATION_START]
    with pytest.raises(ApplicationError, match="当前状态为“办理中”，不能开始办理"):
        services.application_start(acting_user=district.officer_a, application=app)


def test_correction_pauses_and_restarts_the_clock(register, district, steps):
    app = steps.ask_correction(register(), D(2025, 3, 5), note="请写明文件名称")
    assert app.status == Status.AWAITING_CORRECTION
    app = steps.receive_correction(app, D(2025, 3, 10))
    assert app.status == Status.IN_PROGRESS
    assert app.due_on == D(2025, 4, 8)  # 20 working days from 10 March, 清明 4 April skipped
    asked = AuditRecord.objects.get(application=app, action=AuditAction.CORRECTION_REQUEST)
    received = AuditRecord.objects.get(application=app, action=AuditAction.CORRECTION_RECEIVE)
    assert asked.changes["due_on"] == ["2025-03-31", None]  # no due date while waiting
    assert received.changes["due_on"] == [None, "2025-04-08"]
    assert received.actor == district.officer_a


def test_correction_can_be_asked_only_once_and_only_within_seven_working_days(register, steps):
    app = register()
    with pytest.raises(ApplicationError, match="7个工作日内"):
        steps.ask_correction(app, D(2025, 3, 13))
    app = steps.ask_correction(app, D(2025, 3, 4))
    app = steps.receive_correction(app, D(2025, 3, 6))
    with pytest.raises(ApplicationError, match="一次性"):
        steps.ask_correction(app, D(2025, 3, 7), note="y")


def test_receiving_a_correction_that_was_never_asked_for_is_refused(register, steps):
    with pytest.raises(ApplicationError, match="不能登记收到补正"):
        steps.receive_correction(register(), D(2025, 3, 5))


def test_consultation_time_does_not_count(register, steps):
    app = steps.consult(register(), D(2025, 3, 10), "甲公司")
    assert app.status == Status.CONSULTING
    app = steps.receive_consultation(app, D(2025, 3, 14), "甲公司")
    assert app.status == Status.IN_PROGRESS
    assert app.due_on == D(2025, 4, 8)


def test_the_request_stays_in_consultation_until_every_party_answered(register, steps):
    app = register()
    for name in ("甲公司", "乙公司"):
        app = steps.consult(app, D(2025, 3, 10), name)
    app = steps.receive_consultation(app, D(2025, 3, 12), "甲公司")
    assert app.status == Status.CONSULTING
    with pytest.raises(ApplicationError, match="尚未答复的征求意见对象：乙公司"):
        steps.receive_consultation(app, D(2025, 3, 13), "丙公司")
    app = steps.receive_consultation(app, D(2025, 3, 13), "乙公司")
    assert app.status == Status.IN_PROGRESS


def test_fee_notice_and_payment(register, steps):
    app = steps.fee_notice(register(), D(2025, 3, 10), Decimal("700"))
    assert app.status == Status.AWAITING_FEE
    with pytest.raises(ApplicationError, match=r"缴费金额应与收费通知一致（700\.00元）"):
        steps.payment(app, D(2025, 3, 12), Decimal("70"))
    app = steps.payment(app, D(2025, 3, 14), Decimal("700"))
    assert app.status == Status.IN_PROGRESS
    assert app.due_on == D(2025, 4, 8)  # 10–14 March not counted
    assert events(app)[-2:] == [EventKind.FEE_NOTICE, EventKind.FEE_PAID]


def test_a_fee_of_zero_is_refused(register, steps):
    with pytest.raises(ApplicationError, match="收费金额必须大于0元"):
        steps.fee_notice(register(), D(2025, 3, 10), Decimal("0"))


def test_an_extension_needs_a_request_and_a_reviewers_approval(register, district, steps):
    app = register()
    with pytest.raises(ApplicationError, match="没有待审批的延期申请"):
        steps.approve_extension(app, D(2025, 3, 20))
    app = steps.ask_extension(app, D(2025, 3, 20), "涉及档案调取")
    assert app.due_on == D(2025, 3, 31)  # a request alone moves nothing
    with pytest.raises(PermissionDenied, match="审核人"):
        steps.approve_extension(app, D(2025, 3, 21), user=district.officer_a)
    app = steps.approve_extension(app, D(2025, 3, 21))
    assert app.due_on == D(2025, 4, 28)  # 20 more working days; Sunday 27 April was a workday
    assert actions(app)[-2:] == [AuditAction.EXTENSION_REQUEST, AuditAction.EXTENSION_APPROVE]
    with pytest.raises(ApplicationError, match="只能延长一次"):
        steps.ask_extension(app, D(2025, 3, 24), "再延")


def test_an_extension_after_the_period_ran_out_is_refused(register, steps):
    app = steps.ask_extension(register(), D(2025, 3, 28))
    with pytest.raises(ApplicationError, match="原答复期限（2025-03-31）届满前"):
        steps.approve_extension(app, D(2025, 4, 1))


def test_answering_records_a_table_3_outcome_of_that_years_format(register, answer):
    app = answer(register(), day=D(2025, 3, 20), outcome="partial", legal_basis="条例第三十七条")
    assert app.status == Status.ANSWERED
    assert app.closed_on == D(2025, 3, 20)
    assert app.outcome == "partial"
    assert AuditAction.APPLICATION_ANSWER in actions(app)


def test_an_outcome_row_of_the_other_format_is_refused(register, answer):
    # "other.no_correction" exists only in the 2021 format; 2020 uses the 2019 format.
    app = register(arrived_on=D(2020, 6, 1))
    with pytest.raises(ApplicationError, match="2020年度年报格式表三"):
        answer(app, day=D(2020, 6, 10), outcome="other.no_correction", legal_basis="条例第三十条")
    app = answer(app, day=D(2020, 6, 10), outcome="other", legal_basis="条例第三十条")
    assert app.outcome == "other"


def test_an_answer_without_legal_basis_is_refused(register, answer):
    with pytest.raises(ApplicationError, match="法律依据"):
        answer(register(), day=D(2025, 3, 20), outcome="granted", legal_basis=" ")


def test_a_closed_request_cannot_be_handled_again(register, answer, steps):
    app = answer(register(), day=D(2025, 3, 20), legal_basis="条例第三十六条第（一）项")
    with pytest.raises(ApplicationError, match="已答复，不能再办理"):
        steps.consult(app, D(2025, 3, 21), "甲")


def test_events_must_be_recorded_in_date_order(register, steps):
    app = steps.consult(register(), D(2025, 3, 10), "区财政局", party="agency")
    with pytest.raises(ApplicationError, match="不能早于上一次办理事件的日期"):
        steps.receive_consultation(app, D(2025, 3, 7), "区财政局")


def test_termination_takes_an_other_handling_row(register, steps):
    app = steps.ask_correction(register(), D(2025, 3, 5), reply_by=D(2025, 3, 20))
    with pytest.raises(ApplicationError, match="其他处理"):
        steps.terminate(app, D(2025, 4, 1), "granted", "逾期未补正")
    app = steps.terminate(app, D(2025, 4, 1), "other.no_correction", "申请人逾期未补正")
    assert app.status == Status.TERMINATED
    assert app.outcome == "other.no_correction"


def test_changing_a_closed_outcome_needs_a_reviewer_and_a_reason(register, district, answer):
    app = answer(register(), day=D(2025, 3, 20), outcome="granted", legal_basis="条例第三十六条")
    with pytest.raises(PermissionDenied):
        services.application_change_outcome(
            acting_user=district.officer_a, application=app, outcome="partial", reason="录错"
        )
    with pytest.raises(ApplicationError, match="必须写明原因"):
        services.application_change_outcome(
            acting_user=district.reviewer_a, application=app, outcome="partial", reason=""
        )
    app = services.application_change_outcome(
        acting_user=district.reviewer_a, application=app, outcome="partial", reason="录入有误"
    )
    assert app.outcome == "partial"
    record = AuditRecord.objects.get(application=app, action=AuditAction.OUTCOME_CHANGE)
    assert record.reason == "录入有误"
    assert record.changes["outcome"] == [
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ]


def test_an_open_request_has_no_outcome_to_change(register, district):
    with pytest.raises(ApplicationError, match="只有已办结的申请"):
        services.application_change_outcome(
            acting_user=district.reviewer_a, application=register(), outcome="partial", reason="x"
        )


def test_voiding_keeps_the_record_and_its_trail(register, district):
    app = register()
    with pytest.raises(ApplicationError, match="必须写明原因"):
        services.application_void(acting_user=district.officer_a, application=app, reason="")
    app = services.application_void(
        acting_user=district.officer_a, application=app, reason="重复登记"
    )
    assert Application.objects.filter(pk=app.pk, voided=True, void_reason="重复登记").exists()
    assert actions(app) == [AuditAction.APPLICATION_REGISTER, AuditAction.VOID]
    with pytest.raises(ApplicationError, match="已作废，不能再办理"):
        services.application_start(acting_user=district.officer_a, application=app)


def test_an_application_cannot_be_deleted(register):
    app = register()
    with pytest.raises(ApplicationError, match="不能删除"):
        app.delete()
    assert Application.objects.filter(pk=app.pk).exists()


def test_art_35_due_date_replaces_the_statutory_one(register, district):
    app = services.application_set_due_date(
        acting_user=district.reviewer_a,
        application=register(),
        day=D(2025, 3, 6),
        due=D(2025, 5, 30),
        reason="申请数量明显超过合理范围",
    )
    assert app.due_on == D(2025, 5, 30)


def test_officers_of_other_agencies_cannot_act(register, district):
    app = register()
    for user in (district.officer_b, district.outsider, district.office):
        with pytest.raises(PermissionDenied):
            services.application_start(acting_user=user, application=app)


def test_a_request_is_assigned_only_to_staff_of_its_agency(register, district):
    app = register()
    with pytest.raises(ApplicationError, match="只能分配给本机关"):
        services.application_assign(
            acting_user=district.officer_a, application=app, assignee=district.officer_b
        )
    app = services.application_assign(
        acting_user=district.officer_a, application=app, assignee=district.reviewer_a
    )
    assert app.assigned_to == district.reviewer_a
    assert AuditRecord.objects.get(
        application=app, action=AuditAction.APPLICATION_ASSIGN
    ).changes == {"assigned_to": ["教育经办", "教育审核"]}
