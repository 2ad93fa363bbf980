"""The 政府信息公开指南 (条例 第十二条), generated from the records on every request — so it is
never out of step with them: the 工作机构's name, address, hours, phone, fax, e-mail (orgs), the
目录's 主题分类 and the channels (proactive), the application form's address, the procedure and
time limits (条例 第三十至三十三条), fees (国办函〔2020〕109号) and remedies.

The 指南 is dated by the latest change of any fact it shows; :func:`guide_is_stale` says when
that date is more than a year old (the 指南 "每年至少更新一次"), so the agency is warned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.utils.timezone import localtime

from gongkai.web.orgs.models import Agency
from gongkai.web.proactive.models import Category, Channel

STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class Guide:
    agency: Agency
    dated: dt.date
    office: list[tuple[str, str]]
    missing: list[str]
    categories: list[str]
    channels: list[str]
    review_body: str


def guide_for(*, agency: Agency) -> Guide:
    office = [
        ("工作机构", agency.office_name),
        ("办公地址", agency.office_address),
        ("办公时间", agency.office_hours),
        ("联系电话", agency.office_phone),
        ("传真", agency.office_fax),
        ("电子邮箱", agency.office_email),
        ("邮政编码", agency.postcode),
    ]
    categories = list(
        Category.objects.filter(agency=agency, active=True)
        .order_by("position", "id")
        .values_list("name", flat=True)
    )
    channels = list(
        Channel.objects.filter(agency=agency, active=True)
        .order_by("id")
        .values_list("name", flat=True)
    )
    changes = [agency.updated_at]
    for model in (Category, Channel):
        last = model.objects.filter(agency=agency).aggregate(m=Max("updated_at"))["m"]
        if last is not None:
            changes.append(last)
    return Guide(
        agency=agency,
        dated=localtime(max(changes)).date(),  # the day in China
        office=[(k, v) for k, v in office if v],
        missing=[k for k, v in office if not v],
        categories=categories,
        channels=channels,
        review_body=agency.review_body,
    )


def guide_is_stale(guide: Guide, today: dt.date) -> bool:
    return today - guide.dated > STALE_AFTER
