"""The template language: placeholders, conditional blocks, escapes, and its Chinese errors."""

from __future__ import annotations

import pytest

from gongkai.core.letters.template import TemplateError, parse


def test_placeholders_are_replaced_by_their_values() -> None:
    assert parse("{name}：您好").render({"name": "张三"}) == "张三：您好"


def test_a_present_block_shows_only_when_the_value_is_not_empty() -> None:
    template = parse("复议{?body}向{body}{/body}申请")
    assert template.render({"body": "区政府"}) == "复议向区政府申请"
    assert template.render({"body": ""}) == "复议申请"
    assert template.render({"body": "   "}) == "复议申请"


def test_an_absent_block_shows_only_when_the_value_is_empty() -> None:
    template = parse("{!body}依法{/body}申请")
    assert template.render({}) == "依法申请"
    assert template.render({"body": "区政府"}) == "申请"


def test_blocks_nest() -> None:
    template = parse("{?a}甲{?b}乙{b}{/b}{/a}")
    assert template.render({"a": "1", "b": "2"}) == "甲乙2"
    assert template.render({"a": "1"}) == "甲"
    assert template.render({"b": "2"}) == ""


def test_doubled_braces_print_braces() -> None:
    assert parse("{{name}}").render({"name": "x"}) == "{name}"


def test_values_are_never_interpreted_as_template_text() -> None:
    assert parse("{a}").render({"a": "{b}{?c}"}) == "{b}{?c}"


def test_attribute_and_index_syntax_is_not_part_of_the_language() -> None:
    with pytest.raises(TemplateError, match="名称无效"):
        parse("{number.__class__}")
    with pytest.raises(TemplateError, match="名称无效"):
        parse("{seq:04d}")


def test_unconditional_placeholders_exclude_those_inside_blocks() -> None:
    template = parse("{a}{?b}{c}{/b}{!d}{e}{/d}")
    assert template.placeholders() == {"a", "b", "c", "d", "e"}
    assert template.unconditional_placeholders() == {"a"}


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("第一行\n{name", "第2行的“{”没有配对的“}”"),
        ("多余}", "第1行有多余的“}”"),
        ("{}", "第1行有空的占位符"),
        ("{?a}文字", "第1行的“{?a}”没有结束标记"),
        ("{/a}", "前面没有对应的“{?a}”"),
        ("{?a}\n{/b}", "第2行的“{/b}”与第1行的“{?a}”不配对"),
        ("{姓名}", "名称无效"),
    ],
)
def test_mistakes_are_reported_in_chinese_with_the_line(source: str, message: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse(source)
    assert message in str(caught.value)
