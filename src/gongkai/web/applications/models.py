"""The request register: applicants, applications and their event log (the audit trail is
:class:`gongkai.web.common.models.AuditRecord`).

Nothing here is ever hard-deleted: a mistaken registration is voided with a reason.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from gongkai.core.vocabulary import event_kind_choices, status_choices
from gongkai.web.applications.enums import (
    APPLICANT_KIND_CHOICES,
    APPLICANT_KIND_LABELS,
    CHANNEL_CHOICES,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
    PARTY_CHOICES,
    Channel,
    EventKind,
    Status,
)
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.models import TimestampedModel, VoidableModel, reference, staff_member
from gongkai.web.orgs.models import Agency


def mask_id(number: str) -> str:
    """Keep the first 3 and last 4 characters: 110***********1234."""
    number = number.strip()
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


class Applicant(TimestampedModel):
    """自然人, or a 法人或其他组织 typed by table 3's columns."""

    agency = reference(Agency, "登记机构", related_name="applicants")
    kind = models.CharField("申请人类型", max_length=20, choices=APPLICANT_KIND_CHOICES)
    name = models.CharField("申请人姓名/名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=20, choices=ID_TYPE_CHOICES, blank=True)
    id_number = models.CharField("证件号码", max_length=40, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)

    class Meta:
        verbose_name = "申请人"
        verbose_name_plural = "申请人"

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return APPLICANT_KIND_LABELS.get(self.kind, self.kind)

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)


class NumberCounter(models.Model):
    """The last 受理编号 sequence given out per agency and year; locked with SELECT … FOR UPDATE."""

    agency = reference(Agency)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["agency", "year"], name="number_counter_unique"),
        )

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


