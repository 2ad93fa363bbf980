"""The guard of the clock's restructuring (issue 9): 3,000 event logs give the recorded results.

1,500 logs come from the demo district's streaming generator (what the registers really hold)
and 1,500 are random logs over every event kind, channel and confirmation rule, including logs the
clock must refuse. Each log is evaluated at two dates, with and without the explanation. The
fingerprint of every result (the whole ``Deadline.as_dict()`` or the Chinese ``RuleError``
message) was recorded in ``data/deadline_equivalence.json`` by the single-module clock before it
was split into a pipeline; the split must reproduce every one of them.

Regenerate (only when a rule deliberately changes) with
``uv run python tests/core/clock/test_deadline_equivalence.py --write``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from gongkai.core.calendar import WorkCalendar, bundled_arrangements
from gongkai.core.deadlines import (
    AgencyAnswered,
    AgencyConsulted,
    Channel,
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    Event,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    Paused,
    Received,
    ThirdPartyAnswered,
    ThirdPartyConsulted,
    compute_deadline,
)
from gongkai.core.demo import iter_requests
from gongkai.core.demo.clock import clock_events
from gongkai.core.errors import RuleError

GOLDEN = Path(__file__).parent / "data" / "deadline_equivalence.json"
DEMO_LOGS = 1500
RANDOM_LOGS = 1500
CAL = WorkCalendar.from_sources(bundled_arrangements(), ())
# In the order the logs were drawn with when they were recorded (not the enumeration's order,
# which may change without changing any rule).
CHANNELS = (Channel.IN_PERSON, Channel.MAIL, Channel.ONLINE, Channel.FAX, Channel.EMAIL)

Case = tuple[tuple[Event, ...], tuple[date, ...]]
# A consultation of a third party or of another agency (条例第三十二条, 第三十三条第三款), and its
# answer, by the kind the random logs draw.
CONSULTED: dict[str, type[ThirdPartyConsulted | AgencyConsulted]] = {
    "third": ThirdPartyConsulted,
    "agency": AgencyConsulted,
}
ANSWERED: dict[str, type[ThirdPartyAnswered | AgencyAnswered]] = {
    "third": ThirdPartyAnswered,
    "agency": AgencyAnswered,
}


def _maybe_later(rng: random.Random, day: date, low: int, high: int, chance: float) -> date | None:
    """With probability ``chance``, ``day`` moved by ``low`` to ``high`` days; otherwise None (a
    date the log leaves out: a confirmation, a reply-by date, a notice's receipt)."""
    return day + timedelta(days=rng.randint(low, high)) if rng.random() < chance else None


def _random_log(rng: random.Random) -> Case:
    on = date(2019, 3, 1) + timedelta(days=rng.randint(0, 365 * 7))
    channel = rng.choice(CHANNELS)
    confirmed = _maybe_later(rng, on, -1, 4, 0.4) if channel is not Channel.IN_PERSON else None
    events: list[Event] = [Received(on, channel, confirmed)]
    day = confirmed if confirmed is not None and confirmed > on else on
    open_consultations: list[tuple[str, str]] = []
    asked = noticed = False
    for _ in range(rng.randint(0, 7)):
        day += timedelta(days=rng.choice((0, 1, 2, 3, 5, 8, 13, 21, 34)))
        if rng.random() < 0.03:
            day -= timedelta(days=rng.randint(1, 5))  # out of order now and then
        roll = rng.random()
        name = rng.choice(("", "甲公司", "乙局"))
        if asked and rng.random() < 0.5:
            asked = False
            events.append(CorrectionReceived(day))
        elif noticed and rng.random() < 0.6:
            noticed = False
            events.append(FeePaid(day))
        elif roll < 0.12:
            asked = True
            events.append(CorrectionRequested(day, _maybe_later(rng, day, -1, 20, 0.8)))
        elif roll < 0.14:
            events.append(CorrectionReceived(day))
        elif roll < 0.32:
            kind = rng.choice(("third", "agency"))
            open_consultations.append((kind, name))
            events.append(CONSULTED[kind](day, name))
        elif roll < 0.50:
            if open_consultations and rng.random() < 0.9:
                kind, name = open_consultations.pop(0)
            else:
                kind = rng.choice(("third", "agency"))
            events.append(ANSWERED[kind](day, name))
        elif roll < 0.60:
            noticed = True
            events.append(FeeNoticeSent(day, _maybe_later(rng, day, -1, 6, 0.6)))
        elif roll < 0.62:
            events.append(FeePaid(day))
        elif roll < 0.74:
            events.append(
                Paused(day, day + timedelta(days=rng.randint(-2, 25)), rng.choice(("", "鉴定")))
            )
        elif roll < 0.84:
            events.append(ExtensionApproved(day))
        elif roll < 0.93:
            events.append(
                CustomDueDateSet(
                    day, day + timedelta(days=rng.randint(-3, 120)), rng.choice(("", "数量巨大"))
                )
            )
        elif roll < 0.95:
            events.append(Received(day))
        else:
            events.append(ExtensionApproved(day))
    as_ofs = (on + timedelta(days=rng.randint(0, 40)), on + timedelta(days=rng.randint(40, 200)))
    return tuple(events), as_ofs


def cases() -> Iterator[Case]:
    """The 3,000 logs with the dates each is evaluated at."""
    demo = iter_requests(seed=9, years=(2024, 2025), requests=DEMO_LOGS)
    for request in itertools.islice(demo, DEMO_LOGS):
        log = clock_events(request)
        as_of = request.closed or date(2025, 12, 31)
        yield log, (request.received + timedelta(days=10), as_of)
    rng = random.Random(20260909)
    for _ in range(RANDOM_LOGS):
        yield _random_log(rng)


def fingerprint(log: tuple[Event, ...], as_of: date, explain: bool) -> str:
    try:
        result: object = compute_deadline(log, as_of=as_of, calendar=CAL, explain=explain).as_dict()
    except RuleError as exc:
        result = {"error": str(exc)}
    text = json.dumps(result, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprints() -> list[str]:
    return [
        fingerprint(log, as_of, explain)
        for log, as_ofs in cases()
        for as_of in as_ofs
        for explain in (True, False)
    ]


def test_three_thousand_logs_give_the_recorded_deadlines_and_errors() -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = []
    first_difference = None
    for n, (log, as_ofs) in enumerate(cases()):
        for as_of in as_ofs:
            for explain in (True, False):
                got.append(fingerprint(log, as_of, explain))
                if first_difference is None and got[-1] != expected[len(got) - 1]:
                    first_difference = (n, log, as_of, explain)
    assert len(got) == len(expected) == 3000 * 4
    assert first_difference is None, f"log {first_difference} no longer gives the recorded result"


def test_the_logs_cover_errors_and_every_outcome() -> None:
    """The sample is not trivial: some logs are refused, and most give different results."""
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(set(expected)) > 5000
    counts = Counter(expected)
    assert counts.most_common(1)[0][1] < 300


if __name__ == "__main__":
    if "--write" in sys.argv:
        GOLDEN.write_text(json.dumps(fingerprints(), indent=0) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN}")
