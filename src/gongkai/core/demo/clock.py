"""The demo's event logs in the clock's vocabulary (:mod:`gongkai.core.deadlines`)."""

from __future__ import annotations

from .. import deadlines as dl
from .model import Event, Request


def clock_event(event: Event) -> dl.Event:
    """One demo event as the clock's event dataclass (the demo records only clock events)."""
    converted = dl.clock_event(
        event.kind, event.day, party=event.party or "", due=event.due, note=event.note
    )
    if converted is None:  # pragma: no cover - the demo records only the clock's events
        raise ValueError(event.kind)
    return converted


def clock_events(request: Request) -> tuple[dl.Event, ...]:
    """The request's whole log for :func:`gongkai.core.deadlines.compute_deadline`: the
    receipt (条例第三十一条; the demo's ``received`` is already the day of receipt) first."""
    received = dl.Received(request.received, request.channel)
    return (received, *(clock_event(e) for e in request.events))
