"""Writes on agencies."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.orgs.numbering import validate_pattern


@transaction.atomic
def agency_create(
    *, code: str, name: str, kind: AgencyKind, parent: Agency | None = None, **office: Any
) -> Agency:
    """Create an agency; a government has no parent, every other agency sits under one."""
    if (
        kind is AgencyKind.GOVERNMENT
        and parent is not None
        and parent.kind != AgencyKind.GOVERNMENT
    ):
        raise ApplicationError("人民政府的上级只能是人民政府")
    if kind is not AgencyKind.GOVERNMENT and parent is None:
        raise ApplicationError(f"{kind.label}必须指定所属的人民政府")
    if Agency.objects.filter(code=code).exists():
        raise ApplicationError(f"机构代码“{code}”已被使用，请换一个")
    pattern = office.get("number_pattern", "")
    if pattern:
        validate_pattern(pattern)
    agency = Agency(code=code, name=name, kind=kind.value, parent=parent, **office)
    agency.full_clean(exclude=["government"])
    agency.save()
    if kind is AgencyKind.GOVERNMENT:
        agency.government = agency
    else:
        assert parent is not None
        agency.government = parent.government or parent
    agency.save(update_fields=["government"])
    return agency
