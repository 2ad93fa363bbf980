"""Checks on the report's outline: a table absent from its section (issue 12, items 2 and 6).

条例第五十条 and the national format put table 2 in section 二, table 3 in 三 and table 4 in 四.
A page that prints the six sections' narrative but not the tables (a text-only page, a crawler
that dropped them) is still a report: its text is checked, and each absent table is reported
``no-data`` (no figure at all was published for it) — an error, since the figures are the
statutory content. An excerpt that stops before a section is not judged on what follows.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..formats import FORMATS
from ..report import Report
from ._common import TABLE_NAMES, at, fmt_of


def missing_table(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A section 二/三/四 is present but its table is not."""
    fmt = fmt_of(report) or FORMATS["2021"]  # the six sections are the same in both formats
    for section in report.sections:
        key = f"t{section.number}"
        if section.number not in (2, 3, 4) or key in report.tables_present:
            continue
        if report.truncated and section.number >= max(s.number for s in report.sections):
            continue
        table = fmt.table(key)
        yield Finding(
            "no-data",
            f"“{section.heading}”部分没有{TABLE_NAMES.get(key, key)}"
            f"“{table.title}”：应按统一格式列出该表并逐格填报，没有数据也应填0"
            f"{at(section.heading_line)}",
            line=section.heading_line,
            table=key,
        )