class Application(VoidableModel):
    agency = reference(Agency, "受理机构", related_name="applications")
    number = models.CharField("受理编号", max_length=60)
    year = models.PositiveIntegerField("受理年度")
    seq = models.PositiveIntegerField("流水号")
    applicant = models.ForeignKey(
        Applicant, verbose_name="申请人", on_delete=models.PROTECT, related_name="applications"
    )
    channel = models.CharField("申请方式", max_length=20, choices=CHANNEL_CHOICES)
    arrived_on = models.DateField("申请到达/签收日期")
    confirmed_on = models.DateField("双方确认日期", null=True, blank=True)
    # The day of receipt under 条例 第三十一条, derived by the clock from the two dates above.
    received_on = models.DateField("收到申请日期")
    subject = models.TextField("所需政府信息的名称、文号或描述")
    requested_form = models.CharField("获取信息的载体形式", max_length=20, choices=FORM_CHOICES)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=DELIVERY_CHOICES)
    status = models.CharField(
        "办理状态", max_length=30, choices=status_choices, default=Status.REGISTERED.value
    )
    assigned_to = staff_member("经办人", blank=True, related_name="assigned_applications")
    # Cache of the clock's answer, recomputed on every event and on calendar changes; never typed.
    due_on = models.DateField("答复期限", null=True, blank=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    # While waiting on the applicant: the last day to correct (条例第三十条) or to pay
    # (国办函〔2020〕109号); after it the request may be closed as abandoned.
    lapses_on = models.DateField("补正或缴费期限", null=True, blank=True)
    # While consulting (条例第三十二条、第三十四条): the last day of the pending consultations'
    # 15 working days; after it the clock runs again although the status still says 征求意见中.
    consultation_ends_on = models.DateField("征求意见期限", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=60, blank=True)
    legal_basis = models.TextField("法律依据", blank=True)
    answer_summary = models.TextField("答复内容摘要", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    pages = models.PositiveIntegerField("提供信息页数", null=True, blank=True)
    created_by = staff_member("登记人")
    # The registration form's one-time token: the same form submitted twice (back button,
    # double click) registers one request.
    submission_token = models.CharField("提交标识", max_length=40, blank=True, default="")

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("-received_on", "-id")
        constraints = (
            # An online application waiting for confirmation (待确认) has no 受理编号 yet
            # (number "", seq 0); both are given when the agency confirms it.
            models.UniqueConstraint(
                fields=["agency", "number"],
                condition=~models.Q(number=""),
                name="application_number_unique",
            ),
            models.UniqueConstraint(
                fields=["agency", "year", "seq"],
                condition=models.Q(seq__gt=0),
                name="application_seq_unique",
            ),
            models.UniqueConstraint(
                fields=["submission_token"],
                condition=~models.Q(submission_token=""),
                name="application_submitted_once",
            ),
        )
        indexes = (
            models.Index(fields=["agency", "status", "due_on"], name="app_queue_idx"),
            models.Index(fields=["status", "due_on"], name="app_due_idx"),
            models.Index(fields=["assigned_to", "status"], name="app_assigned_idx"),
            # The queue's two orders, walked in index order and filtered (bench/web_queue.py).
            models.Index(fields=["-received_on", "-id"], name="app_recent_idx"),
            models.Index(fields=["due_on", "id"], name="app_due_order_idx"),
        )

    def __str__(self) -> str:
        return self.number

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        """Requests are never deleted: they are voided with a reason (application_void)."""

        raise ApplicationError("政府信息公开申请不能删除；登记有误的请作废并写明原因")

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label

    @property
    def is_open(self) -> bool:
        return Status(self.status).is_open and not self.voided

    def lapsed_on(self, today: dt.date) -> bool:
        """The applicant let the 补正 or payment deadline pass (the cached clock fields)."""
        return self.is_open and self.lapses_on is not None and self.lapses_on < today

    def consultation_lapsed(self, today: dt.date) -> bool:
        """The consulted parties' limit has passed without every reply: the pause is over and
        the clock runs again (条例第三十二条、第三十四条), whatever the stored status says."""
        return (
            self.is_open
            and self.status == Status.CONSULTING.value
            and self.consultation_ends_on is not None
            and self.consultation_ends_on < today
        )

    def clock_running(self, today: dt.date) -> bool:
        """The answer period is counting on ``today`` (not paused, not closed)."""
        return self.is_open and (
            not Status(self.status).is_waiting or self.consultation_lapsed(today)
        )

    def display_status(self, today: dt.date) -> str:
        """The status as the queue and the page show it on ``today``."""
        if self.consultation_lapsed(today):
            return CONSULTATION_LAPSED_LABEL
        return self.status_label

    @property
    def lapse_label(self) -> str:
        """What the queue says about a request whose applicant deadline has passed."""
        if self.status == Status.AWAITING_FEE.value:
            return "缴费期限已过，可按逾期未缴费办结"
        return "补正期限已过，可按逾期不补正办结"


CONSULTATION_LAPSED_LABEL = "征求意见期限已过，恢复计算"


class ApplicationEvent(models.Model):
    """One entry of the clock's event log; the due date is computed from these, never typed."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="events", verbose_name="申请"
    )
    kind = models.CharField("事件", max_length=30, choices=event_kind_choices)
    day = models.DateField("日期")
    party = models.CharField("征求对象", max_length=20, choices=PARTY_CHOICES, blank=True)
    party_name = models.CharField("征求对象名称", max_length=100, blank=True)
    amount = models.DecimalField(
        "金额（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    workdays = models.PositiveIntegerField("延长工作日", null=True, blank=True)
    due = models.DateField("约定答复期限", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    actor = staff_member("记录人")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "办理事件"
        verbose_name_plural = "办理事件"
        ordering = ("day", "id")

    def __str__(self) -> str:
        return f"{self.day} {self.kind_label}"

    @property
    def kind_label(self) -> str:
        return EventKind(self.kind).label

    @property
    def due_label(self) -> str:
        """What the ``due`` column means for this kind of event."""
        return DUE_LABELS.get(self.kind, "约定日期")


# The one date column of an event holds a different date for each kind of event.
DUE_LABELS = {
    EventKind.CORRECTION_REQUESTED.value: "补正期限",
    EventKind.FEE_NOTICE.value: "申请人收到通知",
    EventKind.CONSULTATION_STARTED.value: "对方收到征求意见书",
    EventKind.DUE_DATE_SET.value: "确定的答复期限",
}


class SignoffState(models.TextChoices):
    PENDING = "pending", "待签发"
    SIGNED = "signed", "已签发"
    REJECTED = "rejected", "不予签发"
    RETURNED = "returned", "退回修改"


class AnswerSignoff(models.Model):
    """An answer a case officer submitted for 签发 where the agency requires it
    (``Agency.answers_need_signoff``): the proposed answer waits in the 审核人's inbox; 签发
    records it as the answer on the day of signing (the clock is not paused while it waits);
    不予签发 or 退回 send it back with reasons. Never signed by the officer who submitted it."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="signoffs", verbose_name="申请"
    )
    outcome = models.CharField("拟办理结果", max_length=60)
    legal_basis = models.TextField("法律依据")
    summary = models.TextField("答复内容摘要", blank=True)
    pages = models.PositiveIntegerField("提供信息页数", null=True, blank=True)
    submitted_by = staff_member("提交人", null=False)
    submitted_on = models.DateField("提交签发日期")
    state = models.CharField(
        "签发状态", max_length=20, choices=SignoffState.choices, default=SignoffState.PENDING
    )
    decided_by = staff_member("签发人", blank=True)
    decided_on = models.DateField("签发或退回日期", null=True, blank=True)
    reason = models.TextField("不予签发或退回理由", blank=True)
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "答复签发"
        verbose_name_plural = "答复签发"
        ordering = ("-id",)
        constraints = (
            # One answer at a time waits for 签发 on a request.
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(state="pending"),
                name="signoff_one_pending",
            ),
        )

    def __str__(self) -> str:
        return f"{self.application} {self.get_state_display()}"
