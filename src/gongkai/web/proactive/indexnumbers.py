"""索引号 of the 目录 (条例第十二条): a per-agency pattern, unique, never reused.

The pattern (``{机构代码}/{年}-{序号:5}``) is set on the agency record and checked in
``orgs/indexpattern.py``.

Numbers come from a counter per agency and year (year 0 when the pattern has no year), locked
with ``SELECT … FOR UPDATE`` like the 受理编号; every number given — or typed by hand, or
imported — is recorded in :class:`IssuedIndexNumber`, which is never deleted, so a number stays
taken after its item is voided or removed and after the agency changes its pattern.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.indexpattern import DEFAULT_PATTERN, parse_pattern, render
from gongkai.web.orgs.models import Agency
from gongkai.web.proactive.models import IndexCounter, IssuedIndexNumber


def pattern_of(agency: Agency) -> str:
    return agency.index_pattern or DEFAULT_PATTERN


def allocate(*, agency: Agency, year: int) -> str:
    """The next unused 索引号 of the agency for an item formed in ``year``; must run inside the
    transaction that saves the item."""
    parts = parse_pattern(pattern_of(agency))
    key = year if any(p.field == "year" for p in parts) else 0
    IndexCounter.objects.bulk_create(
        [IndexCounter(agency=agency, year=key, last=0)], ignore_conflicts=True
    )
    counter = IndexCounter.objects.select_for_update().get(agency=agency, year=key)
    while True:  # skip numbers typed by hand or given under an earlier pattern
        counter.last += 1
        number = render(parts, code=agency.code, year=year, seq=counter.last)
        if not IssuedIndexNumber.objects.filter(agency=agency, number=number).exists():
            break
    counter.save(update_fields=["last"])
    IssuedIndexNumber.objects.create(agency=agency, number=number)
    return number


def reserve(*, agency: Agency, number: str) -> None:
    """Record a 索引号 typed by hand (or imported); refused when it was ever given before."""
    if IssuedIndexNumber.objects.filter(agency=agency, number=number).exists():
        raise _taken(number)
    try:
        with transaction.atomic():
            IssuedIndexNumber.objects.create(agency=agency, number=number)
    except IntegrityError:  # given to a concurrent registration a moment ago
        raise _taken(number) from None


def is_taken(*, agency: Agency, number: str) -> bool:
    return IssuedIndexNumber.objects.filter(agency=agency, number=number).exists()


def _taken(number: str) -> ApplicationError:
    return ApplicationError(
        f"索引号“{number}”已被使用（索引号不重复使用，原信息作废后也不再使用），请换一个或留空自动编号",
        field="index_number",
    )
