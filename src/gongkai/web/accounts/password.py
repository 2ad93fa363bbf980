"""Users change their own password (issue 13, item 7): the old one is asked for, the new one passes
Django's validators (length, common passwords, all digits, and not like the username or name), the
session stays logged in, and the change is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpResponse
from django.urls import reverse_lazy

from gongkai.web.accounts.signins import password_changed


class ChinesePasswordChangeForm(PasswordChangeForm):
    error_messages = {  # noqa: RUF012 - Django's own attribute
        **PasswordChangeForm.error_messages,
        "password_incorrect": "原密码不正确，请重新输入。",
        "password_mismatch": "两次输入的新密码不一致。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "原密码"
        self.fields["new_password1"].label = "新密码"
        self.fields["new_password2"].label = "再次输入新密码"
        for field in self.fields.values():
            field.error_messages["required"] = f"请填写“{field.label}”"


class OwnPasswordChangeView(PasswordChangeView):
    form_class = ChinesePasswordChangeForm
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("applications:queue")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        password_changed(user=form.user, request=self.request)
        messages.success(self.request, "密码已修改")
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response
