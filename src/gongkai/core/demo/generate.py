"""The deterministic generator behind :func:`generate_district`: the whole district, one
module per register (``agencies``, ``requests``, ``proactive``, ``records``, ``cases``).

Randomness comes from ``random.Random(seed)`` only and dates from the years asked for, so the
same arguments give the same district on every machine, every day.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..formats import format_for_year
from .agencies import WECHAT, make_agencies, make_people
from .cases import cases
from .model import (
    Agency,
    Case,
    Decisions,
    Document,
    FeeIncome,
    Matter,
    Person,
    ProactiveItem,
    Procurement,
    Request,
    Role,
)
from .proactive import categories_of, proactive
from .records import decisions, documents, fees, matters, procurements
from .requests import iter_requests
from .workdays import demo_calendar


@dataclass(frozen=True)
class District:
    """A whole demo district: agencies, people and every register, for ``years``.

    ``as_of`` is the last day the records describe (31 December of the last year); requests
    still open then are carried into the next year.
    """

    seed: int
    years: tuple[int, ...]
    as_of: dt.date
    agencies: tuple[Agency, ...]
    people: tuple[Person, ...]
    # Per agency key: its proactive-disclosure categories (主题分类) and its WeChat account.
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    new_media_accounts: dict[str, str] = field(default_factory=dict)
    requests: tuple[Request, ...] = ()
    proactive: tuple[ProactiveItem, ...] = ()
    documents: tuple[Document, ...] = ()
    decisions: tuple[Decisions, ...] = ()
    fees: tuple[FeeIncome, ...] = ()
    matters: tuple[Matter, ...] = ()
    procurements: tuple[Procurement, ...] = ()
    cases: tuple[Case, ...] = ()

    def agency(self, key: str) -> Agency:
        for agency in self.agencies:
            if agency.key == key:
                return agency
        raise KeyError(key)

    def featured_people(self) -> tuple[Person, ...]:
        """The logins worth printing: the administrator, 公开办, and the 经办人/审核人 of the
        district government, two departments and a township."""
        keys = {"gov", "jyj", "zjj", "tyz"}
        return tuple(
            p for p in self.people if p.role in (Role.ADMIN, Role.OFFICE) or p.agency in keys
        )


def proactive_items(seed: int, years: Sequence[int]) -> tuple[ProactiveItem, ...]:
    """The 目录 items of ``years`` alone, from a stream of their own (the web demo adds the
    current year's items, up to today, to a district generated for the two closed years)."""
    rng = random.Random(f"proactive-{seed}-{'-'.join(map(str, years))}")
    return tuple(proactive(rng, demo_calendar(), make_agencies(seed), tuple(years)))


def generate_district(
    seed: int = 0,
    years: Sequence[int] = (2024, 2025),
    requests_per_year: int | None = None,
) -> District:
    """The demo district with every register filled for ``years`` (consecutive, ascending).

    ``requests_per_year`` defaults to ten per agency (260 for the 26 agencies).
    """
    years = tuple(years)
    if not years or list(years) != list(range(years[0], years[0] + len(years))):
        raise ValueError("years 必须是连续递增的年份，例如 (2024, 2025)")
    format_for_year(years[0])  # refuses years before the national formats
    cal = demo_calendar()
    agencies = make_agencies(seed)
    per_year = 10 * len(agencies) if requests_per_year is None else requests_per_year
    requests = tuple(iter_requests(seed=seed, years=years, requests=per_year * len(years)))
    rng = random.Random(f"registers-{seed}")
    as_of = dt.date(years[-1], 12, 31)
    return District(
        seed=seed,
        years=years,
        as_of=as_of,
        agencies=agencies,
        people=make_people(agencies, seed),
        categories={a.key: categories_of(a) for a in agencies},
        new_media_accounts=dict(WECHAT),
        requests=requests,
        proactive=tuple(proactive(rng, cal, agencies, years)),
        documents=tuple(documents(rng, cal, agencies, years)),
        decisions=tuple(decisions(rng, agencies, years)),
        fees=tuple(fees(rng, years)),
        matters=tuple(matters(rng, agencies, years)),
        procurements=tuple(procurements(rng, agencies, years)),
        cases=tuple(cases(rng, cal, requests, agencies, as_of)),
    )
