"""Forms of the proactive register: parse and label the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.core.article20 import Article20
from gongkai.web.common.forms import BLANK, DATE, ChineseErrorsMixin
from gongkai.web.proactive.models import (
    CHANNEL_KIND_CHOICES,
    DECISION_KIND_CHOICES,
    DOCUMENT_KIND_CHOICES,
    MATTER_KIND_CHOICES,
    VALIDITY_CHOICES,
)

ARTICLE20_FORM_CHOICES = [(c.value, f"{c.item_mark}{c.label}") for c in Article20]


class ItemForm(ChineseErrorsMixin, forms.Form):
    """The 目录 fields in the order of the page (common/_form_grid.html)."""

    wide_fields = ("title", "summary", "channels")

    index_number = forms.CharField(
        label="索引号",
        max_length=60,
        required=False,
        help_text="留空则按本机关的索引号格式自动编号；索引号不重复使用",
    )
    title = forms.CharField(label="名称", max_length=200)
    summary = forms.CharField(
        label="内容概述", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    doc_number = forms.CharField(label="文号", max_length=80, required=False)
    category = forms.TypedChoiceField(label="主题分类", coerce=int)
    formed_on = forms.DateField(
        label="生成日期", widget=DATE, help_text="信息形成或者变更之日；公开期限自此起算20个工作日"
    )
    published_on = forms.DateField(label="公开日期", widget=DATE, required=False)
    publisher = forms.CharField(
        label="发布机构", max_length=100, required=False, help_text="留空则为本机关"
    )
    article20 = forms.ChoiceField(
        label="法定主动公开类别",
        choices=[("", "（不属于条例第二十条所列类别）"), *ARTICLE20_FORM_CHOICES],
        required=False,
        help_text="条例第二十条（一）至（十五）项；公众可在目录中按类别浏览",
    )
    validity = forms.ChoiceField(label="有效性", choices=VALIDITY_CHOICES)
    channels = forms.TypedMultipleChoiceField(
        label="发布渠道", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: Any,
        categories: list[tuple[int, str]],
        channels: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = BLANK + categories  # type: ignore[attr-defined]
        self.fields["channels"].choices = channels  # type: ignore[attr-defined]


class PublishForm(ChineseErrorsMixin, forms.Form):
    published_on = forms.DateField(label="公开日期", widget=DATE)
    channels = forms.TypedMultipleChoiceField(
        label="发布渠道", coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, channels: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channels"].choices = channels  # type: ignore[attr-defined]


class ImportForm(ChineseErrorsMixin, forms.Form):
    file = forms.FileField(label="目录文件（CSV 或 Excel .xlsx）")
    good_rows_only = forms.BooleanField(
        label="只导入没有问题的行（有问题的行列在下方，改正后可再次导入）", required=False
    )

    def clean_file(self) -> Any:
        from gongkai.web.proactive.importing import MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:  # refused before a byte of it is read into memory
            raise forms.ValidationError(f"文件超过{MAX_BYTES // (1024 * 1024)}MB，请分批导入")
        return upload


class CategoryForm(ChineseErrorsMixin, forms.Form):
    name = forms.CharField(label="分类名称", max_length=40)


class ChannelForm(ChineseErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label="渠道类型", choices=BLANK + CHANNEL_KIND_CHOICES)
    name = forms.CharField(label="渠道名称", max_length=60, help_text="如“云溪发布”微信公众号")


class DocumentForm(ChineseErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label="类别", choices=BLANK + DOCUMENT_KIND_CHOICES)
    title = forms.CharField(label="文件名称", max_length=200)
    doc_number = forms.CharField(label="文号", max_length=80, required=False)
    issued_on = forms.DateField(label="制发日期", widget=DATE)
    published_on = forms.DateField(label="公开日期", widget=DATE, required=False)
    repealed_on = forms.DateField(label="废止日期", widget=DATE, required=False)
    repeal_note = forms.CharField(label="废止依据", max_length=200, required=False)


class RepealForm(ChineseErrorsMixin, forms.Form):
    repealed_on = forms.DateField(label="废止日期", widget=DATE)
    note = forms.CharField(label="废止依据", max_length=200, required=False)


class DecisionForm(ChineseErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label="类别", choices=BLANK + DECISION_KIND_CHOICES)
    start_on = forms.DateField(label="日期（汇总时为起始日期）", widget=DATE)
    end_on = forms.DateField(label="截止日期（逐件登记可留空）", widget=DATE, required=False)
    count = forms.IntegerField(label="决定数量", initial=1)
    title = forms.CharField(
        label="决定书名称或文号", max_length=200, required=False, help_text="逐件登记时填写"
    )
    source_note = forms.CharField(
        label="数据来源说明", max_length=200, required=False, help_text="按期间汇总时填写"
    )


class FeeForm(ChineseErrorsMixin, forms.Form):
    item = forms.CharField(label="收费项目", max_length=100)
    start_on = forms.DateField(label="起始日期", widget=DATE)
    end_on = forms.DateField(label="截止日期", widget=DATE)
    amount = forms.DecimalField(label="金额（元）", max_digits=14, decimal_places=2)
    source_note = forms.CharField(label="数据来源说明", max_length=200, required=False)


class ProcurementForm(ChineseErrorsMixin, forms.Form):
    title = forms.CharField(label="采购项目", max_length=200)
    day = forms.DateField(label="采购日期", widget=DATE)
    amount = forms.DecimalField(label="金额（元）", max_digits=14, decimal_places=2)


class MatterForm(ChineseErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label="类别", choices=BLANK + MATTER_KIND_CHOICES)
    name = forms.CharField(label="事项名称", max_length=200)
    listed_on = forms.DateField(label="列入清单日期", widget=DATE)
    delisted_on = forms.DateField(label="取消日期", widget=DATE, required=False)
