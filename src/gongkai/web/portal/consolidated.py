"""The government's consolidated 年报 tables (条例第四十九条第二款, issue 14 item 4): tables 二–四
summed cell by cell over the latest published version of each of its agencies' reports of a
year, by the machine keys of ``report-data.md`` (the ``document`` JSON the reports app publishes).

Who is included and who is not is stated: an agency with no published report of the year, or
whose published report carries no machine-readable tables (an imported earlier report), or one in
another format, is listed as missing with the reason. Every cell of tables 三 and 四 and the counts
of table 二 are additive; a blank cell counts as 0 and is reported. The 本级政府's own report is
listed separately on the 年报 column and is not added in (it may already consolidate).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.core.formats import UnknownYearError, format_for_year
from gongkai.core.formats.spec import Format, ValueKind
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.reports.models import PublishedReport

Number = int | Decimal


@dataclass(frozen=True)
class Member:
    agency: Agency
    version: PublishedReport | None
    reason: str = ""  # why it is not included; "" when it is

    @property
    def included(self) -> bool:
        return not self.reason


@dataclass(frozen=True)
class Line:
    label: str
    cells: list[Number]


@dataclass(frozen=True)
class Grid:
    key: str
    name: str  # "表二"
    title: str
    columns: list[str]
    lines: list[Line]


@dataclass
class Consolidation:
    government: Agency
    year: int
    format_name: str
    members: list[Member]
    grids: list[Grid] = field(default_factory=list)
    blank_cells: int = 0  # blank cells of included reports, counted as 0

    @property
    def included(self) -> list[Member]:
        return [m for m in self.members if m.included]

    @property
    def missing(self) -> list[Member]:
        return [m for m in self.members if not m.included]


def member_agencies(government: Agency) -> list[Agency]:
    """The agencies whose reports the government's consolidation sums: every agency under it
    (departments, 乡镇, 街道), not the government itself."""
    return list(
        Agency.objects.filter(government=government)
        .exclude(pk=government.pk)
        .order_by("kind", "name")
    )


def years_available(government: Agency) -> list[int]:
    members = [a.pk for a in member_agencies(government)]
    years = PublishedReport.objects.filter(agency__in=members).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def _latest(agency: Agency, year: int) -> PublishedReport | None:
    return PublishedReport.objects.filter(agency=agency, year=year).order_by("-version").first()


def _value(raw: Any, kind: ValueKind) -> Number | None:
    if raw is None:
        return None
    if kind is ValueKind.AMOUNT:
        return Decimal(str(raw))
    return int(raw)


def consolidate(*, government: Agency, year: int) -> Consolidation | None:
    """The consolidation of ``year``, or None when the year has no national format or the
    agency is not a government."""
    if government.kind != AgencyKind.GOVERNMENT.value:
        return None
    try:
        fmt = format_for_year(year)
    except UnknownYearError:
        return None
    members = []
    for agency in member_agencies(government):
        version = _latest(agency, year)
        document: Mapping[str, Any] = version.document if version is not None else {}
        if version is None:
            reason = "未在本平台发布该年度报告"
        elif not document.get("tables"):
            reason = "已发布的报告没有机器可读的表格数据（导入的历史报告），请人工核对"
        elif document.get("format") != fmt.key:
            reason = f"报告格式（{document.get('format')}）与该年度的格式不一致"
        else:
            reason = ""
        members.append(Member(agency, version, reason))
    result = Consolidation(government, year, fmt.name, members)
    _sum(result, fmt)
    return result


def _sum(result: Consolidation, fmt: Format) -> None:
    docs = [m.version.document["tables"] for m in result.included if m.version is not None]
    for table in fmt.tables:
        if table.key == "t3":
            block = table.blocks[0]
            lines = []
            for row in block.rows:
                cells: list[Number] = []
                for column in block.columns:
                    total: Number = 0
                    for doc in docs:
                        raw = doc.get("t3", {}).get(row.key, {}).get(column.key)
                        value = _value(raw, column.kind)
                        result.blank_cells += value is None
                        total += value or 0
                    cells.append(total)
                lines.append(Line(row.full_label, cells))
            result.grids.append(
                Grid(table.key, table.name, table.title, [c.label for c in block.columns], lines)
            )
            continue
        # Tables 二 and 四: flat keys "row.column"; one line per cell with its row and column.
        lines = []
        for block, row, column in table.cells():
            total = Decimal(0) if column.kind is ValueKind.AMOUNT else 0
            for doc in docs:
                value = _value(doc.get(table.key, {}).get(f"{row.key}.{column.key}"), column.kind)
                result.blank_cells += value is None
                total += value or 0
            prefix = f"{block.label} " if block.label else ""
            unit = f"（{column.unit}）" if column.unit and column.unit not in column.label else ""
            lines.append(Line(f"{prefix}{row.full_label} · {column.label}{unit}", [total]))
        result.grids.append(Grid(table.key, table.name, table.title, ["合计"], lines))
