"""ORM → core: an application's event log as the clock's event dataclasses."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.core import deadlines as core
from gongkai.web.applications.enums import Channel, EventKind
from gongkai.web.applications.models import Application, ApplicationEvent

CHANNELS = {
    Channel.IN_PERSON: core.Channel.IN_PERSON,
    Channel.MAIL: core.Channel.MAIL,
    Channel.FAX: core.Channel.FAX,
    Channel.EMAIL: core.Channel.EMAIL,
    Channel.ONLINE: core.Channel.ONLINE,
}

# Events that are records of the register but not facts the clock counts.
NOT_FOR_THE_CLOCK = {
    EventKind.EXTENSION_REQUESTED,
    EventKind.EXTENSION_REJECTED,
    EventKind.EXTENSION_RETURNED,
    EventKind.ANSWERED,
    EventKind.TERMINATED,
}


def received_event(
    channel: str, arrived_on: core.date, confirmed_on: core.date | None
) -> core.Received:
    return core.Received(
        on=arrived_on, channel=CHANNELS[Channel(channel)], confirmed_on=confirmed_on
    )


def core_event(application: Application, event: ApplicationEvent) -> core.Event | None:
    kind = EventKind(event.kind)
    if kind is EventKind.RECEIVED:
        return received_event(application.channel, application.arrived_on, application.confirmed_on)
    if kind is EventKind.CORRECTION_REQUESTED:
        return core.CorrectionRequested(on=event.day, reply_by=event.due)
    if kind is EventKind.CORRECTION_RECEIVED:
        return core.CorrectionReceived(on=event.day)
    if kind is EventKind.CONSULTATION_STARTED:
        if event.party == "agency":
            return core.AgencyConsulted(
                on=event.day, agency=event.party_name, received_on=event.due
            )
        return core.ThirdPartyConsulted(on=event.day, party=event.party_name, received_on=event.due)
    if kind is EventKind.CONSULTATION_ENDED:
        if event.party == "agency":
            return core.AgencyAnswered(on=event.day, agency=event.party_name)
        return core.ThirdPartyAnswered(on=event.day, party=event.party_name)
    if kind is EventKind.FEE_NOTICE:
        return core.FeeNoticeSent(on=event.day, received_on=event.due)
    if kind is EventKind.FEE_PAID:
        return core.FeePaid(on=event.day)
    if kind is EventKind.EXTENSION:
        return core.ExtensionApproved(on=event.day)
    if kind is EventKind.DUE_DATE_SET:
        assert event.due is not None
        return core.CustomDueDateSet(on=event.day, due=event.due, reason=event.note)
    return None


def clock_events(
    application: Application, events: Iterable[ApplicationEvent] | None = None
) -> list[core.Event]:
    """The clock's events in the order they happened (the RECEIVED row always first)."""
    # ``.all()`` so that a prefetched event list is used (recomputing thousands at once).
    rows = list(events) if events is not None else list(application.events.all())
    rows.sort(key=lambda e: (e.kind != EventKind.RECEIVED.value, e.day, e.id or 0))
    converted = (
        core_event(application, e) for e in rows if EventKind(e.kind) not in NOT_FOR_THE_CLOCK
    )
    return [e for e in converted if e is not None]
