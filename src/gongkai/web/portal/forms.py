"""The public forms: apply (条例 第二十九条), look up by 查询码, send a 补正."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.applications.enums import (
    APPLICANT_KIND_CHOICES,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
)
from gongkai.web.applications.forms import ChineseErrorsMixin

BLANK = [("", "请选择")]


class ApplyForm(ChineseErrorsMixin, forms.Form):
    agency = forms.TypedChoiceField(label="受理机关", coerce=int)
    applicant_kind = forms.ChoiceField(
        label="申请人类型",
        choices=BLANK + APPLICANT_KIND_CHOICES,
        help_text="自然人，或法人或其他组织（请选择具体类别）",
    )
    applicant_name = forms.CharField(label="姓名或名称", max_length=100)
    id_type = forms.ChoiceField(label="证件类型", choices=BLANK + ID_TYPE_CHOICES)
    id_number = forms.CharField(
        label="证件号码", max_length=40, help_text="居民身份证号码为18位，将校验其校验位"
    )
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    subject = forms.CharField(
        label="所需政府信息的名称、文号或描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请写明信息名称、文号或便于查询的其他特征性描述；一份申请宜只申请一项信息",
    )
    requested_form = forms.ChoiceField(label="获取信息的载体形式", choices=BLANK + FORM_CHOICES)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=BLANK + DELIVERY_CHOICES)
    purpose = forms.CharField(
        label="用途（选填）",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="条例未要求说明用途，可不填",
    )
    id_proof = forms.FileField(
        label="身份证明材料（选填）",
        required=False,
        help_text="证件图片（JPG、PNG）或 PDF，不超过 5 MB",
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}),
    )

    def __init__(self, *args: Any, agencies: list[tuple[str, list[tuple[int, str]]]], **kw: Any):
        super().__init__(*args, **kw)
        self.fields["agency"].choices = [("", "请选择受理机关"), *agencies]  # type: ignore[attr-defined]


class CaptchaMixin(forms.Form):
    captcha_token = forms.CharField(widget=forms.HiddenInput, required=False)
    captcha_answer = forms.CharField(label="验证问题", max_length=4, required=False)


class LookupForm(ChineseErrorsMixin, CaptchaMixin):
    code = forms.CharField(
        label="查询码",
        max_length=40,
        help_text="提交申请时得到的16位查询码，如 7K3M-Q9TX-2D4H-PW8B",
    )
    name_or_phone = forms.CharField(label="申请人姓名（名称）或联系电话", max_length=100)


class CorrectionForm(ChineseErrorsMixin, forms.Form):
    text = forms.CharField(
        label="补正内容", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    file = forms.FileField(
        label="补正材料（选填）",
        required=False,
        help_text="图片（JPG、PNG）或 PDF，不超过 5 MB",
    )
