from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages: ClassVar[dict[str, str]] = {
        "invalid_login": "用户名或密码不正确，请重新输入（注意区分大小写）。",
        "inactive": "该账户已停用，请联系系统管理员。",
    }
