"""The proactive-disclosure register (条例第十九条至第二十六条) and the 第二十条 records that
table 2 of the annual report counts.

Nothing is hard-deleted: a record entered by mistake is voided with a reason and no longer
counted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from gongkai.core.article20 import Article20
from gongkai.core.vocabulary import (
    DecisionKind,
    DocumentKind,
    MatterKind,
    ProactiveChannel,
    Validity,
    choices,
)
from gongkai.web.common.models import RegisterEntry, TimestampedModel, reference
from gongkai.web.orgs.models import Agency

CHANNEL_KIND_CHOICES = choices(ProactiveChannel)
VALIDITY_CHOICES = choices(Validity)
ARTICLE20_CHOICES = choices(Article20)


class AgencyListEntry(TimestampedModel):
    """An entry of one of the agency's own named lists (its 主题分类, its 发布渠道): the name is
    unique within the agency, and an entry no longer used is switched off, never deleted."""

    name: str  # each list declares its own field (its label and length)
    agency = reference(Agency, "机构")
    active = models.BooleanField("启用", default=True)

    class Meta:
        abstract = True
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "name"], name="%(app_label)s_%(class)s_unique"
            ),
        )

    def __str__(self) -> str:
        return self.name


class Category(AgencyListEntry):
    """A 主题分类 of the agency's 目录 (the seed's 政务动态, 工作动态, 人事任免, 招投标…)."""

    name = models.CharField("分类名称", max_length=40)
    position = models.PositiveIntegerField("排序", default=0)

    class Meta(AgencyListEntry.Meta):
        verbose_name = "主题分类"
        verbose_name_plural = "主题分类"
        ordering = ("agency", "position", "id")


class Channel(AgencyListEntry):
    """One of the agency's publication channels, e.g. its WeChat account “云溪发布”."""

    kind = models.CharField("渠道类型", max_length=20, choices=CHANNEL_KIND_CHOICES)
    name = models.CharField("渠道名称", max_length=60)

    class Meta(AgencyListEntry.Meta):
        verbose_name = "发布渠道"
        verbose_name_plural = "发布渠道"
        ordering = ("agency", "kind", "id")

    @property
    def kind_label(self) -> str:
        return ProactiveChannel(self.kind).label


