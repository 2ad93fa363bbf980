"""Forms of the review and litigation register."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.common.forms import BLANK, DATE, ChineseErrorsMixin
from gongkai.web.litigation.models import CASE_KIND_CHOICES, CASE_RESULT_CHOICES

RESULT_CHOICES = [("", "尚未审结"), *CASE_RESULT_CHOICES]


class CaseForm(ChineseErrorsMixin, forms.Form):
    wide_fields = ("note",)  # laid out by common/_form_grid.html
    after_grid = ("review_body_codefendant",)  # a check box with its rule, below the grid

    agency = forms.TypedChoiceField(label="登记机关", coerce=int)
    application_number = forms.CharField(
        label="涉及申请的受理编号", max_length=60, help_text="案件所针对的政府信息公开申请"
    )
    kind = forms.ChoiceField(label="案件类型", choices=BLANK + CASE_KIND_CHOICES)
    number = forms.CharField(label="案号", max_length=80, required=False)
    filed_on = forms.DateField(label="申请复议/起诉日期", widget=DATE)
    body = forms.CharField(label="复议机关或审理法院", max_length=100)
    review_body_codefendant = forms.BooleanField(
        label="本机关作为复议机关与原行政行为机关为共同被告（不计入本机关年报）", required=False
    )
    result = forms.ChoiceField(label="审结结果", choices=RESULT_CHOICES, required=False)
    decided_on = forms.DateField(label="审结日期", widget=DATE, required=False)
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agencies  # type: ignore[attr-defined]


class ResultForm(ChineseErrorsMixin, forms.Form):
    result = forms.ChoiceField(label="审结结果", choices=BLANK + CASE_RESULT_CHOICES)
    decided_on = forms.DateField(label="审结日期", widget=DATE)
    reason = forms.CharField(
        label="更正原因（更正已登记的结果时填写）", max_length=500, required=False
    )
