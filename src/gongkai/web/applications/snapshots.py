"""ORM → core: an application's event log as the clock's event dataclasses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gongkai.core import deadlines as core
from gongkai.web.applications.enums import CLOCK_EVENT_KINDS, Channel, EventKind
from gongkai.web.applications.models import Application, ApplicationEvent

# Events that are records of the register but not facts the clock counts.
NOT_FOR_THE_CLOCK = {k for k in EventKind if k is not EventKind.RECEIVED} - CLOCK_EVENT_KINDS


def received_event(
    channel: str, arrived_on: dt.date, confirmed_on: dt.date | None
) -> core.Received:
    return core.Received(on=arrived_on, channel=Channel(channel), confirmed_on=confirmed_on)


def core_event(application: Application, event: ApplicationEvent) -> core.Event | None:
    kind = EventKind(event.kind)
    if kind is EventKind.RECEIVED:
        return received_event(application.channel, application.arrived_on, application.confirmed_on)
    return core.clock_event(
        kind,
        event.day,
        party=event.party,
        name=event.party_name,
        due=event.due,
        note=event.note,
    )


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
