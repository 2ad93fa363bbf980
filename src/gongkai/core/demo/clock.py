"""The demo's event logs in the clock's vocabulary (:mod:`gongkai.core.deadlines`)."""

from __future__ import annotations

from .. import deadlines as dl
from .model import Channel, Event, EventKind, Request

CLOCK_CHANNELS: dict[Channel, dl.Channel] = {
    Channel.IN_PERSON: dl.Channel.IN_PERSON,
    Channel.MAIL: dl.Channel.MAIL,
    Channel.FAX: dl.Channel.FAX,
    Channel.EMAIL: dl.Channel.EMAIL,
    Channel.ONLINE: dl.Channel.ONLINE,
}


def clock_event(event: Event) -> dl.Event:
    """One demo event as the clock's event dataclass."""
    match event.kind:
        case EventKind.CORRECTION_REQUESTED:
            return dl.CorrectionRequested(event.day)
        case EventKind.CORRECTION_RECEIVED:
            return dl.CorrectionReceived(event.day)
        case EventKind.CONSULTATION_STARTED if event.party == "agency":
            return dl.AgencyConsulted(event.day)
        case EventKind.CONSULTATION_STARTED:
            return dl.ThirdPartyConsulted(event.day)
        case EventKind.CONSULTATION_ENDED if event.party == "agency":
            return dl.AgencyAnswered(event.day)
        case EventKind.CONSULTATION_ENDED:
            return dl.ThirdPartyAnswered(event.day)
        case EventKind.FEE_NOTICE:
            return dl.FeeNoticeSent(event.day)
        case EventKind.FEE_PAID:
            return dl.FeePaid(event.day)
        case EventKind.EXTENSION:
            return dl.ExtensionApproved(event.day)
        case EventKind.DUE_DATE_SET:
            assert event.due is not None
            return dl.CustomDueDateSet(event.day, event.due, event.note)
    raise ValueError(event.kind)  # pragma: no cover - the match is exhaustive


def clock_events(request: Request) -> tuple[dl.Event, ...]:
    """The request's whole log for :func:`gongkai.core.deadlines.compute_deadline`: the
    receipt (条例第三十一条; the demo's ``received`` is already the day of receipt) first."""
    received = dl.Received(request.received, CLOCK_CHANNELS[request.channel])
    return (received, *(clock_event(e) for e in request.events))
