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

from ..vocabulary import (
    CHANNEL_LABELS,
    PROACTIVE_CHANNEL_LABELS,
    ROLE_LABELS,
    CaseKind,
    CaseResult,
    Channel,
    DecisionKind,
    DocumentKind,
    EventKind,
    MatterKind,
    ProactiveChannel,
    Role,
    Status,
)

# The domain's words (roles, channels, statuses, event kinds, kinds of record) are declared once
# in gongkai.core.vocabulary; the demo's records use them.
__all__ = [
    "CHANNEL_LABELS",
    "PROACTIVE_CHANNEL_LABELS",
    "ROLE_LABELS",
    "CaseKind",
    "CaseResult",
    "Channel",
    "DecisionKind",
    "DocumentKind",
    "EventKind",
    "MatterKind",
    "ProactiveChannel",
    "Role",
    "Status",
]


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


@dataclass(frozen=True)
class Person:
    """A demo login. Names are random combinations of common characters, never real people."""

    username: str
    password: str
    full_name: str
    role: Role
    agency: str  # agency key


@dataclass(frozen=True)
class Applicant:
    kind: str  # a table-3 column key: natural, commercial, research, nonprofit, legal, other
    name: str
    id_type: str  # "居民身份证" or "统一社会信用代码"
    id_number: str  # fictional: region code 990000 / credit code starting "99"
    phone: str
    email: str
    address: str


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
    state: Status
    closed: dt.date | None = None
    outcome: str | None = None
    legal_basis: str | None = None
    fee: Decimal | None = None  # 信息处理费 paid, in 元
    overdue: bool = False  # answered (or still open) after the statutory due date


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
    validity: str  # 有效性 as its label (vocabulary.VALIDITY_LABELS): "有效" / "失效" / "废止"
    channels: tuple[ProactiveChannel, ...]
    new_media_account: str | None = None  # the WeChat account's name when NEW_MEDIA is a channel


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
