"""The request register (依申请公开) of the demo: a stream of requests whose event logs fit their
outcome under the 条例 and whose outcomes cover every table-3 row of their year's format.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..calendar import WorkCalendar
from ..deadlines import Received, compute_deadline
from ..fees import per_page
from ..formats import format_for_year
from ..formats.common import T3_APPLICANT_COLUMNS
from ..identity import id_card_check_character
from . import names
from .agencies import ABBR, make_agencies, person_name
from .clock import clock_event
from .model import Agency, AgencyLevel, Applicant, Channel, Event, EventKind, Request, Status
from .workdays import demo_calendar, workday_in

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


def _applicant(rng: random.Random, kind: str, n: int) -> Applicant:
    if kind == "natural":
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 55))
        name = person_name(rng)
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
    """信息处理费 按量 (国办函〔2020〕109号第五条), from the one fee computation."""
    return per_page(pages).total


def _open_state(events: Sequence[Event], received: dt.date, as_of: dt.date) -> Status:
    kinds = {e.kind for e in events}
    if EventKind.CORRECTION_REQUESTED in kinds and EventKind.CORRECTION_RECEIVED not in kinds:
        return Status.AWAITING_CORRECTION
    if EventKind.CONSULTATION_STARTED in kinds and EventKind.CONSULTATION_ENDED not in kinds:
        return Status.CONSULTING
    if EventKind.FEE_NOTICE in kinds and EventKind.FEE_PAID not in kinds:
        return Status.AWAITING_FEE
    return Status.REGISTERED if received >= as_of else Status.IN_PROGRESS


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
        "number": f"{ABBR.get(agency, agency)}依申〔{received.year}〕{serial}号",
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
            (Received(received, channel), *map(clock_event, events)),
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
        (Received(received, channel), *map(clock_event, plan.events)),
        as_of=plan.closed,
        calendar=cal,
    )
    final = _outcome_for(outcome, plan.closed.year)
    return Request(
        **common,  # type: ignore[arg-type]
        events=tuple(plan.events),
        state=Status.TERMINATED if final in _TERMINATING else Status.ANSWERED,
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

    # A few requests from the end of the year before, still open on 1 January (none when the
    # year before lies outside the working-day calendar, i.e. before 2019).
    first = years[0]
    before = dt.date(first - 1, 12, 15) >= cal.first
    for i in range(max(1, per_year[0] // 50) if before else 0):
        received = workday_in(rng, cal, dt.date(first - 1, 12, 15), dt.date(first - 1, 12, 31))
        yield one(first, received, len(T3_APPLICANT_COLUMNS) + i, None)
    for year, count in zip(years, per_year, strict=True):
        rows = format_for_year(year).outcome_rows
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        # Received dates are generated in order, so 受理编号 rise with the date.
        # The covering requests are received by July, so they close within the year.
        days = sorted(
            workday_in(rng, cal, start, dt.date(year, 7, 31) if i < len(rows) else end)
            for i in range(count)
        )
        covering = list(rows[: min(len(rows), count)])
        rng.shuffle(covering)
        # Sorted, the first dates are the covering ones; they get the rows in random order.
        for i, received in enumerate(days):
            yield one(year, received, i, covering[i] if i < len(covering) else None)
