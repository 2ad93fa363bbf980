from __future__ import annotations

from typing import ClassVar

from django import forms

from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.services import OFFICE_FIELDS


class OfficeForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = OFFICE_FIELDS
        error_messages: ClassVar[dict[str, dict[str, str]]] = {
            "office_email": {"invalid": "电子邮箱格式不正确，如 xxgk@example.gov.cn"}
        }
