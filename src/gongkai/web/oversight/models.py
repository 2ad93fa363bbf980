"""督办: a recorded reminder from the 公开办 to an agency (条例 第四条: the 主管部门 推进、指导、协调、
监督 the disclosure work of its government's agencies; 第四十七条 督促整改)."""

from __future__ import annotations

from django.db import models

from gongkai.web.applications.models import Application
from gongkai.web.common.models import reference, staff_member
from gongkai.web.orgs.models import Agency


class Supervision(models.Model):
    agency = reference(Agency, "督办机关")
    application = reference(Application, "督办的申请", null=True)
    day = models.DateField("督办日期")
    note = models.TextField("督办事项")
    by = staff_member("督办人", null=False)
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "督办"
        verbose_name_plural = "督办"
        ordering = ("-day", "-id")

    def __str__(self) -> str:
        return f"{self.day} {self.agency_id} {self.note[:20]}"
