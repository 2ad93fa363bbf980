"""Compose a letter from a template and the facts of one application; number letters."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from gongkai.core.errors import GongkaiError
from gongkai.core.letters.kinds import LetterKind, placeholders_for
from gongkai.core.letters.library import LetterTemplate, validate_template
from gongkai.core.letters.model import (
    Letter,
    LetterFacts,
    Paragraph,
    ParagraphStyle,
    _money,
    date_text,
)
from gongkai.core.letters.template import TemplateError, parse

# Characters XML 1.0 cannot hold (a DOCX would be corrupt); tabs and newlines are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Values that are whole sentences: they get a closing 。 when the clerk left it out.
_SENTENCES = ("decision", "reasons", "consultation")
_SENTENCE_END = ("。", "！", "？", "；", "…", ".")

DEFAULT_NUMBER_PATTERN = "{agency_short}{series}〔{year}〕第{seq}号"
NUMBER_PLACEHOLDERS = {
    "agency_short": "机关代字",
    "series": "文书代字（公开、补正、延期、征求、收费）",
    "year": "年份",
    "seq": "顺序号",
}


class LetterError(GongkaiError):
    """A letter that cannot be made from the facts given; the message names what is missing."""


def clean(value: str) -> str:
    """Normalise line ends and drop characters a DOCX cannot store."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def amount_in_words(amount: Decimal) -> str:
    """人民币大写金额 as written on receipts: ``Decimal("2150.50")`` -> ``贰仟壹佰伍拾元伍角整``;
    a zero between digits is written once (``1005`` -> ``壹仟零伍元整``)."""
    if amount < 0:
        raise ValueError("金额不能为负数")
    digits = "零壹贰叁肆伍陆柒捌玖"
    units = ["", "拾", "佰", "仟"]
    big = ["", "万", "亿", "万亿"]
    cents = int((amount * 100).quantize(Decimal(1)))
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    parts: list[str] = []
    if yuan:
        groups: list[int] = []
        while yuan:
            yuan, group = divmod(yuan, 10000)
            groups.append(group)
        text = ""
        zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                zero = bool(text)
                continue
            if text and (zero or group < 1000):
                text += "零"
            zero = False
            chunk = ""
            pending_zero = False
            for pos in range(3, -1, -1):
                digit = group // 10**pos % 10
                if digit == 0:
                    pending_zero = bool(chunk)
                    continue
                if pending_zero:
                    chunk += "零"
                    pending_zero = False
                chunk += digits[digit] + units[pos]
            text += chunk + big[index]
        parts.append(text + "元")
    if jiao:
        parts.append(digits[jiao] + "角")
    elif fen and parts:
        parts.append("零")
    if fen:
        parts.append(digits[fen] + "分")
    if not parts:
        return "零元整"
    if not fen:
        parts.append("整")
    return "".join(parts)


def number_pattern_problems(pattern: str) -> tuple[str, ...]:
    """Why a letter-number pattern cannot be used (Chinese), or ``()``."""
    try:
        parsed = parse(pattern)
    except TemplateError as error:
        return (f"文书编号格式：{error}",)
    problems: list[str] = []
    unknown = sorted(parsed.placeholders() - NUMBER_PLACEHOLDERS.keys())
    if unknown:
        problems.append(
            "文书编号格式中有未知的占位符："
            + "、".join(f"{{{n}}}" for n in unknown)
            + "；可用："
            + "、".join(f"{{{n}}}（{d}）" for n, d in NUMBER_PLACEHOLDERS.items())
        )
    for needed in ("year", "seq"):
        if needed not in parsed.unconditional_placeholders():
            problems.append(
                f"文书编号格式必须包含{{{needed}}}（{NUMBER_PLACEHOLDERS[needed]}），否则编号会重复"
            )
    return tuple(problems)


def format_letter_number(
    pattern: str, *, agency_short: str, kind: LetterKind, year: int, seq: int, series: str = ""
) -> str:
    """``定审交公开〔2025〕第12号`` from ``{agency_short}{series}〔{year}〕第{seq}号``."""
    problems = number_pattern_problems(pattern)
    if problems:
        raise TemplateError("；".join(problems))
    values = {
        "agency_short": agency_short,
        "series": series or kind.series,
        "year": str(year),
        "seq": str(seq),
    }
    return parse(pattern).render(values)


