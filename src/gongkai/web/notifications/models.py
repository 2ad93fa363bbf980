"""In-app notifications: the daily deadline reminders (and anything else that needs a user)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.applications.models import Application
from gongkai.web.common.models import reference


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    application = reference(Application, "申请", null=True)
    kind = models.CharField("类型", max_length=30)
    day = models.DateField("提醒日期")
    message = models.CharField("内容", max_length=300)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed = models.BooleanField("已发送邮件", default=False)

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ("-created_at", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["user", "application", "kind", "day"], name="notification_once_a_day"
            ),
        )

    def __str__(self) -> str:
        return self.message
