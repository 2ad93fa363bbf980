"""What a letter is made of: the facts a case officer supplies and the composed letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from gongkai.core.letters.kinds import LetterKind


@dataclass(frozen=True)
class AgencyContact:
    """The agency and its 政府信息公开工作机构 (条例 第四条), as printed on its letters."""

    name: str
    short_name: str = ""  # the 机关代字 of the letter number, e.g. "定审交"
    office_name: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    hours: str = ""
    postcode: str = ""
    review_body: str = ""  # the 行政复议机关 named in the remedy clause


@dataclass(frozen=True)
class Party:
    """The addressee: the applicant, or the third party consulted under 条例 第三十二条."""

    name: str
    address: str = ""


@dataclass(frozen=True)
class FeeItem:
    """One line of the itemised 信息处理费 (国办函〔2020〕109号: 按件 or 按量, 超额累进)."""

    description: str  # "第11—30件"
    quantity: int
    unit: str  # "件" or "页"
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity

    def text(self) -> str:
        if self.unit_price == 0:
            return f"{self.description}：{self.quantity}{self.unit}，免费"
        return (
            f"{self.description}：{self.quantity}{self.unit}×{_money(self.unit_price)}元/{self.unit}"
            f"＝{_money(self.amount)}元"
        )


def _money(value: Decimal) -> str:
    """``2000`` for whole yuan, ``12.50`` otherwise."""
    if value == value.to_integral_value():
        return f"{value.to_integral_value():f}"
    return f"{value.quantize(Decimal('0.01')):f}"


@dataclass(frozen=True)
class LetterFacts:
    """Everything a letter may say about one application; unused fields stay empty.

    Dates are arguments (the core never reads the clock); the web side passes the due dates it
    got from :mod:`gongkai.core.deadlines`.
    """

    number: str
    agency: AgencyContact
    applicant: Party
    application_number: str
    received_on: date
    request_summary: str
    issued_on: date
    decision: str = ""
    reasons: str = ""
    legal_basis: str = ""  # overrides the template's basis for this one letter
    enclosures: tuple[str, ...] = ()
    # 答复书
    responsible_agency: str = ""
    responsible_agency_contact: str = ""
    previous_reply: str = ""
    # 答复书: the consultation of 第三十二条/第三十四条 as recorded (empty when none was)
    consultation: str = ""
    # 补正通知书 (第三十条)
    correction_items: str = ""
    correction_deadline: date | None = None
    # 延期答复告知书 (第三十三条第二款)
    extension_days: int | None = None
    original_due_on: date | None = None
    new_due_on: date | None = None
    extension_reason: str = ""
    # 征求第三方意见书 (第三十二条)
    third_party: Party | None = None
    consulted_information: str = ""
    consultation_matter: str = ""
    reply_by: date | None = None
    # 收费通知书 (国办函〔2020〕109号)
    fee_method: str = ""  # "按件" or "按量"
    fee_items: tuple[FeeItem, ...] = ()
    payment_method: str = ""


class ParagraphStyle(StrEnum):
    BODY = "body"  # 仿宋, first line indented two characters
    HEADING = "heading"  # 黑体 (公文 first-level heading)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: ParagraphStyle = ParagraphStyle.BODY


@dataclass(frozen=True)
class Letter:
    """A composed letter, ready for a renderer (DOCX, PDF, HTML preview)."""

    kind: LetterKind
    template_key: str
    outcome: str | None
    title: str
    number: str
    agency: AgencyContact
    addressee: Party
    applicant: Party
    application_number: str
    received_on: date
    request_summary: str
    decision: str
    legal_basis: str
    paragraphs: tuple[Paragraph, ...]
    remedy: str  # empty for a notice
    enclosures: tuple[str, ...]
    contact: str  # the 工作机构's contact line
    signature: str  # the issuing agency (落款)
    issued_on: date

    @property
    def issued_text(self) -> str:
        return date_text(self.issued_on)

    def plain_text(self) -> str:
        """The letter as plain text, in reading order (for search, previews and tests)."""
        lines = [self.title, self.number, f"{self.addressee.name}："]
        lines += [p.text for p in self.paragraphs]
        if self.remedy:
            lines.append(self.remedy)
        lines += enclosure_lines(self.enclosures)
        lines += [self.signature, self.issued_text]
        if self.contact:
            lines.append(self.contact)
        return "\n".join(lines)


def date_text(day: date) -> str:
    """A date as 公文 print it (GB/T 9704—2012 7.3.5.1: Arabic numerals, no zero padding)."""
    return f"{day.year}年{day.month}月{day.day}日"


def enclosure_lines(enclosures: tuple[str, ...]) -> list[str]:
    """附件说明 (GB/T 9704—2012 7.3.4): "附件：1.…", further items aligned under the first."""
    if not enclosures:
        return []
    if len(enclosures) == 1:
        return [f"附件：{enclosures[0]}"]
    return [
        ("附件：" if i == 1 else "　　　") + f"{i}.{name}" for i, name in enumerate(enclosures, 1)
    ]