def letter_values(facts: LetterFacts, basis: str) -> dict[str, str]:
    """Every placeholder's value, as text."""
    agency = facts.agency

    def day(value: date | None) -> str:
        return date_text(value) if value is not None else ""

    fee_total = sum((item.amount for item in facts.fee_items), Decimal(0))
    values = {
        "number": facts.number,
        "agency_name": agency.name,
        "office_name": agency.office_name,
        "office_address": agency.address,
        "office_phone": agency.phone,
        "office_fax": agency.fax,
        "office_email": agency.email,
        "office_hours": agency.hours,
        "office_postcode": agency.postcode,
        "review_body": agency.review_body,
        "applicant_name": facts.applicant.name,
        "applicant_address": facts.applicant.address,
        "application_number": facts.application_number,
        "received_date": day(facts.received_on),
        "request_summary": facts.request_summary,
        "issued_date": day(facts.issued_on),
        "legal_basis": facts.legal_basis or basis,
        "decision": facts.decision,
        "reasons": facts.reasons,
        "responsible_agency": facts.responsible_agency,
        "responsible_agency_contact": facts.responsible_agency_contact,
        "previous_reply": facts.previous_reply,
        "consultation": facts.consultation,
        "correction_items": facts.correction_items,
        "correction_deadline": day(facts.correction_deadline),
        "extension_days": "" if facts.extension_days is None else str(facts.extension_days),
        "original_due_date": day(facts.original_due_on),
        "new_due_date": day(facts.new_due_on),
        "extension_reason": facts.extension_reason,
        "third_party_name": facts.third_party.name if facts.third_party else "",
        "consulted_information": facts.consulted_information,
        "consultation_matter": facts.consultation_matter,
        "reply_deadline": day(facts.reply_by),
        "fee_method": facts.fee_method,
        "fee_items": "\n".join(item.text() for item in facts.fee_items),
        "fee_total": _money(fee_total) if facts.fee_items else "",
        "fee_total_upper": amount_in_words(fee_total) if facts.fee_items else "",
        "payment_method": facts.payment_method,
    }
    values = {name: clean(value) for name, value in values.items()}
    for name in _SENTENCES:
        if values[name] and not values[name].endswith(_SENTENCE_END):
            values[name] += "。"
    return values


def _check_facts(kind: LetterKind, facts: LetterFacts) -> None:
    """Statutory limits the facts must respect before a letter states them."""
    if kind.is_decision and not facts.agency.review_body.strip():
        raise LetterError(
            "答复书的救济条款须写明行政复议机关：请先在机关信息中填写“行政复议机关”"
            "（《中华人民共和国行政复议法》第二十四条：部门为本级人民政府，"
            "人民政府为上一级人民政府）"
        )
    if kind is LetterKind.EXTENSION and facts.extension_days is not None:
        if not 1 <= facts.extension_days <= 20:
            raise LetterError(
                f"延长期限为{facts.extension_days}个工作日：条例第三十三条第二款规定延长的期限"
                "最长不得超过20个工作日"
            )
        if facts.new_due_on and facts.original_due_on and facts.new_due_on <= facts.original_due_on:
            raise LetterError("延长后的答复期限必须晚于原答复期限")
    deadline = facts.correction_deadline
    if kind is LetterKind.CORRECTION and deadline is not None and deadline <= facts.issued_on:
        raise LetterError("补正期限必须晚于通知书的成文日期（条例第三十条：合理的补正期限）")
    if kind is LetterKind.CONSULTATION and facts.third_party is None:
        raise LetterError("征求第三方意见书需要填写第三方名称")
    for item in facts.fee_items:
        if item.quantity < 0 or item.unit_price < 0:
            raise LetterError(f"收费明细“{item.description}”的数量和单价不能为负数")
    if kind is LetterKind.FEE and facts.fee_items and not any(i.amount for i in facts.fee_items):
        raise LetterError(
            "按所选计收方式应收费用为0元（未超过免费范围），无需发出收费通知（国办函〔2020〕109号）"
        )


def compose_letter(template: LetterTemplate, facts: LetterFacts) -> Letter:
    """Fill ``template`` with ``facts``.

    Raises :class:`TemplateError` for a template that fails validation and
    :class:`LetterError` when a placeholder the template prints unconditionally has no value
    (the message lists them by their Chinese names) or a statutory limit is broken.
    """
    parsed = validate_template(template)
    kind = template.kind
    _check_facts(kind, facts)
    values = letter_values(facts, clean(template.basis))
    described = placeholders_for(kind)
    needed = (
        parsed.title.unconditional_placeholders()
        | parsed.body.unconditional_placeholders()
        | parsed.remedy.unconditional_placeholders()
    )
    missing = sorted(name for name in needed if not values.get(name))
    if missing:
        raise LetterError("生成文书前请填写：" + "、".join(described[name] for name in missing))

    paragraphs: list[Paragraph] = []
    for line in parsed.body.render(values).split("\n"):
        text = line.strip()
        if not text:
            continue
        if text.startswith("# "):
            paragraphs.append(Paragraph(text[2:].strip(), ParagraphStyle.HEADING))
        else:
            paragraphs.append(Paragraph(text))
    addressee = facts.third_party if kind is LetterKind.CONSULTATION else facts.applicant
    assert addressee is not None  # _check_facts: a consultation names its third party
    agency = facts.agency
    # The 附注 line: who to call. Fax, e-mail and address are placeholders a template may use.
    contact_parts = [("联系机构", agency.office_name), ("联系电话", agency.phone)]
    contact = "；".join(f"{label}：{clean(value)}" for label, value in contact_parts if value)
    return Letter(
        kind=kind,
        template_key=template.key,
        outcome=template.outcome,
        title=clean(parsed.title.render(values)),
        number=clean(facts.number),
        agency=agency,
        addressee=replace(addressee, name=clean(addressee.name)),
        applicant=facts.applicant,
        application_number=values["application_number"],
        received_on=facts.received_on,
        request_summary=values["request_summary"],
        decision=values["decision"],
        legal_basis=values["legal_basis"],
        paragraphs=tuple(paragraphs),
        remedy=clean(parsed.remedy.render(values)),
        enclosures=tuple(clean(e) for e in facts.enclosures if clean(e)),
        contact=f"（{contact}）" if contact else "",
        signature=clean(agency.name),
        issued_on=facts.issued_on,
    )
