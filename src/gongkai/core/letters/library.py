"""Letter templates as an agency edits them, and the checks an edited template must pass."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.core.letters.kinds import (
    REQUIRED_PLACEHOLDERS,
    LetterKind,
    parse_template_key,
    placeholders_for,
    template_label,
)
from gongkai.core.letters.remedies import remedy_problems
from gongkai.core.letters.template import Template, TemplateError, parse

# What a remedy clause must mention (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months).
REMEDY_WORDS = ("行政复议", "行政诉讼")


@dataclass(frozen=True)
class LetterTemplate:
    """One editable letter: its title, body, legal basis and remedy clause.

    ``body`` is template text (see :mod:`gongkai.core.letters.template`); every non-empty line
    becomes a paragraph, and a line starting with ``# `` becomes a heading in 黑体.
    ``basis`` is the legal basis the body cites through ``{legal_basis}``.
    ``remedy`` is the remedy clause; a decision (答复书) must have one.
    """

    key: str  # "answer:granted", "correction", …
    title: str
    body: str
    basis: str
    remedy: str = ""

    @property
    def kind(self) -> LetterKind:
        return parse_template_key(self.key)[0]

    @property
    def outcome(self) -> str | None:
        return parse_template_key(self.key)[1]

    @property
    def label(self) -> str:
        return template_label(self.key)


@dataclass(frozen=True)
class ParsedTemplate:
    template: LetterTemplate
    title: Template
    body: Template
    remedy: Template


def template_problems(template: LetterTemplate) -> tuple[str, ...]:
    """Every reason the template cannot be used, each one Chinese line saying what to fix."""
    try:
        kind = template.kind
    except (KeyError, ValueError):
        return (f"未知的文书类型“{template.key}”",)
    problems: list[str] = []
    allowed = placeholders_for(kind)
    parsed: dict[str, Template] = {}
    for part, label, source in (
        ("title", "标题", template.title),
        ("body", "正文", template.body),
        ("remedy", "救济条款", template.remedy),
    ):
        try:
            parsed[part] = parse(source)
        except TemplateError as error:
            problems.append(f"{label}：{error}")
    if not template.title.strip():
        problems.append("标题不能为空")
    if not template.body.strip():
        problems.append("正文不能为空")
    if not template.basis.strip():
        problems.append("法律依据不能为空，请写明所依据的法律条款")
    for part, label in (("title", "标题"), ("body", "正文"), ("remedy", "救济条款")):
        if part not in parsed:
            continue
        unknown = sorted(parsed[part].placeholders() - allowed.keys())
        if unknown:
            names = "、".join(f"{{{name}}}" for name in unknown)
            problems.append(f"{label}中有未知的占位符：{names}，请删除或改为可用的占位符")
    if "body" in parsed:
        missing = [n for n in REQUIRED_PLACEHOLDERS[kind] if n not in parsed["body"].placeholders()]
        if missing:
            names = "、".join(f"{{{n}}}（{allowed[n]}）" for n in missing)
            problems.append(f"正文缺少必需的占位符：{names}")
    if kind.is_decision:
        absent = [word for word in REMEDY_WORDS if word not in template.remedy]
        if absent:
            problems.append(
                "答复书必须告知救济途径：救济条款应写明"
                + "和".join(absent)
                + "（收到答复之日起60日内申请行政复议，或6个月内提起行政诉讼）"
            )
        else:
            _kind, outcome = parse_template_key(template.key)
            problems.extend(remedy_problems(outcome, template.remedy))
    return tuple(problems)


def validate_template(template: LetterTemplate) -> ParsedTemplate:
    """Parse and check ``template``; raise :class:`TemplateError` listing every problem."""
    problems = template_problems(template)
    if problems:
        raise TemplateError("；".join(problems))
    return ParsedTemplate(
        template, parse(template.title), parse(template.body), parse(template.remedy)
    )
