"""The events of a request's log, in the order they happened (the clock's input)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..vocabulary import Channel, EventKind


@dataclass(frozen=True)
class Received:
    """The application arrived on ``on`` through ``channel`` (Art. 31).

    ``confirmed_on``: for ordinary mail, the day the agency confirmed receipt with the applicant;
    online or by fax, the day both sides confirmed. It becomes the day of receipt.
    """

    on: date
    channel: Channel = Channel.IN_PERSON
    confirmed_on: date | None = None


@dataclass(frozen=True)
class CorrectionRequested:
    """The agency asked, once, for 补正 (Art. 30); ``reply_by`` is the deadline it gave."""

    on: date
    reply_by: date | None = None


@dataclass(frozen=True)
class CorrectionReceived:
    """The corrected application arrived; the period restarts from this day (Art. 30)."""

    on: date


@dataclass(frozen=True)
class ThirdPartyConsulted:
    """A written consultation of a third party was sent (Art. 32); ``received_on`` is the day
    the third party received it, from which its 15 working days run (unknown: the sending day)."""

    on: date
    party: str = ""
    received_on: date | None = None


@dataclass(frozen=True)
class ThirdPartyAnswered:
    """The third party's opinion arrived, or the agency closed the consultation (Art. 32)."""

    on: date
    party: str = ""


@dataclass(frozen=True)
class AgencyConsulted:
    """Another agency was consulted (Art. 33 ¶3; co-produced information, Art. 34); its 15
    working days run from ``received_on`` (unknown: the sending day)."""

    on: date
    agency: str = ""
    received_on: date | None = None


@dataclass(frozen=True)
class AgencyAnswered:
    """The consulted agency answered (Art. 33 ¶3, Art. 34)."""

    on: date
    agency: str = ""


@dataclass(frozen=True)
class FeeNoticeSent:
    """A 收费通知 was sent (国办函〔2020〕109号); ``received_on``: the day the applicant got it."""

    on: date
    received_on: date | None = None


@dataclass(frozen=True)
class FeePaid:
    """The applicant paid the 信息处理费."""

    on: date


@dataclass(frozen=True)
class Paused:
    """A closed span of time that does not count, recorded in one event (``on`` to ``until``,
    both inclusive) — for imports and the calculator, when the individual consultation events
    are not at hand. ``reason`` names what it was (征求第三方意见 …); Art. 32, Art. 33 ¶3."""

    on: date
    until: date
    reason: str = ""


@dataclass(frozen=True)
class ExtensionApproved:
    """The head of the 工作机构 approved an extension of 20 working days (Art. 33 ¶2)."""

    on: date


@dataclass(frozen=True)
class CustomDueDateSet:
    """A reasonable later due date set under Art. 35 and told to the applicant."""

    on: date
    due: date
    reason: str = ""


Event = (
    Received
    | CorrectionRequested
    | CorrectionReceived
    | ThirdPartyConsulted
    | ThirdPartyAnswered
    | AgencyConsulted
    | AgencyAnswered
    | FeeNoticeSent
    | FeePaid
    | Paused
    | ExtensionApproved
    | CustomDueDateSet
)


def clock_event(
    kind: EventKind,
    on: date,
    *,
    party: str = "",
    name: str = "",
    due: date | None = None,
    note: str = "",
) -> Event | None:
    """A register's event (``kind`` of :class:`~gongkai.core.vocabulary.EventKind`) as the
    clock's event, or None for the events the clock does not count. ``party`` is
    ``"agency"`` for another agency consulted (else a third party), ``name`` the party's name,
    ``due`` the 补正 deadline, the day the fee notice or the consultation letter was received, or
    the Art. 35 due date."""
    match kind:
        case EventKind.CORRECTION_REQUESTED:
            return CorrectionRequested(on, reply_by=due)
        case EventKind.CORRECTION_RECEIVED:
            return CorrectionReceived(on)
        case EventKind.CONSULTATION_STARTED if party == "agency":
            return AgencyConsulted(on, agency=name, received_on=due)
        case EventKind.CONSULTATION_STARTED:
            return ThirdPartyConsulted(on, party=name, received_on=due)
        case EventKind.CONSULTATION_ENDED if party == "agency":
            return AgencyAnswered(on, agency=name)
        case EventKind.CONSULTATION_ENDED:
            return ThirdPartyAnswered(on, party=name)
        case EventKind.FEE_NOTICE:
            return FeeNoticeSent(on, received_on=due)
        case EventKind.FEE_PAID:
            return FeePaid(on)
        case EventKind.EXTENSION:
            return ExtensionApproved(on)
        case EventKind.DUE_DATE_SET:
            assert due is not None, "an Art. 35 due date is recorded with the date it sets"
            return CustomDueDateSet(on, due, note)
    return None
