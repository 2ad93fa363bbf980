"""Every read of the letters app, scoped through the request register's selectors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.core import letters as core
from gongkai.core import wallclock
from gongkai.core.formats import UnknownYearError, format_for_year
from gongkai.web.applications import selectors as applications
from gongkai.web.applications.models import Application
from gongkai.web.letters.models import Attachment, Letter, LetterTemplate
from gongkai.web.orgs.models import Agency
from gongkai.web.orgs.selectors import agency_list_visible


def agency_list_with_templates(*, user: Any) -> QuerySet[Agency]:
    """Agencies whose templates the user may see (its own, and those below its government)."""
    return agency_list_visible(user=user)


@dataclass(frozen=True)
class TemplateStatus:
    key: str
    label: str
    kind: core.LetterKind
    own: LetterTemplate | None  # the agency's own version in force
    inherited: LetterTemplate | None  # its government's version, used when it has none


def _in_force(agency: Agency) -> dict[str, LetterTemplate]:
    latest: dict[str, LetterTemplate] = {}
    for row in LetterTemplate.objects.filter(agency=agency).select_related("created_by", "agency"):
        if row.key not in latest or row.version > latest[row.key].version:
            latest[row.key] = row
    return {key: row for key, row in latest.items() if not row.is_default}


def template_overview(*, agency: Agency) -> list[TemplateStatus]:
    own = _in_force(agency)
    upper: dict[str, LetterTemplate] = {}
    government = agency.government if agency.government_id != agency.pk else None
    if agency.government_id and government is not None:
        upper = _in_force(government)
    return [
        TemplateStatus(
            key,
            core.template_label(key),
            core.parse_template_key(key)[0],
            own.get(key),
            None if key in own else upper.get(key),
        )
        for key in core.template_keys()
    ]


def template_history(*, agency: Agency, key: str) -> QuerySet[LetterTemplate]:
    return (
        LetterTemplate.objects.filter(agency=agency, key=key)
        .select_related("created_by")
        .order_by("-version")
    )


def _visible_application_ids(user: Any) -> QuerySet[Application]:
    return applications.application_list_visible(user=user, include_voided=True)


def letter_list_recent(*, user: Any, limit: int = 50) -> QuerySet[Letter]:
    return (
        Letter.objects.filter(application__in=_visible_application_ids(user).values("pk"))
        .select_related("application", "agency", "created_by")
        .order_by("-created_at", "-id")[:limit]
    )


def letter_list_for(*, application: Application) -> QuerySet[Letter]:
    return application.letters.select_related("created_by", "template").order_by(
        "-created_at", "-id"
    )


def attachment_list_for(*, application: Application) -> QuerySet[Attachment]:
    return application.attachments.select_related("uploaded_by").order_by("created_at", "id")


def letter_keys_offered(*, application: Application) -> list[tuple[str, str]]:
    """Letters that fit the application, as (template key, label): the answer of its recorded
    outcome (or every answer of its year's format while it is open) and the four notices."""
    if application.outcome:
        outcomes = [application.outcome]
    else:
        closed = application.closed_on
        year = closed.year if closed else wallclock.today().year
        try:
            outcomes = list(format_for_year(year).outcome_rows)
        except UnknownYearError:
            outcomes = []
    keys = [core.template_key(core.LetterKind.ANSWER, o) for o in outcomes if o in core.OUTCOMES]
    keys += [k.value for k in core.LetterKind if k is not core.LetterKind.ANSWER]
    return [(key, core.template_label(key)) for key in keys]


def letter_get_visible(*, user: Any, pk: int) -> Letter:
    try:
        return Letter.objects.select_related("application", "agency").get(
            pk=pk, application__in=_visible_application_ids(user).values("pk")
        )
    except Letter.DoesNotExist:
        raise Http404("没有找到该文书，或您无权查看") from None


def attachment_get_visible(*, user: Any, pk: int) -> Attachment:
    try:
        return Attachment.objects.select_related("application").get(
            pk=pk, application__in=_visible_application_ids(user).values("pk")
        )
    except Attachment.DoesNotExist:
        raise Http404("没有找到该附件，或您无权查看") from None
