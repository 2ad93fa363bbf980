"""The annual report's workspace and its published versions (条例第四十九条、第五十条).

* :class:`ReportDraft` — one per agency and year: the officer's texts, footnotes tied to cells,
  notes on the checker's warnings, the state of review (起草 → 提交审核 → 退回 / 审核通过 → 签发 →
  发布) and a ``revision`` counter: every save names the revision it was made from, so two
  officers cannot silently overwrite each other (optimistic concurrency).
* :class:`PublishedReport` — a published version. Never changed once written: a correction is a
  new version with its 更正说明 (``correction_note``) that ``supersedes`` the one before. Imported
  reports of earlier years (published before gongkai) are versions too, marked ``imported``,
  with the parser's findings.
* :class:`PublishedFile` — each output of a version (HTML, DOCX, PDF, text, JSON; or the
  uploaded original of an import) with its SHA-256.

The public portal lists versions through ``selectors.published_reports(agency)``.
"""

from __future__ import annotations

from django.db import models

from gongkai.web.common.models import TimestampedModel, reference, staff_member
from gongkai.web.orgs.models import Agency


class State(models.TextChoices):
    DRAFT = "draft", "起草"
    SUBMITTED = "submitted", "提交审核"
    RETURNED = "returned", "退回"
    APPROVED = "approved", "审核通过"
    SIGNED = "signed", "签发"
    PUBLISHED = "published", "发布"


class ReportDraft(TimestampedModel):
    agency = reference(Agency, related_name="report_drafts")
    year = models.PositiveIntegerField("报告年度")
    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.DRAFT)
    overview = models.JSONField("总体情况（经办人撰写部分）", default=dict, blank=True)
    problems = models.TextField("存在的主要问题及改进情况", blank=True)
    other = models.TextField("其他需要报告的事项", blank=True)
    footnotes = models.JSONField(
        "单元格注释", default=dict, blank=True
    )  # "t3.carried_in.total" -> text
    warning_notes = models.JSONField("警告说明", default=dict, blank=True)  # finding key -> note
    return_reason = models.TextField("退回原因", blank=True)
    signed_by = models.CharField("签发领导", max_length=60, blank=True)
    correction_note = models.TextField("更正说明", blank=True)
    revision = models.PositiveIntegerField("修订号", default=1)
    updated_by = staff_member(blank=True)

    class Meta:
        verbose_name = "年度报告工作稿"
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year"], name="one_report_draft_per_agency_year"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告（{self.get_state_display()}）"


class PublishedReport(TimestampedModel):
    agency = reference(Agency, related_name="published_reports")
    year = models.PositiveIntegerField("报告年度")
    version = models.PositiveIntegerField("版本")
    published_on = models.DateField("发布日期")
    imported = models.BooleanField("导入的历史报告", default=False)
    supersedes = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    correction_note = models.TextField("更正说明", blank=True)
    signed_by = models.CharField("签发领导", max_length=60, blank=True)
    deadline = models.DateField("法定公开期限")
    late = models.BooleanField("逾期发布", default=False)
    document = models.JSONField("机器可读报告", default=dict)
    findings = models.JSONField("检查结果", default=list)
    text = models.TextField("纯文本", blank=True)  # for diffs between versions
    published_by = staff_member(blank=True)

    class Meta:
        verbose_name = "已发布年度报告"
        ordering = ("agency_id", "-year", "-version")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year", "version"], name="one_published_report_version"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告 第{self.version}版"


class PublishedFile(models.Model):
    report = models.ForeignKey(PublishedReport, on_delete=models.PROTECT, related_name="files")
    kind = models.CharField("格式", max_length=10)  # html, docx, pdf, txt, json, original
    name = models.CharField("文件名", max_length=200)
    content = models.BinaryField("内容")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "已发布报告文件"
        constraints = (
            models.UniqueConstraint(
                fields=["report", "kind"], name="one_file_per_kind_per_version"
            ),
        )

    def __str__(self) -> str:
        return self.name


from gongkai.web.reports.job_models import ReportImportJob  # noqa: E402, F401
