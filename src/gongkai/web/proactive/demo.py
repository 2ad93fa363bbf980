"""Load the demo district's proactive register and 第二十条 records (``gongkai.core.demo``)
through the services, as the agencies' own staff would enter them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from gongkai.core import demo as core_demo
from gongkai.core.article20 import Article20
from gongkai.core.formats import format_for_year
from gongkai.core.vocabulary import VALIDITY_BY_LABEL, ProactiveChannel
from gongkai.web.orgs.models import Agency
from gongkai.web.proactive import services
from gongkai.web.proactive.models import Category, Channel

# The demo's 主题分类 that fall under a 条例第二十条 item (the others — 政务动态, 工作动态… — are
# published under 第十九条's general duty), so the 目录 can be browsed by category.
DEMO_ARTICLE20 = {
    "政策文件": Article20.RULES.value,
    "规划计划": Article20.PLANS.value,
    "统计信息": Article20.STATISTICS.value,
    "双随机抽查结果": Article20.PENALTIES.value,
    "预决算信息": Article20.BUDGET.value,
    "招投标": Article20.PROCUREMENT.value,
    "重大建设项目": Article20.PROJECTS.value,
    "社会救助": Article20.WELFARE.value,
    "就业创业": Article20.WELFARE.value,
    "招生入学": Article20.WELFARE.value,
    "惠农补贴": Article20.WELFARE.value,
    "食品安全抽检": Article20.INSPECTIONS.value,
    "环境监测": Article20.INSPECTIONS.value,
    "公务员招考": Article20.CIVIL_SERVICE.value,
}

_CHANNEL_NAMES = {
    ProactiveChannel.PORTAL: "{gov}门户网站",
    ProactiveChannel.GAZETTE: "{gov}政府公报",
    ProactiveChannel.READING_ROOM: "{gov}政府信息公开查阅点",
}


def _channels(
    district: core_demo.District, agency: Agency, key: str, reviewer: Any
) -> dict[str, Channel]:
    gov = district.agency("gov").name
    out: dict[str, Channel] = {}
    for kind in (ProactiveChannel.PORTAL, ProactiveChannel.GAZETTE, ProactiveChannel.READING_ROOM):
        out[kind.value] = services.channel_create(
            acting_user=reviewer,
            agency=agency,
            kind=kind.value,
            name=_CHANNEL_NAMES[kind].format(gov=gov),
        )
    account = district.new_media_accounts.get(key)
    if account:
        out[ProactiveChannel.NEW_MEDIA.value] = services.channel_create(
            acting_user=reviewer,
            agency=agency,
            kind=ProactiveChannel.NEW_MEDIA.value,
            name=f"“{account}”微信公众号",
        )
    return out


# The district's 第二十条 records, in the order they are entered: its list and the service.
_RECORDS: tuple[tuple[str, Callable[..., object]], ...] = (
    ("documents", services.document_register),
    ("decisions", services.decision_record),
    ("fees", services.fee_record),
    ("matters", services.matter_record),
    ("procurements", services.procurement_record),
)
# A demo record's field → the service's keyword (the services name their dates ``…_on``).
_KEYWORDS = {
    "issued": "issued_on",
    "repealed": "repealed_on",
    "start": "start_on",
    "end": "end_on",
    "listed": "listed_on",
    "delisted": "delisted_on",
}


def _fields(record: Any) -> dict[str, Any]:
    """A demo 第二十条 record as its service's keywords (its kind as the code)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name not in ("id", "agency"):
            value = getattr(record, f.name)
            out[_KEYWORDS.get(f.name, f.name)] = value.value if isinstance(value, Enum) else value
    return out


def load(
    *,
    district: core_demo.District,
    agencies: dict[str, Agency],
    users: dict[str, Any],
    extra_items: tuple[core_demo.ProactiveItem, ...] = (),
    today: dt.date,
) -> str:
    """Categories, channels, catalogue items and 第二十条 records of every agency;
    ``extra_items`` are more 目录 items (the current year's, up to today)."""
    counts = dict.fromkeys(("items", *(kind for kind, _ in _RECORDS)), 0)
    # Lists of matters only matter for 2019-format years (上一年项目数量、本年增/减).
    with_matters = any(format_for_year(year).counts_matters for year in district.years)
    for key, agency in agencies.items():
        officer = users[f"{key}_jbr"]
        reviewer = users[f"{key}_shr"]
        categories: dict[str, Category] = {}
        for name in district.categories.get(key, ()):
            categories[name] = services.category_create(
                acting_user=reviewer, agency=agency, name=name
            )
        channels = _channels(district, agency, key, reviewer)
        for item in (i for i in (*district.proactive, *extra_items) if i.agency == key):
            if item.formed > today:
                continue
            services.item_register(
                acting_user=officer,
                agency=agency,
                data=services.ItemData(
                    index_number=item.index_number,
                    title=item.title,
                    summary=item.summary,
                    doc_number=item.doc_number,
                    formed_on=item.formed,
                    published_on=item.published if item.published <= today else None,
                    publisher=item.publisher,
                    category=categories[item.category],
                    validity=VALIDITY_BY_LABEL[item.validity].value,
                    channels=[channels[c.value] for c in item.channels if c.value in channels],
                    article20=DEMO_ARTICLE20.get(item.category, ""),
                ),
                today=today,
            )
            counts["items"] += 1
        for kind, register in _RECORDS:
            if kind == "matters" and not with_matters:
                continue
            for record in (r for r in getattr(district, kind) if r.agency == key):
                # A demo document is published the day it is issued.
                extra = {"published_on": record.issued} if kind == "documents" else {}
                register(
                    acting_user=officer, agency=agency, today=today, **_fields(record), **extra
                )
                counts[kind] += 1
    return (
        f"主动公开信息 {counts['items']} 条，规范性文件 {counts['documents']} 件，"
        f"处理决定记录 {counts['decisions']} 条，收费记录 {counts['fees']} 条"
        + (f"，政府集中采购 {counts['procurements']} 项" if counts["procurements"] else "")
    )
