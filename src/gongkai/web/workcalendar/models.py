"""Holiday arrangements entered by the 系统管理员: the clock's override source.

``arrangement`` holds the document form of ``gongkai.core.calendar`` (the same as the override
file: ``{"notice", "holidays": [{"name", "start", "end"}], "workdays": [{"date", "name"}]}``).
"""

from __future__ import annotations

from django.db import models

from gongkai.web.common.models import TimestampedModel, staff_member


class YearOverride(TimestampedModel):
    year = models.PositiveIntegerField("年份", unique=True)
    arrangement = models.JSONField("放假安排", default=dict)
    updated_by = staff_member("修改人")

    class Meta:
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"
        ordering = ("year",)

    def __str__(self) -> str:
        return f"{self.year}年放假安排"
