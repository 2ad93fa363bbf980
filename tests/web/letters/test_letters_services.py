"""Generating, numbering and voiding letters; agency templates and their versions."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import docx
import pytest

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.enums import EventKind
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.letters import services
from gongkai.web.letters.models import LetterCounter
from gongkai.web.letters.snapshots import LetterInput

D = dt.date
ANSWER = LetterInput(issued_on=D(2025, 3, 20), decision="现将该信息随本答复书一并提供给您（共3页）")
# the 补正通知书 of a notice sent on 5 March 2025 giving until 20 March
CORRECTION = LetterInput(
    issued_on=D(2025, 3, 5), correction_items="请写明文件名称", correction_deadline=D(2025, 3, 20)
)


def generate(district, application, key="answer:granted", data=ANSWER, user=None):
    return services.letter_generate(
        acting_user=user or district.officer_a, application=application, key=key, data=data
    )


def test_an_answer_letter_is_numbered_rendered_stored_and_linked_to_the_answer(district, answered):
    app = answered()
    letter = generate(district, app)
    assert letter.number == "示例区教育局公开〔2025〕第1号"
    assert letter.event.kind == EventKind.ANSWERED
    assert "第三十六条第二项" in letter.text
    assert "60日内" in letter.text and "6个月内" in letter.text
    with letter.docx_file.open("rb") as handle:
        document = docx.Document(BytesIO(handle.read()))
    assert any(p.text == letter.number for p in document.paragraphs)
    with letter.pdf_file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    record = AuditRecord.objects.get(application=app, action=AuditAction.LETTER_GENERATE)
    assert record.changes["number"] == letter.number
    assert record.actor == district.officer_a


def test_numbers_use_the_agency_short_name_and_count_per_series_and_year(
    district, answered, register, steps
):
    services.letter_settings_save(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        short_name="区教",
        number_pattern="",
    )
    first = generate(district, answered())
    second = generate(district, answered())
    asked = steps.ask_correction(
        register(), D(2025, 3, 5), note="请写明文件名称", reply_by=D(2025, 3, 20)
    )
    correction = generate(
        district,
        asked,
        key="correction",
        data=CORRECTION,
    )
    next_year = generate(
        district, answered(), data=LetterInput(issued_on=D(2026, 1, 5), decision="现予公开")
    )
    assert [first.number, second.number] == ["区教公开〔2025〕第1号", "区教公开〔2025〕第2号"]
    assert correction.number == "区教补正〔2025〕第1号"
    assert next_year.number == "区教公开〔2026〕第1号"


def test_an_agency_pattern_without_a_sequence_is_refused(district):
    with pytest.raises(ApplicationError, match="必须包含\\{seq\\}"):
        services.letter_settings_save(
            acting_user=district.reviewer_a,
            agency=district.dept_a,
            short_name="区教",
            number_pattern="{agency_short}〔{year}〕号",
        )


def test_a_letter_missing_facts_is_refused_in_chinese_and_takes_no_number(district, answered):
    app = answered(outcome="withheld.state_secret")
    with pytest.raises(ApplicationError, match="生成文书前请填写：理由说明"):
        generate(
            district,
            app,
            key="answer:withheld.state_secret",
            data=LetterInput(issued_on=D(2025, 3, 20)),
        )
    assert not LetterCounter.objects.exists()
    letter = generate(
        district,
        app,
        key="answer:withheld.state_secret",
        data=LetterInput(issued_on=D(2025, 3, 20), reasons="该信息已依法确定为秘密级国家秘密"),
    )
    assert letter.seq == 1


def test_an_answer_must_match_the_recorded_outcome(district, answered):
    with pytest.raises(ApplicationError, match="与登记的办理结果不一致"):
        generate(district, answered(outcome="granted"), key="answer:unable.not_held")


def test_an_officer_of_another_agency_cannot_generate_letters(district, answered):
    with pytest.raises(PermissionDenied):
        generate(district, answered(), user=district.officer_b)


def test_an_extension_notice_states_the_clocks_dates_never_the_typed_ones(
    district, register, steps
):
    """条例 第三十三条第二款: the 延长后的答复期限 comes from the clock, after the approval."""
    typed = LetterInput(
        issued_on=D(2025, 3, 20),
        extension_reason="需调取档案",
        extension_days=25,
        original_due_on=D(2025, 3, 1),
        new_due_on=D(2025, 5, 30),
    )
    app = register()
    with pytest.raises(ApplicationError, match="延期须先经审核人批准"):
        generate(district, app, key="extension", data=typed)
    app = steps.approve_extension(
        steps.ask_extension(app, D(2025, 3, 20), "需调档"), D(2025, 3, 20)
    )
    letter = generate(district, app, key="extension", data=typed)
    assert "2025年3月31日" in letter.text and "2025年4月28日" in letter.text
    assert "5月30日" not in letter.text and "25个工作日" not in letter.text


def test_a_correction_notice_states_the_recorded_period(district, register, steps):
    typed = LetterInput(
        issued_on=D(2025, 3, 5), correction_items="请写明年份", correction_deadline=D(2025, 12, 31)
    )
    with pytest.raises(ApplicationError, match="请先在申请中登记补正通知"):
        generate(district, register(), key="correction", data=typed)
    asked = steps.ask_correction(
        register(), D(2025, 3, 5), note="请写明年份", reply_by=D(2025, 3, 20)
    )
    letter = generate(district, asked, key="correction", data=typed)
    assert "2025年3月20日" in letter.text and "2025年12月31日" not in letter.text


def test_a_consultation_letter_dates_the_reply_from_receipt_only(district, register, steps):
    data = LetterInput(
        issued_on=D(2025, 3, 10),
        third_party_name="甲公司",
        consulted_information="甲公司的中标价格",
        consultation_matter="贵方的商业秘密",
        reply_by=D(2025, 3, 12),
    )
    unknown = steps.consult(register(), D(2025, 3, 10), "甲公司")
    letter = generate(district, unknown, key="consultation", data=data)
    assert "15个工作日内" in letter.text and "2025年3月12日" not in letter.text
    known = steps.consult(register(), D(2025, 3, 10), "甲公司", delivered_on=D(2025, 3, 12))
    letter = generate(district, known, key="consultation", data=data)
    assert "即2025年4月2日前" in letter.text  # 15 working days from receipt on 12 March


def test_a_fee_notice_itemises_the_fee_from_the_register(district, register):
    from gongkai.web.letters.snapshots import fee_items

    apps = [register() for _ in range(12)]
    items = fee_items(apps[-1], "按件")
    data = LetterInput(
        issued_on=D(2025, 3, 10),
        fee_method="按件",
        payment_method="通过非税收入缴款码缴纳",
        fee_items=items,
    )
    letter = generate(district, apps[-1], key="fee", data=data)
    # 109号 Art. 4: the month's fee (200元 for 12) is charged once — the 12th notice carries
    # the 12th application's 100元, not the month's whole 200元.
    assert "第12件：1件×100元/件＝100元" in letter.text
    assert "免费" not in letter.text
    assert "合计：人民币100元（大写：壹佰元整）" in letter.text


def test_an_edited_template_is_versioned_and_used_by_the_next_letter(
    district, answered, save_template
):
    def edited(new: str):
        return save_template(
            district.reviewer_a, district.dept_a, "answer:granted", ("特此告知。", new)
        )

    row = edited("特此答复。")
    again = edited("特此函复。")
    assert (row.version, again.version) == (1, 2)
    letter = generate(district, answered())
    assert letter.template == again
    assert "特此函复。" in letter.text
    services.letter_template_reset(
        acting_user=district.reviewer_a, agency=district.dept_a, key="answer:granted"
    )
    assert generate(district, answered()).template is None


def test_an_edited_template_with_unknown_placeholders_is_refused_naming_them(
    district, save_template
):
    with pytest.raises(services.TemplateInvalid) as caught:
        save_template(
            district.reviewer_a,
            district.dept_a,
            "correction",
            title="补正通知书",
            body="{legal_basis}{correction_items}{correction_deadline}{deadline}",
            basis="条例第三十条",
            remedy="",
        )
    assert caught.value.problems == ("正文中有未知的占位符：{deadline}，请删除或改为可用的占位符",)


def test_a_case_officer_cannot_change_the_agency_templates(district, save_template):
    with pytest.raises(PermissionDenied, match="审核人或公开办"):
        save_template(district.officer_a, district.dept_a, "correction")


def test_a_letter_is_voided_with_a_reason_never_deleted(district, answered):
    letter = generate(district, answered())
    with pytest.raises(ApplicationError, match="请写明作废原因"):
        services.letter_void(acting_user=district.officer_a, letter=letter, reason=" ")
    services.letter_void(acting_user=district.officer_a, letter=letter, reason="送达地址有误")
    letter.refresh_from_db()
    assert letter.voided and letter.void_reason == "送达地址有误"
    assert generate(district, letter.application).seq == 2  # the voided number stays used


def test_delivery_is_recorded_with_date_and_method_and_audited(district, answered):
    letter = generate(district, answered())
    services.letter_record_delivery(
        acting_user=district.officer_a,
        letter=letter,
        delivered_on=D(2025, 3, 24),
        method="mail",
        note="EMS 1234567890",
        today=D(2025, 3, 25),
    )
    letter.refresh_from_db()
    assert (letter.delivered_on, letter.delivery_label) == (D(2025, 3, 24), "邮寄送达")
    record = AuditRecord.objects.get(action=AuditAction.LETTER_DELIVERY)
    assert record.changes["after"]["note"] == "EMS 1234567890"


@pytest.mark.parametrize(
    ("day", "message"),
    [(D(2025, 3, 19), "送达日期不能早于成文日期（2025-03-20）"), (D(2025, 3, 26), "不能晚于今天")],
)
def test_a_delivery_before_the_letter_or_in_the_future_is_refused(district, answered, day, message):
    letter = generate(district, answered())
    with pytest.raises(ApplicationError, match=message):
        services.letter_record_delivery(
            acting_user=district.officer_a,
            letter=letter,
            delivered_on=day,
            method="mail",
            today=D(2025, 3, 25),
        )


def save_template(user, agency, closing, key="answer:granted"):
    from gongkai.core.letters import default_template

    default = default_template(key)
    return services.letter_template_save(
        acting_user=user,
        agency=agency,
        key=key,
        title=default.title,
        body=default.body.replace("特此告知。", closing),
        basis=default.basis,
        remedy=default.remedy,
    )


def test_a_department_uses_its_governments_template_until_it_has_its_own(district, answered):
    from gongkai.web.letters.selectors import template_overview

    district_wide = save_template(district.office, district.gov, "特此函告。")
    first = generate(district, answered())
    assert first.template == district_wide and "特此函告。" in first.text
    status = next(s for s in template_overview(agency=district.dept_a) if s.key == "answer:granted")
    assert (status.own, status.inherited) == (None, district_wide)

    own = save_template(district.reviewer_a, district.dept_a, "特此答复。")
    assert "特此答复。" in generate(district, answered()).text
    assert generate(district, answered()).template == own

    services.letter_template_reset(
        acting_user=district.reviewer_a, agency=district.dept_a, key="answer:granted"
    )
    assert generate(district, answered()).template == district_wide


def test_a_department_reviewer_cannot_change_the_governments_templates(district):
    with pytest.raises(PermissionDenied):
        save_template(district.reviewer_a, district.gov, "特此函告。")


def test_the_application_page_is_offered_the_letters_its_events_call_for(district, register):
    from gongkai.web.applications import services as register_services
    from gongkai.web.letters.links import suggested_letters

    app = register_services.application_start(
        acting_user=district.officer_a, application=register()
    )
    assert suggested_letters(app, user=district.officer_a) == []
    register_services.application_request_correction(
        acting_user=district.officer_a,
        application=app,
        day=D(2025, 3, 5),
        note="请写明文件名称",
        reply_by=D(2025, 3, 20),
    )
    suggested = suggested_letters(app, user=district.officer_a)
    assert [s["label"] for s in suggested] == ["补正通知书"]
    assert suggested[0]["url"] == f"/letters/application/{app.pk}/new/correction/"
    assert suggested_letters(app, user=district.officer_b) == []
    generate(
        district,
        app,
        key="correction",
        data=CORRECTION,
    )
    assert suggested_letters(app, user=district.officer_a) == []


def test_a_fee_by_page_needs_the_page_count_of_the_register(district, register):
    data = LetterInput(issued_on=D(2025, 3, 10), fee_method="按量", payment_method="缴款码")
    with pytest.raises(ApplicationError, match="按量计收需要先在申请中登记提供信息的页数"):
        generate(district, register(), key="fee", data=data)


def test_no_answer_letter_goes_out_before_the_review_body_is_named(district, answered):
    """The remedy clause names the 复议机关 (行政复议法 第二十四条); the agency record's field is
    required before a 答复书 is generated, and no number is taken."""
    from gongkai.web.letters.models import Letter

    district.dept_a.review_body = ""
    district.dept_a.save(update_fields=["review_body"])
    with pytest.raises(ApplicationError, match="请先在机关信息中填写“行政复议机关”"):
        generate(district, answered())
    assert not Letter.objects.exists()


def test_a_refusal_letter_requires_review_first(district, answered):
    letter = generate(
        district,
        answered("withheld.state_secret"),
        key="answer:withheld.state_secret",
        data=LetterInput(issued_on=D(2025, 3, 20), reasons="该信息已依法确定为国家秘密"),
    )
    assert "应当在收到本答复书之日起60日内先向示例区人民政府申请行政复议" in letter.text
    assert "6个月" not in letter.text
