"""The vocabularies of the request register, each defined once (style guide R3)."""

from __future__ import annotations

from enum import StrEnum

from gongkai.core.formats.common import T3_COLUMNS


class Status(StrEnum):
    """The status flow of issue 4 §3: 登记 → 办理中, paused in 补正中 / 征求意见中 / 待缴费,
    ending in 已答复 or 已终止. An online application starts in 待确认 (issue 14): not yet
    received until the agency confirms it (条例 第三十一条第三项)."""

    PENDING = "pending"
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    ANSWERED = "answered"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self not in {Status.ANSWERED, Status.TERMINATED}

    @property
    def is_waiting(self) -> bool:
        """Waiting on the applicant (补正, fee) or a third party (consultation)."""
        return self in {Status.AWAITING_CORRECTION, Status.CONSULTING, Status.AWAITING_FEE}


STATUS_LABELS = {
    Status.PENDING: "待确认",
    Status.REGISTERED: "登记",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_CORRECTION: "补正中",
    Status.CONSULTING: "征求意见中",
    Status.AWAITING_FEE: "待缴费",
    Status.ANSWERED: "已答复",
    Status.TERMINATED: "已终止",
}
STATUS_CHOICES = [(s.value, s.label) for s in Status]
OPEN_STATUSES = [s.value for s in Status if s.is_open]
WAITING_STATUSES = [s.value for s in Status if s.is_waiting]


class Channel(StrEnum):
    """How the request arrived (条例 第二十九条); 第三十一条 fixes the date of receipt for each."""

    IN_PERSON = "in_person"
    MAIL = "mail"
    FAX = "fax"
    EMAIL = "email"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]

    @property
    def receipt_rule(self) -> str:
        """条例 第三十一条: which day counts as the day of receipt."""
        return RECEIPT_RULES[self]


CHANNEL_LABELS = {
    Channel.IN_PERSON: "当面提交",
    Channel.MAIL: "信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ONLINE: "网上申请平台",
}
RECEIPT_RULES = {
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
    Channel.MAIL: "以邮寄方式提交的，以行政机关签收之日为收到申请之日；平常信函等无需签收的，以双方确认之日为准（条例第三十一条第二项）",
    Channel.FAX: "通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
    Channel.EMAIL: "通过电子邮件提交的，以电子邮件到达本机关邮件系统之日为收到申请之日（条例第三十一条，国办公开办函〔2015〕207号）",
    Channel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
}
CHANNEL_CHOICES = [(c.value, c.label) for c in Channel]

# Applicant types are the six applicant columns of table 3 (labels from the format declaration).
APPLICANT_KIND_CHOICES = [(c.key, c.label) for c in T3_COLUMNS if c.key != "total"]
APPLICANT_KIND_LABELS = dict(APPLICANT_KIND_CHOICES)
NATURAL_PERSON = "natural"

ID_TYPE_CHOICES = [
    ("居民身份证", "居民身份证"),
    ("护照", "护照"),
    ("港澳台居民证件", "港澳台居民证件"),
    ("统一社会信用代码", "统一社会信用代码"),
    ("其他证件", "其他证件"),
]
FORM_CHOICES = [("纸质", "纸质"), ("电子数据", "电子数据"), ("其他", "其他")]
DELIVERY_CHOICES = [
    ("邮寄", "邮寄"),
    ("电子邮件", "电子邮件"),
    ("当场领取", "当场领取"),
    ("传真", "传真"),
]


class EventKind(StrEnum):
    """The clock's event log (条例 第三十条 to 第三十五条; 国办函〔2020〕109号)."""

    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"
    FEE_NOTICE = "fee_notice"
    FEE_PAID = "fee_paid"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION = "extension"
    DUE_DATE_SET = "due_date_set"
    ANSWERED = "answered"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventKind.RECEIVED: "收到申请",
    EventKind.CORRECTION_REQUESTED: "发出补正通知",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CONSULTATION_STARTED: "发出征求意见",
    EventKind.CONSULTATION_ENDED: "收到意见答复",
    EventKind.FEE_NOTICE: "发出收费通知",
    EventKind.FEE_PAID: "申请人缴费",
    EventKind.EXTENSION_REQUESTED: "申请延期答复",
    EventKind.EXTENSION: "批准延期答复",
    EventKind.DUE_DATE_SET: "确定答复期限",
    EventKind.ANSWERED: "作出答复",
    EventKind.TERMINATED: "终止办理",
}
EVENT_CHOICES = [(k.value, k.label) for k in EventKind]

PARTY_CHOICES = [("third_party", "第三方"), ("agency", "其他行政机关")]
