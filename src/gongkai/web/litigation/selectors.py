"""Every read of the review and litigation register, scoped by the user's memberships."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.web.applications.models import Application
from gongkai.web.applications.selectors import application_list_visible
from gongkai.web.common.listing import narrowed
from gongkai.web.common.models import AuditRecord
from gongkai.web.litigation.models import Case
from gongkai.web.orgs.selectors import agency_list_visible


@dataclass(frozen=True)
class CaseFilters:
    agency: int | None = None
    year: int | None = None
    kind: str = ""
    pending: bool = False


def case_list_visible(*, user: Any, filters: CaseFilters) -> QuerySet[Case]:
    visible = agency_list_visible(user=user).values_list("pk", flat=True)
    cases = narrowed(
        Case.objects.filter(agency_id__in=visible),
        agency_id=filters.agency,
        filed_on__year=filters.year,
        kind=filters.kind,
    )
    if filters.pending:
        cases = cases.filter(result="")
    return cases.select_related("agency", "application")


def case_get_visible(*, user: Any, pk: int) -> Case:
    visible = agency_list_visible(user=user).values_list("pk", flat=True)
    case = (
        Case.objects.filter(agency_id__in=visible, pk=pk)
        .select_related("agency", "application", "application__agency")
        .first()
    )
    if case is None:
        raise Http404("没有找到该案件，或您无权查看")
    return case


def case_list_for_application(*, user: Any, application: Application) -> QuerySet[Case]:
    """The review and litigation cases about one request that this user may see (a case
    registered by a 复议机关 above the user's agency is not shown to the agency)."""
    visible = agency_list_visible(user=user).values_list("pk", flat=True)
    return application.cases.filter(agency_id__in=visible).order_by("filed_on", "id")


def application_find(*, user: Any, number: str) -> Application | None:
    """A visible request by its 受理编号."""
    return (
        application_list_visible(user=user, include_voided=False)
        .filter(number=number.strip())
        .first()
    )


def application_get(*, user: Any, pk: int) -> Application | None:
    return application_list_visible(user=user).filter(pk=pk).first()


def case_audit(*, case: Case) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.filter(
        entity="litigation.case", entity_id=str(case.pk)
    ).select_related("actor")
