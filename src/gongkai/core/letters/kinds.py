"""The kinds of letter and the placeholders each may use.

* 答复书 — one per outcome (a leaf row of table 3 in either national format; 条例 第三十六条 to
  第三十九条), each citing its own articles and carrying the remedy clause.
* 补正通知书 — 条例 第三十条.
* 延期答复告知书 — 条例 第三十三条第二款.
* 征求第三方意见书 — 条例 第三十二条.
* 收费通知书 — 条例 第四十二条; 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）.
"""

from __future__ import annotations

from enum import StrEnum

from gongkai.core.formats import FORMATS
from gongkai.core.formats.common import RESULTS


class LetterKind(StrEnum):
    ANSWER = "answer"
    CORRECTION = "correction"
    EXTENSION = "extension"
    CONSULTATION = "consultation"
    FEE = "fee"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def series(self) -> str:
        """The default 文书代字 that goes into the letter number (定审交公开〔2025〕第12号)."""
        return _KIND_SERIES[self]

    @property
    def is_decision(self) -> bool:
        """A decision on the application: it must tell the applicant how to challenge it."""
        return self is LetterKind.ANSWER


_KIND_LABELS = {
    LetterKind.ANSWER: "政府信息公开申请答复书",
    LetterKind.CORRECTION: "补正通知书",
    LetterKind.EXTENSION: "延期答复告知书",
    LetterKind.CONSULTATION: "征求第三方意见书",
    LetterKind.FEE: "收费通知书",
}
_KIND_SERIES = {
    LetterKind.ANSWER: "公开",
    LetterKind.CORRECTION: "补正",
    LetterKind.EXTENSION: "延期",
    LetterKind.CONSULTATION: "征求",
    LetterKind.FEE: "收费",
}


def _outcome_rows() -> dict[str, str]:
    """Every outcome row key of both formats, in printed order, with its printed label under
    its group ("（三）不予公开 1.属于国家秘密"; the block heading "三、本年度办理结果" is left out)."""
    rows: dict[str, str] = {}
    for fmt in FORMATS.values():
        for key in fmt.outcome_rows:
            row = fmt.t3.row(key)
            rows.setdefault(key, row.label if row.group == RESULTS else row.full_label)
    return rows


# outcome key -> "（三）不予公开 1.属于国家秘密" (labels come from the format declarations).
OUTCOMES: dict[str, str] = _outcome_rows()


def template_key(kind: LetterKind, outcome: str | None = None) -> str:
    """``"answer:withheld.state_secret"`` for an answer, the kind's value for a notice."""
    if kind is LetterKind.ANSWER:
        if outcome not in OUTCOMES:
            raise KeyError(f"答复书需要一个办理结果（年报表三的结果行），收到：{outcome!r}")
        return f"answer:{outcome}"
    return kind.value


def parse_template_key(key: str) -> tuple[LetterKind, str | None]:
    kind_value, _, outcome = key.partition(":")
    kind = LetterKind(kind_value)
    if kind is LetterKind.ANSWER:
        if outcome not in OUTCOMES:
            raise KeyError(key)
        return kind, outcome
    if outcome:
        raise KeyError(key)
    return kind, None


def template_keys() -> tuple[str, ...]:
    """Every template an agency can edit: one answer per outcome row, then the four notices."""
    answers = tuple(template_key(LetterKind.ANSWER, key) for key in OUTCOMES)
    notices = tuple(k.value for k in LetterKind if k is not LetterKind.ANSWER)
    return answers + notices


def template_label(key: str) -> str:
    kind, outcome = parse_template_key(key)
    if outcome is None:
        return kind.label
    return f"答复书：{OUTCOMES[outcome]}"


# Placeholders every letter may use, with the description shown in the editor and in errors.
COMMON_PLACEHOLDERS: dict[str, str] = {
    "number": "文书编号",
    "agency_name": "本机关名称",
    "office_name": "政府信息公开工作机构名称",
    "office_address": "工作机构地址",
    "office_phone": "工作机构联系电话",
    "office_fax": "工作机构传真",
    "office_email": "工作机构电子邮箱",
    "office_hours": "工作机构办公时间",
    "office_postcode": "工作机构邮政编码",
    "review_body": "行政复议机关",
    "applicant_name": "申请人姓名或名称",
    "applicant_address": "申请人通信地址",
    "application_number": "受理编号",
    "received_date": "收到申请日期",
    "request_summary": "申请公开的政府信息（申请内容）",
    "issued_date": "成文日期",
    "legal_basis": "法律依据",
    "decision": "答复或处理内容",
    "reasons": "理由说明",
}
ANSWER_PLACEHOLDERS: dict[str, str] = {
    "responsible_agency": "负责公开该信息的行政机关（第三十六条第五项）",
    "responsible_agency_contact": "该行政机关的联系方式",
    "previous_reply": "此前已作出的答复（重复申请）",
    "consultation": "征求第三方意见的情况（据办理记录，未征求的为空）",
}
KIND_PLACEHOLDERS: dict[LetterKind, dict[str, str]] = {
    LetterKind.ANSWER: ANSWER_PLACEHOLDERS,
    LetterKind.CORRECTION: {
        "correction_items": "需要补正的事项",
        "correction_deadline": "补正期限",
    },
    LetterKind.EXTENSION: {
        "extension_days": "延长的工作日数",
        "original_due_date": "原答复期限",
        "new_due_date": "延长后的答复期限",
        "extension_reason": "延期理由",
    },
    LetterKind.CONSULTATION: {
        "third_party_name": "第三方名称",
        "consulted_information": "征求意见所涉信息",
        "consultation_matter": "可能损害的第三方权益（如商业秘密、个人隐私）",
        "reply_deadline": "第三方答复截止日期",
    },
    LetterKind.FEE: {
        "fee_method": "计收方式（按件或按量）",
        "fee_items": "收费明细",
        "fee_total": "收费合计（元）",
        "fee_total_upper": "收费合计（大写）",
        "payment_method": "缴费方式",
    },
}
# Placeholders a template of the kind must contain: without them the letter says nothing.
REQUIRED_PLACEHOLDERS: dict[LetterKind, tuple[str, ...]] = {
    LetterKind.ANSWER: ("legal_basis",),
    LetterKind.CORRECTION: ("legal_basis", "correction_items", "correction_deadline"),
    LetterKind.EXTENSION: ("legal_basis", "extension_days", "new_due_date"),
    LetterKind.CONSULTATION: ("legal_basis", "consulted_information"),
    LetterKind.FEE: ("legal_basis", "fee_items", "fee_total", "payment_method"),
}


def placeholders_for(kind: LetterKind) -> dict[str, str]:
    """Every placeholder a template of ``kind`` may use, name -> Chinese description."""
    return {**COMMON_PLACEHOLDERS, **KIND_PLACEHOLDERS[kind]}
