"""The review and litigation register: cases linked to requests, result dates after filing,
the co-defendant rule (国办公开办函〔2016〕201号), permissions and pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.litigation import services
from gongkai.web.litigation.models import Case

D = dt.date
TODAY = D(2025, 12, 31)


@pytest.fixture
def application(register):
    return register()  # department A, received 2025-03-03


def review(district, application, **overrides):
    args = {
        "acting_user": district.officer_a,
        "agency": district.dept_a,
        "application": application,
        "kind": "review",
        "filed_on": D(2025, 5, 6),
        "body": "示例区人民政府",
        "today": TODAY,
    }
    args.update(overrides)
    return services.case_register(**args)


def record_result(district, case, result, decided_on, *, user=None, **more):
    """Record the case's 审结结果, as department A's case officer unless ``user`` says."""
    return services.case_record_result(
        acting_user=user or district.officer_a,
        case=case,
        result=result,
        decided_on=decided_on,
        today=TODAY,
        **more,
    )


def test_a_review_is_registered_pending_and_linked_to_its_request(district, application):
    case = review(district, application)
    assert case.result_label == "尚未审结"
    assert case.counted
    assert list(application.cases.all()) == [case]
    audit = AuditRecord.objects.get(entity="litigation.case", entity_id=str(case.pk))
    assert audit.application == application and audit.action == AuditAction.CASE_REGISTER_REVIEW


def test_a_result_dated_before_the_filing_is_refused(district, application):
    case = review(district, application)
    with pytest.raises(
        ApplicationError, match="审结日期（2025-05-01）不能早于申请复议或起诉的日期（2025-05-06）"
    ):
        record_result(district, case, "upheld", D(2025, 5, 1))
    with pytest.raises(ApplicationError, match="不能早于申请复议或起诉的日期"):
        review(
            district,
            application,
            kind="suit_direct",
            body="示例区人民法院",
            result="corrected",
            decided_on=D(2025, 4, 1),
        )
    record_result(district, case, "corrected", D(2025, 7, 1))
    case.refresh_from_db()
    assert case.result_label == "结果纠正"


def test_a_recorded_result_changes_only_with_a_reason(district, application):
    case = review(district, application, result="upheld", decided_on=D(2025, 7, 1))
    with pytest.raises(ApplicationError, match="须说明原因"):
        record_result(district, case, "other", D(2025, 7, 2))
    record_result(
        district,
        case,
        "other",
        D(2025, 7, 2),
        user=district.reviewer_a,
        reason="复议决定书载明申请人撤回申请",
    )
    assert AuditRecord.objects.filter(
        entity="litigation.case", action=AuditAction.CASE_RESULT_CHANGE
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"filed_on": D(2025, 3, 1)}, "不能早于收到申请之日"),
        ({"filed_on": D(2026, 1, 5)}, "不能晚于今天"),
        ({"kind": "appeal"}, "请选择案件类型"),
        ({"body": " "}, "请填写复议机关或审理法院"),
        ({"result": "upheld"}, "请填写审结日期"),
        ({"decided_on": D(2025, 6, 1)}, "请同时选择审结结果"),
    ],
)
def test_bad_cases_are_refused_with_a_message(district, application, overrides, message):
    with pytest.raises(ApplicationError, match=message):
        review(district, application, **overrides)
    assert not Case.objects.exists()


def test_a_case_belongs_to_the_agency_that_handled_the_request(district, application):
    with pytest.raises(PermissionDenied):
        review(district, application, acting_user=district.officer_b, agency=district.dept_b)
    with pytest.raises(ApplicationError, match="案件应登记在该机关名下"):
        review(district, application, acting_user=district.office, agency=district.gov)


def test_the_review_body_may_keep_an_uncounted_codefendant_entry(district, application):
    with pytest.raises(ApplicationError, match="只有复议后起诉"):
        review(
            district,
            application,
            acting_user=district.officer_gov,
            agency=district.gov,
            review_body_codefendant=True,
        )
    copy = review(
        district,
        application,
        acting_user=district.officer_gov,
        agency=district.gov,
        kind="suit_after_review",
        body="示例区人民法院",
        review_body_codefendant=True,
    )
    assert not copy.counted
    with pytest.raises(ApplicationError, match="原行政行为机关请直接登记"):
        review(district, application, kind="suit_after_review", review_body_codefendant=True)


def test_a_voided_case_is_kept_and_not_counted(district, application):
    case = review(district, application)
    services.case_void(acting_user=district.officer_a, case=case, reason="误登记")
    case.refresh_from_db()
    assert case.voided and not case.counted


# ------------------------------------------------------------------------------ pages


def test_registering_a_case_through_the_form(client, district, application):
    client.force_login(district.officer_a)
    form = client.get(reverse("litigation:new"), {"application": application.pk})
    assert application.number in form.content.decode()
    response = client.post(
        reverse("litigation:new"),
        {
            "agency": district.dept_a.pk,
            "application_number": application.number,
            "kind": "suit_direct",
            "filed_on": "2025-06-10",
            "body": "示例区人民法院",
            "result": "",
            "decided_on": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    case = Case.objects.get()
    assert case.kind == "suit_direct" and case.application == application
    assert "计入2025年度报告表四" in response.content.decode()


def test_a_result_before_filing_is_refused_on_the_page_and_nothing_changes(
    client, district, application
):
    case = review(district, application)
    client.force_login(district.officer_a)
    response = client.post(
        reverse("litigation:result", args=[case.pk]),
        {"result": "upheld", "decided_on": "2025-05-01"},
    )
    assert response.status_code == 400
    assert "不能早于申请复议或起诉的日期" in response.content.decode()
    case.refresh_from_db()
    assert case.result == ""


def test_an_unknown_request_number_is_reported(client, district, application):
    client.force_login(district.officer_a)
    response = client.post(
        reverse("litigation:new"),
        {
            "agency": district.dept_a.pk,
            "application_number": "不存在-0001",
            "kind": "review",
            "filed_on": "2025-06-10",
            "body": "示例区人民政府",
        },
    )
    assert response.status_code == 400
    assert "没有找到受理编号为“不存在-0001”的申请" in response.content.decode()


@pytest.mark.parametrize("who", ["officer_b", "outsider"])
def test_another_agency_can_neither_see_nor_change_a_case(client, district, application, who):
    case = review(district, application)
    client.force_login(getattr(district, who))
    assert client.get(reverse("litigation:case", args=[case.pk])).status_code == 404
    assert "示例区人民政府" not in client.get(reverse("litigation:index")).content.decode()
    response = client.post(
        reverse("litigation:result", args=[case.pk]),
        {"result": "upheld", "decided_on": "2025-07-01"},
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.result == ""


def test_a_case_filed_before_the_answer_is_refused_unless_the_answer_was_late(
    district, register, answer
):
    answered = answer(register())
    with pytest.raises(ApplicationError, match="早于答复日期（2025-03-20）"):
        review(district, answered, filed_on=D(2025, 3, 10))
    pending = register()  # due 2025-03-31, not answered
    with pytest.raises(ApplicationError, match="应在答复期限（2025-03-31）届满之后"):
        review(district, pending, filed_on=D(2025, 3, 25))
    late = review(district, pending, filed_on=D(2025, 4, 8))
    assert "针对逾期未答复提出" in late.note


def test_the_same_answer_is_not_brought_to_review_twice(district, application):
    first = review(district, application)
    with pytest.raises(ApplicationError, match="同一答复不能重复登记行政复议"):
        review(district, application, filed_on=D(2025, 5, 20))
    services.case_void(acting_user=district.officer_a, case=first, reason="误登记")
    assert review(district, application, filed_on=D(2025, 5, 20)).kind == "review"
