"""Registering a request that matches an open one: same agency, the same applicant (the same
ID number, or the same name when no number is given), similar content, received within
:data:`WINDOW_DAYS` days. The clerk is warned with links and confirms before registering; a
genuine repeat may later be answered as 重复申请 (条例 第三十六条第六项), never silently merged."""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher

from gongkai.web.applications.enums import OPEN_STATUSES
from gongkai.web.applications.models import Application
from gongkai.web.orgs.models import Agency

WINDOW_DAYS = 30
SIMILARITY = 0.6


def _normal(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def similar(a: str, b: str) -> bool:
    """The same request in other words: one contains the other, or most characters match."""
    a, b = _normal(a), _normal(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= SIMILARITY


def open_duplicates(
    *, agency: Agency, id_number: str, name: str, subject: str, received_on: dt.date
) -> list[Application]:
    same = Application.objects.filter(
        agency=agency,
        voided=False,
        status__in=OPEN_STATUSES,
        received_on__gte=received_on - dt.timedelta(days=WINDOW_DAYS),
        received_on__lte=received_on + dt.timedelta(days=WINDOW_DAYS),
    ).select_related("applicant")
    if id_number.strip():
        same = same.filter(applicant__id_number=id_number.strip())
    else:
        same = same.filter(applicant__name=name.strip())
    return [a for a in same.order_by("-received_on", "-id")[:50] if similar(a.subject, subject)]
