"""The records of the demo district: plain frozen dataclasses, no framework.

Every record has a stable ``id`` (an ``int``, unique within its kind) and the ``agency`` key of the
agency whose register holds it, so a loader can map records to database rows in one pass. Dates
are ``datetime.date``; money is ``decimal.Decimal`` in 元 unless a field name says ``_wan``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class AgencyLevel(StrEnum):
    """Where an agency sits in the district's hierarchy."""

    GOVERNMENT = "government"  # 区人民政府
    DEPARTMENT = "department"  # 区政府工作部门
    TOWNSHIP = "township"  # 乡镇人民政府 / 街道办事处


LEVEL_LABELS: dict[AgencyLevel, str] = {
    AgencyLevel.GOVERNMENT: "人民政府",
    AgencyLevel.DEPARTMENT: "政府工作部门",
    AgencyLevel.TOWNSHIP: "乡镇（街道）",
}


@dataclass(frozen=True)
class Office:
    """The agency's 政府信息公开工作机构 and its contact data (条例第十二条: the 指南 lists them)."""

    name: str
    address: str
    hours: str
    phone: str
    fax: str
    email: str


@dataclass(frozen=True)
class Agency:
    key: str  # short ASCII key, e.g. "gov", "jyj"; also the prefix of usernames
    name: str  # full name, "示例市云溪区教育局"
    short_name: str  # "区教育局"
    level: AgencyLevel
    parent: str | None  # key of the parent agency (None for the district government)
    code: str  # a fictional organisation code used in 索引号 and 受理编号
    office: Office


class Role(StrEnum):
    ADMIN = "admin"  # 系统管理员
    OFFICE = "office"  # 公开办 (reads everything below its government)
    OFFICER = "officer"  # 经办人
    REVIEWER = "reviewer"  # 审核人


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "系统管理员",
    Role.OFFICE: "公开办",
    Role.OFFICER: "经办人",
    Role.REVIEWER: "审核人",
}


@dataclass(frozen=True)
class Person:
    """A demo login. Names are random combinations of common characters, never real people."""

    username: str
    password: str
    full_name: str
    role: Role
    agency: str  # agency key


class Channel(StrEnum):
    """How a request reached the agency (条例第二十九条, 第三十一条)."""

    IN_PERSON = "in_person"  # 当面提交
    MAIL = "mail"  # 邮寄
    FAX = "fax"  # 传真
    EMAIL = "email"  # 电子邮件
    ONLINE = "online"  # 网上申请平台


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.MAIL: "信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ONLINE: "网上申请平台",
}


@dataclass(frozen=True)
class Applicant:
    kind: str  # a table-3 column key: natural, commercial, research, nonprofit, legal, other
    name: str
    id_type: str  # "居民身份证" or "统一社会信用代码"
    id_number: str  # fictional: region code 990000 / credit code starting "99"
    phone: str
    email: str
    address: str


class EventKind(StrEnum):
    """What happened to a request while it was open; the clock turns these into a due date."""

    CORRECTION_REQUESTED = "correction_requested"  # 补正通知 sent (第三十条)
    CORRECTION_RECEIVED = "correction_received"  # 补正 received; the period restarts (第三十一条)
    CONSULTATION_STARTED = "consultation_started"  # 征求第三方/其他机关意见 (第三十二、三十四条)
    CONSULTATION_ENDED = "consultation_ended"
    FEE_NOTICE = "fee_notice"  # 收费通知 (国办函〔2020〕109号)
    FEE_PAID = "fee_paid"
    EXTENSION = "extension"  # 延期答复, approved by a 审核人 (第三十三条第二款)
    DUE_DATE_SET = "due_date_set"  # a due date agreed with the applicant or set by law


@dataclass(frozen=True)
class Event:
    kind: EventKind
    day: dt.date
    note: str = ""
    party: str | None = None  # consultations: "third_party" or "agency"
    amount: Decimal | None = None  # fees: the amount noticed or paid, in 元
    workdays: int | None = None  # extensions: the number of working days added (≤ 20)
    due: dt.date | None = None  # DUE_DATE_SET: the agreed due date
    by: str | None = None  # username of the staff member who recorded or approved it


class State(StrEnum):
    """The request's state on the demo's last day (the workbench's status flow)."""

    REGISTERED = "registered"  # 登记
    IN_PROGRESS = "in_progress"  # 办理中
    AWAITING_CORRECTION = "awaiting_correction"  # 补正中
    CONSULTING = "consulting"  # 征求意见中
    AWAITING_FEE = "awaiting_fee"  # 待缴费
    ANSWERED = "answered"  # 已答复
    TERMINATED = "terminated"  # 已终止


@dataclass(frozen=True)
class Request:
    """One 政府信息公开申请.

    ``outcome`` is a leaf row key of table 3 in the format of the year it was ``closed``
    (``format_for_year(closed.year).outcome_rows``); both are None while it is open.
    """

    id: int
    agency: str
    number: str  # 受理编号, unique per agency and year
    received: dt.date  # the date of receipt by 条例第三十一条 (a working day in the demo)
    channel: Channel
    applicant: Applicant
    subject: str  # what is asked, in the applicant's words
    requested_form: str  # "纸质" / "电子数据"
    delivery: str  # "邮寄" / "电子邮件" / "当场领取"
    officer: str  # username of the 经办人
    events: tuple[Event, ...]
    state: State
    closed: dt.date | None = None
    outcome: str | None = None
    legal_basis: str | None = None
    fee: Decimal | None = None  # 信息处理费 paid, in 元
    overdue: bool = False  # answered (or still open) after the statutory due date


