"""Writes of the annual-report workspace: each transition is one atomic, permission-checked,
audited function (起草 → 提交审核 → 退回 / 审核通过 → 签发 → 发布; 更正 reopens a published
report for a new version; 导入 stores a report published before gongkai).

Optimistic concurrency: every write that changes the draft names the ``revision`` the user's
form was made from; a stale revision is refused (the other officer's work is kept and the user is
told to reload), never silently overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from django.db import transaction

from gongkai.core.annual import FORMATS, render
from gongkai.core.annual.json_render import check_json, render_json_bytes
from gongkai.core.checks import check_report
from gongkai.core.errors import UnreadableInput
from gongkai.core.formats import UnknownYearError, format_for_year
from gongkai.core.parsing import read_report
from gongkai.core.vocabulary import AuditAction
from gongkai.core.yearend import UncountableRecord
from gongkai.web.accounts import permissions
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text
from gongkai.web.orgs.models import Agency
from gongkai.web.reports import selectors
from gongkai.web.reports.models import PublishedFile, PublishedReport, ReportDraft, State

ENTITY = "annual_report"
EDITABLE = (State.DRAFT, State.RETURNED)
OUTPUTS = ("html", "docx", "pdf", "txt")


def _audit(
    draft: ReportDraft, actor: Any, action: AuditAction, changes: dict[str, Any], reason: str = ""
) -> None:
    audit_record(
        action=action,
        actor=actor,
        entity=ENTITY,
        entity_id=f"{draft.agency.code}/{draft.year}",
        changes=changes,
        reason=reason,
    )


def _lock(draft: ReportDraft) -> ReportDraft:
    return ReportDraft.objects.select_for_update().select_related("agency").get(pk=draft.pk)


def _check_revision(draft: ReportDraft, revision: int | None) -> None:
    if revision is not None and revision != draft.revision:
        who = (
            draft.updated_by.get_full_name() or draft.updated_by.get_username()
            if draft.updated_by
            else "其他用户"
        )
        raise ApplicationError(
            f"这份报告已被{who}修改（第{draft.revision}版，您编辑的是第{revision}版）。"
            "为避免覆盖对方的修改，本次保存未执行：请复制您的内容，刷新页面后再合并保存。"
        )


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _require_drafter(user: Any, agency: Agency, what: str) -> None:
    """The agency's own officers draft its report; ``what`` they may not do, if not."""
    _require(permissions.can_draft_report(user, agency), f"您无权{what}该机构的年度报告")


def _require_reviewer(user: Any, agency: Agency, what: str) -> None:
    _require(permissions.can_review_report(user, agency), f"只有审核人或公开办可以{what}")


def require_publisher(user: Any, agency: Agency, what: str) -> None:
    """Only the 公开办 publishes, corrects and imports reports; ``what`` it may not do, if not."""
    _require(permissions.can_publish_report(user, agency), f"只有公开办可以{what}")


def _state(draft: ReportDraft, *states: State) -> None:
    if draft.state not in states:
        wanted = "、".join(s.label for s in states)
        raise ApplicationError(
            f"报告当前状态为“{draft.get_state_display()}”，只能在“{wanted}”状态下进行此操作"
        )


def check_published_after_year(year: int, published_on: dt.date) -> None:
    """A year's report is published in a later year (条例第五十条: by 31 January of the next)."""
    if published_on.year <= year:
        raise ApplicationError(
            f"{year}年度报告的发布日期应在{year + 1}年以后", field="published_on"
        )


def _format_of(year: int) -> None:
    try:
        format_for_year(year)
    except UnknownYearError as exc:
        raise ApplicationError(str(exc)) from None


def draft_open(*, acting_user: Any, agency: Agency, year: int) -> ReportDraft:
    """The workspace of ``agency`` and ``year``, created (起草) on first use."""
    _require_drafter(acting_user, agency, "起草")
    _format_of(year)
    with transaction.atomic():
        draft, created = ReportDraft.objects.get_or_create(
            agency=agency, year=year, defaults={"updated_by": acting_user}
        )
        if created:
            _audit(draft, acting_user, AuditAction.REPORT_DRAFT_CREATE, {"state": draft.state})
    return draft


