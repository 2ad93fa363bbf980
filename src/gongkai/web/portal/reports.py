"""The 年报 column (条例 第四十九条): every published version of every year of the agency's
annual reports, each with its page (HTML), DOCX, PDF and JSON and their SHA-256 — read from the
reports app's published, immutable versions (``gongkai.web.reports``). A correction is a later
version with its 更正说明; earlier versions stay listed.

For the government's 专栏 the government's own reports are listed: the 本级政府 report the
主管部门 publishes by 3月31日 is the government's (条例 第四十九条第二款).
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.web.orgs.models import Agency
from gongkai.web.reports import selectors as report_selectors
from gongkai.web.reports.models import PublishedFile, PublishedReport

# The outputs the public sees, in this order (the reports app also keeps txt and the original).
PUBLIC_KINDS = {"html": "网页", "docx": "DOCX", "pdf": "PDF", "json": "JSON"}
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
}


@dataclass(frozen=True)
class PublicFile:
    kind: str
    label: str
    sha256: str
    version_pk: int


@dataclass(frozen=True)
class PublishedVersion:
    pk: int
    year: int
    version: int
    published_on: object
    correction_note: str
    late: bool
    imported: bool
    files: list[PublicFile]


def published_reports(*, agency: Agency) -> list[PublishedVersion]:
    """All years and versions, newest first, with the public files of each."""
    out = []
    for v in report_selectors.published_reports(agency):
        files = sorted(
            (f for f in v.files.all() if f.kind in PUBLIC_KINDS),
            key=lambda f: list(PUBLIC_KINDS).index(f.kind),
        )
        out.append(
            PublishedVersion(
                pk=v.pk,
                year=v.year,
                version=v.version,
                published_on=v.published_on,
                correction_note=v.correction_note,
                late=v.late,
                imported=v.imported,
                files=[PublicFile(f.kind, PUBLIC_KINDS[f.kind], f.sha256, v.pk) for f in files],
            )
        )
    return out


def public_file(*, agency: Agency, pk: int, kind: str) -> PublishedFile | None:
    if kind not in PUBLIC_KINDS:
        return None
    version = PublishedReport.objects.filter(agency=agency, pk=pk).first()
    if version is None:
        return None
    return PublishedFile.objects.filter(report=version, kind=kind).first()
