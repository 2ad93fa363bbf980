"""Forms of the letters app; every label and message is Chinese."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.core import letters as core
from gongkai.web.letters.clock_dates import CLOCK_FIELDS


class TemplateForm(forms.Form):
    title = forms.CharField(label="标题", max_length=100)
    body = forms.CharField(
        label="正文",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="每行一段；以“# ”开头的行为黑体标题；占位符见下方列表",
    )
    basis = forms.CharField(
        label="法律依据",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="正文中以 {legal_basis} 引用",
    )
    remedy = forms.CharField(
        label="救济条款",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="答复书必须写明行政复议和行政诉讼的期限与途径",
    )


class SettingsForm(forms.Form):
    short_name = forms.CharField(label="机关代字", max_length=20, required=False)
    number_pattern = forms.CharField(
        label="文书编号格式",
        max_length=80,
        required=False,
        help_text="可用 {agency_short}（机关代字）、{series}（文书代字）、{year}、{seq}；"
        f"留空使用 {core.DEFAULT_NUMBER_PATTERN}",
    )
    # The settings as the form was opened (common.versioning): a stale form is refused.
    version = forms.CharField(widget=forms.HiddenInput, required=False)


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label: str, *, rows: int = 0, help_text: str = "") -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, required=False, widget=widget, help_text=help_text)


def _date(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=DATE, help_text=help_text)


# The fields of each kind, beyond the date and the legal basis every letter has.
KIND_FIELDS: dict[core.LetterKind, tuple[str, ...]] = {
    core.LetterKind.ANSWER: (
        "decision",
        "reasons",
        "responsible_agency",
        "responsible_agency_contact",
        "previous_reply",
        "enclosures",
    ),
    core.LetterKind.CORRECTION: ("correction_items", "correction_deadline"),
    core.LetterKind.EXTENSION: (
        "extension_reason",
        "extension_days",
        "original_due_on",
        "new_due_on",
    ),
    core.LetterKind.CONSULTATION: (
        "third_party_name",
        "third_party_address",
        "consulted_information",
        "consultation_matter",
        "reply_by",
    ),
    core.LetterKind.FEE: ("fee_method", "payment_method"),
}


class LetterForm(forms.Form):
    """The facts of one letter; only the fields of its kind are shown."""

    issued_on = forms.DateField(label="成文日期", widget=DATE)
    legal_basis = _text("法律依据（本件）", rows=2, help_text="留空则使用模板中的法律依据")

    def __init__(self, *args: Any, kind: core.LetterKind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        every: dict[str, forms.Field] = {
            "decision": _text(
                "答复或处理内容", rows=4, help_text="如：现将该信息随本答复书一并提供给您（共5页）"
            ),
            "reasons": _text(
                "理由说明",
                rows=4,
                help_text="不予公开、部分公开等须说明理由（条例第三十六条第三项）",
            ),
            "responsible_agency": _text(
                "负责公开该信息的行政机关", help_text="条例第三十六条第五项：能够确定的，告知其名称"
            ),
            "responsible_agency_contact": _text("该机关联系方式"),
            "previous_reply": _text(
                "此前答复（重复申请）", help_text="如：2025年3月1日 定审交公开〔2025〕第3号"
            ),
            "enclosures": _text("附件", rows=3, help_text="每行一个附件名称"),
            "correction_items": _text(
                "需要补正的事项", rows=5, help_text="一次性告知（条例第三十条），每行一项"
            ),
            "correction_deadline": _date("补正期限", "合理的补正期限，通知书写明“请于该日前”提交"),
            "extension_reason": _text("延期理由", rows=2),
            "extension_days": forms.IntegerField(
                label="延长工作日数",
                required=False,
                min_value=1,
                max_value=20,
                help_text="条例第三十三条第二款：最长不超过20个工作日",
                error_messages={
                    "max_value": "延长期限最长不得超过20个工作日",
                    "min_value": "延长期限至少1个工作日",
                },
            ),
            "original_due_on": _date("原答复期限"),
            "new_due_on": _date("延长后的答复期限"),
            "third_party_name": _text("第三方名称"),
            "third_party_address": _text("第三方地址"),
            "consulted_information": _text("征求意见所涉信息", rows=3),
            "consultation_matter": _text("可能损害的第三方权益", help_text="如：贵方的商业秘密"),
            "reply_by": _date("答复截止日期（可选）", "第三方自收到之日起15个工作日内答复"),
            "fee_method": forms.ChoiceField(
                label="计收方式",
                required=False,
                choices=[("按件", "按件计收"), ("按量", "按量计收")],
                help_text="按件与按量只能选择一种（国办函〔2020〕109号）",
            ),
            "payment_method": _text("缴费方式", rows=2, help_text="如：通过非税收入缴款码缴入国库"),
        }
        for name in KIND_FIELDS[kind]:
            self.fields[name] = every[name]
        # Dates with a legal effect come from the register's clock (letters/clock_dates.py):
        # shown, never typed.
        for name in CLOCK_FIELDS.get(kind, ()):
            field = self.fields[name]
            field.disabled = True
            field.required = False
            field.help_text = "由办理记录按法定期限自动计算，不能手工修改"