def draft_save(
    *,
    acting_user: Any,
    draft: ReportDraft,
    revision: int,
    overview: dict[str, str] | None = None,
    problems: str | None = None,
    other: str | None = None,
    footnotes: dict[str, str] | None = None,
    warning_notes: dict[str, str] | None = None,
) -> ReportDraft:
    _require_drafter(acting_user, draft.agency, "修改")
    with transaction.atomic():
        draft = _lock(draft)
        _check_revision(draft, revision)
        _state(draft, *EDITABLE)
        changes: dict[str, Any] = {}
        for field, value in (
            ("overview", overview),
            ("problems", problems),
            ("other", other),
            ("footnotes", footnotes),
            ("warning_notes", warning_notes),
        ):
            if value is None:
                continue
            if isinstance(value, dict):
                value = {k: v.strip() for k, v in value.items() if v.strip()}
            else:
                value = value.strip()
            if getattr(draft, field) != value:
                changes[field] = {"from": getattr(draft, field), "to": value}
                setattr(draft, field, value)
        if changes:
            _saved(draft, acting_user, AuditAction.REPORT_DRAFT_SAVE, changes)
    return draft


def blocking_reasons(check: selectors.DraftCheck, draft: ReportDraft) -> list[str]:
    """Why the draft cannot go to review: errors, warnings without a note, carry-over
    differences without a footnote, a missing section 五."""
    reasons = [f"检查发现错误：{f.message}" for f in check.errors]
    notes = draft.warning_notes or {}
    footnoted = {key for key, text in (draft.footnotes or {}).items() if text.strip()}
    for finding in check.warnings:
        if finding.code == "carryover" and (
            f"t3.carried_in.{finding.column}" in footnoted or "t3.carried_in.total" in footnoted
        ):
            continue  # explained by the footnote on the 上年结转 cell
        if not notes.get(selectors.finding_key(finding), "").strip():
            reasons.append(f"警告未说明：{finding.message}（请在该警告下填写说明）")
    for diff in check.report.unexplained_carryover:
        reasons.append(
            f"表三“上年结转”{diff.column}栏为{diff.this_year}件，上年报告“结转下年度继续办理”为"
            f"{diff.last_year}件，两者不一致：请在该单元格添加注释说明原因"
        )
    if not draft.problems.strip():
        reasons.append("第五部分“存在的主要问题及改进情况”尚未填写")
    return reasons


def _checked(draft: ReportDraft) -> selectors.DraftCheck:
    try:
        return selectors.check_draft(draft)
    except UncountableRecord as exc:
        raise ApplicationError(f"登记数据无法统计：{exc}") from None


def _saved(
    draft: ReportDraft,
    acting_user: Any,
    action: AuditAction,
    changes: dict[str, Any],
    reason: str = "",
) -> None:
    """Write the locked draft as a new revision by ``acting_user``, and audit it."""
    draft.revision += 1
    draft.updated_by = acting_user
    draft.save()
    _audit(draft, acting_user, action, changes, reason)


def _transition(
    draft: ReportDraft,
    acting_user: Any,
    *,
    source: tuple[State, ...],
    target: State,
    action: AuditAction,
    revision: int | None = None,
    refused: str = "",
    fields: dict[str, Any] | None = None,
    audit: Callable[[ReportDraft], dict[str, Any]] | None = None,
    reason: str = "",
) -> ReportDraft:
    """One step of the workflow in one transaction: the draft locked, at ``revision`` and in
    one of the ``source`` states; when ``refused`` is given, the step is refused with it while
    :func:`blocking_reasons` has any; then the draft moves to ``target`` with ``fields`` set and
    is audited (the state, and what ``audit`` adds from the locked draft)."""
    with transaction.atomic():
        draft = _lock(draft)
        _check_revision(draft, revision)
        _state(draft, *source)
        if refused:
            reasons = blocking_reasons(_checked(draft), draft)
            if reasons:
                raise ApplicationError(refused + "；".join(reasons))
        draft.state = target
        for name, value in (fields or {}).items():
            setattr(draft, name, value)
        changes = {"state": target, **(audit(draft) if audit else {})}
        _saved(draft, acting_user, action, changes, reason)
    return draft


