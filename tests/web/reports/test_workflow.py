"""The annual report's review and publication in the services: every state, the gates
(errors block, warnings need a note, carry-over differences need a footnote), the audit trail,
immutable versions with hashes, corrections, optimistic concurrency and imports."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from gongkai.core.parsing import read_report
from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.reports import selectors, services
from gongkai.web.reports.models import PublishedFile, PublishedReport, State

TODAY = dt.date(2026, 1, 20)
DOUBLED = (
    "本机关严格落实政府信息公开工作制度，按照上级部署组织开展了政务公开专项培训和自查整改工作。"
)
PROBLEMS = "一是政策解读形式较为单一。二是答复文书规范化水平有待提升。下一步将加强培训，完善制度。"


def _open(district, year=2025):
    draft = services.draft_open(acting_user=district.officer_a, agency=district.dept_a, year=year)
    return services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        problems=PROBLEMS,
        other="无其他需要报告的事项。",
    )


def _publish(district, draft, day=TODAY):
    draft = services.draft_submit(
        acting_user=district.officer_a, draft=draft, revision=draft.revision
    )
    draft = services.draft_approve(acting_user=district.reviewer_a, draft=draft)
    draft = services.draft_sign(acting_user=district.reviewer_a, draft=draft, leader="李局长")
    return services.draft_publish(
        acting_user=district.office, draft=draft, published_on=day, today=max(day, TODAY)
    )


def test_draft_to_publication_with_every_output_hashed_and_audited(district):
    draft = _open(district)
    assert draft.state == State.DRAFT
    version = _publish(district, draft)
    draft.refresh_from_db()
    assert draft.state == State.PUBLISHED
    assert version.version == 1 and not version.late and version.signed_by == "李局长"
    kinds = set(version.files.values_list("kind", flat=True))
    assert kinds == {"html", "docx", "pdf", "txt", "json"}
    for f in version.files.all():
        assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest()
    hashes = version.document["publication"]["sha256"]
    assert hashes["pdf"] == version.files.get(kind="pdf").sha256
    read = read_report(bytes(version.files.get(kind="docx").content), "r.docx")
    assert read.year == 2025 and read.agency == district.dept_a.name
    actions = list(
        AuditRecord.objects.filter(entity="annual_report")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        AuditAction.REPORT_DRAFT_CREATE,
        AuditAction.REPORT_DRAFT_SAVE,
        AuditAction.REPORT_SUBMIT,
        AuditAction.REPORT_APPROVE,
        AuditAction.REPORT_SIGN,
        AuditAction.REPORT_PUBLISH,
    ]


def test_a_stale_revision_is_refused_and_nothing_is_overwritten(district):
    draft = _open(district)
    stale = draft.revision
    services.draft_save(
        acting_user=district.officer_a, draft=draft, revision=stale, other="甲的修改。"
    )
    with pytest.raises(ApplicationError, match="已被"):
        services.draft_save(
            acting_user=district.reviewer_a, draft=draft, revision=stale, other="乙的修改。"
        )
    draft.refresh_from_db()
    assert draft.other == "甲的修改。"


def test_submission_needs_section_five_and_a_note_on_each_warning(district):
    draft = services.draft_open(acting_user=district.officer_a, agency=district.dept_a, year=2025)
    with pytest.raises(ApplicationError, match="第五部分"):
        services.draft_submit(acting_user=district.officer_a, draft=draft, revision=draft.revision)
    draft = services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        problems=PROBLEMS,
        other=DOUBLED + "\n" + DOUBLED,
    )
    check = selectors.check_draft(draft)
    assert [f.code for f in check.warnings] == ["duplicate-paragraph"]
    with pytest.raises(ApplicationError, match="警告未说明"):
        services.draft_submit(acting_user=district.officer_a, draft=draft, revision=draft.revision)
    key = selectors.finding_key(check.warnings[0])
    draft = services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        warning_notes={key: "两段分别说明上下半年，措辞相同"},
    )
    draft = services.draft_submit(
        acting_user=district.officer_a, draft=draft, revision=draft.revision
    )
    assert draft.state == State.SUBMITTED


def test_return_needs_a_reason_and_roles_are_enforced(district):
    draft = _open(district)
    draft = services.draft_submit(
        acting_user=district.officer_a, draft=draft, revision=draft.revision
    )
    with pytest.raises(PermissionDenied):
        services.draft_approve(acting_user=district.officer_a, draft=draft)
    with pytest.raises(ApplicationError, match="退回原因"):
        services.draft_return(acting_user=district.reviewer_a, draft=draft, reason=" ")
    draft = services.draft_return(
        acting_user=district.reviewer_a, draft=draft, reason="第五部分过于笼统"
    )
    assert draft.state == State.RETURNED and draft.return_reason == "第五部分过于笼统"
    assert AuditRecord.objects.filter(
        action=AuditAction.REPORT_RETURN, reason="第五部分过于笼统"
    ).exists()
    with pytest.raises(PermissionDenied):
        services.draft_open(acting_user=district.officer_b, agency=district.dept_a, year=2025)


def test_late_publication_is_flagged_against_the_agency_deadline(district):
    version = _publish(district, _open(district), day=dt.date(2026, 2, 3))
    assert version.deadline == dt.date(2026, 1, 31) and version.late
    gov = services.draft_open(acting_user=district.office, agency=district.gov, year=2025)
    assert selectors.deadline(district.gov, 2025) == dt.date(2026, 3, 31)
    assert gov.state == State.DRAFT


def test_a_correction_is_a_new_version_and_the_old_one_never_changes(district):
    draft = _open(district)
    first = _publish(district, draft)
    first_hashes = dict(PublishedFile.objects.filter(report=first).values_list("kind", "sha256"))
    draft.refresh_from_db()
    with pytest.raises(ApplicationError, match="更正说明"):
        services.draft_reopen(acting_user=district.office, draft=draft, correction_note="")
    draft = services.draft_reopen(
        acting_user=district.office, draft=draft, correction_note="补充第六部分"
    )
    draft = services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        other="补充说明：无其他事项。",
    )
    second = _publish(district, draft, day=dt.date(2026, 1, 25))
    assert second.version == 2 and second.supersedes == first
    assert second.correction_note == "补充第六部分"
    assert (
        dict(PublishedFile.objects.filter(report=first).values_list("kind", "sha256"))
        == first_hashes
    )
    assert list(selectors.published_reports(district.dept_a).values_list("version", flat=True)) == [
        2,
        1,
    ]


def test_carry_over_difference_needs_a_footnote(district):
    # Last year's imported report carried 2 requests over; this year's records carry none in.
    last = _open(district, 2025)
    text = (
        _publish(district, last)
        .text.replace(
            "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        )
        .replace(
            "三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        )
    )
    assert "结转下年度继续办理 | 2" in text
    PublishedReport.objects.filter(agency=district.dept_a, year=2025).update(text=text)
    draft = services.draft_open(acting_user=district.officer_a, agency=district.dept_a, year=2026)
    draft = services.draft_save(
        acting_user=district.officer_a, draft=draft, revision=draft.revision, problems=PROBLEMS
    )
    check = selectors.check_draft(draft)
    assert [(c.column, c.this_year, c.last_year) for c in check.report.carryover] == [
        ("natural", 0, 2),
        ("total", 0, 2),
    ]
    assert any("上年结转" in r for r in services.blocking_reasons(check, draft))
    draft = services.draft_save(
        acting_user=district.officer_a,
        draft=draft,
        revision=draft.revision,
        footnotes={"t3.carried_in.total": "上年结转的2件申请已随职能划转移交区市场监管局办理"},
    )
    check = selectors.check_draft(draft)
    assert not [r for r in services.blocking_reasons(check, draft) if "上年结转" in r]


def test_an_earlier_report_is_imported_as_a_published_version_with_its_findings(district):
    from gongkai.core.annual import AgencyInfo, compose, render
    from gongkai.core.yearend import YearRecords, count_year

    counted = count_year(YearRecords(), year=2024, agency=district.dept_a.name)
    earlier = compose(
        counted, agency=AgencyInfo(name=district.dept_a.name), published=dt.date(2025, 2, 10)
    )
    data = render(earlier, "docx")
    version = services.report_import(
        acting_user=district.office, agency=district.dept_a, data=data, name="2024年报.docx"
    )
    assert (version.year, version.version, version.imported) == (2024, 1, True)
    assert version.published_on == dt.date(2025, 2, 10) and version.late
    assert "late-publication" in [f["code"] for f in version.findings]
    assert version.files.get(kind="original").sha256 == hashlib.sha256(data).hexdigest()
    # Next year's draft compares its 上年结转 with the imported report's table 四.
    draft = _open(district, 2025)
    check = selectors.check_draft(draft)
    assert check.previous is not None and check.previous.version == version
    assert check.report.carryover_checked
    with pytest.raises(ApplicationError, match="无法读取"):
        services.report_import(
            acting_user=district.office, agency=district.dept_a, data=b"hello", name="x.txt"
        )
    with pytest.raises(PermissionDenied):
        services.report_import(
            acting_user=district.officer_a, agency=district.dept_a, data=data, name="x.docx"
        )


def test_a_report_is_published_only_after_its_year(district, monkeypatch):
    """The same rule where a report is published, imported, or queued for import."""
    from gongkai.core.annual import AgencyInfo, compose, render
    from gongkai.core.yearend import YearRecords, count_year
    from gongkai.web.reports import import_jobs

    monkeypatch.setattr(import_jobs, "run_report_import_job", None)  # nothing may be queued
    counted = count_year(YearRecords(), year=2025, agency=district.dept_a.name)
    text = render(compose(counted, agency=AgencyInfo(name=district.dept_a.name)), "txt")
    same_year = "2025年度报告的发布日期应在2026年以后"
    with pytest.raises(ApplicationError, match=same_year) as refused:
        _publish(district, _open(district), day=dt.date(2025, 12, 30))
    assert refused.value.field == "published_on"
    for write, data in (
        (services.report_import, {"data": text, "name": "2025.txt"}),
        (import_jobs.job_create, {"data": text, "filename": "2025.txt"}),
    ):
        with pytest.raises(ApplicationError, match=same_year):
            write(
                acting_user=district.office,
                agency=district.dept_a,
                year=2025,
                published_on=dt.date(2025, 12, 30),
                **data,
            )
    assert not PublishedReport.objects.exists()