class ProactiveChannel(StrEnum):
    """Where a proactive item was published (条例第二十三、二十四条)."""

    PORTAL = "portal"  # 政府门户网站
    NEW_MEDIA = "new_media"  # 政务新媒体 (a WeChat account)
    GAZETTE = "gazette"  # 政府公报
    READING_ROOM = "reading_room"  # 政府信息公开查阅点


PROACTIVE_CHANNEL_LABELS: dict[ProactiveChannel, str] = {
    ProactiveChannel.PORTAL: "门户网站",
    ProactiveChannel.NEW_MEDIA: "政务新媒体",
    ProactiveChannel.GAZETTE: "政府公报",
    ProactiveChannel.READING_ROOM: "公开查阅点",
}


@dataclass(frozen=True)
class ProactiveItem:
    """One entry of the agency's 政府信息公开目录 (条例第十二条) with its channels."""

    id: int
    agency: str
    index_number: str  # 索引号
    title: str  # 名称
    summary: str  # 内容概述
    doc_number: str  # 文号 ("" when the item has none)
    formed: dt.date  # 生成日期: formed or changed (第二十六条 counts from here)
    published: dt.date  # 公开日期
    publisher: str  # 发布机构
    category: str  # 主题分类, one of the agency's configured categories
    validity: str  # 有效性: "有效" / "失效" / "废止"
    channels: tuple[ProactiveChannel, ...]
    new_media_account: str | None = None  # the WeChat account's name when NEW_MEDIA is a channel


class DocumentKind(StrEnum):
    RULE = "rule"  # 规章
    NORMATIVE = "normative"  # 行政规范性文件


@dataclass(frozen=True)
class Document:
    """A 规章 or 行政规范性文件 (第二十条第（一）项), in force from ``issued`` until ``repealed``."""

    id: int
    agency: str
    kind: DocumentKind
    title: str
    doc_number: str
    issued: dt.date
    repealed: dt.date | None = None


class DecisionKind(StrEnum):
    LICENSING = "licensing"  # 行政许可 (第二十条第（五）项)
    OTHER_SERVICES = "other_services"  # 其他对外管理服务事项 (2019 format only)
    PENALTY = "penalty"  # 行政处罚 (第二十条第（六）项)
    COERCION = "coercion"  # 行政强制 (第二十条第（六）项)


@dataclass(frozen=True)
class Decisions:
    """Decisions entered one by one (``count == 1``, start == end, a title) or as a period total
    with a note saying where the number comes from. A period lies within one calendar year."""

    id: int
    agency: str
    kind: DecisionKind
    start: dt.date
    end: dt.date
    count: int
    title: str = ""
    source_note: str = ""


@dataclass(frozen=True)
class FeeIncome:
    """行政事业性收费 collected in a period (第二十条第（八）项), in 元, with its source."""

    id: int
    agency: str
    item: str  # the 收费项目
    start: dt.date
    end: dt.date
    amount: Decimal
    source_note: str = ""


class MatterKind(StrEnum):
    """The 2019 format counts items (事项), not only decisions: 上一年项目数量 and 本年增/减."""

    LICENSING = "licensing"
    OTHER_SERVICES = "other_services"
    PENALTY = "penalty"
    COERCION = "coercion"
    FEES = "fees"


@dataclass(frozen=True)
class Matter:
    """An item on the agency's list of powers or fees, listed from ``listed`` until ``delisted``."""

    id: int
    agency: str
    kind: MatterKind
    name: str
    listed: dt.date
    delisted: dt.date | None = None


@dataclass(frozen=True)
class Procurement:
    """A 政府集中采购 project (第二十条第（九）项; counted only in 2019-format reports)."""

    id: int
    agency: str
    title: str
    day: dt.date
    amount: Decimal  # 元


class CaseKind(StrEnum):
    REVIEW = "review"  # 行政复议
    SUIT_DIRECT = "suit_direct"  # 行政诉讼, 未经复议直接起诉
    SUIT_AFTER_REVIEW = "suit_after_review"  # 行政诉讼, 复议后起诉


class CaseResult(StrEnum):
    UPHELD = "upheld"  # 维持
    CORRECTED = "corrected"  # 纠正
    OTHER = "other"  # 其他 (e.g. withdrawn, dismissed)


@dataclass(frozen=True)
class Case:
    """A 行政复议 or 行政诉讼 about a disclosure decision, linked to the request it concerns.

    ``review_body_codefendant`` marks the copy in the register of a 复议机关 sued as co-defendant
    (行政诉讼法第二十六条第二款); by 国办公开办函〔2016〕201号 only the agency whose original
    decision is challenged counts the case, so this copy is never counted.
    """

    id: int
    agency: str
    request: int  # id of the request
    kind: CaseKind
    filed: dt.date
    body: str  # the 复议机关 or the court
    result: CaseResult | None = None  # None: 尚未审结
    decided: dt.date | None = None
    review_body_codefendant: bool = False
    note: str = ""