def draft_submit(*, acting_user: Any, draft: ReportDraft, revision: int) -> ReportDraft:
    _require_drafter(acting_user, draft.agency, "提交")
    return _transition(
        draft,
        acting_user,
        source=EDITABLE,
        target=State.SUBMITTED,
        action=AuditAction.REPORT_SUBMIT,
        revision=revision,
        refused="不能提交审核：",
        audit=lambda locked: {"warnings": dict(locked.warning_notes or {})},
    )


def draft_return(*, acting_user: Any, draft: ReportDraft, reason: str) -> ReportDraft:
    _require_reviewer(acting_user, draft.agency, "退回年度报告")
    reason = required_text(reason, "请填写退回原因", field="reason")
    return _transition(
        draft,
        acting_user,
        source=(State.SUBMITTED,),
        target=State.RETURNED,
        action=AuditAction.REPORT_RETURN,
        fields={"return_reason": reason},
        reason=reason,
    )


def draft_approve(*, acting_user: Any, draft: ReportDraft) -> ReportDraft:
    _require_reviewer(acting_user, draft.agency, "审核通过年度报告")
    # The records may have changed since submission: checked again.
    return _transition(
        draft,
        acting_user,
        source=(State.SUBMITTED,),
        target=State.APPROVED,
        action=AuditAction.REPORT_APPROVE,
        refused="不能审核通过：",
        fields={"return_reason": ""},
    )


