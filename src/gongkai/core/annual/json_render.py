"""The machine-readable JSON of an annual report, valid against the published JSON Schema
(``gongkai/core/data/annual-report.schema.json``).

The cells are keyed as ``docs/report-data.md`` (table 3 by row then column, tables 2 and 4 by
``row.column``); footnotes name their cell (``t3.carried_in.total``); section 一 keeps its
generated sentences apart from the officer's paragraphs, each sentence with the cells its numbers
come from. The check result (with the rule-set version), the publication record and the outputs'
hashes are added by whoever has them (the web's publication, the CLI): :func:`report_document`
takes them as arguments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from typing import Any

from ..export import json_number
from ..findings import Finding
from ..report import CellRef
from .model import AnnualReport

SCHEMA_ID = "https://gongkai.example/schema/annual-report/1.json"
# The version of the checker's rules a check result was made with; bump it when a check changes.
RULESET = "gongkai-check-1"
_CENT = Decimal("0.01")


def schema() -> dict[str, Any]:
    """The published JSON Schema of the document."""
    text = (
        resources.files("gongkai.core.data")
        .joinpath("annual-report.schema.json")
        .read_text("utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def cell_key(ref: CellRef) -> str:
    return f"{ref.table}.{ref.row}.{ref.column}"


def _tables(report: AnnualReport) -> dict[str, Any]:
    fmt = report.format
    t2: dict[str, Any] = {}
    t3: dict[str, dict[str, Any]] = {}
    t4: dict[str, Any] = {}
    for table in fmt.tables:
        for _, row, column in table.cells():
            value = json_number(report.value(CellRef(table.key, row.key, column.key)))
            if table.key == "t3":
                t3.setdefault(row.key, {})[column.key] = value
            elif table.key == "t2":
                t2[f"{row.key}.{column.key}"] = value
            else:
                t4[f"{row.key}.{column.key}"] = value
    return {"t2": t2, "t3": t3, "t4": t4}


def check_json(findings: Iterable[Finding]) -> dict[str, Any]:
    items = [f.as_json() for f in findings]
    return {
        "ruleset": RULESET,
        "errors": sum(1 for f in items if f["severity"] == "error"),
        "warnings": sum(1 for f in items if f["severity"] == "warning"),
        "findings": items,
    }


def report_document(
    report: AnnualReport,
    *,
    findings: Iterable[Finding] | None = None,
    publication: Mapping[str, Any] | None = None,
    from_records: bool = True,
    generator: str = "gongkai",
) -> dict[str, Any]:
    """The JSON document (a dict ready for ``json.dumps``)."""
    agency = report.agency
    return {
        "schema": SCHEMA_ID,
        "format": report.format_key,
        "year": report.year,
        "period": {"from": f"{report.year}-01-01", "to": f"{report.year}-12-31"},
        "agency": {
            "name": agency.name,
            "code": agency.code,
            "kind": "government" if agency.is_government else "department",
            "office": {
                "name": agency.office_name,
                "address": agency.address,
                "postcode": agency.postcode,
                "phone": agency.phone,
                "fax": agency.fax,
                "email": agency.email,
            },
        },
        "title": report.title,
        "opening": report.opening,
        "sections": {
            "overview": {
                "headings": [
                    {
                        "key": h.key,
                        "title": h.title,
                        "generated_sentences": [
                            {"text": s.text, "cells": [cell_key(r) for r in s.cells]}
                            for s in h.generated
                        ],
                        "officer_text": h.officer,
                    }
                    for h in report.overview
                ]
            },
            "problems": {"text": report.problems, "reused_sentences": list(report.reused)},
            "other": {
                "generated_sentences": [
                    {"text": s.text, "cells": [cell_key(r) for r in s.cells]}
                    for s in report.other_generated
                ],
                "text": report.other,
                "fees": {
                    "notices": report.fees.notices,
                    "paid": report.fees.paid,
                    "amount_yuan": format(report.fees.amount.quantize(_CENT), "f"),
                },
            },
        },
        "tables": _tables(report),
        "footnotes": [
            {"cell": cell_key(ref), "text": text} for ref, text in sorted(report.footnotes.items())
        ],
        "carryover": {
            "checked": report.carryover_checked,
            "differences": [
                {
                    "column": c.column,
                    "this_year": json_number(c.this_year),
                    "last_year": json_number(c.last_year),
                }
                for c in report.carryover
            ],
        },
        "checks": check_json(findings) if findings is not None else None,
        "publication": dict(publication) if publication is not None else None,
        "provenance": {"generator": generator, "from_records": from_records},
    }


def render_json_bytes(report: AnnualReport, **kwargs: Any) -> bytes:
    document = report_document(report, **kwargs)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
