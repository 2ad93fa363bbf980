"""The models every app shares: the timestamped base, and the audit trail that every service
of every register writes (through :func:`gongkai.web.common.audit.audit_record`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from django.conf import settings
from django.db import models

from gongkai.core.vocabulary import audit_action_choices
from gongkai.web.common.appendonly import AppendOnlyModel, AppendOnlyQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@overload
def staff_member(
    verbose_name: str | None = None,
    *,
    null: Literal[True] = True,
    blank: bool = False,
    related_name: str = "+",
) -> models.ForeignKey[User | None, User | None]: ...
@overload
def staff_member(
    verbose_name: str | None = None,
    *,
    null: Literal[False],
    blank: bool = False,
    related_name: str = "+",
) -> models.ForeignKey[User, User]: ...
def staff_member(
    verbose_name: str | None = None,
    *,
    null: bool = True,
    blank: bool = False,
    related_name: str = "+",
) -> models.ForeignKey[Any, Any]:
    """The staff account that recorded, uploaded, decided or changed a row.

    ``PROTECT``: accounts are disabled, never deleted, while rows name them (the registers and
    the audit trail say who did what). No reverse accessor unless one is asked for. ``null`` for
    rows that the system writes itself (imports, the demo, reminders) or that predate the field.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=null,
        blank=blank,
        on_delete=models.PROTECT,
        related_name=related_name,
    )


@overload
def reference[M: models.Model](
    to: type[M],
    verbose_name: str | None = None,
    *,
    null: Literal[False] = False,
    related_name: str = "+",
) -> models.ForeignKey[M, M]: ...
@overload
def reference[M: models.Model](
    to: type[M],
    verbose_name: str | None = None,
    *,
    null: Literal[True],
    related_name: str = "+",
) -> models.ForeignKey[M | None, M | None]: ...
def reference(
    to: type[models.Model],
    verbose_name: str | None = None,
    *,
    null: bool = False,
    related_name: str = "+",
) -> models.ForeignKey[Any, Any]:
    """A row's reference to the agency, request or other record it belongs to (the model class,
    so that the type checker knows what ``row.agency`` is).

    ``PROTECT``: what the registers record is kept (voided, never deleted), so nothing they refer
    to can be deleted from under them. An optional reference (``null``) is optional in forms too.
    No reverse accessor unless one is asked for.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=null,
        blank=null,
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class TimestampedModel(models.Model):
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class VoidableModel(TimestampedModel):
    """A register's row is voided with a reason, never deleted: the annual report's counts and
    the audit trail must still find it."""

    voided = models.BooleanField("已作废", default=False)
    void_reason = models.TextField("作废原因", blank=True)

    class Meta:
        abstract = True


class RegisterEntry(VoidableModel):
    """A voidable row that a staff member registered by hand (a 目录 item, a case …)."""

    created_by = staff_member("登记人", blank=True)

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
    actor = staff_member("操作人")
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


class JobStatus(models.TextChoices):
    """Where a background job is (``common.jobs`` moves it): queued → running → done | failed."""

    QUEUED = "queued", "排队中"
    RUNNING = "running", "正在导入"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class BackgroundJob(models.Model):
    """What every background job of gongkai records (issue 13, item 3): the uploaded file, its
    status and message, and the run's attempts and times that ``common.jobs`` claims and
    recovers by. The 目录 import and the import of earlier annual reports derive from it."""

    filename = models.CharField("文件名", max_length=255)
    data = models.BinaryField("文件内容", blank=True)  # emptied when the job ends
    status = models.CharField(
        "状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    message = models.TextField("说明", blank=True)
    attempts = models.PositiveSmallIntegerField("运行次数", default=0)
    created_at = models.DateTimeField("上传时间")
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    heartbeat_at = models.DateTimeField("最近进展", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.filename}（{JobStatus(self.status).label}）"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
