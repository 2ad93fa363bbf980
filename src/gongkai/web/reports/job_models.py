"""The background import of an annual report published before gongkai (issue 13, item 3): the
uploaded file, the stage the worker is at, its heartbeat, and the result or what went wrong.
Imported by ``models.py`` so Django sees it."""

from __future__ import annotations

from django.db import models

from gongkai.web.common.models import BackgroundJob, JobStatus, reference, staff_member
from gongkai.web.orgs.models import Agency

ReportJobStatus = JobStatus  # the statuses every background job shares


class ReportJobStage(models.TextChoices):
    """Where a running import is: reading the file is the long part (a PDF takes seconds)."""

    WAITING = "", "等待开始"
    READING = "reading", "正在读取文件"
    CHECKING = "checking", "正在检查报告"
    SAVING = "saving", "正在保存"


STAGE_PERCENT = {
    ReportJobStage.WAITING: 0,
    ReportJobStage.READING: 10,
    ReportJobStage.CHECKING: 60,
    ReportJobStage.SAVING: 90,
}


class ReportImportJob(BackgroundJob):
    """One uploaded earlier-year report and its import, run by the background worker.

    The import writes in one transaction, which also marks the job done and links ``result``:
    a worker killed before it left nothing written, and the retry starts from the file again.
    """

    agency = reference(Agency)
    created_by = staff_member(null=False)
    year = models.PositiveIntegerField("所填年度", null=True, blank=True)
    published_on = models.DateField("所填发布日期", null=True, blank=True)
    stage = models.CharField(
        "进展", max_length=10, choices=ReportJobStage.choices, default="", blank=True
    )
    result = models.ForeignKey(
        "reports.PublishedReport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="导入的已发布版本",
    )

    class Meta:
        ordering = ("-id",)
        verbose_name = "历史年度报告导入任务"
        indexes = (models.Index(fields=("status", "heartbeat_at"), name="reports_job_status_idx"),)

    @property
    def percent(self) -> int:
        if self.status == ReportJobStatus.DONE:
            return 100
        if self.status == ReportJobStatus.QUEUED:
            return 0
        return STAGE_PERCENT.get(ReportJobStage(self.stage), 0)
