"""Findings: what the checker (and the parser, while reading) has to say about a report.

Codes and severities are the stable contract of report-data.md ("Finding codes").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# code -> severity, exactly as report-data.md declares them.
CODES: dict[str, Severity] = {
    "t3-balance": Severity.ERROR,
    "t3-outcome-sum": Severity.ERROR,
    "t3-row-sum": Severity.ERROR,
    "t4-sum": Severity.ERROR,
    "t2-count": Severity.ERROR,
    "format-version": Severity.ERROR,
    "year-mismatch": Severity.ERROR,
    "text-table-mismatch": Severity.ERROR,
    "missing-section": Severity.ERROR,
    "unparsed-table": Severity.ERROR,
    "no-data": Severity.ERROR,
    "empty-section": Severity.WARNING,
    "carryover": Severity.WARNING,
    "t2-in-force": Severity.WARNING,
    "reused-text": Severity.WARNING,
    "duplicate-paragraph": Severity.WARNING,
    "text-arithmetic": Severity.WARNING,
    "blank-cell": Severity.WARNING,
    "non-numeric-cell": Severity.WARNING,
    "unit": Severity.WARNING,
    "label-deviation": Severity.WARNING,
    "section-title": Severity.WARNING,
    "late-publication": Severity.WARNING,
    "fee-not-reported": Severity.WARNING,
    # Added by the checker (report-data.md allows new codes; proposed for the contract):
    # the text cites the superseded format notice (国办公开办函〔2019〕60号) for a 2021+ report.
    "outdated-basis": Severity.WARNING,
    # A count word in a listing has lost its number ("全年公开核准企业资质条、施工许可证76条").
    "missing-number": Severity.WARNING,
}


@dataclass(frozen=True)
class Finding:
    code: str
    message: str  # Chinese, specific enough to fix the report without rereading it
    line: int | None = None  # 1-based line in the input file, when the input has lines
    table: str | None = None  # "t2" / "t3" / "t4"
    row: str | None = None
    column: str | None = None
    severity: Severity | None = None  # defaults to the code's declared severity

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}")
        if self.severity is None:
            object.__setattr__(self, "severity", CODES[self.code])

    @property
    def level(self) -> Severity:
        assert self.severity is not None
        return self.severity

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"code": self.code, "severity": str(self.level)}
        if self.line is not None:
            out["line"] = self.line
        for name in ("table", "row", "column"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["message"] = self.message
        return out
