"""The background import job of a 目录 file (issue 13, item 3): the uploaded file, where the work
is, its heartbeat and what went wrong. Imported by ``models.py`` so Django sees it."""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.db import models


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return JOB_STATUS_LABELS[self]


JOB_STATUS_LABELS = {
    JobStatus.QUEUED: "排队中",
    JobStatus.RUNNING: "正在导入",
    JobStatus.DONE: "已完成",
    JobStatus.FAILED: "失败",
}


class ImportJob(models.Model):
    """One uploaded 目录 file and its import, run by the background worker.

    ``next_row`` is the cursor: the spreadsheet row number of the first row not yet written.
    It moves in the same transaction as the batch it ends, so a retry after a killed worker
    continues exactly where the last committed batch stopped.
    """

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filename = models.CharField("文件名", max_length=255)
    data = models.BinaryField("文件内容", blank=True)  # emptied when the job ends
    good_rows_only = models.BooleanField("只导入没有问题的行", default=False)
    status = models.CharField(
        "状态",
        max_length=10,
        choices=[(s.value, s.label) for s in JobStatus],
        default=JobStatus.QUEUED.value,
    )
    total_rows = models.PositiveIntegerField("数据行数", default=0)
    checked_rows = models.PositiveIntegerField("已检查行数", default=0)
    to_write = models.PositiveIntegerField("待导入行数", default=0)
    imported = models.PositiveIntegerField("已导入行数", default=0)
    bad_rows = models.PositiveIntegerField("有问题的行数", default=0)
    next_row = models.PositiveIntegerField("下一待写入行号", default=0)
    errors = models.JSONField("问题", default=list, blank=True)
    message = models.TextField("说明", blank=True)
    attempts = models.PositiveSmallIntegerField("运行次数", default=0)
    created_at = models.DateTimeField("上传时间")
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    heartbeat_at = models.DateTimeField("最近进展", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        ordering = ("-id",)
        indexes = (
            models.Index(fields=("status", "heartbeat_at"), name="proactive_job_status_idx"),
        )

    def __str__(self) -> str:
        return f"{self.filename}（{JobStatus(self.status).label}）"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        """Checking every row and writing the good ones, as one bar from 0 to 100."""
        if self.status == JobStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        work = self.total_rows + (self.to_write or self.total_rows)
        return min(99, (self.checked_rows + self.imported) * 100 // work)
