"""The demo district's annual reports (issue 11 item 7): every agency's first closed year is
published through the services, the second year's reports are held in every state, one draft is
blocked by a planted error and one is returned with reasons."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from gongkai.cli.main import main
from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.models import AuditRecord
from gongkai.web.demo import load_demo
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.reports import demo as reports_demo
from gongkai.web.reports import selectors, services
from gongkai.web.reports.models import PublishedReport, ReportDraft, State

TODAY = dt.date(2026, 2, 10)


@pytest.mark.django_db
def test_the_demo_publishes_the_first_year_and_holds_the_second_in_every_state(tmp_path, capsys):
    summary = load_demo(seed=1, today=TODAY)
    text = " ".join(summary.extra)
    assert "年度报告：2024年度发布" in text and "未能生成" not in text
    agencies = Agency.objects.count()

    # 2024: every agency's report published, once, through the services (audited).
    first = PublishedReport.objects.filter(year=2024)
    assert first.count() == agencies and not first.filter(imported=True).exists()
    assert set(ReportDraft.objects.filter(year=2024).values_list("state", flat=True)) == {
        State.PUBLISHED
    }
    assert not first.filter(late=True).exists()
    second = PublishedReport.objects.filter(year=2025)
    publishes = AuditRecord.objects.filter(action=AuditAction.REPORT_PUBLISH)
    assert publishes.count() == first.count() + second.count()

    # 2025: every state of the review.
    drafts = ReportDraft.objects.filter(year=2025)
    assert drafts.count() == agencies
    assert set(drafts.values_list("state", flat=True)) == set(State.values)
    returned = drafts.filter(state=State.RETURNED)
    assert all(d.return_reason == reports_demo.RETURN_REASON for d in returned)
    assert AuditRecord.objects.filter(
        action=AuditAction.REPORT_RETURN, reason=reports_demo.RETURN_REASON
    ).exists()
    assert {d.signed_by for d in drafts.filter(state=State.SIGNED)} <= set(reports_demo.LEADERS)

    # Every published output's hash verifies, and the JSON names the same hashes.
    for version in PublishedReport.objects.all():
        files = {f.kind: f for f in version.files.all()}
        assert set(files) == {"html", "docx", "pdf", "txt", "json"}
        for f in files.values():
            assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest()
        published = json.loads(bytes(files["json"].content))["publication"]["sha256"]
        assert published == {k: files[k].sha256 for k in ("html", "docx", "pdf", "txt")}

    # `gongkai check` on a published report (with last year's as --previous): no error.
    version = second.select_related("agency").first()
    assert version is not None
    last = first.get(agency=version.agency)
    this_path, last_path = tmp_path / "2025.txt", tmp_path / "2024.txt"
    this_path.write_bytes(bytes(version.files.get(kind="txt").content))
    last_path.write_bytes(bytes(last.files.get(kind="txt").content))
    capsys.readouterr()
    assert main(["check", str(this_path), "--previous", str(last_path), "--json"]) == 0
    (checked,) = json.loads(capsys.readouterr().out)["reports"]
    assert (checked["year"], checked["agency"]) == (2025, version.agency.name)
    assert [f for f in checked["findings"] if f["severity"] == "error"] == []

    # The government's draft is blocked by the planted error until the officer fixes it.
    government = Agency.objects.get(kind=AgencyKind.GOVERNMENT)
    blocked = drafts.get(agency=government)
    assert blocked.state == State.DRAFT
    check = selectors.check_draft(blocked)
    assert check.errors and {f.code for f in check.errors} == {"text-table-mismatch"}
    planted = reports_demo.planted_count(government, 2025)
    assert any(f"申请{planted}件" in f.message for f in check.errors)
    office = government.memberships.get(role="office").user
    with pytest.raises(ApplicationError, match="不能提交审核：检查发现错误"):
        services.draft_submit(acting_user=office, draft=blocked, revision=blocked.revision)
    blocked.refresh_from_db()
    assert blocked.state == State.DRAFT
    fixed = services.draft_save(
        acting_user=office,
        draft=blocked,
        revision=blocked.revision,
        overview={**blocked.overview, "requests": ""},
    )
    assert not selectors.check_draft(fixed).errors
