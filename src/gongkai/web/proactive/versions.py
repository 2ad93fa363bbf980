"""What the proactive register's edit forms are versioned on (issue 13, item 1; see
``common.versioning``): the publication form of an item."""

from __future__ import annotations

from typing import Any

from gongkai.web.proactive.models import Item

PUBLICATION_LABELS = {"published_on": "公开日期", "channels": "发布渠道", "voided": "作废"}


def publication_values(item: Item) -> dict[str, Any]:
    return {
        "published_on": item.published_on,
        "channels": "、".join(sorted(c.name for c in item.channels.all())),
        "voided": "已作废" if item.voided else "",
    }
