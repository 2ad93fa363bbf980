"""The 年报 column lists every published version of every year with its page, DOCX, PDF and
JSON and their SHA-256; each file downloads as published (its bytes match the hash)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse

from gongkai.web.reports import services

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 20)


def publish(district, draft, day):
    draft = services.draft_submit(
        acting_user=district.officer_a, draft=draft, revision=draft.revision
    )
    draft = services.draft_approve(acting_user=district.reviewer_a, draft=draft)
    draft = services.draft_sign(acting_user=district.reviewer_a, draft=draft, leader="李局长")
    return services.draft_publish(
        acting_user=district.office, draft=draft, published_on=day, today=TODAY
    )


def test_every_version_with_its_files_and_hashes_and_the_bytes_match(client, district):
    draft = services.draft_open(acting_user=district.officer_a, agency=district.dept_a, year=2025)
    draft = services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        problems="一是政策解读形式较为单一。下一步将加强培训，完善制度。",
        other="无其他需要报告的事项。",
    )
    first = publish(district, draft, dt.date(2026, 1, 15))
    draft.refresh_from_db()
    draft = services.draft_reopen(
        acting_user=district.office, draft=draft, correction_note="补充第六部分"
    )
    second = publish(district, draft, dt.date(2026, 1, 20))

    url = reverse("portal:reports", args=[district.dept_a.code])
    html = client.get(url).content.decode()
    assert "第1版" in html and "第2版" in html and "更正说明：补充第六部分" in html
    for version in (first, second):
        for f in version.files.filter(kind__in=["html", "docx", "pdf", "json"]):
            assert f.sha256 in html
            link = reverse("portal:report_file", args=[district.dept_a.code, version.pk, f.kind])
            assert link in html
            response = client.get(link)
            assert response.status_code == 200
            assert hashlib.sha256(response.content).hexdigest() == f.sha256
    assert len(re.findall(r"/nb/\d+/txt/", html)) == 0  # internal outputs are not listed
    # Another agency's column does not serve this agency's files.
    other = reverse("portal:report_file", args=[district.dept_b.code, first.pk, "pdf"])
    assert client.get(other).status_code == 404
    assert (
        client.get(
            reverse("portal:report_file", args=[district.dept_a.code, first.pk, "txt"])
        ).status_code
        == 404
    )
