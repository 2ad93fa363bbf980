from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from gongkai.web.accounts.roles import ROLE_CHOICES


class LoginForm(AuthenticationForm):
    # Django reads the class attribute; the stubs declare it an instance variable of a wider type.
    error_messages: ClassVar[dict[str, str]] = {  # type: ignore[misc, assignment]
        "invalid_login": "用户名或密码不正确，请重新输入（注意区分大小写）。",
        "inactive": "该账户已停用，请联系系统管理员。",
    }


class MemberForm(forms.Form):
    agency = forms.TypedChoiceField(label="机构", coerce=int)
    role = forms.ChoiceField(label="角色", choices=ROLE_CHOICES)
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    password = forms.CharField(
        label="初始密码（新用户）", required=False, widget=forms.PasswordInput(render_value=True)
    )
    confirm_office = forms.BooleanField(
        label="确认向部门工作人员授予公开办角色（可查看本级政府所有部门的申请）", required=False
    )

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agencies  # type: ignore[attr-defined]


class RemoveForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=200)


class AccountActiveForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=200)


class ResetPasswordForm(forms.Form):
    password = forms.CharField(label="临时密码", max_length=128, widget=forms.PasswordInput)
