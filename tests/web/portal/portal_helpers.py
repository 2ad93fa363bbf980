"""Shared data for the portal tests."""

from __future__ import annotations

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
