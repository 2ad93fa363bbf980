"""Rate limits on the public side, counted in the database (so every worker process sees the
same counts). Keys are digests of the client address; nothing is stored in clear.

Limits (per client address, per hour unless stated): applying 5; looking up 30; after 3 failed
look-ups a CAPTCHA is asked; after 20 failed look-ups look-ups are refused for the hour.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from gongkai.web.portal.models import RateEvent

WINDOW = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Limit:
    bucket: str
    per_window: int


APPLY = Limit("apply", 5)
LOOKUP = Limit("lookup", 30)
FAILED = Limit("failed", 20)
CAPTCHA_AFTER = 3  # failed look-ups before a CAPTCHA is asked


def client_key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    key = ("gongkai-portal-rate:" + settings.SECRET_KEY + address).encode()
    return hashlib.sha256(key).hexdigest()


def count(limit: Limit, key: str, now: dt.datetime) -> int:
    return RateEvent.objects.filter(bucket=limit.bucket, key=key, at__gt=now - WINDOW).count()


def exceeded(limit: Limit, key: str, now: dt.datetime) -> bool:
    return count(limit, key, now) >= limit.per_window


def hit(limit: Limit, key: str, now: dt.datetime) -> None:
    RateEvent.objects.create(bucket=limit.bucket, key=key, at=now)


def purge(now: dt.datetime) -> int:
    """Delete counts older than the window (called on each write; cheap with the index)."""
    deleted, _ = RateEvent.objects.filter(at__lte=now - WINDOW).delete()
    return deleted
