"""The deterministic generator behind :func:`generate_district` and :func:`iter_requests`.

Randomness comes from ``random.Random(seed)`` only and dates from the years asked for, so the
same arguments give the same district on every machine, every day.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..calendar import WorkCalendar, bundled_arrangements
from ..deadlines import Received, compute_deadline
from ..formats import FORMAT_2019, format_for_year
from ..formats.common import T3_APPLICANT_COLUMNS
from ..identity import id_card_check_character
from . import names
from .clock import CLOCK_CHANNELS, clock_event
from .model import (
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

DEMO_PASSWORD = "yunxi-demo-2025"

# Every 2019/2021 outcome key across both formats, for mapping between them.
_OTHER_2019 = "other"
_TERMINATING = frozenset({"other", "other.no_correction", "other.no_fee_paid", "other.other"})

# Applicant mix (table-3 columns) and outcome mix of a typical district, in percent.
_APPLICANT_WEIGHTS = (70, 12, 3, 3, 7, 5)
_OUTCOME_WEIGHTS: dict[str, int] = {
    "granted": 40,
    "partial": 8,
    "withheld.state_secret": 1,
    "withheld.law_forbidden": 1,
    "withheld.security_stability": 1,
    "withheld.third_party": 3,
    "withheld.internal_affairs": 2,
    "withheld.process_info": 3,
    "withheld.enforcement_file": 1,
    "withheld.query_matter": 3,
    "unable.not_held": 14,
    "unable.needs_creation": 3,
    "unable.still_unclear": 2,
    "not_handled.petition": 3,
    "not_handled.repeat": 3,
    "not_handled.publication": 1,
    "not_handled.excessive": 1,
    "not_handled.confirm_existing": 1,
    "other": 5,
    "other.no_correction": 2,
    "other.no_fee_paid": 1,
    "other.other": 2,
}


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


def demo_calendar() -> WorkCalendar:
    """The bundled working-day calendar (no override file), so the demo never varies."""
    return WorkCalendar.from_sources(bundled_arrangements(), ())


# ------------------------------------------------------------------------ agencies and people


def _office(rng: random.Random, name: str, street: str, key: str) -> Office:
    return Office(
        name=name,
        address=f"{names.CITY}{names.DISTRICT}{street}",
        hours="工作日上午8:30—12:00，下午13:30—17:30（法定节假日除外）",
        phone=f"0999-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}",
        fax=f"0999-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}",
        email=f"xxgk-{key}@yunxi.gov.example",
    )


def make_agencies(seed: int = 0) -> tuple[Agency, ...]:
    """The district government, its departments and its 乡镇/街道."""
    rng = random.Random(f"agencies-{seed}")
    agencies = [
        Agency(
            key="gov",
            name=names.GOVERNMENT_NAME,
            short_name="区政府",
            level=AgencyLevel.GOVERNMENT,
            parent=None,
            code="99YXQ0001",
            office=_office(
                rng, "示例市云溪区人民政府办公室（区政务公开办）", "云溪大道88号", "gov"
            ),
        )
    ]
    for i, (key, name, _abbr, _wx, office, street) in enumerate(names.DEPARTMENTS, start=2):
        agencies.append(
            Agency(
                key=key,
                name=f"{names.CITY}{names.DISTRICT}{name}",
                short_name=f"区{name}",
                level=AgencyLevel.DEPARTMENT,
                parent="gov",
                code=f"99YXQ{i:04d}",
                office=_office(rng, f"{names.DISTRICT}{name}{office}", street, key),
            )
        )
    for i, (key, name, _abbr, _wx, office, street) in enumerate(names.TOWNSHIPS, start=101):
        agencies.append(
            Agency(
                key=key,
                name=f"{names.CITY}{names.DISTRICT}{name}",
                short_name=name,
                level=AgencyLevel.TOWNSHIP,
                parent="gov",
                code=f"99YXQ{i:04d}",
                office=_office(rng, f"{name.removesuffix('人民政府')}{office}", street, key),
            )
        )
    return tuple(agencies)


_ABBR: dict[str, str] = {"gov": "云政"} | {
    key: abbr for key, _n, abbr, _w, _o, _s in (*names.DEPARTMENTS, *names.TOWNSHIPS)
}
_WECHAT: dict[str, str] = {"gov": names.DISTRICT_WECHAT} | {
    key: wx for key, _n, _a, wx, _o, _s in (*names.DEPARTMENTS, *names.TOWNSHIPS) if wx
}


def _person_name(rng: random.Random) -> str:
    given = rng.choice(names.GIVEN) + (rng.choice(names.GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(names.SURNAMES) + given


def make_people(agencies: Sequence[Agency], seed: int = 0) -> tuple[Person, ...]:
    """One administrator, one 公开办 user, and a 经办人 and a 审核人 for every agency."""
    rng = random.Random(f"people-{seed}")
    people = [
        Person("admin", DEMO_PASSWORD, _person_name(rng), Role.ADMIN, "gov"),
        Person("gkb", DEMO_PASSWORD, _person_name(rng), Role.OFFICE, "gov"),
    ]
    for agency in agencies:
        people.append(
            Person(f"{agency.key}_jbr", DEMO_PASSWORD, _person_name(rng), Role.OFFICER, agency.key)
        )
        people.append(
            Person(f"{agency.key}_shr", DEMO_PASSWORD, _person_name(rng), Role.REVIEWER, agency.key)
        )
    return tuple(people)


# ------------------------------------------------------------------------------- requests


def _workday_in(rng: random.Random, cal: WorkCalendar, start: dt.date, end: dt.date) -> dt.date:
    """A random working day in ``start``..``end``; before the calendar's first year (2019),
    where only old documents are dated, any Monday to Friday."""
    span = (end - start).days
    while True:
        day = start + dt.timedelta(days=rng.randint(0, span))
        if day < cal.first:
            if day.weekday() < 5:
                return day
        elif cal.is_workday(day):
            return day


def _applicant(rng: random.Random, kind: str, n: int) -> Applicant:
    if kind == "natural":
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 55))
        name = _person_name(rng)
        first17 = f"990000{birth:%Y%m%d}{rng.randint(0, 999):03d}"
        rng.choice("0123456789X")  # drawn as before, so the rest of the demo stays the same
        return Applicant(
            kind=kind,
            name=name,
            id_type="居民身份证",
            id_number=first17 + id_card_check_character(first17),
            phone=f"1990000{rng.randint(0, 9999):04d}",
            email=f"applicant{n}@example.com",
            address=f"{names.CITY}{names.DISTRICT}{rng.choice(names.PLACES)}{rng.randint(1, 99)}号",
        )
    pool = {
        "commercial": tuple(
            f"{names.CITY}{w}{k}" for w in names.COMPANY_WORDS[:5] for k in names.COMPANY_KINDS
        ),
        "research": names.RESEARCH_NAMES,
        "nonprofit": names.NONPROFIT_NAMES,
        "legal": names.LEGAL_NAMES,
        "other": names.OTHER_NAMES,
    }[kind]
    return Applicant(
        kind=kind,
        name=rng.choice(pool),
        id_type="统一社会信用代码",
        id_number=f"99{rng.randint(0, 10**15 - 1):015d}X",
        phone=f"0999-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}",
        email=f"org{n}@example.com",
        address=f"{names.CITY}{names.DISTRICT}{rng.choice(names.PLACES)}{rng.randint(1, 199)}号",
    )


def _subject(rng: random.Random, agency: str, outcome: str, year: int) -> str:
    if outcome in names.OUTCOME_SUBJECTS and rng.random() < 0.8:
        template = names.OUTCOME_SUBJECTS[outcome]
    else:
        template = rng.choice(names.SUBJECTS.get(agency, names.GENERIC_SUBJECTS))
    return template.format(place=rng.choice(names.PLACES), year=year - rng.randint(0, 2))


def _outcome_for(key: str, year: int) -> str:
    """Map an outcome key into the format of the closing year: the 2019 format has one
    （六）其他处理 row where the 2021 format has three."""
    rows = format_for_year(year).outcome_rows
    if key in rows:
        return key
    if key.startswith("other."):
        return _OTHER_2019
    return "other.other"  # a 2019 "other" closed under the 2021 format


@dataclass
class _Plan:
    """The story of one request before it is frozen into a :class:`Request`."""

    events: list[Event]
    closed: dt.date
    fee: Decimal | None


def _plan(
    rng: random.Random, cal: WorkCalendar, received: dt.date, outcome: str, agency: str
) -> _Plan:
    """Events and closing date that fit ``outcome`` (条例第三十、三十二、三十三条; 109号)."""
    officer, reviewer = f"{agency}_jbr", f"{agency}_shr"
    events: list[Event] = []
    start = received  # the answer period counts from here (restarts after 补正, 第三十条)
    paused = 0  # working days not counted: consultations and unpaid fee notices

    wants_correction = outcome in ("unable.still_unclear", "other.no_correction") or (
        outcome == _OTHER_2019 and rng.random() < 0.4
    )
    if wants_correction or rng.random() < 0.08:
        asked = cal.add_workdays(received, rng.randint(1, 6))
        events.append(
            Event(
                EventKind.CORRECTION_REQUESTED,
                asked,
                "一次性告知需补正的内容，补正期限15个工作日",
                by=officer,
            )
        )
        if outcome in ("other.no_correction", _OTHER_2019) and wants_correction:
            closed = cal.add_workdays(asked, 15 + rng.randint(1, 5))
            return _Plan(events, closed, None)
        start = cal.add_workdays(asked, rng.randint(2, 12))
        events.append(Event(EventKind.CORRECTION_RECEIVED, start, "收到补正后的申请", by=officer))

    budget = 20
    work = rng.randint(3, 18)
    # An Art. 35 due date replaces the statutory one, so it must lie after it: such requests
    # are not also paused by consultations or fees here.
    custom = outcome not in ("withheld.third_party", "other.no_fee_paid") and rng.random() < 0.03
    if custom:
        due = cal.add_workdays(start, 30)
        events.append(
            Event(
                EventKind.DUE_DATE_SET,
                cal.add_workdays(start, 3),
                "申请数量较大，依第三十五条确定合理的延迟答复期限",
                due=due,
                by=reviewer,
            )
        )
        budget = 30
        work = rng.randint(18, 29)
    elif rng.random() < 0.10:
        events.append(
            Event(
                EventKind.EXTENSION,
                cal.add_workdays(start, rng.randint(14, 19)),
                "需要延长答复期限，经工作机构负责人同意",
                workdays=20,
                by=reviewer,
            )
        )
        budget = 40
        work = rng.randint(21, 38)
    if rng.random() < 0.05:  # answered late
        work = budget + rng.randint(1, 8)

    consult = outcome == "withheld.third_party" or (not custom and rng.random() < 0.06)
    if consult:
        party = (
            "third_party" if outcome == "withheld.third_party" or rng.random() < 0.6 else "agency"
        )
        began = cal.add_workdays(start, rng.randint(1, min(work - 1, 8)))
        took = rng.randint(3, 15)
        ended = cal.add_workdays(began, took)
        label = "第三方" if party == "third_party" else "有关行政机关"
        events.append(
            Event(
                EventKind.CONSULTATION_STARTED,
                began,
                f"书面征求{label}意见",
                party=party,
                by=officer,
            )
        )
        events.append(
            Event(EventKind.CONSULTATION_ENDED, ended, f"收到{label}回复", party=party, by=officer)
        )
        paused += took

    fee: Decimal | None = None
    noticed = outcome == "other.no_fee_paid" or (
        not custom and outcome in ("granted", "partial") and rng.random() < 0.05
    )
    if noticed:
        pages = rng.randint(40, 260)
        amount = _per_page(pages)
        notice_day = cal.add_workdays(start, rng.randint(2, min(work - 1, 10)) + paused)
        events.append(
            Event(
                EventKind.FEE_NOTICE,
                notice_day,
                f"按量收费：{pages}页",
                amount=amount,
                by=officer,
            )
        )
        if outcome == "other.no_fee_paid":
            closed = cal.add_workdays(notice_day, 20 + rng.randint(1, 3))
            events.sort(key=lambda e: e.day)
            return _Plan(events, closed, None)
        took = rng.randint(1, 15)
        events.append(
            Event(
                EventKind.FEE_PAID,
                cal.add_workdays(notice_day, took),
                "申请人已缴费",
                amount=amount,
                by=officer,
            )
        )
        paused += took
        fee = amount

    events.sort(key=lambda e: e.day)
    closed = cal.add_workdays(start, work + paused)
    return _Plan(events, closed, fee)


def _per_page(pages: int) -> Decimal:
    """信息处理费 按量 (国办函〔2020〕109号第五条): 30 pages free, then 10/20/40 元 a page."""
    cost = 0
    for low, high, price in ((31, 100, 10), (101, 200, 20), (201, 10**9, 40)):
        if pages >= low:
            cost += (min(pages, high) - low + 1) * price
    return Decimal(cost)


def _open_state(events: Sequence[Event], received: dt.date, as_of: dt.date) -> State:
    kinds = {e.kind for e in events}
    if EventKind.CORRECTION_REQUESTED in kinds and EventKind.CORRECTION_RECEIVED not in kinds:
        return State.AWAITING_CORRECTION
    if EventKind.CONSULTATION_STARTED in kinds and EventKind.CONSULTATION_ENDED not in kinds:
        return State.CONSULTING
    if EventKind.FEE_NOTICE in kinds and EventKind.FEE_PAID not in kinds:
        return State.AWAITING_FEE
    return State.REGISTERED if received >= as_of else State.IN_PROGRESS


def _request(
    rng: random.Random,
    cal: WorkCalendar,
    *,
    id: int,
    agency: str,
    serial: int,
    received: dt.date,
    kind: str,
    outcome: str,
    as_of: dt.date,
) -> Request:
    plan = _plan(rng, cal, received, outcome, agency)
    channel = rng.choices(list(Channel), weights=(30, 20, 3, 17, 30))[0]
    common = {
        "id": id,
        "agency": agency,
        "number": f"{_ABBR.get(agency, agency)}依申〔{received.year}〕{serial}号",
        "received": received,
        "channel": channel,
        "applicant": _applicant(rng, kind, id),
        "subject": _subject(rng, agency, outcome, received.year),
        "requested_form": rng.choice(("纸质", "电子数据", "电子数据")),
        "delivery": rng.choice(("邮寄", "电子邮件", "当场领取")),
        "officer": f"{agency}_jbr",
    }
    if plan.closed > as_of:
        events = tuple(e for e in plan.events if e.day <= as_of)
        clock = compute_deadline(
            (Received(received, CLOCK_CHANNELS[channel]), *map(clock_event, events)),
            as_of=as_of,
            calendar=cal,
        )
        return Request(
            **common,  # type: ignore[arg-type]
            events=events,
            state=_open_state(events, received, as_of),
            overdue=clock.overdue,
        )
    clock = compute_deadline(
        (Received(received, CLOCK_CHANNELS[channel]), *map(clock_event, plan.events)),
        as_of=plan.closed,
        calendar=cal,
    )
    final = _outcome_for(outcome, plan.closed.year)
    return Request(
        **common,  # type: ignore[arg-type]
        events=tuple(plan.events),
        state=State.TERMINATED if final in _TERMINATING else State.ANSWERED,
        closed=plan.closed,
        outcome=final,
        legal_basis=names.LEGAL_BASIS[final],
        fee=plan.fee,
        overdue=clock.due is not None and plan.closed > clock.due,
    )


_AGENCY_WEIGHTS: dict[str, int] = {"gov": 14, "zrj": 12, "zjj": 10, "rsj": 6, "mzj": 5, "jyj": 5}


def _agency_weights(agencies: Sequence[Agency]) -> list[int]:
    return [
        _AGENCY_WEIGHTS.get(a.key, 1 if a.level is AgencyLevel.TOWNSHIP else 2) for a in agencies
    ]


def iter_requests(
    *,
    seed: int = 0,
    years: Sequence[int] = (2024, 2025),
    requests: int = 1_000_000,
    agencies: Sequence[str] | None = None,
    start_id: int = 1,
    as_of: dt.date | None = None,
) -> Iterator[Request]:
    """Stream ``requests`` requests, spread evenly over ``years``, without holding them.

    ``agencies`` restricts them to some agency keys (a benchmark of one agency with 100,000
    requests passes one key); by default they are spread over the whole district. Per year, the
    first requests of the district cover every outcome row of that year's format and every
    applicant column; a few are received in the last days of the previous year and are open on
    1 January. Requests closing after ``as_of`` (default 31 December of the last year) stay
    open; the stream is the same for any ``as_of``, so a later ``as_of`` tells how the
    requests carried into the next year end.
    """
    yield from _iter_requests(seed, tuple(years), requests, agencies, start_id, as_of)


def _iter_requests(
    seed: int,
    years: tuple[int, ...],
    requests: int,
    agency_keys: Sequence[str] | None,
    start_id: int,
    as_of: dt.date | None = None,
) -> Iterator[Request]:
    rng = random.Random(f"requests-{seed}")
    cal = demo_calendar()
    all_agencies = make_agencies(seed)
    pool = [a for a in all_agencies if agency_keys is None or a.key in set(agency_keys)]
    if not pool:
        raise ValueError(f"没有这些机关：{', '.join(agency_keys or ())}")
    weights = _agency_weights(pool)
    as_of = as_of or dt.date(max(years), 12, 31)
    serials: dict[tuple[str, int], int] = {}
    next_id = start_id
    per_year = [
        requests // len(years) + (1 if i < requests % len(years) else 0) for i in range(len(years))
    ]

    def one(year: int, received: dt.date, i: int, forced_outcome: str | None) -> Request:
        nonlocal next_id
        agency = pool[0].key if len(pool) == 1 else rng.choices(pool, weights=weights)[0].key
        fmt = format_for_year(year)
        if forced_outcome is not None:
            outcome = forced_outcome
        else:
            keys = [k for k in _OUTCOME_WEIGHTS if k in fmt.outcome_rows]
            outcome = rng.choices(keys, weights=[_OUTCOME_WEIGHTS[k] for k in keys])[0]
        if i < len(T3_APPLICANT_COLUMNS):
            kind = T3_APPLICANT_COLUMNS[i]
        else:
            kind = rng.choices(T3_APPLICANT_COLUMNS, weights=_APPLICANT_WEIGHTS)[0]
        serial = serials.get((agency, received.year), 0) + 1
        serials[(agency, received.year)] = serial
        request = _request(
            rng,
            cal,
            id=next_id,
            agency=agency,
            serial=serial,
            received=received,
            kind=kind,
            outcome=outcome,
            as_of=as_of,
        )
        next_id += 1
        return request

    # A few requests from the end of the year before, still open on 1 January.
    first = years[0]
    for i in range(max(1, per_year[0] // 50)):
        received = _workday_in(rng, cal, dt.date(first - 1, 12, 15), dt.date(first - 1, 12, 31))
        yield one(first, received, len(T3_APPLICANT_COLUMNS) + i, None)
    for year, count in zip(years, per_year, strict=True):
        rows = format_for_year(year).outcome_rows
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        # Received dates are generated in order, so 受理编号 rise with the date.
        # The covering requests are received by July, so they close within the year.
        days = sorted(
            _workday_in(rng, cal, start, dt.date(year, 7, 31) if i < len(rows) else end)
            for i in range(count)
        )
        covering = list(rows[: min(len(rows), count)])
        rng.shuffle(covering)
        # Sorted, the first dates are the covering ones; they get the rows in random order.
        for i, received in enumerate(days):
            yield one(year, received, i, covering[i] if i < len(covering) else None)


# ------------------------------------------------------------------------ the other registers


def _categories(agency: Agency) -> tuple[str, ...]:
    extra = names.EXTRA_CATEGORIES.get(agency.key, ())
    if agency.level is AgencyLevel.TOWNSHIP:
        extra = names.TOWNSHIP_CATEGORIES
    return names.BASE_CATEGORIES + extra


_TITLES: dict[str, tuple[str, ...]] = {
    "政务动态": ("{short}召开{topic}工作推进会", "{short}部署{topic}重点工作"),
    "工作动态": ("{short}开展{topic}专项行动", "{short}{topic}工作取得阶段性成效"),
    "通知公告": ("关于做好{year}年{topic}工作的通知", "关于{topic}有关事项的公告"),
    "人事任免": ("{short}关于{person}等同志职务任免的通知",),
    "招投标": ("{place}{topic}项目招标公告", "{place}{topic}项目中标结果公示"),
    "预决算信息": ("{short}{year}年部门预算", "{short}{prev}年部门决算"),
    "政策文件": ("关于进一步加强{topic}工作的实施意见", "{topic}工作实施方案"),
    "政策解读": ("《关于进一步加强{topic}工作的实施意见》政策解读",),
    "规划计划": ("{short}{year}年{topic}工作计划", "{short}“十五五”{topic}专项规划"),
}


def _title(rng: random.Random, agency: Agency, category: str, year: int) -> str:
    templates = _TITLES.get(category, ("{short}{topic}" + category + "（{year}年第{n}期）",))
    return rng.choice(templates).format(
        short=agency.short_name,
        topic=rng.choice(names.TOPICS),
        year=year,
        prev=year - 1,
        person=_person_name(rng),
        place=rng.choice(names.PLACES),
        n=rng.randint(1, 12),
    )


def _proactive(
    rng: random.Random, cal: WorkCalendar, agencies: Sequence[Agency], years: Sequence[int]
) -> list[ProactiveItem]:
    """Items of the 目录 on several channels; about one in twelve is published after the
    20 working days of 条例第二十六条."""
    items: list[ProactiveItem] = []
    for agency in agencies:
        categories = _categories(agency)
        wechat = _WECHAT.get(agency.key)
        size = {AgencyLevel.GOVERNMENT: 40, AgencyLevel.DEPARTMENT: 14, AgencyLevel.TOWNSHIP: 9}
        for year in years:
            count = size[agency.level] + rng.randint(0, 6)
            # Every category at least once a year, then the busy ones again.
            chosen = list(categories) + [
                rng.choice(("政务动态", "工作动态", "通知公告", "政务动态", "招投标"))
                for _ in range(max(0, count - len(categories)))
            ]
            formed_days = sorted(
                _workday_in(rng, cal, dt.date(year, 1, 1), dt.date(year, 11, 30)) for _ in chosen
            )
            rng.shuffle(chosen)
            for serial, (category, formed) in enumerate(
                zip(chosen, formed_days, strict=True), start=1
            ):
                late = rng.random() < 0.08
                published = cal.add_workdays(
                    formed, rng.randint(21, 30) if late else rng.randint(0, 12)
                )
                channels = [ProactiveChannel.PORTAL]
                if wechat and rng.random() < 0.45:
                    channels.append(ProactiveChannel.NEW_MEDIA)
                if agency.level is AgencyLevel.GOVERNMENT and category == "政策文件":
                    channels.append(ProactiveChannel.GAZETTE)
                if rng.random() < 0.2:
                    channels.append(ProactiveChannel.READING_ROOM)
                doc_number = ""
                if category in ("政策文件", "通知公告", "人事任免"):
                    doc_number = f"{_ABBR[agency.key]}〔{year}〕{rng.randint(1, 60)}号"
                title = _title(rng, agency, category, year)
                items.append(
                    ProactiveItem(
                        id=len(items) + 1,
                        agency=agency.key,
                        index_number=f"{agency.code}/{year}-{serial:05d}",
                        title=title,
                        summary=f"{agency.short_name}公开{category}信息：{title}。",
                        doc_number=doc_number,
                        formed=formed,
                        published=published,
                        publisher=agency.name,
                        category=category,
                        validity="有效" if rng.random() < 0.93 else "失效",
                        channels=tuple(channels),
                        new_media_account=wechat
                        if ProactiveChannel.NEW_MEDIA in channels
                        else None,
                    )
                )
    return items


def _documents(
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
                issued = _workday_in(rng, cal, dt.date(year, 1, 1), dt.date(year, 12, 31))
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
                        doc_number=f"{_ABBR[agency.key]}规〔{year}〕{len(documents) % 9 + 1}号",
                        issued=issued,
                        repealed=repealed,
                    )
                )
    return documents


def _decisions(
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
                if FORMAT_2019.applies_to(year) and kind is DecisionKind.LICENSING:
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
                                    title=f"{name}（{_ABBR[agency.key]}〔{year}〕{n + 1}号）",
                                )
                            )
    return decisions


def _fees(rng: random.Random, years: Sequence[int]) -> list[FeeIncome]:
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


def _matters(rng: random.Random, agencies: Sequence[Agency], years: Sequence[int]) -> list[Matter]:
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


def _procurements(
    rng: random.Random, agencies: Sequence[Agency], years: Sequence[int]
) -> list[Procurement]:
    """政府集中采购 projects, only for years reported in the 2019 format."""
    out: list[Procurement] = []
    for year in years:
        if not FORMAT_2019.applies_to(year):
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


_CONTESTABLE = ("partial", "withheld.", "unable.", "not_handled.", "other.no_correction")


def _cases(
    rng: random.Random,
    cal: WorkCalendar,
    requests: Sequence[Request],
    agencies: Sequence[Agency],
    as_of: dt.date,
) -> list[Case]:
    """Reviews and lawsuits about refusals, with their results as known on ``as_of``.

    Since the 2023 行政复议法 (第二十四条) the district government reviews its departments'
    and townships' decisions; its own go to the city government. A suit after a review that
    upheld the decision names the 复议机关 as co-defendant (行政诉讼法第二十六条第二款): the
    reviewing body keeps a copy of the case that is not counted (国办公开办函〔2016〕201号).
    """
    level = {a.key: a.level for a in agencies}
    contested = [
        r
        for r in requests
        if r.outcome is not None and r.closed is not None and r.outcome.startswith(_CONTESTABLE)
    ]
    cases: list[Case] = []

    def result(filed: dt.date, days: tuple[int, int]) -> tuple[CaseResult | None, dt.date | None]:
        decided = cal.add_workdays(filed, rng.randint(*days))
        if decided > as_of:
            return None, None
        outcome = rng.choices(list(CaseResult), weights=(60, 25, 15))[0]
        return outcome, decided

    picked_review = picked_direct = 0
    for i, request in enumerate(contested):
        assert request.closed is not None
        roll = rng.random()
        # The first two contested requests always lead to a review and a lawsuit.
        if roll < 0.06 or i == 0:
            filed = cal.add_workdays(request.closed, rng.randint(5, 40))
            if filed > as_of:
                continue
            own = level[request.agency] is AgencyLevel.GOVERNMENT
            body = names.CITY_GOVERNMENT if own else names.GOVERNMENT_NAME
            res, decided = result(filed, (30, 55))
            cases.append(
                Case(
                    id=len(cases) + 1,
                    agency=request.agency,
                    request=request.id,
                    kind=CaseKind.REVIEW,
                    filed=filed,
                    body=body,
                    result=res,
                    decided=decided,
                )
            )
            picked_review += 1
            # Upheld reviews are often taken to court, with the 复议机关 as co-defendant.
            if decided is not None and res is CaseResult.UPHELD and (rng.random() < 0.5 or i == 0):
                sued = cal.add_workdays(decided, rng.randint(3, 12))
                if sued <= as_of:
                    court_res, court_day = result(sued, (60, 120))
                    cases.append(
                        Case(
                            id=len(cases) + 1,
                            agency=request.agency,
                            request=request.id,
                            kind=CaseKind.SUIT_AFTER_REVIEW,
                            filed=sued,
                            body=names.DISTRICT_COURT if not own else names.CITY_COURT,
                            result=court_res,
                            decided=court_day,
                            note=f"{body}为共同被告",
                        )
                    )
                    if not own:
                        cases.append(
                            Case(
                                id=len(cases) + 1,
                                agency="gov",
                                request=request.id,
                                kind=CaseKind.SUIT_AFTER_REVIEW,
                                filed=sued,
                                body=names.DISTRICT_COURT,
                                result=court_res,
                                decided=court_day,
                                review_body_codefendant=True,
                                note="本机关作为复议机关与原行政行为机关为共同被告，"
                                "依国办公开办函〔2016〕201号不计入本机关年报",
                            )
                        )
        elif roll < 0.085 or (i == 1 and picked_direct == 0):
            filed = cal.add_workdays(request.closed, rng.randint(10, 100))
            if filed > as_of:
                continue
            res, decided = result(filed, (60, 130))
            cases.append(
                Case(
                    id=len(cases) + 1,
                    agency=request.agency,
                    request=request.id,
                    kind=CaseKind.SUIT_DIRECT,
                    filed=filed,
                    body=names.DISTRICT_COURT,
                    result=res,
                    decided=decided,
                )
            )
            picked_direct += 1
    return cases


# ------------------------------------------------------------------------------ the district


def proactive_items(seed: int, years: Sequence[int]) -> tuple[ProactiveItem, ...]:
    """The 目录 items of ``years`` alone, from a stream of their own (the web demo adds the
    current year's items, up to today, to a district generated for the two closed years)."""
    rng = random.Random(f"proactive-{seed}-{'-'.join(map(str, years))}")
    return tuple(_proactive(rng, demo_calendar(), make_agencies(seed), tuple(years)))


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
        categories={a.key: _categories(a) for a in agencies},
        new_media_accounts=dict(_WECHAT),
        requests=requests,
        proactive=tuple(_proactive(rng, cal, agencies, years)),
        documents=tuple(_documents(rng, cal, agencies, years)),
        decisions=tuple(_decisions(rng, agencies, years)),
        fees=tuple(_fees(rng, years)),
        matters=tuple(_matters(rng, agencies, years)),
        procurements=tuple(_procurements(rng, agencies, years)),
        cases=tuple(_cases(rng, cal, requests, agencies, as_of)),
    )
