"""The 年报 column (条例 第四十九条): the agency's published annual reports.

The published-report model is built on branch ``issue-11``; until it is merged this module is
the one place the portal reads reports from. Contract of :func:`published_reports`: every
published version of every year of the agency, newest year first, each a
:class:`PublishedVersion` with links to the page, DOCX, PDF and JSON and the content hash.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.web.orgs.models import Agency


@dataclass(frozen=True)
class PublishedVersion:
    year: int
    version: int
    published_on: str
    title: str
    page_url: str
    docx_url: str
    pdf_url: str
    json_url: str
    sha256: str
    correction_note: str = ""


def published_reports(*, agency: Agency) -> list[PublishedVersion]:
    """No published-report model is installed on this branch: nothing to list."""
    return []
