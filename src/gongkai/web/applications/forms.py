"""Forms: parse and label the input; the services validate the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.core.fees import MAX_PAGES
from gongkai.web.applications.enums import (
    APPLICANT_KIND_CHOICES,
    CHANNEL_CHOICES,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
    PARTY_CHOICES,
    STATUS_CHOICES,
)
from gongkai.web.applications.fees import FEE_METHOD_CHOICES
from gongkai.web.applications.selectors import QUEUE_VIEWS
from gongkai.web.common.forms import BLANK, DATE, ChineseErrorsMixin


class RegisterForm(ChineseErrorsMixin, forms.Form):
    agency = forms.TypedChoiceField(label="受理机关", coerce=int)
    channel = forms.ChoiceField(label="申请方式", choices=BLANK + CHANNEL_CHOICES)
    arrived_on = forms.DateField(
        label="申请到达/签收日期",
        widget=DATE,
        help_text="当面提交为提交之日；信函为签收之日；传真、网络为到达之日",
    )
    confirmed_on = forms.DateField(
        label="双方确认日期",
        widget=DATE,
        required=False,
        help_text="平常信函、传真、网上申请需与申请人确认的，填写确认之日（条例第三十一条）",
    )
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=BLANK + APPLICANT_KIND_CHOICES)
    applicant_name = forms.CharField(label="申请人姓名/名称", max_length=100)
    id_type = forms.ChoiceField(label="证件类型", choices=BLANK + ID_TYPE_CHOICES, required=False)
    id_number = forms.CharField(label="证件号码", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    subject = forms.CharField(
        label="所需政府信息的名称、文号或描述", widget=forms.Textarea(attrs={"rows": 4})
    )
    requested_form = forms.ChoiceField(label="获取信息的载体形式", choices=BLANK + FORM_CHOICES)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=BLANK + DELIVERY_CHOICES)

    submission_token = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    confirm_duplicate = forms.BooleanField(label="已核对，不是重复申请，仍然登记", required=False)

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agencies  # type: ignore[attr-defined]


class QueueFilterForm(forms.Form):
    view = forms.ChoiceField(label="视图", choices=list(QUEUE_VIEWS.items()), required=False)
    agency = forms.TypedChoiceField(label="部门", coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部状态"), *STATUS_CHOICES], required=False
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类型", choices=[("", "全部类型"), *APPLICANT_KIND_CHOICES], required=False
    )
    received_from = forms.DateField(label="收到日期自", widget=DATE, required=False)
    received_to = forms.DateField(label="至", widget=DATE, required=False)
    q = forms.CharField(label="搜索", required=False, max_length=100)
    sort = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "全部部门"), *agencies]  # type: ignore[attr-defined]


class DayForm(ChineseErrorsMixin, forms.Form):
    day = forms.DateField(label="日期", widget=DATE)


class StartForm(ChineseErrorsMixin, forms.Form):
    pass


class ConfirmForm(ChineseErrorsMixin, forms.Form):
    day = forms.DateField(label="确认收到日期", widget=DATE)


class CorrectionRequestForm(DayForm):
    note = forms.CharField(label="需补正的事项", widget=forms.Textarea(attrs={"rows": 3}))
    reply_by = forms.DateField(label="补正期限", widget=DATE, required=False)


class CorrectionReceiveForm(DayForm):
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ConsultationSendForm(DayForm):
    party = forms.ChoiceField(label="征求对象", choices=PARTY_CHOICES)
    party_name = forms.CharField(label="对象名称", max_length=100)
    delivered_on = forms.DateField(
        label="对方收到征求意见书日期",
        widget=DATE,
        required=False,
        help_text="15个工作日的答复期限自对方收到之日起算（条例第三十二条、第三十四条）",
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ConsultationReceiveForm(DayForm):
    party_name = forms.ChoiceField(label="答复的征求对象")
    note = forms.CharField(
        label="意见摘要", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, pending: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party_name"].choices = [(p, p) for p in (pending or [])]  # type: ignore[attr-defined]


class FeeNoticeForm(DayForm):
    """The amount is computed (国办函〔2020〕109号), never typed: method and, for 按量, pages."""

    method = forms.ChoiceField(label="计收方式", choices=BLANK + FEE_METHOD_CHOICES)
    pages = forms.IntegerField(
        label="提供信息页数（按量）",
        required=False,
        min_value=1,
        max_value=MAX_PAGES,
        help_text="按量计收时填写；金额按109号第五条自动计算",
    )
    delivered_on = forms.DateField(label="申请人收到通知日期", widget=DATE, required=False)
    note = forms.CharField(
        label="计费说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PaymentForm(DayForm):
    amount = forms.DecimalField(label="缴费金额（元）", max_digits=12, decimal_places=2)


class ExtensionRequestForm(DayForm):
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionApproveForm(DayForm):
    pass


class ExtensionDeclineForm(DayForm):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(DayForm):
    outcome = forms.ChoiceField(label="办理结果（年报表三）")
    legal_basis = forms.CharField(label="法律依据", widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(
        label="答复内容摘要", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    pages = forms.IntegerField(
        label="提供信息页数", required=False, min_value=0, max_value=MAX_PAGES
    )

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = BLANK + outcomes  # type: ignore[attr-defined]


class TerminateForm(DayForm):
    outcome = forms.ChoiceField(label="终止情形（年报表三）")
    reason = forms.CharField(label="终止原因", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = BLANK + outcomes  # type: ignore[attr-defined]


class ChangeOutcomeForm(ChineseErrorsMixin, forms.Form):
    outcome = forms.ChoiceField(label="更正后的办理结果")
    legal_basis = forms.CharField(
        label="法律依据", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(label="更正原因", widget=forms.Textarea(attrs={"rows": 2}))
    # The outcome as the form was opened (common.versioning): a stale form is refused.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = BLANK + outcomes  # type: ignore[attr-defined]


class DueDateForm(DayForm):
    due = forms.DateField(label="确定的答复期限", widget=DATE)
    reason = forms.CharField(
        label="理由（申请数量、频次明显超过合理范围）", widget=forms.Textarea(attrs={"rows": 2})
    )


class VoidForm(ChineseErrorsMixin, forms.Form):
    reason = forms.CharField(label="作废原因", widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(ChineseErrorsMixin, forms.Form):
    assignee = forms.TypedChoiceField(label="经办人", coerce=int)

    def __init__(self, *args: Any, staff: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = BLANK + staff  # type: ignore[attr-defined]
