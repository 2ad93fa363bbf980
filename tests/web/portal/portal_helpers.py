"""Shared data for the portal tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

VALID_ID = "11010519491231002X"  # GB 11643 example number (check character X)


def form_data(district: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "agency": str(district.dept_a.pk),
        "applicant_kind": "natural",
        "applicant_name": "李四",
        "id_type": "居民身份证",
        "id_number": VALID_ID,
        "phone": "13900000000",
        "email": "lisi@example.com",
        "address": "",
        "postcode": "",
        "subject": "2024年义务教育阶段学校招生划片方案",
        "requested_form": "电子数据",
        "delivery": "电子邮件",
        "purpose": "",
    }
    data.update(overrides)
    return data


def make_item(
    agency: Any,
    category: Any,
    title: str,
    *,
    formed: dt.date = dt.date(2025, 3, 1),
    published: dt.date | str | None = "auto",
    **kw: Any,
) -> Any:
    """A 目录 item saved directly (its search text is kept by ``save``), published two days
    after it was formed unless ``published`` says otherwise (None: not published)."""
    from gongkai.web.proactive.models import Item

    n = Item.objects.count() + 1
    return Item.objects.create(
        agency=agency,
        index_number=f"{agency.code}/{formed.year}-{n:05d}",
        title=title,
        summary=kw.pop("summary", ""),
        formed_on=formed,
        published_on=formed + dt.timedelta(days=2) if published == "auto" else published,
        publisher=agency.name,
        category=category,
        due_on=formed + dt.timedelta(days=28),
        **kw,
    )
