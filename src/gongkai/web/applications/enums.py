"""The request register's choices, derived from the vocabulary the core declares once
(:mod:`gongkai.core.vocabulary`: channels and the 第三十一条 receipt rules, statuses, event
kinds), and the register's own lists (applicant kinds from table 3, ID types, forms, delivery)."""

from __future__ import annotations

from gongkai.core.formats.common import T3_COLUMNS
from gongkai.core.vocabulary import (
    CHANNEL_LABELS,
    CLOCK_EVENT_KINDS,
    EVENT_LABELS,
    RECEIPT_RULES,
    STATUS_LABELS,
    Channel,
    EventKind,
    Status,
    choices,
)

__all__ = [
    "APPLICANT_KIND_CHOICES",
    "APPLICANT_KIND_LABELS",
    "CHANNEL_CHOICES",
    "CHANNEL_LABELS",
    "CLOCK_EVENT_KINDS",
    "DELIVERY_CHOICES",
    "EVENT_CHOICES",
    "EVENT_LABELS",
    "FORM_CHOICES",
    "ID_TYPE_CHOICES",
    "NATURAL_PERSON",
    "OPEN_STATUSES",
    "PARTY_CHOICES",
    "RECEIPT_RULES",
    "STATUS_CHOICES",
    "STATUS_LABELS",
    "WAITING_STATUSES",
    "Channel",
    "EventKind",
    "Status",
]


STATUS_CHOICES = choices(Status)
OPEN_STATUSES = [s.value for s in Status if s.is_open]
WAITING_STATUSES = [s.value for s in Status if s.is_waiting]


CHANNEL_CHOICES = choices(Channel)

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


EVENT_CHOICES = choices(EventKind)

PARTY_CHOICES = [("third_party", "第三方"), ("agency", "其他行政机关")]
