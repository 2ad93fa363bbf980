"""Tables 2, 3 and 4 of one agency's annual report, counted from its records.

The year-end view and the report generator stand on this: every number comes from record facts,
and every cell remembers the ids of the records behind it (for drill-down).

::

    result = count_year(
        YearRecords(requests=…, documents=…, decisions=…, fees=…, matters=…,
                    procurements=…, cases=…),
        year=2025, agency="示例市云溪区教育局",
    )
    result.report                      # a Report in the format of 2025 (tables 2, 3, 4)
    result.sources[CellRef("t3", "granted", "natural")]   # ids of the requests behind the cell

Counting rules
--------------
Table 3 (条例第五十条第（二）项; annual-report-formats.md §5, T3-1…T3-4):

* 一 ``received``: requests received (条例第三十一条 date of receipt) in the year;
* 二 ``carried_in``: requests received before 1 January and not closed before it;
* 三 the outcome rows: requests closed in the year, each in exactly one leaf row — the outcome
  recorded when it was closed, a row of the format of the year it was closed (a 2021-format
  （六）1–3 closed in a 2019-format year is counted in （六）其他处理; the reverse is ambiguous
  and refused); （七）总计 is their sum;
* 四 ``carried_out``: requests received by 31 December and still open then.

So every request counted in 一 or 二 is counted in exactly one of 三 or 四, and
一 + 二 = 三（七） + 四 holds for every column by construction; 总计 is the sum of the six
applicant columns.

Table 4: cases filed in the year, in the row of their kind, in the column of their result as
known on 31 December (a result decided later is still 尚未审结); 总计 is the sum. A copy held by
a 复议机关 sued as co-defendant is not counted (国办公开办函〔2016〕201号).

Table 2 (条例第二十条), 2021 format: 规章/行政规范性文件 issued in the year, repealed in the year,
and in force on 31 December (issued by then, not repealed by then); 行政许可/处罚/强制 decisions of
the year (single decisions and period totals, by the period's end); 行政事业性收费 collected in
the year, in 万元 to four decimals (ROUND_HALF_UP). 2019 format: 本年新制作数量 = issued in the
year, 本年新公开数量 = published in the year, 对外公开总数量 = published by 31 December and not
repealed by then; 上一年项目数量 = items listed on 31 December of the year before, 本年增/减 = the
change over the year, 处理决定数量 = decisions of the year; 政府集中采购 projects of the year and
their total amount in 万元.

Records that cannot be counted (an outcome that is not a row of the year's format, a repeal
before the issue, a negative amount …) raise :class:`UncountableRecord`, whose Chinese message
names the record and what to fix: a report that cannot be trusted is not produced.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from .errors import GongkaiError
from .formats import Format, format_for_year
from .formats.common import T3_APPLICANT_COLUMNS, T4_COLUMNS
from .report import Cell, CellRef, Number, Report

RecordId = Hashable

WAN = Decimal(10000)
AMOUNT_PLACES = Decimal("0.0001")


class UncountableRecord(GongkaiError):
    """A record whose facts cannot be counted; the message names it and what to fix."""

    def __init__(self, record: RecordId, message: str) -> None:
        super().__init__(message)
        self.record = record


# ------------------------------------------------------------------------------ record facts


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """A disclosure request: ``applicant`` is a table-3 column key; ``outcome`` a leaf row key
    of the format of the year it was ``closed`` (both None while open)."""

    id: RecordId
    received: dt.date
    applicant: str
    closed: dt.date | None = None
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """A 规章 (``kind="rule"``) or 行政规范性文件 (``"normative"``). ``published`` defaults to
    the issue date (the 2019 format counts publications separately)."""

    id: RecordId
    kind: str
    issued: dt.date
    repealed: dt.date | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DecisionFacts:
    """``count`` decisions of ``kind`` (licensing, other_services, penalty, coercion) made in
    ``start``..``end``; a single decision has ``count == 1`` and ``start == end``."""

    id: RecordId
    kind: str
    start: dt.date
    end: dt.date
    count: int = 1


@dataclass(frozen=True, slots=True)
class FeeFacts:
    """行政事业性收费 collected in ``start``..``end``, in 元."""

    id: RecordId
    start: dt.date
    end: dt.date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class MatterFacts:
    """An item on a list of powers or fees (kinds: licensing, other_services, penalty,
    coercion, fees), listed from ``listed`` until ``delisted`` (2019 format)."""

    id: RecordId
    kind: str
    listed: dt.date
    delisted: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ProcurementFacts:
    """A 政府集中采购 project (2019 format), amount in 元."""

    id: RecordId
    day: dt.date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """A case of ``kind`` review / suit_direct / suit_after_review; ``result`` upheld /
    corrected / other, or None while pending; ``review_body_codefendant`` for the uncounted
    copy of a 复议机关 sued as co-defendant (国办公开办函〔2016〕201号)."""

    id: RecordId
    kind: str
    filed: dt.date
    result: str | None = None
    decided: dt.date | None = None
    review_body_codefendant: bool = False


@dataclass(frozen=True)
class RequestTotals:
    """Table 3 already counted where the records are (the database's GROUP BY): the number of
    requests per ``(row, applicant)``, ``row`` being ``received``, ``carried_in``,
    ``carried_out`` or, for requests closed in the year, the outcome recorded when they were
    closed (mapped to the format's row here, as for :class:`RequestFacts`).

    The counter of such totals must apply the rules of :func:`count_year` and leave records it
    cannot count (an unknown applicant type, a closing date before the receipt, a closed request
    without outcome) to the per-record path, whose error names the record.
    """

    cells: Mapping[tuple[str, str], int]


@dataclass(frozen=True)
class YearRecords:
    """Everything one agency's registers hold that tables 2–4 count (iterables are read once).

    Table 3 is counted from ``requests`` (one fact per request, with the records behind each
    cell) or, when given, from ``request_totals`` (no record ids: a drill-down then asks the
    records' store for a cell's records).
    """

    requests: Iterable[RequestFacts] = ()
    request_totals: RequestTotals | None = None
    documents: Iterable[DocumentFacts] = ()
    decisions: Iterable[DecisionFacts] = ()
    fees: Iterable[FeeFacts] = ()
    matters: Iterable[MatterFacts] = ()
    procurements: Iterable[ProcurementFacts] = ()
    cases: Iterable[CaseFacts] = ()


@dataclass(frozen=True)
class YearEnd:
    """The counted tables and, for every cell, the ids of the records behind it."""

    report: Report
    sources: Mapping[CellRef, tuple[RecordId, ...]]

    @property
    def format(self) -> Format:
        fmt = self.report.format
        assert fmt is not None
        return fmt

    def value(self, table: str, row: str, column: str) -> Number:
        return self.report.cells[CellRef(table, row, column)].number

    def records(self, table: str, row: str, column: str) -> tuple[RecordId, ...]:
        """The ids behind a cell (empty for a cell of 0)."""
        return self.sources.get(CellRef(table, row, column), ())


# ---------------------------------------------------------------------------------- counting


class _Tally:
    def __init__(self) -> None:
        self.values: dict[CellRef, Number] = {}
        self.ids: dict[CellRef, list[RecordId]] = defaultdict(list)

    def add(self, ref: CellRef, record: RecordId | None, amount: Number = 1) -> None:
        self.values[ref] = self.values.get(ref, 0) + amount
        if record is not None:
            self.ids[ref].append(record)

    def touch(self, ref: CellRef) -> None:
        self.values.setdefault(ref, 0)


def _in_year(day: dt.date | None, year: int) -> bool:
    return day is not None and day.year == year


def _outcome_row(fmt: Format, request: RequestFacts) -> str:
    outcome = request.outcome
    if outcome in fmt.outcome_rows:
        return outcome
    if outcome is not None and outcome.startswith("other.") and "other" in fmt.outcome_rows:
        return "other"
    assert request.closed is not None
    raise UncountableRecord(
        request.id,
        f"申请 {request.id} 于{request.closed.year}年办结，但办理结果“{outcome}”不是"
        f"{request.closed.year}年度报告格式（{fmt.document}）表三的结果行，请按该年度格式重新选择办理结果",
    )


def _count_requests(
    tally: _Tally, fmt: Format, requests: Iterable[RequestFacts], year: int
) -> None:
    start = dt.date(year, 1, 1)
    end = dt.date(year, 12, 31)
    columns = set(T3_APPLICANT_COLUMNS)
    outcomes = set(fmt.outcome_rows)
    # The hot path (100,000 requests): plain (row, column) keys, CellRefs made once at the end.
    cells: dict[tuple[str, str], list[RecordId]] = defaultdict(list)
    for r in requests:
        received, closed = r.received, r.closed
        if received > end:
            continue
        if closed is not None and closed < start:
            if closed < received or r.outcome is None:
                _refuse(r)
            continue  # closed in an earlier year
        applicant = r.applicant
        if applicant not in columns or (closed is None) != (r.outcome is None):
            _refuse(r)
        cells["received" if received >= start else "carried_in", applicant].append(r.id)
        if closed is None or closed > end:
            cells["carried_out", applicant].append(r.id)
            continue
        if closed < received:
            _refuse(r)
        outcome = r.outcome if r.outcome in outcomes else _outcome_row(fmt, r)
        assert outcome is not None
        cells[outcome, applicant].append(r.id)
    for (row, column), ids in cells.items():
        ref = CellRef("t3", row, column)
        tally.values[ref] = tally.values.get(ref, 0) + len(ids)
        tally.ids[ref].extend(ids)


def _count_request_totals(tally: _Tally, fmt: Format, totals: RequestTotals, year: int) -> None:
    columns = set(T3_APPLICANT_COLUMNS)
    stages = {"received", "carried_in", "carried_out"}
    outcomes = set(fmt.outcome_rows)
    for (row, applicant), n in totals.cells.items():
        if not n:
            continue
        if applicant not in columns:
            raise UncountableRecord(
                None, f"有申请的申请人类型“{applicant}”不是表三的申请人列，请重新选择"
            )
        if row not in stages and row not in outcomes:
            if row.startswith("other.") and "other" in outcomes:
                row = "other"
            else:
                raise UncountableRecord(
                    None,
                    f"有申请于{year}年办结，但办理结果“{row}”不是{year}年度报告格式"
                    f"（{fmt.document}）表三的结果行，请按该年度格式重新选择办理结果",
                )
        ref = CellRef("t3", row, applicant)
        tally.values[ref] = tally.values.get(ref, 0) + n


def _refuse(r: RequestFacts) -> None:
    """Raise the reason a request cannot be counted."""
    if r.applicant not in T3_APPLICANT_COLUMNS:
        raise UncountableRecord(
            r.id, f"申请 {r.id} 的申请人类型“{r.applicant}”不是表三的申请人列，请重新选择"
        )
    if (r.closed is None) != (r.outcome is None):
        raise UncountableRecord(
            r.id, f"申请 {r.id} 的办结日期和办理结果必须同时填写（已办结）或同时为空（办理中）"
        )
    assert r.closed is not None
    raise UncountableRecord(
        r.id,
        f"申请 {r.id} 的办结日期 {r.closed.isoformat()} 早于收到日期 "
        f"{r.received.isoformat()}，请更正",
    )


def _finish_t3(tally: _Tally, fmt: Format) -> None:
    for row in fmt.t3.rows:
        for column in T3_APPLICANT_COLUMNS:
            tally.touch(CellRef("t3", row.key, column))
    for column in T3_APPLICANT_COLUMNS:
        ref = CellRef("t3", "closed_total", column)
        for key in fmt.outcome_rows:
            source = CellRef("t3", key, column)
            tally.add(ref, None, tally.values[source])
            tally.ids[ref].extend(tally.ids.get(source, ()))
    for row in fmt.t3.rows:
        total = CellRef("t3", row.key, "total")
        tally.touch(total)
        for column in T3_APPLICANT_COLUMNS:
            source = CellRef("t3", row.key, column)
            tally.add(total, None, tally.values[source])
            tally.ids[total].extend(tally.ids.get(source, ()))


def _count_cases(tally: _Tally, fmt: Format, cases: Iterable[CaseFacts], year: int) -> None:
    end = dt.date(year, 12, 31)
    rows = {row.key for row in fmt.t4.rows}
    results = {c.key for c in T4_COLUMNS} - {"pending", "total"}
    for c in cases:
        if c.kind not in rows:
            raise UncountableRecord(c.id, f"案件 {c.id} 的类型“{c.kind}”无法识别")
        if c.result is not None and c.result not in results:
            raise UncountableRecord(c.id, f"案件 {c.id} 的结果“{c.result}”无法识别")
        if (c.result is None) != (c.decided is None):
            raise UncountableRecord(
                c.id,
                f"案件 {c.id} 的审结结果和审结日期必须同时填写（已审结）或同时为空（尚未审结）",
            )
        if c.decided is not None and c.decided < c.filed:
            raise UncountableRecord(
                c.id,
                f"案件 {c.id} 的审结日期 {c.decided.isoformat()} 早于立案（申请）日期 "
                f"{c.filed.isoformat()}，请更正",
            )
        if c.review_body_codefendant or not _in_year(c.filed, year):
            continue
        decided = c.result is not None and c.decided is not None and c.decided <= end
        column = c.result if decided and c.result is not None else "pending"
        tally.add(CellRef("t4", c.kind, column), c.id)
        tally.add(CellRef("t4", c.kind, "total"), c.id)
    for row in fmt.t4.rows:
        for t4_column in T4_COLUMNS:
            tally.touch(CellRef("t4", row.key, t4_column.key))


def _check_period(record: RecordId, what: str, start: dt.date, end: dt.date) -> None:
    if end < start:
        raise UncountableRecord(record, f"{what} {record} 的截止日期早于起始日期，请更正")
    if start.year != end.year:
        raise UncountableRecord(
            record,
            f"{what} {record} 的统计期间跨年（{start.isoformat()}—{end.isoformat()}），请按年度分开登记",
        )


def _wan(amount: Decimal) -> Decimal:
    return (amount / WAN).quantize(AMOUNT_PLACES, rounding=ROUND_HALF_UP)


def _check_documents(documents: Iterable[DocumentFacts]) -> list[DocumentFacts]:
    out = []
    for d in documents:
        if d.kind not in ("rule", "normative"):
            raise UncountableRecord(d.id, f"文件 {d.id} 的类型“{d.kind}”无法识别")
        if d.repealed is not None and d.repealed < d.issued:
            raise UncountableRecord(
                d.id,
                f"文件 {d.id} 的废止日期 {d.repealed.isoformat()} 早于发布日期 "
                f"{d.issued.isoformat()}，请更正",
            )
        out.append(d)
    return out


_DOC_ROWS = {"rule": "rules", "normative": "normative_docs"}


def _count_t2(tally: _Tally, fmt: Format, records: YearRecords, year: int) -> None:
    end = dt.date(year, 12, 31)
    prev_end = dt.date(year - 1, 12, 31)
    row_keys = {row.key for row in fmt.t2.rows}
    columns = {row.key: {c.key for c in fmt.t2.block_of(row.key).columns} for row in fmt.t2.rows}

    for d in _check_documents(records.documents):
        row = _DOC_ROWS[d.kind]
        published = d.published or d.issued
        in_force = d.issued <= end and (d.repealed is None or d.repealed > end)
        if fmt.document_counts == "published":
            if _in_year(d.issued, year):
                tally.add(CellRef("t2", row, "made"), d.id)
            if _in_year(published, year):
                tally.add(CellRef("t2", row, "published"), d.id)
            if published <= end and in_force:
                tally.add(CellRef("t2", row, "total_published"), d.id)
        else:
            if _in_year(d.issued, year):
                tally.add(CellRef("t2", row, "issued"), d.id)
            if _in_year(d.repealed, year):
                tally.add(CellRef("t2", row, "repealed"), d.id)
            if in_force:
                tally.add(CellRef("t2", row, "in_force"), d.id)

    for x in records.decisions:
        _check_period(x.id, "处理决定记录", x.start, x.end)
        if x.count < 0:
            raise UncountableRecord(x.id, f"处理决定记录 {x.id} 的数量为负数，请更正")
        if x.kind not in ("licensing", "other_services", "penalty", "coercion"):
            raise UncountableRecord(x.id, f"处理决定记录 {x.id} 的类型“{x.kind}”无法识别")
        if _in_year(x.end, year) and x.kind in row_keys:
            tally.add(CellRef("t2", x.kind, "decisions"), x.id, x.count)

    fee_total = Decimal(0)
    fee_ids: list[RecordId] = []
    for f in records.fees:
        _check_period(f.id, "收费记录", f.start, f.end)
        if f.amount < 0:
            raise UncountableRecord(f.id, f"收费记录 {f.id} 的金额为负数，请更正")
        if _in_year(f.end, year):
            fee_total += f.amount
            fee_ids.append(f.id)
    if "amount_wan" in columns.get("fees", set()):
        ref = CellRef("t2", "fees", "amount_wan")
        tally.add(ref, None, _wan(fee_total))
        tally.ids[ref].extend(fee_ids)

    if fmt.counts_matters:
        for m in records.matters:
            if m.delisted is not None and m.delisted < m.listed:
                raise UncountableRecord(m.id, f"事项 {m.id} 的取消日期早于列入日期，请更正")
            if m.kind not in row_keys:
                raise UncountableRecord(m.id, f"事项 {m.id} 的类型“{m.kind}”无法识别")

            def listed_on(day: dt.date, m: MatterFacts = m) -> bool:
                return m.listed <= day and (m.delisted is None or m.delisted > day)

            before, after = listed_on(prev_end), listed_on(end)
            if before:
                tally.add(CellRef("t2", m.kind, "prev_items"), m.id)
            if before != after:
                tally.add(CellRef("t2", m.kind, "change"), m.id, 1 if after else -1)
        amount = Decimal(0)
        for p in records.procurements:
            if p.amount < 0:
                raise UncountableRecord(p.id, f"采购项目 {p.id} 的金额为负数，请更正")
            if _in_year(p.day, year):
                tally.add(CellRef("t2", "procurement", "projects"), p.id)
                amount += p.amount
                tally.ids[CellRef("t2", "procurement", "amount")].append(p.id)
        tally.add(CellRef("t2", "procurement", "amount"), None, _wan(amount))

    for _block, t2_row, t2_column in fmt.t2.cells():
        tally.touch(CellRef("t2", t2_row.key, t2_column.key))


def count_year(
    records: YearRecords,
    *,
    year: int,
    agency: str,
    is_government_report: bool = False,
) -> YearEnd:
    """Tables 2, 3 and 4 of ``agency``'s report on ``year``, in the format of that year."""
    fmt = format_for_year(year)
    tally = _Tally()
    if records.request_totals is not None:
        _count_request_totals(tally, fmt, records.request_totals, year)
    _count_requests(tally, fmt, records.requests, year)
    _finish_t3(tally, fmt)
    _count_cases(tally, fmt, records.cases, year)
    _count_t2(tally, fmt, records, year)
    cells = {ref: Cell(ref, value, raw=str(value)) for ref, value in tally.values.items()}
    report = Report(
        path=f"<{agency} {year}>",
        year=year,
        agency=agency,
        published=None,
        format_key=fmt.key,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        cells=cells,
        tables_present=frozenset({"t2", "t3", "t4"}),
        is_government_report=is_government_report,
    )
    sources = {ref: tuple(ids) for ref, ids in tally.ids.items() if ids}
    return YearEnd(report=report, sources=MappingProxyType(sources))
