"""Reading the machine-readable JSON of an annual report that gongkai publishes (issue 11).

The document is the one :mod:`gongkai.core.annual.json_render` writes and
``gongkai/core/data/annual-report.schema.json`` describes (docs/report-data.md): it is validated
against that schema, then turned back into an :class:`gongkai.core.annual.AnnualReport` and from
there into the same :class:`gongkai.core.report.Report` the other front ends produce — every cell
by its machine key, straight from the document (nothing is re-read from printed text), the six
sections and the narrative paragraphs as every printed output shows them (so the text checks run
on the generated sentences and the officer's paragraphs), the footnotes under their tables.

The document's own ``checks`` block is ignored: the checker judges the cells afresh. A document
that is not ours (not JSON, not an object, another schema, a cell the format does not have) raises
:class:`gongkai.core.errors.UnreadableInput` with a Chinese reason naming the place to fix.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

import jsonschema

from ..annual.json_render import SCHEMA_ID, schema
from ..annual.layout import document
from ..annual.model import (
    AgencyInfo,
    AnnualReport,
    CarryOver,
    Heading,
    RequestFees,
    Sentence,
)
from ..errors import UnreadableInput
from ..formats import FORMATS
from ..report import Cell, CellRef, Number, Paragraph, Report, SectionText

NOT_UTF8 = "JSON文件应为UTF-8编码，无法按UTF-8读取"
NOT_OURS = (
    "不是gongkai生成的年度报告JSON（缺少“schema”字段或其值不是“{schema}”），"
    "只能检查gongkai发布的年度报告机器可读版本"
)

_SUFFIX = ".json"


def looks_like_json(data: bytes, name: str) -> bool:
    """A ``.json`` file, or bytes that open with ``{`` (a printed report never does)."""
    if name.lower().endswith(_SUFFIX):
        return True
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{")


@cache
def _validator() -> jsonschema.protocols.Validator:
    loaded = schema()
    cls = jsonschema.validators.validator_for(loaded)
    validator: jsonschema.protocols.Validator = cls(loaded)
    return validator


def read_json_report(data: bytes, name: str = "<input>") -> Report:
    """The report in a gongkai annual-report JSON document (see the module docstring)."""
    loaded = _load(data)
    if not isinstance(loaded, dict) or loaded.get("schema") != SCHEMA_ID:
        raise UnreadableInput(NOT_OURS.format(schema=SCHEMA_ID))
    error = jsonschema.exceptions.best_match(_validator().iter_errors(loaded))
    if error is not None:
        raise UnreadableInput(_explain(error))
    annual = _annual(loaded)
    fmt = annual.format
    return Report(
        path=name,
        year=annual.year,
        agency=annual.agency.name,
        published=annual.published,
        format_key=annual.format_key,
        title=annual.title,
        sections=tuple(_sections(annual)),
        paragraphs=tuple(_paragraphs(annual)),
        cells=annual.tables.cells,
        tables_present=frozenset(table.key for table in fmt.tables),
        is_government_report=annual.agency.is_government,
    )


def _load(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableInput(NOT_UTF8) from None
    if not text.strip():
        raise UnreadableInput("文件为空")
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"JSON格式错误（第{exc.lineno}行第{exc.colno}列），无法解析；"
            "请使用gongkai导出的年度报告JSON原文件"
        ) from None
    except RecursionError:
        raise UnreadableInput("JSON嵌套过深，无法解析") from None


_KINDS = {
    "object": "对象",
    "array": "数组",
    "string": "字符串",
    "integer": "整数",
    "number": "数字",
    "boolean": "布尔值",
    "null": "null",
}


def _where(path: Any) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    return "“" + ".".join(parts).replace(".[", "[") + "”" if parts else "文档顶层"


def _explain(error: jsonschema.ValidationError) -> str:
    """A schema violation as one Chinese sentence naming the place and what is expected."""
    where = _where(error.absolute_path)
    kind: Any = error.validator
    value: Any = error.validator_value
    declared: Any = error.schema if isinstance(error.schema, Mapping) else {}
    if kind == "required":
        missing = [k for k in value if isinstance(error.instance, dict) and k not in error.instance]
        what = f"缺少字段“{'、'.join(missing) or value}”"
    elif kind == "additionalProperties":
        extra = (
            sorted(k for k in error.instance if k not in declared.get("properties", {}))
            if isinstance(error.instance, dict)
            else []
        )
        what = f"有本格式没有的字段“{'、'.join(extra)}”"
    elif "propertyNames" in error.schema_path:  # a name that fails the pattern of names
        what = f"中的“{error.instance}”不是本格式的单元格或字段名"
    elif kind == "type":
        names = [value] if isinstance(value, str) else list(value)
        what = f"类型应为{'或'.join(_KINDS.get(n, n) for n in names)}，实为{_shown(error.instance)}"
    elif kind in ("enum", "const"):
        allowed = [value] if kind == "const" else list(value)
        what = f"取值应为{'、'.join(f'“{v}”' for v in allowed)}之一，实为{_shown(error.instance)}"
    elif kind == "minimum":
        what = f"不能小于{value}，实为{_shown(error.instance)}"
    elif kind == "minLength":
        what = "不能为空"
    elif kind == "pattern":
        what = f"格式不对（实为{_shown(error.instance)}）"
    else:
        what = f"不符合格式要求（{kind}）"
    return f"不是有效的gongkai年度报告JSON：{where}{what}（依据 annual-report.schema.json）"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


def _cells(doc: Mapping[str, Any], format_key: str) -> dict[CellRef, Cell]:
    fmt = FORMATS[format_key]
    known = {
        CellRef(table.key, row.key, column.key)
        for table in fmt.tables
        for _, row, column in table.cells()
    }
    cells: dict[CellRef, Cell] = {}
    for ref, value in _refs(doc["tables"]):
        if ref not in known:
            where = f"tables.{ref.table}.{ref.row}.{ref.column}"
            raise UnreadableInput(
                f"不是有效的gongkai年度报告JSON：“{where}”不是《{fmt.name}》中的单元格"
                f"（format为“{format_key}”）"
            )
        cells[ref] = Cell(ref, value, raw="" if value is None else str(value))
    return cells


def _refs(tables: Mapping[str, Any]) -> Iterator[tuple[CellRef, Number | None]]:
    for row, columns in tables["t3"].items():
        for column, value in columns.items():
            yield CellRef("t3", row, column), value
    for table in ("t2", "t4"):
        for key, value in tables[table].items():
            row, column = key.rsplit(".", 1)
            yield CellRef(table, row, column), value


def _ref(key: str, cells: Mapping[CellRef, Cell], where: str) -> CellRef:
    table, rest = key.split(".", 1)
    row, column = rest.rsplit(".", 1)
    ref = CellRef(table, row, column)
    if ref not in cells:
        raise UnreadableInput(
            f"不是有效的gongkai年度报告JSON：“{where}”指向的单元格“{key}”不在表格中"
        )
    return ref


def _sentences(
    items: list[Mapping[str, Any]], cells: Mapping[CellRef, Cell], where: str
) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(s["text"], tuple(_ref(k, cells, f"{where}[{i}].cells") for k in s["cells"]))
        for i, s in enumerate(items)
    )


def _date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UnreadableInput(
            f"不是有效的gongkai年度报告JSON：“{where}”应为YYYY-MM-DD格式的日期，实为“{text}”"
        ) from None


def _annual(doc: Mapping[str, Any]) -> AnnualReport:
    format_key: str = doc["format"]
    year: int = doc["year"]
    cells = _cells(doc, format_key)
    agency = doc["agency"]
    office = agency.get("office") or {}
    sections = doc["sections"]
    other = sections["other"]
    fees = other.get("fees") or {"notices": 0, "paid": 0, "amount_yuan": "0.00"}
    publication = doc.get("publication")
    published = (
        _date(publication["published_at"], "publication.published_at")
        if publication is not None
        else None
    )
    carryover = doc.get("carryover") or {}
    return AnnualReport(
        agency=AgencyInfo(
            name=agency["name"],
            code=agency.get("code", ""),
            is_government=agency["kind"] == "government",
            office_name=office.get("name", ""),
            address=office.get("address", ""),
            postcode=office.get("postcode", ""),
            phone=office.get("phone", ""),
            fax=office.get("fax", ""),
            email=office.get("email", ""),
        ),
        year=year,
        format_key=format_key,
        title=doc["title"],
        opening=doc.get("opening") or "",
        overview=tuple(
            Heading(
                h["key"],
                h["title"],
                _sentences(
                    h["generated_sentences"],
                    cells,
                    f"sections.overview.headings[{i}].generated_sentences",
                ),
                h["officer_text"],
            )
            for i, h in enumerate(sections["overview"]["headings"])
        ),
        tables=Report(
            path="",
            year=year,
            agency=agency["name"],
            published=None,
            format_key=format_key,
            cells=cells,
        ),
        footnotes={
            _ref(f["cell"], cells, f"footnotes[{i}].cell"): f["text"]
            for i, f in enumerate(doc["footnotes"])
        },
        problems=sections["problems"]["text"],
        other_generated=_sentences(
            other.get("generated_sentences", []), cells, "sections.other.generated_sentences"
        ),
        other=other["text"],
        fees=RequestFees(fees["notices"], fees["paid"], Decimal(fees["amount_yuan"])),
        reused=tuple(sections["problems"].get("reused_sentences", ())),
        carryover=tuple(
            CarryOver(c["column"], c["this_year"], c["last_year"])
            for c in carryover.get("differences", ())
        ),
        carryover_checked=bool(carryover.get("checked", False)),
        published=published,
    )


def _sections(annual: AnnualReport) -> Iterator[SectionText]:
    """The six sections under their standard titles: the paragraphs every output prints, with
    the footnotes under the section's table."""
    fmt = annual.format
    for section in fmt.sections:
        paragraphs = list(annual.section_paragraphs(section.key))
        for table in fmt.tables:
            if table.number == section.number:
                paragraphs.extend(annual.footnote_lines(table.key))
        text = "\n".join(paragraphs)
        yield SectionText(section.key, section.number, section.title, None, text, None)


def _paragraphs(annual: AnnualReport) -> Iterator[Paragraph]:
    """The narrative as a printed output shows it: every block but the tables, in order."""
    for part in document(annual):
        if part.kind != "table" and part.text.strip():
            yield Paragraph(part.text.strip(), None)


__all__ = ["looks_like_json", "read_json_report"]
