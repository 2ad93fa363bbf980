"""The JSON object and the CSV row of a checked report follow report-data.md exactly."""

from __future__ import annotations

import json
import random
from decimal import Decimal

from gongkai.core.export import (
    cell_columns,
    csv_header,
    csv_row,
    json_document,
    json_number,
    report_json,
)
from gongkai.core.findings import CODES, Finding
from gongkai.core.formats import FORMATS, format_for_year
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.report import CellRef, Report

AGENCY = "示例市示例区政务服务数据管理局"


def a_report(year: int = 2022, **changes: object) -> Report:
    cells = random_cells(random.Random(7), format_for_year(year))
    for key, value in changes.items():
        table, row, column = key.split("__")
        if value == "drop":
            del cells[CellRef(table, row, column)]
        else:
            cells[CellRef(table, row, column)] = value  # type: ignore[assignment]
    return build_report(agency=AGENCY, year=year, cells=cells, path="reports/a.txt")


FINDINGS = [
    Finding("year-mismatch", "报告年度为2022年，但正文称“2021年”", line=2),
    Finding("t3-row-sum", "表三……", line=40, table="t3", row="received", column="total"),
    Finding("blank-cell", "表三……空白", line=41, table="t3", row="carried_in"),
]


def test_the_report_object_has_exactly_the_keys_of_the_contract() -> None:
    obj = report_json(a_report(), FINDINGS)
    assert list(obj) == ["path", "year", "agency", "format", "tables", "findings"]
    assert (obj["path"], obj["year"], obj["agency"], obj["format"]) == (
        "reports/a.txt",
        2022,
        AGENCY,
        "2021",
    )
    assert list(obj["tables"]) == ["t2", "t3", "t4"]  # type: ignore[call-overload]


def test_tables_2_and_4_are_flat_and_table_3_is_nested_by_row_then_column() -> None:
    tables = report_json(a_report(), [])["tables"]
    assert isinstance(tables, dict)
    assert set(tables["t2"]) == {f"{r.key}.{c.key}" for _, r, c in FORMATS["2021"].t2.cells()}
    assert "review.upheld" in tables["t4"] and len(tables["t4"]) == 15
    assert set(tables["t3"]["received"]) == {
        "natural",
        "commercial",
        "research",
        "nonprofit",
        "legal",
        "other",
        "total",
    }
    assert list(tables["t3"])[:2] == ["received", "carried_in"]  # printed order, not alphabetical


def test_blank_cells_are_null_amounts_are_numbers_and_unread_cells_are_absent() -> None:
    report = a_report(
        t3__received__research=None, t2__fees__amount_wan=Decimal("3.25"), t4__review__other="drop"
    )
    obj = report_json(report, [])
    text = json.dumps(json_document([obj]), ensure_ascii=False)
    back = json.loads(text)["reports"][0]["tables"]
    assert back["t3"]["received"]["research"] is None
    assert back["t2"]["fees.amount_wan"] == 3.25
    assert '"fees.amount_wan": 3.25' in text
    assert "review.other" not in back["t4"]


def test_json_numbers_are_never_strings() -> None:
    assert json_number(Decimal("190.457379")) == 190.457379
    assert json_number(Decimal("100.00")) == 100 and isinstance(json_number(Decimal("100.00")), int)
    assert json_number(None) is None and json_number(5) == 5


def test_findings_carry_code_severity_line_and_message_as_the_contract_shows() -> None:
    findings = report_json(a_report(), FINDINGS)["findings"]
    assert findings[0] == {
        "code": "year-mismatch",
        "severity": "error",
        "line": 2,
        "message": "报告年度为2022年，但正文称“2021年”",
    }
    assert findings[1]["table"] == "t3" and findings[1]["row"] == "received"  # type: ignore[index]


def test_the_csv_has_every_cell_of_both_formats_and_a_count_per_finding_code() -> None:
    header = csv_header()
    assert header[:5] == ["path", "year", "agency", "format", "published"]
    for name in ("t2.rules.issued", "t2.rules.made", "t2.procurement.amount", "t3.received.natural",
                 "t3.other.total", "t3.other.other.total", "t4.suit_after_review.total"):  # fmt: skip
        assert name in header
    assert len(header) == len(set(header))
    assert header[-len(CODES) - 3 :] == ["errors", "warnings", "infos", *CODES]
    assert len(cell_columns()) == len({name for name, _ in cell_columns()})


def test_a_csv_row_leaves_other_formats_and_blank_cells_empty_and_counts_findings() -> None:
    report = a_report(t3__received__research=None, t2__fees__amount_wan=Decimal("190.457379"))
    row = dict(zip(csv_header(), csv_row(report, FINDINGS), strict=True))
    assert row["year"] == "2022" and row["format"] == "2021" and row["published"] == "2023-01-20"
    assert row["t2.rules.made"] == ""  # a 2019-format cell in a 2021-format report
    assert row["t3.received.research"] == ""
    assert row["t2.fees.amount_wan"] == "190.457379"  # analysts get the full precision
    assert row["t3.received.total"] == str(report.value("t3", "received", "total"))
    assert (row["errors"], row["warnings"], row["infos"]) == ("2", "1", "0")
    assert (row["t3-row-sum"], row["blank-cell"], row["t4-sum"]) == ("1", "1", "0")