class Item(RegisterEntry):
    """An entry of the 政府信息公开目录 (条例第十二条) with the channels it went out on."""

    agency = reference(Agency, "机构")
    index_number = models.CharField("索引号", max_length=60)
    title = models.CharField("名称", max_length=200)
    summary = models.TextField("内容概述", blank=True)
    doc_number = models.CharField("文号", max_length=80, blank=True)
    formed_on = models.DateField("生成日期", help_text="信息形成或者变更之日（条例第二十六条）")
    published_on = models.DateField("公开日期", null=True, blank=True)
    publisher = models.CharField("发布机构", max_length=100)
    category = models.ForeignKey(
        Category, verbose_name="主题分类", on_delete=models.PROTECT, related_name="items"
    )
    validity = models.CharField(
        "有效性", max_length=20, choices=VALIDITY_CHOICES, default=Validity.VALID.value
    )
    # 条例第二十条（一）至（十五）; blank for information published under 第十九条 only.
    article20 = models.CharField(
        "法定主动公开类别", max_length=10, choices=ARTICLE20_CHOICES, blank=True, db_index=True
    )
    # 名称、内容概述、文号、索引号 normalised for search (see proactive/search.py); kept by save().
    search_text = models.TextField("检索文本", blank=True, editable=False)
    channels = models.ManyToManyField(Channel, verbose_name="发布渠道", related_name="items")
    # 条例第二十六条: 20 working days from formation or change; computed by the clock, never typed.
    due_on = models.DateField("公开期限")
    due_provisional = models.BooleanField("期限为暂定", default=False)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-formed_on", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "index_number"], name="proactive_item_index_unique"
            ),
        )
        indexes = (models.Index(fields=["agency", "formed_on"], name="proactive_item_idx"),)

    def __str__(self) -> str:
        return self.title

    @property
    def validity_label(self) -> str:
        return Validity(self.validity).label

    @property
    def article20_label(self) -> str:
        return Article20(self.article20).label if self.article20 else ""

    def save(self, *args: Any, **kwargs: Any) -> None:
        from gongkai.web.proactive.search import item_search_text

        self.search_text = item_search_text(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def is_late(self, today: dt.date) -> bool:
        """Published after the Art. 26 due date, or still unpublished after it."""
        if self.published_on is not None:
            return self.published_on > self.due_on
        return today > self.due_on


DOCUMENT_KIND_CHOICES = choices(DocumentKind)


class Document(RegisterEntry):
    """A 规章 or 行政规范性文件 (第二十条第（一）项): in force from issue until repeal."""

    agency = reference(Agency, "制发机关")
    kind = models.CharField("类别", max_length=20, choices=DOCUMENT_KIND_CHOICES)
    title = models.CharField("名称", max_length=200)
    doc_number = models.CharField("文号", max_length=80, blank=True)
    issued_on = models.DateField("制发日期")
    published_on = models.DateField("公开日期", null=True, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    repeal_note = models.CharField("废止依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ("-issued_on", "-id")

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return DocumentKind(self.kind).label


DECISION_KIND_CHOICES = choices(DecisionKind)


class Decision(RegisterEntry):
    """行政许可/处罚/强制 decisions (第二十条第（五）（六）项): one decision, or a period total
    with a note saying where the number comes from. A period lies within one calendar year."""

    agency = reference(Agency, "机构")
    kind = models.CharField("类别", max_length=20, choices=DECISION_KIND_CHOICES)
    start_on = models.DateField("起始日期")
    end_on = models.DateField("截止日期")
    count = models.PositiveIntegerField("决定数量", default=1)
    title = models.CharField("决定书名称或文号", max_length=200, blank=True)
    source_note = models.CharField("数据来源说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "处理决定"
        verbose_name_plural = "处理决定"
        ordering = ("-end_on", "-id")

    def __str__(self) -> str:
        return self.title or f"{self.kind_label} {self.count}件"

    @property
    def kind_label(self) -> str:
        return DecisionKind(self.kind).label

    @property
    def is_total(self) -> bool:
        return bool(self.source_note) or self.start_on != self.end_on or self.count != 1


class Fee(RegisterEntry):
    """行政事业性收费 collected in a period (第二十条第（八）项), in 元."""

    agency = reference(Agency, "机构")
    item = models.CharField("收费项目", max_length=100)
    start_on = models.DateField("起始日期")
    end_on = models.DateField("截止日期")
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2)
    source_note = models.CharField("数据来源说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "行政事业性收费"
        verbose_name_plural = "行政事业性收费"
        ordering = ("-end_on", "-id")

    def __str__(self) -> str:
        return f"{self.item} {self.amount}元"


class Procurement(RegisterEntry):
    """A 政府集中采购 project (第二十条第（九）项, counted only in 2019-format reports)."""

    agency = reference(Agency, "机构")
    title = models.CharField("采购项目", max_length=200)
    day = models.DateField("采购日期")
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "政府集中采购"
        verbose_name_plural = "政府集中采购"
        ordering = ("-day", "-id")

    def __str__(self) -> str:
        return self.title


MATTER_KIND_CHOICES = choices(MatterKind)


class Matter(RegisterEntry):
    """An item on the agency's list of powers or fees, listed from ``listed_on`` until
    ``delisted_on``: the 2019 format's 上一年项目数量 and 本年增/减 (第二十条第（五）（六）（八）项)."""

    agency = reference(Agency, "机构")
    kind = models.CharField("类别", max_length=20, choices=MATTER_KIND_CHOICES)
    name = models.CharField("事项名称", max_length=200)
    listed_on = models.DateField("列入清单日期")
    delisted_on = models.DateField("取消日期", null=True, blank=True)

    class Meta:
        verbose_name = "权责或收费事项"
        verbose_name_plural = "权责或收费事项"
        ordering = ("kind", "name", "id")

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return MatterKind(self.kind).label


class IndexCounter(models.Model):
    """The last 索引号 sequence number given for an agency and year (year 0 when the agency's
    pattern has no year): only ever goes up, allocated under a row lock."""

    agency = reference(Agency)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year"], name="proactive_indexcounter_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


class IssuedIndexNumber(models.Model):
    """Every 索引号 ever given or typed for an agency's item. Never deleted, so a number stays
    taken after its item is voided or removed, even when the agency changes its pattern."""

    agency = reference(Agency)
    number = models.CharField("索引号", max_length=60)
    issued_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "已用索引号"
        verbose_name_plural = "已用索引号"
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "number"], name="proactive_issued_index_unique"
            ),
        )

    def __str__(self) -> str:
        return self.number


from gongkai.web.proactive.job_models import ImportJob, JobStatus  # noqa: E402, F401
