"""The background import job of a 目录 file (issue 13, item 3): the uploaded file, where the work
is, its heartbeat and what went wrong. Imported by ``models.py`` so Django sees it."""

from __future__ import annotations

from django.db import models

from gongkai.web.common.models import BackgroundJob, JobStatus, reference, staff_member
from gongkai.web.orgs.models import Agency

__all__ = ["ImportJob", "JobStatus"]


class ImportJob(BackgroundJob):
    """One uploaded 目录 file and its import, run by the background worker.

    ``next_row`` is the cursor: the spreadsheet row number of the first row not yet written.
    It moves in the same transaction as the batch it ends, so a retry after a killed worker
    continues exactly where the last committed batch stopped.
    """

    agency = reference(Agency)
    created_by = staff_member(null=False)
    good_rows_only = models.BooleanField("只导入没有问题的行", default=False)
    total_rows = models.PositiveIntegerField("数据行数", default=0)
    checked_rows = models.PositiveIntegerField("已检查行数", default=0)
    to_write = models.PositiveIntegerField("待导入行数", default=0)
    imported = models.PositiveIntegerField("已导入行数", default=0)
    bad_rows = models.PositiveIntegerField("有问题的行数", default=0)
    next_row = models.PositiveIntegerField("下一待写入行号", default=0)
    errors = models.JSONField("问题", default=list, blank=True)

    class Meta:
        ordering = ("-id",)
        indexes = (
            models.Index(fields=("status", "heartbeat_at"), name="proactive_job_status_idx"),
        )

    @property
    def percent(self) -> int:
        """Checking every row and writing the good ones, as one bar from 0 to 100."""
        if self.status == JobStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        work = self.total_rows + (self.to_write or self.total_rows)
        return min(99, (self.checked_rows + self.imported) * 100 // work)