def draft_sign(*, acting_user: Any, draft: ReportDraft, leader: str) -> ReportDraft:
    _require_reviewer(acting_user, draft.agency, "登记签发")
    leader = required_text(leader, "请填写签发领导姓名", field="leader")
    return _transition(
        draft,
        acting_user,
        source=(State.APPROVED,),
        target=State.SIGNED,
        action=AuditAction.REPORT_SIGN,
        fields={"signed_by": leader},
        audit=lambda locked: {"signed_by": leader},
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def draft_publish(
    *, acting_user: Any, draft: ReportDraft, published_on: dt.date, today: dt.date
) -> PublishedReport:
    """Publish the signed draft as a new, immutable version with every output and its hash."""
    require_publisher(acting_user, draft.agency, "发布年度报告")
    if published_on > today:
        raise ApplicationError("发布日期不能晚于今天", field="published_on")
    check_published_after_year(draft.year, published_on)
    with transaction.atomic():
        draft = _lock(draft)
        _state(draft, State.SIGNED)
        earlier = selectors.latest_published(draft.agency, draft.year)
        if earlier is not None and not draft.correction_note.strip():
            raise ApplicationError(
                "该年度报告已发布过，发布更正版本须填写更正说明", field="correction_note"
            )
        check = _checked(draft)
        if check.errors:
            raise ApplicationError("不能发布：" + "；".join(f.message for f in check.errors))
        report = selectors.compose_draft(draft, published=published_on, previous=check.previous)
        deadline = selectors.deadline(draft.agency, draft.year)
        version_number = (earlier.version + 1) if earlier else 1
        files = {kind: render(report, kind) for kind in OUTPUTS}
        # The published text read back and checked: the findings stored are the published file's.
        read = read_report(files["txt"], f"{draft.agency.code}-{draft.year}.txt")
        findings = check_report(read, check.previous.report if check.previous else None)
        publication = {
            "version": version_number,
            "published_at": published_on.isoformat(),
            "imported": False,
            "supersedes": earlier.version if earlier else None,
            "correction_note": draft.correction_note,
            "signed_by": draft.signed_by,
            "deadline": deadline.isoformat(),
            "late": published_on > deadline,
            "sha256": {kind: _sha(data) for kind, data in files.items()},
        }
        files["json"] = render_json_bytes(report, findings=findings, publication=publication)
        import json

        version = PublishedReport.objects.create(
            agency=draft.agency,
            year=draft.year,
            version=version_number,
            published_on=published_on,
            supersedes=earlier,
            correction_note=draft.correction_note,
            signed_by=draft.signed_by,
            deadline=deadline,
            late=published_on > deadline,
            document=json.loads(files["json"]),
            findings=check_json(findings)["findings"],
            text=files["txt"].decode("utf-8"),
            published_by=acting_user,
        )
        base = f"{draft.agency.name}{draft.year}年政府信息公开工作年度报告"
        suffix = f"（更正版{version_number}）" if version_number > 1 else ""
        PublishedFile.objects.bulk_create(
            PublishedFile(
                report=version,
                kind=kind,
                name=f"{base}{suffix}.{kind}",
                content=data,
                sha256=_sha(data),
            )
            for kind, data in files.items()
        )
        draft.state = State.PUBLISHED
        draft.correction_note = ""
        _saved(
            draft,
            acting_user,
            AuditAction.REPORT_PUBLISH,
            {
                "state": State.PUBLISHED,
                "version": version_number,
                "published_on": published_on,
                "late": published_on > deadline,
                "sha256": publication["sha256"],
            },
        )
    return version


def draft_reopen(*, acting_user: Any, draft: ReportDraft, correction_note: str) -> ReportDraft:
    """Start a correction of a published report: a new version will carry the 更正说明."""
    require_publisher(acting_user, draft.agency, "发起更正")
    note = required_text(
        correction_note, "请填写更正说明（更正了什么、为什么）", field="correction_note"
    )
    return _transition(
        draft,
        acting_user,
        source=(State.PUBLISHED,),
        target=State.DRAFT,
        action=AuditAction.REPORT_CORRECTION_START,
        fields={"correction_note": note, "signed_by": ""},
        reason=note,
    )


def report_import(
    *,
    acting_user: Any,
    agency: Agency,
    data: bytes,
    name: str,
    year: int | None = None,
    published_on: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    on_saved: Callable[[PublishedReport], None] | None = None,
) -> PublishedReport:
    """Store a report the agency published before gongkai as an imported published version of
    its year, with the parser's and checker's findings (any file ``gongkai check`` reads).

    ``progress`` is told each stage (``reading``, ``checking``, ``saving``) as it starts;
    ``on_saved`` runs inside the transaction that writes the version, so what it records (the
    background job's result) is written with the version or not at all."""
    require_publisher(acting_user, agency, "导入历史年度报告")
    tell = progress or (lambda stage: None)
    tell("reading")
    try:
        read = read_report(data, name)
    except UnreadableInput as exc:
        raise ApplicationError(f"无法读取该文件：{exc}", field="file") from None
    year = year or read.year
    if year is None:
        raise ApplicationError("无法从文件中识别报告年度，请填写年度", field="year")
    if read.year is not None and read.year != year:
        raise ApplicationError(f"文件是{read.year}年度的报告，与所填年度{year}不一致", field="year")
    published_on = published_on or read.published
    if published_on is None:
        raise ApplicationError("无法从文件中识别发布日期，请填写发布日期", field="published_on")
    check_published_after_year(year, published_on)
    tell("checking")
    previous = selectors.previous_year(agency, year)
    findings = check_report(read, previous.report if previous else None)
    deadline = selectors.deadline(agency, year)
    tell("saving")
    with transaction.atomic():
        earlier = selectors.latest_published(agency, year)
        version = PublishedReport.objects.create(
            agency=agency,
            year=year,
            version=(earlier.version + 1) if earlier else 1,
            published_on=published_on,
            imported=True,
            supersedes=earlier,
            deadline=deadline,
            late=published_on > deadline,
            document={},
            findings=check_json(findings)["findings"],
            published_by=acting_user,
        )
        PublishedFile.objects.create(
            report=version, kind="original", name=name, content=data, sha256=_sha(data)
        )
        audit_record(
            action=AuditAction.REPORT_IMPORT,
            actor=acting_user,
            entity=ENTITY,
            entity_id=f"{agency.code}/{year}",
            changes={"file": name, "sha256": _sha(data), "version": version.version},
        )
        if on_saved is not None:
            on_saved(version)
    return version


__all__ = [
    "FORMATS",
    "blocking_reasons",
    "check_published_after_year",
    "draft_approve",
    "draft_open",
    "draft_publish",
    "draft_reopen",
    "draft_return",
    "draft_save",
    "draft_sign",
    "draft_submit",
    "report_import",
    "require_publisher",
]
