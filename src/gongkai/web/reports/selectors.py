"""Reads of the annual-report workspace: the report composed from the registers, its check, the
published versions.

:func:`published_reports` is the one read the public portal needs: the versions an agency has
published (newest year first, newest version first), imported ones included.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from gongkai.core.annual import (
    AgencyInfo,
    AnnualReport,
    OfficerText,
    ProactiveFacts,
    RequestFees,
    compose,
    render,
)
from gongkai.core.checks import check_report
from gongkai.core.errors import UnreadableInput
from gongkai.core.findings import Finding
from gongkai.core.parsing import read_report
from gongkai.core.report import CellRef, Report
from gongkai.web.accounts import permissions
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import ApplicationEvent
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.reports.models import PublishedFile, PublishedReport, ReportDraft
from gongkai.web.yearend import selectors as yearend


def published_reports(agency: Agency) -> QuerySet[PublishedReport]:
    """Every published version of ``agency``'s annual reports, newest year and version first.

    The public side lists these (``files`` holds each version's outputs with their SHA-256);
    a version is never changed once written, a correction is a later version.
    """
    return (
        PublishedReport.objects.filter(agency=agency)
        .prefetch_related("files")
        .order_by("-year", "-version")
    )


def latest_published(agency: Agency, year: int) -> PublishedReport | None:
    return PublishedReport.objects.filter(agency=agency, year=year).order_by("-version").first()


def deadline(agency: Agency, year: int) -> dt.date:
    """条例第四十九条: departments publish by 1月31日; the 本级政府 report by 3月31日."""
    return dt.date(year + 1, 3 if agency.kind == AgencyKind.GOVERNMENT else 1, 31)


def agency_info(agency: Agency) -> AgencyInfo:
    return AgencyInfo(
        name=agency.name,
        code=agency.code,
        is_government=agency.kind == AgencyKind.GOVERNMENT,
        office_name=agency.office_name,
        address=agency.office_address,
        postcode=agency.postcode,
        hours=agency.office_hours,
        phone=agency.office_phone,
        fax=agency.office_fax,
        email=agency.office_email,
    )


def proactive_facts(agency: Agency, year: int) -> ProactiveFacts:
    from gongkai.web.proactive.models import Item

    summary = yearend.proactive_summary(agency=agency, year=year)
    items = Item.objects.filter(agency=agency, voided=False, published_on__year=year)
    counts = items.aggregate(
        interpretations=Count("id", filter=Q(category__name__contains="解读")),
        responses=Count("id", filter=Q(category__name__contains="回应")),
    )
    return ProactiveFacts(
        total=summary.total,
        by_channel=tuple((name, n) for name, _kind, n in summary.by_channel),
        interpretations=counts["interpretations"],
        responses=counts["responses"],
        late=summary.late,
    )


def request_fees(agency: Agency, year: int) -> RequestFees:
    """信息处理费 of the year from the request register's fee events (国办函〔2020〕109号)."""
    events = ApplicationEvent.objects.filter(
        application__agency=agency, application__voided=False, day__year=year
    )
    result = events.aggregate(
        notices=Count("id", filter=Q(kind=EventKind.FEE_NOTICE)),
        paid=Count("id", filter=Q(kind=EventKind.FEE_PAID)),
        amount=Sum("amount", filter=Q(kind=EventKind.FEE_PAID)),
    )
    return RequestFees(
        notices=result["notices"], paid=result["paid"], amount=result["amount"] or Decimal(0)
    )


def version_report(version: PublishedReport) -> Report | None:
    """A published version read back as the checker reads it (its text, or the imported file)."""
    if version.text:
        return read_report(version.text.encode("utf-8"), f"{version.year}.txt")
    original = version.files.filter(kind="original").first()
    if original is None:
        return None
    try:
        return read_report(bytes(original.content), original.name)
    except UnreadableInput:
        return None


@dataclass(frozen=True)
class Previous:
    version: PublishedReport
    report: Report | None

    @property
    def problems(self) -> str | None:
        if self.report is None:
            return None
        section = self.report.section("problems")
        return section.text if section else None


def previous_year(agency: Agency, year: int) -> Previous | None:
    version = latest_published(agency, year - 1)
    if version is None:
        return None
    return Previous(version, version_report(version))


def _footnotes(raw: dict[str, str]) -> dict[CellRef, str]:
    out = {}
    for key, text in raw.items():
        table, _, rest = key.partition(".")
        row, _, column = rest.rpartition(".")
        if table and row and column and text.strip():
            out[CellRef(table, row, column)] = text.strip()
    return out


def compose_draft(
    draft: ReportDraft, *, published: dt.date | None = None, previous: Previous | None = None
) -> AnnualReport:
    """The whole report of a workspace, from the records as they are now."""
    agency = draft.agency
    if previous is None:
        previous = previous_year(agency, draft.year)
    return compose(
        yearend.year_end(agency=agency, year=draft.year),
        agency=agency_info(agency),
        proactive=proactive_facts(agency, draft.year),
        fees=request_fees(agency, draft.year),
        text=OfficerText(
            overview={k: str(v) for k, v in (draft.overview or {}).items()},
            problems=draft.problems,
            other=draft.other,
        ),
        footnotes=_footnotes(draft.footnotes or {}),
        previous=previous.report if previous else None,
        previous_problems=previous.problems if previous else None,
        published=published,
    )


_LINE = re.compile(r"（第\d+行）")


def finding_key(finding: Finding) -> str:
    """A stable key for a finding, to attach an officer's note to a warning."""
    # Without the line number, so that a note survives edits above the finding.
    message = _LINE.sub("", finding.message)
    digest = hashlib.sha1(message.encode("utf-8")).hexdigest()[:10]  # noqa: S324 - a label
    return f"{finding.code}:{digest}"


@dataclass(frozen=True)
class DraftCheck:
    report: AnnualReport
    findings: list[Finding]
    previous: Previous | None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def check_draft(draft: ReportDraft, *, published: dt.date | None = None) -> DraftCheck:
    """The draft rendered as text and read back and checked exactly as ``gongkai check`` does,
    with last year's published report for the cross-year checks."""
    previous = previous_year(draft.agency, draft.year)
    report = compose_draft(draft, published=published, previous=previous)
    read = read_report(render(report, "txt"), f"{draft.agency.code}-{draft.year}.txt")
    findings = check_report(read, previous.report if previous else None)
    return DraftCheck(report, findings, previous)


def drafts_visible(*, user: Any) -> QuerySet[ReportDraft]:
    own = permissions.own_agency_ids(user)
    governments = permissions.overseen_government_ids(user)
    return (
        ReportDraft.objects.filter(Q(agency_id__in=own) | Q(agency__government_id__in=governments))
        .select_related("agency")
        .order_by("-year", "agency__name")
    )


def draft_for(*, user: Any, agency: Agency, year: int) -> ReportDraft | None:
    if not permissions.can_view_agency(user, agency):
        raise Http404("没有找到该机构，或您无权查看")
    return ReportDraft.objects.filter(agency=agency, year=year).first()


def version_for(*, user: Any, pk: int) -> PublishedReport:
    version = PublishedReport.objects.select_related("agency").filter(pk=pk).first()
    if version is None or not permissions.can_view_agency(user, version.agency):
        raise Http404("没有找到该报告版本")
    return version


def file_for(*, user: Any, pk: int, kind: str) -> PublishedFile:
    version = version_for(user=user, pk=pk)
    file = version.files.filter(kind=kind).first()
    if file is None:
        raise Http404("该版本没有这种格式的文件")
    return file
