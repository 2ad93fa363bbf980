"""A deterministic demo district: 示例市云溪区 with two full years of every register.

Everything here is fictional (names are random combinations of common characters; phone numbers
use the unassigned area code 0999, ID numbers the region 990000, e-mail ``*.example``). The same
arguments give the same district on every machine and every day: randomness comes from
``random.Random(seed)`` and working days from the bundled calendar, never from the wall clock.

Use
---
::

    from gongkai.core.demo import generate_district, iter_requests

    district = generate_district(seed=0, years=(2024, 2025))   # ~525 requests, ~880 items
    for agency in district.agencies: ...                        # gov, 20 departments, 5 乡镇/街道
    for person in district.featured_people(): print(person.username, person.password)

    # At scale, streamed (nothing is held in memory):
    for request in iter_requests(seed=0, years=(2024, 2025), requests=1_000_000): ...
    for request in iter_requests(requests=100_000, agencies=("gov",)): ...   # one agency

The records (all frozen dataclasses in :mod:`gongkai.core.demo.model`; ``id`` is unique per
kind, ``agency`` is an :attr:`Agency.key`)
---------------------------------------------------------------------------------------------
``District``
    ``seed``, ``years``, ``as_of`` (31 Dec of the last year), ``agencies``, ``people``,
    ``categories`` (agency key → 主题分类 tuple), ``new_media_accounts`` (agency key → WeChat
    account name), and the registers ``requests``, ``proactive``, ``documents``, ``decisions``,
    ``fees``, ``matters``, ``procurements``, ``cases``. ``agency(key)``, ``featured_people()``.
``Agency``
    ``key``, ``name`` (示例市云溪区教育局), ``short_name`` (区教育局), ``level``
    (:class:`AgencyLevel`: government / department / township), ``parent`` (key or None),
    ``code`` (fictional organisation code, used in 索引号), ``office`` (:class:`Office`).
``Office`` — the 政府信息公开工作机构 (条例第十二条): ``name``, ``address``, ``hours``,
    ``phone``, ``fax``, ``email``.
``Person`` — ``username``, ``password`` (all ``DEMO_PASSWORD``), ``full_name``, ``role``
    (:class:`Role`: admin 系统管理员 / office 公开办 / officer 经办人 / reviewer 审核人),
    ``agency``. Usernames: ``admin``, ``gkb`` (公开办), ``<agency>_jbr``, ``<agency>_shr``.
``Request`` — ``id``, ``agency``, ``number`` (受理编号, unique per agency and year),
    ``received`` (a working day), ``channel`` (:class:`Channel`), ``applicant``
    (:class:`Applicant`: ``kind`` = table-3 column key, ``name``, ``id_type``, ``id_number``,
    ``phone``, ``email``, ``address``), ``subject``, ``requested_form``, ``delivery``,
    ``officer`` (username), ``events`` (:class:`Event` tuple, by date), ``state``
    (:class:`State` on ``as_of``), ``closed`` and ``outcome`` (a leaf row key of
    ``format_for_year(closed.year).outcome_rows``; both None while open), ``legal_basis``,
    ``fee`` (元 paid), ``overdue``.
``Event`` — ``kind`` (:class:`EventKind`: correction_requested/received,
    consultation_started/ended with ``party`` "third_party" or "agency", fee_notice/fee_paid
    with ``amount``, extension with ``workdays``, due_date_set with ``due``), ``day``, ``note``,
    ``by`` (username). :func:`gongkai.core.demo.clock.clock_events` turns a request's log into
    the clock's events (:mod:`gongkai.core.deadlines`); ``overdue`` is what the clock says.
``ProactiveItem`` — the 目录 fields ``index_number`` 索引号, ``title`` 名称, ``summary`` 内容概述,
    ``doc_number`` 文号, ``formed`` 生成日期, ``published`` 公开日期, ``publisher`` 发布机构,
    ``category`` 主题分类, ``validity`` 有效性; ``channels`` (:class:`ProactiveChannel`: portal,
    new_media, gazette, reading_room) and ``new_media_account``.
``Document`` — 规章 / 行政规范性文件 (:class:`DocumentKind`) with ``issued`` and ``repealed``.
``Decisions`` — 行政许可/其他对外管理服务事项/行政处罚/行政强制 (:class:`DecisionKind`):
    ``start``..``end``, ``count``; one by one (count 1, ``title``) or a period total
    (``source_note``).
``FeeIncome`` — 行政事业性收费 ``item``, ``start``..``end``, ``amount`` (元), ``source_note``.
``Matter`` — an item on a list of powers or fees (:class:`MatterKind`), ``listed``..``delisted``;
    the 2019 format counts these (上一年项目数量, 本年增/减).
``Procurement`` — 政府集中采购 projects (2019-format years only): ``title``, ``day``, ``amount``.
``Case`` — 行政复议/行政诉讼 (:class:`CaseKind`) about ``request``: ``filed``, ``body``,
    ``result`` (:class:`CaseResult` or None = 尚未审结), ``decided``,
    ``review_body_codefendant`` (the 复议机关's uncounted copy, 国办公开办函〔2016〕201号).

No agency of the demo makes 规章: a district government has no rule-making power
(立法法第九十三条 gives it to 设区的市 governments and above).
"""

from __future__ import annotations

from .agencies import DEMO_PASSWORD
from .generate import District, generate_district, proactive_items
from .model import (
    CHANNEL_LABELS,
    LEVEL_LABELS,
    PROACTIVE_CHANNEL_LABELS,
    ROLE_LABELS,
    Agency,
    AgencyLevel,
    Applicant,
    Case,
    CaseKind,
    CaseResult,
    Channel,
    DecisionKind,
    Decisions,
    Document,
    DocumentKind,
    Event,
    EventKind,
    FeeIncome,
    Matter,
    MatterKind,
    Office,
    Person,
    ProactiveChannel,
    ProactiveItem,
    Procurement,
    Request,
    Role,
    State,
)
from .requests import iter_requests
from .workdays import demo_calendar

__all__ = [
    "CHANNEL_LABELS",
    "DEMO_PASSWORD",
    "LEVEL_LABELS",
    "PROACTIVE_CHANNEL_LABELS",
    "ROLE_LABELS",
    "Agency",
    "AgencyLevel",
    "Applicant",
    "Case",
    "CaseKind",
    "CaseResult",
    "Channel",
    "DecisionKind",
    "Decisions",
    "District",
    "Document",
    "DocumentKind",
    "Event",
    "EventKind",
    "FeeIncome",
    "Matter",
    "MatterKind",
    "Office",
    "Person",
    "ProactiveChannel",
    "ProactiveItem",
    "Procurement",
    "Request",
    "Role",
    "State",
    "demo_calendar",
    "generate_district",
    "iter_requests",
    "proactive_items",
]
