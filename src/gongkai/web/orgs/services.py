"""Writes on agencies."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.versioning import check_version
from gongkai.web.orgs import indexpattern
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
        validate_pattern(pattern, agency_code=code)
    if office.get("index_pattern", ""):
        indexpattern.validate_pattern(office["index_pattern"], agency_code=code)
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


OFFICE_FIELDS = (
    "office_name",
    "office_address",
    "office_hours",
    "office_phone",
    "office_fax",
    "office_email",
    "postcode",
    "review_body",
    "number_pattern",
    "answers_need_signoff",
    "index_pattern",
)


def office_values(agency: Agency) -> dict[str, Any]:
    return {name: getattr(agency, name) for name in OFFICE_FIELDS}


def office_labels() -> dict[str, str]:
    return {
        name: str(getattr(Agency._meta.get_field(name), "verbose_name", name))
        for name in OFFICE_FIELDS
    }


@transaction.atomic
def agency_update_office(
    *, acting_user: User, agency: Agency, version: str | None = None, **values: Any
) -> Agency:
    """Edit the 工作机构's details that the 指南 publishes (条例 第十二条) and the 受理编号
    pattern; audited with a before/after diff."""

    if not permissions.can_edit_agency_settings(acting_user, agency):
        raise PermissionDenied("只有本机关的审核人、公开办或系统管理员可以修改机构信息")
    unknown = set(values) - set(OFFICE_FIELDS)
    if unknown:
        raise ApplicationError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    pattern = str(values.get("number_pattern", "")).strip()
    if pattern:
        validate_pattern(pattern, agency_code=agency.code)
    index_pattern = values.get("index_pattern", "").strip()
    if index_pattern:
        indexpattern.validate_pattern(index_pattern, agency_code=agency.code)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    check_version(version, office_values(agency), office_labels())
    changes = {}
    for name, value in values.items():
        value = value.strip() if isinstance(value, str) else value
        if getattr(agency, name) != value:
            changes[name] = [getattr(agency, name), value]
            setattr(agency, name, value)
    if not changes:
        return agency
    agency.full_clean()
    agency.save(update_fields=[*changes, "updated_at"])
    audit_record(
        entity="agency",
        entity_id=agency.pk,
        action=AuditAction.AGENCY_UPDATE,
        actor=acting_user,
        changes=changes,
    )
    return agency
