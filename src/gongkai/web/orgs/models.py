"""Agencies: a government, its departments and its 乡镇/街道 (条例 第四条: each has a 政府信息公开
工作机构, whose name, address, hours, phone, fax and email feed the 指南 of 第十二条)."""

from __future__ import annotations

from enum import StrEnum

from django.db import models

from gongkai.web.common.models import TimestampedModel


class AgencyKind(StrEnum):
    GOVERNMENT = "government"
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    SUBDISTRICT = "subdistrict"

    @property
    def label(self) -> str:
        return {
            AgencyKind.GOVERNMENT: "人民政府",
            AgencyKind.DEPARTMENT: "政府部门",
            AgencyKind.TOWNSHIP: "乡镇",
            AgencyKind.SUBDISTRICT: "街道",
        }[self]


AGENCY_KIND_CHOICES = [(k.value, k.label) for k in AgencyKind]


class Agency(TimestampedModel):
    code = models.SlugField("机构代码", max_length=40, unique=True)
    name = models.CharField("机构名称", max_length=100)
    kind = models.CharField("机构类型", max_length=20, choices=AGENCY_KIND_CHOICES)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机构",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # The government at the top of the tree (itself for a government): 公开办 scoping filters on it.
    government = models.ForeignKey(
        "self",
        verbose_name="所属人民政府",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    office_name = models.CharField("政府信息公开工作机构", max_length=100, blank=True)
    office_address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    office_phone = models.CharField("联系电话", max_length=50, blank=True)
    office_fax = models.CharField("传真", max_length=50, blank=True)
    office_email = models.EmailField("电子邮箱", blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    review_body = models.CharField(
        "行政复议机关", max_length=100, blank=True, help_text="答复书救济条款中写明的复议机关"
    )
    # Where the agency wants it, an answer (and its letter) is issued only after its 审核人
    # signs it (签发) in the 待我审批 inbox; the answer date is the day of 签发.
    answers_need_signoff = models.BooleanField(
        "答复须经审核人签发",
        default=False,
        help_text="勾选后，经办人作出的答复须经本机关审核人签发后方为答复，答复日期为签发日期",
    )
    number_pattern = models.CharField(
        "受理编号格式",
        max_length=80,
        blank=True,
        help_text="可用 {agency_code}、{year}、{seq}，如 {agency_code}-{year}-{seq:04d}；留空使用系统默认",
    )
    index_pattern = models.CharField(
        "目录索引号格式",
        max_length=80,
        blank=True,
        help_text="可用 {机构代码}、{年}、{序号:5}（序号位数），如 {机构代码}/{年}-{序号:5}；留空使用系统默认",
    )

    class Meta:
        verbose_name = "机构"
        verbose_name_plural = "机构"
        ordering = ("kind", "name")

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return AgencyKind(self.kind).label
