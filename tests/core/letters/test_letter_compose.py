"""Composing a letter: numbers, values, statutory limits and what must be filled in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from letter_facts import facts_for

from gongkai.core.letters import (
    DEFAULT_NUMBER_PATTERN,
    OUTCOMES,
    FeeItem,
    LetterError,
    LetterKind,
    ParagraphStyle,
    TemplateError,
    amount_in_words,
    compose_letter,
    default_template,
    format_letter_number,
    number_pattern_problems,
    template_problems,
)


def test_the_default_number_looks_like_an_official_document_number() -> None:
    number = format_letter_number(
        DEFAULT_NUMBER_PATTERN, agency_short="定审交", kind=LetterKind.ANSWER, year=2025, seq=12
    )
    assert number == "定审交公开〔2025〕第12号"


def test_each_kind_has_its_own_series_in_the_number() -> None:
    number = format_letter_number(
        DEFAULT_NUMBER_PATTERN, agency_short="定审交", kind=LetterKind.CORRECTION, year=2025, seq=3
    )
    assert number == "定审交补正〔2025〕第3号"


def test_an_agency_may_use_its_own_number_pattern() -> None:
    number = format_letter_number(
        "{agency_short}依申〔{year}〕{seq}号",
        agency_short="舟定审",
        kind=LetterKind.FEE,
        year=2026,
        seq=7,
    )
    assert number == "舟定审依申〔2026〕7号"


def test_a_number_pattern_without_year_or_sequence_is_refused() -> None:
    problems = number_pattern_problems("{agency_short}公开第{seq}号")
    assert problems == ("文书编号格式必须包含{year}（年份），否则编号会重复",)
    assert "未知的占位符：{serial}" in number_pattern_problems("{year}{seq}{serial}")[0]
    with pytest.raises(TemplateError):
        format_letter_number("{year}", agency_short="", kind=LetterKind.FEE, year=2025, seq=1)


def test_an_answer_states_the_request_the_decision_and_the_basis() -> None:
    letter = compose_letter(default_template("answer:granted"), facts_for(LetterKind.ANSWER))
    text = letter.plain_text()
    assert letter.title == "政府信息公开申请答复书"
    assert letter.number == "定审交公开〔2025〕第12号"
    assert "2025年3月5日，本机关收到您提出的政府信息公开申请（受理编号：DSJ-2025-0012）" in text
    assert "“2024年度定海区道路交通整治工作方案”" in text
    assert "《中华人民共和国政府信息公开条例》第三十六条第二项的规定" in text
    assert "现将该信息随本答复书一并提供给您（共5页）。" in text  # the closing 。 was added
    assert letter.remedy.startswith(
        "如对本答复不服，可以在收到本答复书之日起60日内向定海区人民政府"
    )
    assert letter.signature == "定海区审交办"
    assert letter.issued_text == "2025年3月20日"
    assert letter.addressee.name == "王龘"


def test_an_answer_without_a_named_review_body_is_refused() -> None:
    """The remedy clause names the 复议机关 (行政复议法 第二十四条); without it no answer goes out."""
    facts = facts_for(LetterKind.ANSWER)
    facts = replace(facts, agency=replace(facts.agency, review_body=""))
    with pytest.raises(LetterError, match="请先在机关信息中填写“行政复议机关”"):
        compose_letter(default_template("answer:granted"), facts)


@pytest.mark.parametrize("outcome", [k for k in OUTCOMES if k.startswith("withheld")])
def test_a_refusal_requires_review_first_and_offers_no_direct_lawsuit(outcome: str) -> None:
    """行政复议法 (2023) 第二十三条第一款第四项: 不予公开 → 复议前置."""
    facts = replace(facts_for(LetterKind.ANSWER), reasons="涉及国家秘密")
    letter = compose_letter(default_template(f"answer:{outcome}"), facts)
    assert "应当在收到本答复书之日起60日内先向" in letter.remedy
    assert facts.agency.review_body in letter.remedy
    assert "6个月" not in letter.remedy
    assert "收到行政复议决定书之日起15日内" in letter.remedy


def test_other_outcomes_offer_review_or_a_direct_lawsuit() -> None:
    facts = facts_for(LetterKind.ANSWER)
    letter = compose_letter(default_template("answer:granted"), facts)
    assert f"60日内向{facts.agency.review_body}申请行政复议" in letter.remedy
    assert "6个月内依法向人民法院提起行政诉讼" in letter.remedy
    partial = default_template("answer:partial").remedy
    assert "不予公开的部分不服，应当" in partial and "6个月" in partial


def test_an_edited_refusal_that_offers_a_direct_lawsuit_is_refused() -> None:
    template = default_template("answer:withheld.state_secret")
    edited = replace(template, remedy=default_template("answer:granted").remedy)
    problems = template_problems(edited)
    assert any("不得告知直接起诉" in p for p in problems)
    assert template_problems(template) == ()


def test_the_legal_basis_may_be_changed_for_one_letter() -> None:
    facts = replace(
        facts_for(LetterKind.ANSWER),
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第一项",
    )
    letter = compose_letter(default_template("answer:granted"), facts)
    assert letter.legal_basis.endswith("第三十六条第一项")
    assert "第三十六条第一项的规定" in letter.plain_text()


def test_a_missing_value_is_named_in_chinese() -> None:
    facts = replace(facts_for(LetterKind.ANSWER), reasons="", decision="")
    with pytest.raises(LetterError) as caught:
        compose_letter(default_template("answer:partial"), facts)
    assert str(caught.value) == "生成文书前请填写：答复或处理内容、理由说明"


def test_optional_passages_appear_only_when_filled_in() -> None:
    template = default_template("answer:unable.not_held")
    plain = compose_letter(template, facts_for(LetterKind.ANSWER, reasons="")).plain_text()
    assert "负责公开" not in plain
    referred = compose_letter(
        template,
        facts_for(
            LetterKind.ANSWER,
            responsible_agency="定海区自然资源局",
            responsible_agency_contact="0580-2022002",
        ),
    ).plain_text()
    assert "由定海区自然资源局负责公开（联系方式：0580-2022002）" in referred
    assert "第三十六条第五项" in referred


def test_a_correction_notice_lists_the_items_once_with_deadline_and_consequence() -> None:
    letter = compose_letter(default_template("correction"), facts_for(LetterKind.CORRECTION))
    texts = [p.text for p in letter.paragraphs]
    assert "1.请写明所需政府信息的名称、文号或者其他特征性描述；" in texts
    assert "2.请提供身份证明。" in texts
    text = letter.plain_text()
    assert "一次性告知" in text
    assert "请您于2025年3月31日前" in text
    assert "视为放弃申请" in text
    assert letter.remedy == ""
    assert letter.number == "定审交补正〔2025〕第12号"


def test_a_correction_deadline_must_lie_after_the_notice() -> None:
    facts = facts_for(LetterKind.CORRECTION, correction_deadline=date(2025, 3, 20))
    with pytest.raises(LetterError, match="补正期限必须晚于"):
        compose_letter(default_template("correction"), facts)


def test_an_extension_states_the_days_and_the_new_due_date() -> None:
    letter = compose_letter(default_template("extension"), facts_for(LetterKind.EXTENSION))
    text = letter.plain_text()
    assert "本机关不能在2025年4月2日前作出答复" in text
    assert "答复期限延长20个工作日，本机关将于2025年4月30日前作出答复" in text
    assert "第三十三条第二款" in text
    assert "工作机构负责人同意" in text


def test_an_extension_beyond_twenty_working_days_is_refused() -> None:
    with pytest.raises(LetterError, match="最长不得超过20个工作日"):
        compose_letter(
            default_template("extension"), facts_for(LetterKind.EXTENSION, extension_days=21)
        )


def test_a_consultation_is_addressed_to_the_third_party_and_gives_fifteen_working_days() -> None:
    letter = compose_letter(default_template("consultation"), facts_for(LetterKind.CONSULTATION))
    assert letter.addressee.name == "定海某某建材有限公司"
    text = letter.plain_text()
    assert "王龘" not in text  # the applicant's identity is not given away
    assert "自收到本意见书之日起15个工作日内（即2025年4月10日前）" in text
    assert "逾期未提出意见的，由本机关" in text
    assert "第三十二条" in text


def test_a_fee_notice_itemises_the_fee_and_gives_twenty_working_days() -> None:
    letter = compose_letter(default_template("fee"), facts_for(LetterKind.FEE))
    text = letter.plain_text()
    assert "本机关按件计收，明细如下：" in text
    assert "第11—30件：20件×100元/件＝2000元" in text
    assert "第31—40件：5件×200元/件＝1000元" in text
    assert "合计：人民币3000元（大写：叁仟元整）" in text
    assert "自收到本通知之次日起20个工作日内" in text
    assert "缴费方式：通过非税收入缴款码缴入国库" in text
    assert "逾期未缴纳的，视为放弃申请" in text
    assert "国办函〔2020〕109号" in text


def test_a_fee_notice_without_items_cannot_be_made() -> None:
    with pytest.raises(LetterError, match="收费明细"):
        compose_letter(default_template("fee"), facts_for(LetterKind.FEE, fee_items=()))


def test_negative_fees_are_refused() -> None:
    items = (FeeItem("第31—100页", -1, "页", Decimal(10)),)
    with pytest.raises(LetterError, match="不能为负数"):
        compose_letter(default_template("fee"), facts_for(LetterKind.FEE, fee_items=items))


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("10", "壹拾元整"),
        ("1700", "壹仟柒佰元整"),
        ("1005", "壹仟零伍元整"),
        ("10000", "壹万元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("100.50", "壹佰元伍角整"),
        ("1.05", "壹元零伍分"),
        ("0.05", "伍分"),
        ("100000001", "壹亿零壹元整"),
    ],
)
def test_amounts_are_written_in_capital_numerals(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_control_characters_typed_by_a_clerk_are_dropped() -> None:
    facts = facts_for(LetterKind.ANSWER, request_summary="道路\x0b方案\x00")
    letter = compose_letter(default_template("answer:granted"), facts)
    assert letter.request_summary == "道路方案"


def test_a_line_starting_with_a_hash_is_a_heading() -> None:
    template = replace(
        default_template("answer:granted"), body="# 一、答复意见\n{decision}{legal_basis}"
    )
    letter = compose_letter(template, facts_for(LetterKind.ANSWER))
    assert letter.paragraphs[0].style is ParagraphStyle.HEADING
    assert letter.paragraphs[0].text == "一、答复意见"


def test_enclosures_are_listed_in_the_official_way() -> None:
    facts = facts_for(LetterKind.ANSWER, enclosures=("道路交通整治工作方案", "附表"))
    text = compose_letter(default_template("answer:granted"), facts).plain_text()
    assert "附件：1.道路交通整治工作方案\n　　　2.附表" in text


def test_a_free_tier_is_listed_as_free() -> None:
    items = (
        FeeItem("第1至第30页", 30, "页", Decimal(0)),
        FeeItem("第31至第100页", 70, "页", Decimal(10)),
    )
    text = compose_letter(
        default_template("fee"), facts_for(LetterKind.FEE, fee_items=items)
    ).plain_text()
    assert "第1至第30页：30页，免费" in text
    assert "第31至第100页：70页×10元/页＝700元" in text
    assert "合计：人民币700元（大写：柒佰元整）" in text


def test_a_fee_notice_for_a_free_request_is_refused() -> None:
    items = (FeeItem("第1至第10件", 8, "件", Decimal(0)),)
    with pytest.raises(LetterError, match="应收费用为0元"):
        compose_letter(default_template("fee"), facts_for(LetterKind.FEE, fee_items=items))
