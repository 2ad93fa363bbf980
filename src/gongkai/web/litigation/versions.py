"""What the litigation register's edit forms are versioned on (issue 13, item 1; see
``common.versioning``): the result of a case."""

from __future__ import annotations

from typing import Any

from gongkai.web.litigation.models import Case

RESULT_LABELS = {"result": "审结结果", "decided_on": "审结日期", "voided": "作废"}


def result_values(case: Case) -> dict[str, Any]:
    return {
        "result": case.get_result_display() if case.result else "",
        "decided_on": case.decided_on,
        "voided": "已作废" if case.voided else "",
    }
