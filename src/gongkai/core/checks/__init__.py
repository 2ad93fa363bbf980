"""The checker: every finding of report-data.md for one report (issue 2, item 5).

    findings = check_report(report)                    # one report
    findings = check_report(report, previous=last)     # with last year's report

Each check is a pure function ``(report, previous) -> Iterable[Finding]``; :data:`CHECKS` is the
registry, one module per family (tables, meta, text, crossyear). :func:`check_report` adds the
reader's own observations (``report.notes``), removes duplicates and sorts by line.
"""

from __future__ import annotations

from ..findings import CODES, Finding
from ..report import Report
from . import crossyear, meta, outline, tables, text
from ._common import Check

CHECKS: dict[str, tuple[Check, ...]] = {
    "tables": (
        tables.t3_balance,
        tables.t3_outcome_sum,
        tables.t3_row_sum,
        tables.t4_sum,
        tables.t2_count,
        tables.blank_cell,
        tables.non_numeric_cell,
        tables.unit,
        tables.no_data,
    ),
    "meta": (
        meta.format_version,
        meta.year_mismatch,
        meta.late_publication,
        meta.missing_section,
        meta.section_title,
        meta.empty_section,
        meta.fee_not_reported,
        meta.outdated_basis,
    ),
    "outline": (outline.missing_table, outline.section_numbering, outline.all_handled_claim),
    "text": (
        text.text_table_mismatch,
        text.text_arithmetic,
        text.duplicate_paragraph,
        text.missing_number,
    ),
    "crossyear": (crossyear.carryover, crossyear.t2_in_force, crossyear.reused_text),
}

_ORDER = {code: index for index, code in enumerate(CODES)}


def _sort_key(finding: Finding) -> tuple[int, int, int]:
    """By line (findings without one last), then by code; the sort is stable, so findings of
    one code on one line keep the order their check gave them (the table's printed order)."""
    line = finding.line
    return (0 if line is not None else 1, line or 0, _ORDER.get(finding.code, len(_ORDER)))


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding for ``report``: the reader's notes and each registered check's, sorted by
    line (findings without a line last), without duplicates."""
    found: dict[tuple[object, ...], Finding] = {}
    for finding in report.notes:
        found.setdefault(_identity(finding), finding)
    for family in CHECKS.values():
        for check in family:
            for finding in check(report, previous):
                found.setdefault(_identity(finding), finding)
    return sorted(found.values(), key=_sort_key)


def _identity(finding: Finding) -> tuple[object, ...]:
    return (
        finding.code,
        finding.line,
        finding.table,
        finding.row,
        finding.column,
        finding.message,
    )


__all__ = ["CHECKS", "Check", "check_report"]
