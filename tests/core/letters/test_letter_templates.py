"""The default templates, and the checks an agency's edited copy must pass."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gongkai.core.formats import FORMATS
from gongkai.core.letters import (
    DEFAULT_TEMPLATES,
    OUTCOMES,
    LetterKind,
    TemplateError,
    default_template,
    template_key,
    template_keys,
    template_label,
    template_problems,
    validate_template,
)


def test_there_is_an_answer_template_for_every_outcome_row_of_both_formats() -> None:
    for fmt in FORMATS.values():
        for outcome in fmt.outcome_rows:
            assert template_key(LetterKind.ANSWER, outcome) in DEFAULT_TEMPLATES


def test_the_editable_templates_are_the_answers_then_the_four_notices() -> None:
    keys = template_keys()
    assert len(keys) == len(OUTCOMES) + 4
    assert keys[-4:] == ("correction", "extension", "consultation", "fee")
    assert set(keys) == set(DEFAULT_TEMPLATES)


def test_answer_labels_come_from_the_format_declarations() -> None:
    label = template_label("answer:withheld.state_secret")
    assert label == "答复书：（三）不予公开 1.属于国家秘密"
    assert template_label("answer:other.no_fee_paid").startswith("答复书：（六）其他处理 2.")
    assert template_label("answer:granted") == "答复书：（一）予以公开"
    assert template_label("answer:other") == "答复书：（六）其他处理"
    assert template_label("fee") == "收费通知书"


@pytest.mark.parametrize("key", sorted(DEFAULT_TEMPLATES))
def test_every_default_template_passes_validation(key: str) -> None:
    assert template_problems(DEFAULT_TEMPLATES[key]) == ()


@pytest.mark.parametrize(
    ("outcome", "articles"),
    [
        ("granted", "第三十六条第二项"),
        ("partial", "第三十七条"),
        ("withheld.state_secret", "第十四条"),
        ("withheld.third_party", "第十五条"),
        ("withheld.internal_affairs", "第十六条第一款"),
        ("withheld.process_info", "第十六条第二款"),
        ("withheld.query_matter", "第三十六条第七项"),
        ("unable.not_held", "第三十六条第四项"),
        ("unable.needs_creation", "第三十八条"),
        ("unable.still_unclear", "第三十条"),
        ("not_handled.petition", "第三十九条第一款"),
        ("not_handled.repeat", "第三十六条第六项"),
        ("not_handled.publication", "第三十九条第二款"),
        ("not_handled.excessive", "第三十五条"),
        ("other.no_correction", "第三十条"),
        ("other.no_fee_paid", "国办函〔2020〕109号"),
    ],
)
def test_each_answer_cites_the_article_of_its_outcome(outcome: str, articles: str) -> None:
    assert articles in default_template(f"answer:{outcome}").basis


@pytest.mark.parametrize("key", [k for k in DEFAULT_TEMPLATES if k.startswith("answer:")])
def test_every_answer_carries_the_remedy_clause(key: str) -> None:
    remedy = DEFAULT_TEMPLATES[key].remedy
    assert "60日内" in remedy and "行政复议" in remedy and "行政诉讼" in remedy
    if key.startswith("answer:withheld"):  # 行政复议法 (2023) 第二十三条第一款第四项: review first
        assert "6个月内" not in remedy and "行政复议决定书之日起15日内" in remedy
    else:
        assert "6个月内" in remedy


def test_an_unknown_placeholder_is_named_in_the_error() -> None:
    edited = replace(
        default_template("answer:granted"), body="{applicant_nam}您好，{legal_basis}{foo}"
    )
    with pytest.raises(TemplateError) as caught:
        validate_template(edited)
    assert "正文中有未知的占位符：{applicant_nam}、{foo}" in str(caught.value)


def test_a_placeholder_of_another_kind_is_unknown_here() -> None:
    edited = replace(default_template("correction"), title="{fee_total}")
    assert any("标题中有未知的占位符：{fee_total}" in p for p in template_problems(edited))


def test_a_template_that_drops_a_required_placeholder_is_refused() -> None:
    edited = replace(default_template("extension"), body="答复期限延长。{legal_basis}")
    problems = "；".join(template_problems(edited))
    assert "正文缺少必需的占位符" in problems
    assert "{extension_days}（延长的工作日数）" in problems
    assert "{new_due_date}（延长后的答复期限）" in problems


def test_an_answer_without_a_remedy_clause_is_refused() -> None:
    edited = replace(default_template("answer:granted"), remedy="如有疑问请来电。")
    problems = template_problems(edited)
    assert any("答复书必须告知救济途径" in p and "行政复议和行政诉讼" in p for p in problems)


def test_a_notice_needs_no_remedy_clause() -> None:
    assert default_template("correction").remedy == ""
    assert template_problems(default_template("correction")) == ()


def test_a_syntax_error_names_the_part_and_the_line() -> None:
    edited = replace(default_template("fee"), body="第一行{legal_basis}\n{fee_items")
    problems = template_problems(edited)
    assert problems[0].startswith("正文：第2行")


def test_empty_title_body_and_basis_are_refused() -> None:
    edited = replace(default_template("answer:granted"), title=" ", body="", basis="")
    problems = template_problems(edited)
    assert "标题不能为空" in problems
    assert "正文不能为空" in problems
    assert any(p.startswith("法律依据不能为空") for p in problems)
