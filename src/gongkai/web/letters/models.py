"""Letter templates per agency (versioned), generated letters and uploaded attachments.

A generated letter is a record (peer-systems.md §8, lesson 10): it keeps its number, the
template version and the facts it was made from, and its DOCX and PDF files live in Django's
default storage, so an S3-compatible store can replace the disk. Nothing is hard-deleted.
"""

from __future__ import annotations

from django.db import models

from gongkai.core.letters import LetterKind, template_label
from gongkai.web.applications.models import Application
from gongkai.web.common.models import TimestampedModel, VoidableModel, reference, staff_member
from gongkai.web.orgs.models import Agency

KIND_CHOICES = [(kind.value, kind.label) for kind in LetterKind]
DELIVERY_METHOD_CHOICES = [
    ("in_person", "直接送达"),
    ("mail", "邮寄送达"),
    ("email", "电子邮件送达"),
    ("fax", "传真送达"),
    ("online", "网上平台送达"),
    ("other", "其他方式"),
]


class LetterSettings(TimestampedModel):
    """How an agency numbers its letters (定审交公开〔2025〕第12号)."""

    agency = models.OneToOneField(
        "orgs.Agency", verbose_name="机构", on_delete=models.PROTECT, related_name="letter_settings"
    )
    short_name = models.CharField(
        "机关代字", max_length=20, blank=True, help_text="文书编号中的机关代字，如“定审交”"
    )
    number_pattern = models.CharField("文书编号格式", max_length=80, blank=True)

    class Meta:
        verbose_name = "文书编号设置"
        verbose_name_plural = "文书编号设置"

    def __str__(self) -> str:
        return f"{self.agency} 文书编号"


class LetterTemplate(models.Model):
    """One version of an agency's own copy of a letter; the highest version is in force.

    Saving never overwrites: each edit is a new version, so a letter can always show the exact
    text it was made from.
    """

    agency = reference(Agency, "机构", related_name="letter_templates")
    # No ``choices``: the keys and labels come from gongkai.core.letters and are checked by the
    # services, so a new label never needs a migration.
    key = models.CharField("文书模板", max_length=60)
    version = models.PositiveIntegerField("版本")
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    basis = models.TextField("法律依据")
    remedy = models.TextField("救济条款", blank=True)
    is_default = models.BooleanField("恢复为系统默认", default=False)
    created_by = staff_member("修改人")
    created_at = models.DateTimeField("修改时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ("agency", "key", "-version")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "key", "version"], name="letter_template_version_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} {template_label(self.key)} 第{self.version}版"


class LetterCounter(models.Model):
    """The last sequence number given out per agency, year and 文书代字; locked on use."""

    agency = reference(Agency)
    year = models.PositiveIntegerField()
    series = models.CharField(max_length=20)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year", "series"], name="letter_counter_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency_id} {self.series} {self.year}: {self.last}"


class Letter(VoidableModel):
    """A numbered letter generated for an application."""

    application = reference(Application, "申请", related_name="letters")
    event = models.ForeignKey(
        "applications.ApplicationEvent",
        verbose_name="对应办理事件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )
    agency = reference(Agency, "发文机关", related_name="letters")
    kind = models.CharField("文书类型", max_length=20, choices=KIND_CHOICES)
    template_key = models.CharField("文书模板", max_length=60)
    template = models.ForeignKey(
        LetterTemplate,
        verbose_name="所用模板版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        help_text="为空表示使用系统默认模板",
    )
    number = models.CharField("文书编号", max_length=80)
    year = models.PositiveIntegerField("年度")
    series = models.CharField("文书代字", max_length=20)
    seq = models.PositiveIntegerField("顺序号")
    title = models.CharField("标题", max_length=100)
    issued_on = models.DateField("成文日期")
    text = models.TextField("全文")
    facts = models.JSONField("生成依据", default=dict)
    docx_file = models.FileField("Word文件", upload_to="letters/", max_length=255)
    pdf_file = models.FileField("PDF文件", upload_to="letters/", max_length=255)
    created_by = staff_member("生成人")
    # 送达: the remedy periods (60 days, 6 months), the third party's 15 working days and the
    # 20 working days to pay a fee all run from the day the addressee received the letter.
    delivered_on = models.DateField("送达日期", null=True, blank=True)
    delivery_method = models.CharField(
        "送达方式", max_length=20, choices=DELIVERY_METHOD_CHOICES, blank=True
    )
    delivery_note = models.CharField(
        "送达说明", max_length=200, blank=True, help_text="如邮件单号、签收人"
    )

    class Meta:
        verbose_name = "文书"
        verbose_name_plural = "文书"
        ordering = ("-issued_on", "-id")
        constraints = (
            models.UniqueConstraint(fields=["agency", "number"], name="letter_number_unique"),
            models.UniqueConstraint(
                fields=["agency", "year", "series", "seq"], name="letter_seq_unique"
            ),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def kind_label(self) -> str:
        return LetterKind(self.kind).label

    @property
    def template_label(self) -> str:
        return template_label(self.template_key)

    @property
    def delivery_label(self) -> str:
        return dict(DELIVERY_METHOD_CHOICES).get(self.delivery_method, self.delivery_method)


ATTACHMENT_KIND_CHOICES = [
    ("application", "申请材料"),
    ("correction", "补正材料"),
    ("third_party", "第三方意见"),
    ("answer", "答复所附信息"),
    ("delivery", "送达凭证"),
    ("other", "其他"),
]


class Attachment(VoidableModel):
    """A file uploaded to an application (申请书扫描件, 补正材料, 第三方意见, 送达回证 …)."""

    application = reference(Application, "申请", related_name="attachments")
    kind = models.CharField("附件类别", max_length=20, choices=ATTACHMENT_KIND_CHOICES)
    description = models.CharField("说明", max_length=200, blank=True)
    file = models.FileField("文件", upload_to="attachments/", max_length=255)
    original_name = models.CharField("原文件名", max_length=255)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    uploaded_by = staff_member("上传人")

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.original_name

    @property
    def kind_label(self) -> str:
        return dict(ATTACHMENT_KIND_CHOICES).get(self.kind, self.kind)
