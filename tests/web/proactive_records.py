"""Records of the proactive register that the web tests share: department A's default categories
and a channel, a 目录 item, a 第二十条 document, each made through the register's services.

Importable from every web test (pytest puts ``tests/web`` on the path for its conftest)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.web.proactive import services
from gongkai.web.proactive.models import Category

D = dt.date
ISSUED = D(2024, 5, 1)


def category(district: Any, name: str = "工作动态") -> Category:
    """Department A's seed category ``name`` (the seed categories are made first)."""
    services.categories_ensure_defaults(agency=district.dept_a)
    return Category.objects.get(agency=district.dept_a, name=name)


def channel(district: Any, kind: str = "portal", name: str = "示例区门户网站") -> Any:
    """A publication channel of department A, set up by its reviewer."""
    return services.channel_create(
        acting_user=district.reviewer_a, agency=district.dept_a, kind=kind, name=name
    )


def item_data(category: Category, **overrides: Any) -> services.ItemData:
    """A 目录 item formed on 3 March 2025 (due 31 March) and published on 5 March, no channel."""
    values: dict[str, Any] = {
        "index_number": "JYJ/2025-00001",
        "title": "区教育局召开安全生产工作推进会",
        "formed_on": D(2025, 3, 3),
        "category": category,
        "published_on": D(2025, 3, 5),
        "channels": (),
    }
    values.update(overrides)
    return services.ItemData(**values)


def register_item(
    district: Any, category: Category, *, today: dt.date, user: Any = None, **overrides: Any
) -> Any:
    """Register ``item_data(category, **overrides)`` at department A, as its case officer unless
    ``user`` says."""
    return services.item_register(
        acting_user=user or district.officer_a,
        agency=district.dept_a,
        data=item_data(category, **overrides),
        today=today,
    )


def register_document(
    district: Any,
    *,
    today: dt.date,
    user: Any = None,
    agency: Any = None,
    kind: str = "normative",
    title: str = "关于规范校外培训的若干规定",
    issued_on: dt.date = ISSUED,
    **more: Any,
) -> Any:
    """Register a 第二十条 document (a 规范性文件 unless ``kind`` says) at department A, as its
    case officer unless ``user``/``agency`` say; ``repealed_on`` may follow in ``more``."""
    return services.document_register(
        acting_user=user or district.officer_a,
        agency=agency or district.dept_a,
        kind=kind,
        title=title,
        issued_on=issued_on,
        today=today,
        **more,
    )
