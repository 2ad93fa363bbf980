from __future__ import annotations

from django import forms


class YearForm(forms.Form):
    notice = forms.CharField(label="依据的通知", required=False, max_length=200)
    holidays = forms.CharField(
        label="放假安排（每行：名称 开始日期 结束日期）",
        # 《全国年节及纪念日放假办法》: a year always has holidays; an empty arrangement is refused
        error_messages={"required": "放假安排为空：请按国务院办公厅通知填写全部节假日"},
        widget=forms.Textarea(attrs={"rows": 9}),
    )
    workdays = forms.CharField(
        label="调休上班的周末（每行：日期 名称）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
