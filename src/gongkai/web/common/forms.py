"""What every app's forms share: the date widget, the blank choice, Chinese error messages."""

from __future__ import annotations

from typing import Any

from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BLANK = [("", "——请选择——")]


class ChineseErrorsMixin:
    """Required/invalid messages in Chinese that name the field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            label = field.label or ""
            verb = "选择" if isinstance(field, forms.ChoiceField) else "填写"
            field.error_messages["required"] = f"请{verb}“{label}”"
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = f"“{label}”应为日期，格式如 2025-03-18"
            if isinstance(field, (forms.DecimalField, forms.IntegerField)):
                field.error_messages["invalid"] = f"“{label}”应为数字"
                field.error_messages["max_value"] = f"“{label}”不能超过 %(limit_value)s"
                field.error_messages["min_value"] = f"“{label}”不能小于 %(limit_value)s"
                field.error_messages["max_digits"] = f"“{label}”数字过长，请检查"
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = f"请从列表中选择“{label}”"
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = f"“{label}”格式不正确，如 name@example.com"


class VoidForm(ChineseErrorsMixin, forms.Form):
    """The 作废 card of a register's record (:mod:`gongkai.web.common.record_page`)."""

    reason = forms.CharField(label="作废原因", max_length=500)
