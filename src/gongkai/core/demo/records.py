"""The 第二十条 records of the demo (table 2 of the annual report): 规范性文件, decisions,
fee income, lists of powers and fees, procurement.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal

from ..calendar import WorkCalendar
from ..formats import format_for_year
from . import names
from .agencies import ABBR
from .model import (
    Agency,
    AgencyLevel,
    DecisionKind,
    Decisions,
    Document,
    DocumentKind,
    FeeIncome,
    Matter,
    MatterKind,
    Procurement,
)
from .workdays import workday_in


def documents(
    rng: random.Random, cal: WorkCalendar, agencies: Sequence[Agency], years: Sequence[int]
) -> list[Document]:
    """行政规范性文件 issued before and during the years, some repealed.

    No agency of the demo makes 规章: a 区 government and its departments have no rule-making
    power (立法法第九十三条 gives it to 设区的市 governments and above), and the checker flags a
    规章 count for a 乡镇/街道.
    """
    documents: list[Document] = []
    first = years[0]
    for agency in agencies:
        per_year = {AgencyLevel.GOVERNMENT: (3, 7), AgencyLevel.DEPARTMENT: (0, 3)}.get(
            agency.level, (0, 1)
        )
        for year in range(first - 3, max(years) + 1):
            for _ in range(rng.randint(*per_year)):
                issued = workday_in(rng, cal, dt.date(year, 1, 1), dt.date(year, 12, 31))
                repealed = None
                if rng.random() < 0.25:
                    later = issued + dt.timedelta(days=rng.randint(200, 1500))
                    if cal.first <= later and later.year <= max(years):
                        repealed = later if cal.is_workday(later) else cal.add_workdays(later, 1)
                documents.append(
                    Document(
                        id=len(documents) + 1,
                        agency=agency.key,
                        kind=DocumentKind.NORMATIVE,
                        title=f"{agency.short_name}关于{rng.choice(names.TOPICS)}的若干规定",
                        doc_number=f"{ABBR[agency.key]}规〔{year}〕{len(documents) % 9 + 1}号",
                        issued=issued,
                        repealed=repealed,
                    )
                )
    return documents


def decisions(
    rng: random.Random, agencies: Sequence[Agency], years: Sequence[int]
) -> list[Decisions]:
    """Decisions by quarter with a source note, or one by one, per agency and year."""
    decisions: list[Decisions] = []
    for agency in agencies:
        kinds: list[DecisionKind] = []
        if agency.key in names.LICENSING:
            kinds.append(DecisionKind.LICENSING)
        if agency.key in names.ENFORCEMENT or agency.key in names.TOWNSHIP_ENFORCEMENT:
            kinds += [DecisionKind.PENALTY, DecisionKind.COERCION]
        for year in years:
            for kind in kinds:
                if kind is DecisionKind.LICENSING and format_for_year(year).has_row(
                    "t2", "other_services"
                ):
                    kinds_here = [kind, DecisionKind.OTHER_SERVICES]
                else:
                    kinds_here = [kind]
                for k in kinds_here:
                    if rng.random() < 0.75:
                        for q in range(4):
                            start = dt.date(year, 3 * q + 1, 1)
                            end = (
                                dt.date(year, 12, 31)
                                if q == 3
                                else dt.date(year, 3 * q + 4, 1) - dt.timedelta(days=1)
                            )
                            scale = {"licensing": 400, "penalty": 60, "coercion": 8}.get(k, 30)
                            decisions.append(
                                Decisions(
                                    id=len(decisions) + 1,
                                    agency=agency.key,
                                    kind=k,
                                    start=start,
                                    end=end,
                                    count=rng.randint(scale // 3, scale),
                                    source_note=f"据{agency.short_name}业务系统{year}年第{q + 1}季度统计",
                                )
                            )
                    else:
                        for n in range(rng.randint(2, 6)):
                            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
                            label = {"licensing": "准予行政许可决定书", "penalty": "行政处罚决定书"}
                            name = label.get(
                                k, "行政强制措施决定书" if k == "coercion" else "办理决定"
                            )
                            decisions.append(
                                Decisions(
                                    id=len(decisions) + 1,
                                    agency=agency.key,
                                    kind=k,
                                    start=day,
                                    end=day,
                                    count=1,
                                    title=f"{name}（{ABBR[agency.key]}〔{year}〕{n + 1}号）",
                                )
                            )
    return decisions


def fees(rng: random.Random, years: Sequence[int]) -> list[FeeIncome]:
    fees: list[FeeIncome] = []
    for key, item in names.FEE_ITEMS.items():
        for year in years:
            for half in range(2):
                start = dt.date(year, 1, 1) if half == 0 else dt.date(year, 7, 1)
                end = dt.date(year, 6, 30) if half == 0 else dt.date(year, 12, 31)
                fees.append(
                    FeeIncome(
                        id=len(fees) + 1,
                        agency=key,
                        item=item,
                        start=start,
                        end=end,
                        amount=Decimal(rng.randint(20_000_00, 900_000_00)) / 100,
                        source_note=f"据区财政非税收入系统{year}年{'上' if half == 0 else '下'}半年入库数",
                    )
                )
    return fees


def matters(rng: random.Random, agencies: Sequence[Agency], years: Sequence[int]) -> list[Matter]:
    """Lists of powers and fees (the items the 2019 format counts), a few changed each year."""
    matters: list[Matter] = []
    labels = {
        MatterKind.LICENSING: "许可事项",
        MatterKind.OTHER_SERVICES: "公共服务事项",
        MatterKind.PENALTY: "处罚事项",
        MatterKind.COERCION: "强制事项",
        MatterKind.FEES: "收费项目",
    }
    for agency in agencies:
        kinds: list[MatterKind] = []
        if agency.key in names.LICENSING:
            kinds += [MatterKind.LICENSING, MatterKind.OTHER_SERVICES]
        if agency.key in names.ENFORCEMENT or agency.key in names.TOWNSHIP_ENFORCEMENT:
            kinds += [MatterKind.PENALTY, MatterKind.COERCION]
        if agency.key in names.FEE_ITEMS:
            kinds.append(MatterKind.FEES)
        for kind in kinds:
            for n in range(rng.randint(2, 12)):
                listed = dt.date(years[0] - rng.randint(0, 5), rng.randint(1, 12), 1)
                delisted = None
                if rng.random() < 0.15:
                    delisted = dt.date(rng.choice(years), rng.randint(1, 12), 1)
                matters.append(
                    Matter(
                        id=len(matters) + 1,
                        agency=agency.key,
                        kind=kind,
                        name=f"{agency.short_name}{labels[kind]}第{n + 1}项",
                        listed=listed,
                        delisted=delisted if delisted and delisted > listed else None,
                    )
                )
    return matters


def procurements(
    rng: random.Random, agencies: Sequence[Agency], years: Sequence[int]
) -> list[Procurement]:
    """政府集中采购 projects, only for years reported in the 2019 format."""
    out: list[Procurement] = []
    for year in years:
        if not format_for_year(year).has_row("t2", "procurement"):
            continue
        for agency in agencies:
            for _ in range(rng.randint(0, 4)):
                out.append(
                    Procurement(
                        id=len(out) + 1,
                        agency=agency.key,
                        title=f"{agency.short_name}{rng.choice(('办公设备', '信息化系统运维', '物业服务'))}采购项目",
                        day=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        amount=Decimal(rng.randint(5_0000, 300_0000)),
                    )
                )
    return out
