"""The review and litigation register: 行政复议 and 行政诉讼 about disclosure decisions, each
linked to the request it concerns (table 4 of the annual report counts them)."""

from __future__ import annotations

from django.db import models

from gongkai.core.vocabulary import (
    CASE_PENDING_LABEL,
    CaseKind,
    CaseResult,
    choices,
)
from gongkai.web.applications.models import Application
from gongkai.web.common.models import RegisterEntry, reference
from gongkai.web.orgs.models import Agency

CASE_KIND_CHOICES = choices(CaseKind)
CASE_RESULT_CHOICES = choices(CaseResult)
PENDING_LABEL = CASE_PENDING_LABEL


class Case(RegisterEntry):
    """One case. ``review_body_codefendant`` marks the register entry of a 复议机关 sued as
    co-defendant (行政诉讼法第二十六条第二款): by 国办公开办函〔2016〕201号 only the agency whose
    original disclosure decision is challenged counts the case, so this entry is not counted."""

    agency = reference(Agency, "登记机关")
    application = reference(Application, "涉及的申请", related_name="cases")
    kind = models.CharField("案件类型", max_length=30, choices=CASE_KIND_CHOICES)
    number = models.CharField("案号", max_length=80, blank=True)
    filed_on = models.DateField("申请复议/起诉日期")
    body = models.CharField("复议机关或审理法院", max_length=100)
    result = models.CharField("审结结果", max_length=20, choices=CASE_RESULT_CHOICES, blank=True)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    review_body_codefendant = models.BooleanField(
        "本机关作为复议机关为共同被告",
        default=False,
        help_text="依国办公开办函〔2016〕201号，复议机关作共同被告的案件由原行政行为机关统计，本机关不计入年报",
    )
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ("-filed_on", "-id")
        indexes = (models.Index(fields=["agency", "filed_on"], name="litigation_case_idx"),)

    def __str__(self) -> str:
        return f"{self.kind_label} {self.number or self.pk}"

    @property
    def kind_label(self) -> str:
        return CaseKind(self.kind).label

    @property
    def result_label(self) -> str:
        return CaseResult(self.result).label if self.result else PENDING_LABEL

    @property
    def counted(self) -> bool:
        return not self.voided and not self.review_body_codefendant
