"""What the public side keeps beyond the registers: the online application's 查询码 (as a keyed
digest only), its ID proof and purpose; rate-limit events; the 目录 searches that found
nothing; the 指南's dated versions."""

from __future__ import annotations

from django.db import models

from gongkai.web.common.models import TimestampedModel, reference
from gongkai.web.orgs.models import Agency


class OnlineRequest(TimestampedModel):
    """An application made on the portal (条例 第二十九条). The application itself is an
    ``Application`` of the register (channel 网上申请平台, status 待确认 until confirmed)."""

    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.PROTECT,
        related_name="online",
        verbose_name="申请",
    )
    # HMAC-SHA256 of the 查询码 under the installation's secret: the code itself is never stored.
    code_digest = models.CharField("查询码摘要", max_length=64, unique=True)
    purpose = models.TextField("用途（选填）", blank=True)
    id_proof = models.FileField("身份证明", upload_to="id-proofs/", max_length=255, blank=True)
    id_proof_type = models.CharField("身份证明文件类型", max_length=40, blank=True)
    submitted_at = models.DateTimeField("网上提交时间")

    class Meta:
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"

    def __str__(self) -> str:
        return f"网上申请 {self.pk}"


class CorrectionUpload(TimestampedModel):
    """A 补正 the applicant submitted online (条例 第三十条), waiting for the officer."""

    online = models.ForeignKey(
        OnlineRequest, on_delete=models.PROTECT, related_name="corrections", verbose_name="网上申请"
    )
    text = models.TextField("补正内容")
    file = models.FileField("补正材料", upload_to="corrections/", max_length=255, blank=True)
    submitted_on = models.DateField("提交日期")

    class Meta:
        verbose_name = "网上补正"
        verbose_name_plural = "网上补正"
        ordering = ("submitted_on", "id")

    def __str__(self) -> str:
        return f"补正 {self.submitted_on}"


class RateEvent(models.Model):
    """One attempt counted by a rate limit (applying, looking up, failing a lookup). Keyed by a
    digest of the client address, so no address is stored in clear."""

    bucket = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = (models.Index(fields=["bucket", "key", "at"], name="portal_rate_idx"),)

    def __str__(self) -> str:
        return f"{self.bucket} {self.at:%Y-%m-%d %H:%M}"


class ZeroResultSearch(models.Model):
    """A 目录 search that found nothing, logged for the agency (issue 14 §3)."""

    agency = models.ForeignKey(
        "orgs.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField("检索词", max_length=200)
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "无结果检索"
        verbose_name_plural = "无结果检索"
        ordering = ("-at",)

    def __str__(self) -> str:
        return self.query


class RulesPage(models.Model):
    """One published version of an agency's 政府信息公开制度 page (the 专栏's sub-column): the
    newest is shown; earlier ones are kept, never changed."""

    agency = reference(Agency, "机构")
    number = models.PositiveIntegerField("版本")
    body = models.TextField("正文")
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, related_name="+", verbose_name="发布人"
    )

    class Meta:
        verbose_name = "政府信息公开制度页面"
        verbose_name_plural = "政府信息公开制度页面"
        ordering = ("agency", "-number")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "number"], name="portal_rules_version_unique"
            ),
        )

    def __str__(self) -> str:
        return f"制度 v{self.number}"
