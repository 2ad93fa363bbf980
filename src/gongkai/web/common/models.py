"""The models every app shares: the timestamped base, and the audit trail that every service
of every register writes (through :func:`gongkai.web.common.audit.audit_record`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.core.vocabulary import audit_action_choices
from gongkai.web.common.appendonly import AppendOnlyModel, AppendOnlyQuerySet


class TimestampedModel(models.Model):
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class AuditRecord(AppendOnlyModel):
    """Who did what, when, and what changed (a JSON diff). Written by every service; never
    changed or deleted (``common/appendonly.py``)."""

    objects = AppendOnlyQuerySet.as_manager()

    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit",
        verbose_name="申请",
    )
    entity = models.CharField("对象类型", max_length=40)
    entity_id = models.CharField("对象编号", max_length=40)
    action = models.CharField("操作", max_length=60, choices=audit_action_choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    changes = models.JSONField("变更内容", default=dict)
    reason = models.TextField("原因", blank=True)

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ("at", "id")
        # The table keeps the name it had when the model lived with the request register.
        db_table = "applications_auditrecord"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
