"""Checks on the numbers of tables 2–4 (annual-report-formats.md §5, rules T3-1…T3-6, T4-1,
T2-2, T2-3; report-data.md "Cell values").

Blank cells (printed blank, "—", "/", "无") are read as 0. An equation that fails only because
its side holding blank cells falls short is not an arithmetic error: the blank cells are the
likely cause, so it is reported as ``blank-cell`` (warning), naming the value that would
reconcile the equation when exactly one cell on that side is blank. Blank cells are reported
once per table row, listing the blank columns by their printed labels.

The statutory basis is 条例第五十条 (the report's content follows the national format).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache

from ..findings import Finding
from ..formats import Column, ColumnSum, Format, RowSum, Rule, ValueKind
from ..formats.common import T3_APPLICANT_COLUMNS
from ..report import Cell, CellRef, Number, Report
from ._common import (
    TABLE_NAMES,
    Key,
    at,
    column_label,
    fmt_of,
    gap,
    grid,
    num,
    per_report,
    quoted,
    row_label,
    short_row_label,
)
from ._narrative import is_township

_Getter = Callable[[str, str], Number | None]
_LineGetter = Callable[[str, str], int | None]

# ---------------------------------------------------------------------------------------------
# Equations


@dataclass(frozen=True)
class Equation:
    """``sum(lhs) == sum(rhs)``, reported under ``code`` at ``anchor``."""

    code: str
    table: str
    lhs: tuple[CellRef, ...]
    rhs: tuple[CellRef, ...]
    anchor: CellRef  # the cell whose row/column/line the finding names
    row: str | None
    column: str | None

    # The cells of both sides as plain keys, for fast lookups in :func:`grid`.
    keys: tuple[tuple[Key, ...], tuple[Key, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = (
            tuple((r.table, r.row, r.column) for r in self.lhs),
            tuple((r.table, r.row, r.column) for r in self.rhs),
        )
        object.__setattr__(self, "keys", keys)


@dataclass(frozen=True)
class State:
    lsum: Number
    rsum: Number
    lblank: tuple[CellRef, ...]
    rblank: tuple[CellRef, ...]
    # Blank cells counted at the value their own row determines (see :func:`states`).
    filled: tuple[tuple[CellRef, Number], ...] = ()

    def value(self, report: Report, ref: CellRef) -> Number:
        """A cell's number as this state counted it (a filled blank at its determined value)."""
        for filled, value in self.filled:
            if filled == ref:
                return value
        return report.cells[ref].number

    @property
    def holds(self) -> bool:
        return self.lsum == self.rsum

    @property
    def short_blanks(self) -> tuple[CellRef, ...]:
        """The blank cells on the side that falls short (none when the equation holds)."""
        if self.lsum < self.rsum:
            return self.lblank
        if self.rsum < self.lsum:
            return self.rblank
        return ()

    @property
    def gap(self) -> Number:
        return gap(self.lsum, self.rsum)


@cache
def equations(fmt: Format) -> tuple[Equation, ...]:
    """Every reconciliation rule the format declares, spelled out cell by cell, in printed order
    (a rule down the columns once per column, a rule along the rows once per row)."""
    return tuple(eq for rule in fmt.rules for eq in _spelled_out(fmt, rule))


def _spelled_out(fmt: Format, rule: Rule) -> Iterator[Equation]:
    table = fmt.table(rule.table)
    if isinstance(rule, ColumnSum):
        for column in table.block_of(rule.anchor).columns:
            c = column.key
            yield Equation(
                rule.code,
                rule.table,
                tuple(CellRef(rule.table, r, c) for r in rule.lhs),
                tuple(CellRef(rule.table, r, c) for r in rule.rhs),
                CellRef(rule.table, rule.anchor, c),
                rule.row,
                c,
            )
        return
    for row in table.rows:
        yield _row_equation(table.block_of(row.key).columns, rule, row.key)


def _row_equation(columns: tuple[Column, ...], rule: RowSum, row: str) -> Equation:
    parts = rule.parts or tuple(c.key for c in columns if c.key != rule.total)
    return Equation(
        rule.code,
        rule.table,
        (CellRef(rule.table, row, rule.total),),
        tuple(CellRef(rule.table, row, c) for c in parts),
        CellRef(rule.table, row, rule.total),
        row,
        rule.total,
    )


@cache
def _legacy_rules(fmt: Format) -> tuple[Equation, ...]:
    """The rules that apply when the format's table prints an earlier format's row in place of
    its successors (the reader keeps it under its earlier key): each column rule over all the
    successors with the legacy row in their place, and each row rule for the legacy row."""
    out: list[Equation] = []
    for legacy in fmt.legacy_rows:
        key = legacy.row.key
        for rule in fmt.rules:
            if rule.table != legacy.table:
                continue
            if isinstance(rule, RowSum):
                columns = fmt.table(rule.table).blocks[0].columns
                out.append(_row_equation(columns, rule, key))
            elif set(legacy.replaces) <= set(rule.rhs):
                first = rule.rhs.index(legacy.replaces[0])
                rhs = tuple(r for r in rule.rhs if r not in legacy.replaces)
                substituted = replace(rule, rhs=(*rhs[:first], key, *rhs[first:]))
                out.extend(_spelled_out(fmt, substituted))
    # In printed order: the column rules first, as in the format's own rules.
    return tuple(sorted(out, key=lambda eq: eq.code != "t3-outcome-sum"))


def state(
    values: dict[Key, Number | None], eq: Equation, filled: dict[CellRef, Number] | None = None
) -> State | None:
    """The equation evaluated on the report's cell ``values`` (None for a blank cell); None
    when a cell of it was not read.

    ``filled`` gives values for blank cells that other equations determine.
    """
    lkeys, rkeys = eq.keys
    try:
        left = [values[key] for key in lkeys]
        right = [values[key] for key in rkeys]
    except KeyError:
        return None
    if None not in left and None not in right:  # the common case: nothing blank
        return State(sum(left), sum(right), (), ())  # type: ignore[arg-type]
    sides: list[tuple[Number, tuple[CellRef, ...]]] = []
    used: list[tuple[CellRef, Number]] = []
    for found, refs in ((left, eq.lhs), (right, eq.rhs)):
        total: Number = sum(v for v in found if v is not None)
        blank = tuple(ref for ref, v in zip(refs, found, strict=True) if v is None)
        if blank and filled:
            known = [(ref, value) for ref in blank if (value := filled.get(ref)) is not None]
            if known:
                total += sum(value for _, value in known)
                used.extend(known)
                blank = tuple(ref for ref in blank if ref not in filled)
        sides.append((total, blank))
    (lsum, lblank), (rsum, rblank) = sides
    return State(lsum, rsum, lblank, rblank, tuple(used))


def _line(report: Report, *refs: CellRef) -> int | None:
    for ref in refs:
        cell = report.cells.get(ref)
        if cell is not None and cell.line is not None:
            return cell.line
    return None


def _term(report: Report, fmt: Format, ref: CellRef, st: State, *, by: str) -> str:
    label = (
        column_label(fmt, ref.table, ref.row, ref.column)
        if by == "column"
        else fmt.table(ref.table).row(ref.row).label
    )
    return f"{label} {num(st.value(report, ref))}"


def _sum_text(report: Report, fmt: Format, refs: tuple[CellRef, ...], st: State, *, by: str) -> str:
    return "＋".join(_term(report, fmt, ref, st, by=by) for ref in refs)


def _message(report: Report, fmt: Format, eq: Equation, st: State) -> str:
    line = _line(report, eq.anchor, *eq.lhs, *eq.rhs)
    if eq.code == "t3-balance":
        column = column_label(fmt, "t3", "received", eq.anchor.column)
        return (
            f"表三“{column}”列：{_sum_text(report, fmt, eq.lhs, st, by='row')}＝{num(st.lsum)}，"
            f"但{_sum_text(report, fmt, eq.rhs, st, by='row')}＝{num(st.rsum)}，"
            f"相差{num(st.gap)}{at(line)}"
        )
    if eq.code == "t3-outcome-sum":
        column = column_label(fmt, "t3", "received", eq.anchor.column)
        nonzero = [ref for ref in eq.rhs if st.value(report, ref)]
        parts = "＋".join(
            f"{short_row_label(fmt, 't3', ref.row)} {num(st.value(report, ref))}" for ref in nonzero
        )
        listed = f"（{parts}）" if nonzero else "（各项均为0或空白）"
        closed = fmt.t3.row("closed_total").label
        return (
            f"表三“{column}”列：{closed}为{num(st.lsum)}，但各项办理结果之和为{num(st.rsum)}"
            f"{listed}，相差{num(st.gap)}{at(line)}"
        )
    table = TABLE_NAMES[eq.table]
    label = row_label(fmt, eq.table, eq.anchor.row)
    total = column_label(fmt, eq.table, eq.anchor.row, "total")
    whose = "六类申请人之和" if eq.code == "t3-row-sum" else "各项结果之和"
    return (
        f"{table}“{label}”行：“{total}”为{num(st.lsum)}，但{whose}"
        f"（{_sum_text(report, fmt, eq.rhs, st, by='column')}）＝{num(st.rsum)}，"
        f"相差{num(st.gap)}{at(line)}"
    )


@per_report
def states(report: Report) -> tuple[tuple[Equation, State], ...]:
    """Every equation of the report's format that could be evaluated, with its state.

    Computed once per report for the four arithmetic checks and the blank-cell hints.
    """
    fmt = fmt_of(report)
    result: tuple[tuple[Equation, State], ...] = ()
    if fmt is not None:
        values = {key: cell.value for key, cell in grid(report).items()}
        rules = equations(fmt)
        if any((legacy.table, legacy.row.key, "total") in values for legacy in fmt.legacy_rows):
            rules += _legacy_rules(fmt)
        first = [(eq, st) for eq in rules if (st := state(values, eq)) is not None]
        # A blank cell that its own row determines (the one blank cell on the short side of a
        # row sum) is counted at that value in the column rules, so a table whose blank 总计
        # cells hide a column that does not add up is still caught.
        filled = {
            st.short_blanks[0]: st.gap
            for eq, st in first
            if eq.code in _ROW_RULES and len(st.short_blanks) == 1
        }
        result = tuple(
            (eq, state(values, eq, filled) or st)
            if filled and eq.code not in _ROW_RULES and (st.lblank or st.rblank)
            else (eq, st)
            for eq, st in first
        )
    return result


_ROW_RULES = frozenset({"t3-row-sum", "t4-sum"})


def _arithmetic(report: Report, code: str) -> Iterator[Finding]:
    fmt = fmt_of(report)
    if fmt is None:
        return
    for eq, st in states(report):
        if eq.code != code or st.holds or st.short_blanks:
            continue
        message = _message(report, fmt, eq, st)
        if st.filled:
            first = st.filled[0][0]
            message += (
                f"；其中{len(st.filled)}个空白单元格（如“{row_label(fmt, eq.table, first.row)}”"
                f"行“{column_label(fmt, eq.table, first.row, first.column)}”列）"
                f"已按本行各列之和计入"
            )
        yield Finding(
            code,
            message,
            line=_line(report, eq.anchor, *eq.lhs, *eq.rhs),
            table=eq.table,
            row=eq.row,
            column=eq.column,
        )


def t3_balance(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T3-1 (printed in the table; 条例第五十条第二项): 一 + 二 = 三（七）总计 + 四, per column."""
    return _arithmetic(report, "t3-balance")


def t3_outcome_sum(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T3-2 (条例第五十条第二项): （七）总计 is the sum of the outcome rows, for every column."""
    return _arithmetic(report, "t3-outcome-sum")


def t3_row_sum(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T3-3 (条例第五十条第二项): 总计 is the sum of the six applicant columns, for every row."""
    return _arithmetic(report, "t3-row-sum")


def t4_sum(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T4-1 (条例第五十条第三项): each 复议/诉讼 block's 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return _arithmetic(report, "t4-sum")


# ---------------------------------------------------------------------------------------------
# Blank cells


def _hints(report: Report, fmt: Format) -> dict[CellRef, tuple[Number, str]]:
    """Blank cells whose value one equation determines: the cell → (value, which rule)."""
    hints: dict[CellRef, tuple[Number, str]] = {}
    # A row's own sum names a blank cell most plainly; try those equations first.
    ordered = sorted(states(report), key=lambda pair: pair[0].code not in ("t3-row-sum", "t4-sum"))
    for eq, st in ordered:
        if st.holds or len(st.short_blanks) != 1:
            continue
        ref = st.short_blanks[0]
        if ref in hints:
            continue
        if eq.code == "t3-row-sum" or eq.code == "t4-sum":
            why = "按本行各列之和" if ref.column == "total" else "按本行“总计”"
        elif eq.code == "t3-balance":
            why = "按本列勾稽关系（一＋二＝三＋四）"
        else:
            why = "按本列各项办理结果之和"
        hints[ref] = (st.gap, why)
    return hints


def blank_cell(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T3-6 / report-data.md: a blank cell is read as 0 and reported, once per table row.

    A table without a single number is ``no-data`` instead; its rows are not listed again.
    """
    fmt = fmt_of(report)
    if fmt is None or all(c.value is not None for c in report.cells.values()):
        return
    hints = _hints(report, fmt)
    cells = grid(report)
    empty = _empty_tables(report)
    whole = _blank_columns(report, fmt, hints) if "t3" not in empty else ()
    if whole:
        yield _blank_columns_finding(report, fmt, whole)
    per_row: list[tuple[str, str, list[Cell]]] = []
    for table, row, keys in _row_keys(fmt):
        if table in empty:
            continue
        blanks = [
            c
            for key in keys
            if (c := cells.get(key)) is not None
            and c.value is None
            and not (table == "t3" and key[2] in whole)
        ]
        if blanks:
            per_row.append((table, row, blanks))
    t4 = [blanks for table, _, blanks in per_row if table == "t4"]
    alike = len({tuple(c.ref.column for c in b) for b in t4}) == 1
    if len(t4) == len(fmt.t4.rows) > 1 and alike and not any(c.ref in hints for b in t4 for c in b):
        per_row = [item for item in per_row if item[0] != "t4"]
        first = t4[0]
        labels = quoted([column_label(fmt, "t4", first[0].ref.row, c.ref.column) for c in first])
        yield Finding(
            "blank-cell",
            f"表四各项（行政复议、行政诉讼）的{labels}列都是空白（按0计算），"
            f"应逐格填写数字（没有的填0）{at(first[0].line)}",
            line=first[0].line,
            table="t4",
            row=first[0].ref.row,
        )
    for table, row, blanks in per_row:
        yield _blank_finding(report, fmt, table, row, blanks, hints)


def _blank_columns(
    report: Report, fmt: Format, hints: dict[CellRef, tuple[Number, str]]
) -> tuple[str, ...]:
    """Table-3 columns blank in every row (a whole applicant block left empty, only 总计
    filled): reported once, not once per row. Only when every row was read and no blank
    cell of them has a value the arithmetic determines."""
    cells = grid(report)
    rows = [r.key for r in fmt.t3.rows]
    out: list[str] = []
    for column in fmt.t3.blocks[0].columns:
        found = [cells.get(("t3", row, column.key)) for row in rows]
        if all(c is not None and c.value is None and c.ref not in hints for c in found):
            out.append(column.key)
    return tuple(out) if len(out) < len(fmt.t3.blocks[0].columns) else ()


def _blank_columns_finding(report: Report, fmt: Format, columns: tuple[str, ...]) -> Finding:
    first = fmt.t3.rows[0].key
    labels = [column_label(fmt, "t3", first, c) for c in columns]
    applicants = set(columns) >= set(T3_APPLICANT_COLUMNS)
    which = "六类申请人各列" if applicants and len(columns) == 6 else quoted(labels) + "列"
    cell = report.cells.get(CellRef("t3", first, columns[0]))
    line = cell.line if cell is not None else None
    return Finding(
        "blank-cell",
        f"表三{which}在全部{len(fmt.t3.rows)}行都是空白（按0计算），应逐格填写数字（没有的填0）{at(line)}",
        line=line,
        table="t3",
        row=first,
    )


@cache
def _row_keys(fmt: Format) -> tuple[tuple[str, str, tuple[Key, ...]], ...]:
    """Every table row of a format with its cells' keys, in printed order."""
    return tuple(
        (table.key, row.key, tuple((table.key, row.key, c.key) for c in block.columns))
        for table in fmt.tables
        for block in table.blocks
        for row in block.rows
    )


def _blank_finding(
    report: Report,
    fmt: Format,
    table: str,
    row: str,
    blanks: list[Cell],
    hints: dict[CellRef, tuple[Number, str]],
) -> Finding:
    labels = [column_label(fmt, table, row, c.ref.column) for c in blanks]
    applicants = {c.ref.column for c in blanks} >= set(T3_APPLICANT_COLUMNS)
    if table == "t3" and applicants and len(blanks) >= len(T3_APPLICANT_COLUMNS):
        rest = [lab for c, lab in zip(blanks, labels, strict=True) if c.ref.column == "total"]
        which = "六类申请人各列" + ("及" + quoted(rest) + "列" if rest else "")
    else:
        which = quoted(labels) + "列"
    notes = []
    for cell, label in zip(blanks, labels, strict=True):
        hint = hints.get(cell.ref)
        if hint is not None:
            value, why = hint
            notes.append(f"“{label}”{why}应为{num(value)}")
    advice = "；".join(notes) + "；其余空白应填0" if notes else "应填写数字（没有的填0）"
    line = next((c.line for c in blanks if c.line is not None), None)
    where = "“" + row_label(fmt, table, row) + "”行"
    return Finding(
        "blank-cell",
        f"{TABLE_NAMES[table]}{where}：{which}空白（按0计算），{advice}{at(line)}",
        line=line,
        table=table,
        row=row,
        column=blanks[0].ref.column if len(blanks) == 1 else None,
    )


# ---------------------------------------------------------------------------------------------
# Single cells


def non_numeric_cell(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A cell holding text that had to be interpreted ("减4" read as -4)."""
    fmt = fmt_of(report)
    interpreted = [(ref, cell) for ref, cell in report.cells.items() if cell.interpreted]
    for ref, cell in sorted(interpreted):
        where = (
            f"{TABLE_NAMES.get(ref.table, ref.table)}“{row_label(fmt, ref.table, ref.row)}”行"
            f"“{column_label(fmt, ref.table, ref.row, ref.column)}”列"
            if fmt is not None
            else f"{ref.table} {ref.key}"
        )
        yield Finding(
            "non-numeric-cell",
            f"{where}印为“{cell.raw}”，已按{num(cell.value)}读取；单元格应只填数字{at(cell.line)}",
            line=cell.line,
            table=ref.table,
            row=ref.row,
            column=ref.column,
        )


# A 乡镇/街道's fees above this many 万元 are implausible (most collect none at all).
TOWNSHIP_FEES_WAN = Decimal(100)
# Above this many 万元 (100亿元) an amount is implausible for any agency: it reads as 元.
ANY_AMOUNT_WAN = Decimal(1_000_000)
MAX_DECIMALS_WAN = 4  # 万元 to 4 decimals is 1元


def unit(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T2-3: an amount printed with 元 where 万元 belongs, odd precision or magnitude."""
    fmt = fmt_of(report)
    if fmt is None:
        return
    township: bool | None = None
    for _table, row, column in fmt.t2.cells():
        if column.kind is not ValueKind.AMOUNT:
            continue
        cell = report.cells.get(CellRef("t2", row.key, column.key))
        if cell is None or cell.value is None:
            continue
        reasons: list[str] = []
        printed = cell.unit or ("元" if "元" in cell.raw and "万元" not in cell.raw else None)
        if printed == "元":
            if column.unit == "万元":
                reasons.append(f"表头单位是万元，单元格却写“元”（按万元应为{_as_wan(cell.value)}）")
            else:
                reasons.append(
                    f"金额带单位“元”写在单元格中；单位应在表头统一注明（通常为万元，"
                    f"即{_as_wan(cell.value)}万元）"
                )
        in_wan = column.unit == "万元" or cell.unit == "万元"
        if in_wan and printed != "元":
            value = Decimal(cell.value)
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int) and -exponent > MAX_DECIMALS_WAN:
                reasons.append(
                    f"以万元计保留了{-exponent}位小数，精度不合常理（万元最多4位小数即到元）"
                )
            if township is None:
                township = is_township(report)
            if township and value > TOWNSHIP_FEES_WAN:
                reasons.append(
                    f"乡镇（街道）一年收费{num(cell.value)}万元，数额不合常理，请核对单位"
                )
            elif value > ANY_AMOUNT_WAN:
                reasons.append(f"{num(cell.value)}万元即超过100亿元，疑似把元当成万元填写")
        if reasons:
            yield Finding(
                "unit",
                f"表二“{row.label}”行“{column.label}”列为“{cell.raw or num(cell.value)}”："
                + "；".join(reasons)
                + at(cell.line),
                line=cell.line,
                table="t2",
                row=row.key,
                column=column.key,
            )


def _as_wan(value: Number) -> str:
    return num((Decimal(value) / 10000).normalize())


def t2_count(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T2-2 (条例第五十条第一项, 第二十条): impossible table-2 counts: negative, more repealed or published than could exist,
    and 规章 in a 乡镇/街道 report (only the State Council's departments and the governments of
    provinces and 设区的市 make 规章, 《立法法》第九十一、九十三条)."""
    fmt = fmt_of(report)
    if fmt is None:
        return
    cells = grid(report)

    def value(row: str, column: str) -> Number | None:
        cell = cells.get(("t2", row, column))
        return None if cell is None else cell.number

    def line(row: str, column: str) -> int | None:
        cell = cells.get(("t2", row, column))
        return None if cell is None else cell.line

    t2 = fmt.t2
    for _block, row, column in t2.cells():
        v = value(row.key, column.key)
        if v is not None and v < 0 and column.kind is not ValueKind.SIGNED:
            yield Finding(
                "t2-count",
                f"表二“{row.label}”行“{column.label}”列为{num(v)}：数量不能为负数"
                f"{at(line(row.key, column.key))}",
                line=line(row.key, column.key),
                table="t2",
                row=row.key,
                column=column.key,
            )
    yield from _t2_structure(report, fmt, value, line)
    if is_township(report) and _has_rules(fmt):
        nonzero = [
            (column, v)
            for column in t2.block_of("rules").columns
            if (v := value("rules", column.key))
        ]
        if nonzero:
            listed = "、".join(f"“{column.label}”{num(v)}" for column, v in nonzero)
            first = nonzero[0][0].key
            yield Finding(
                "t2-count",
                f"表二“{t2.row('rules').label}”行填有{listed}：乡镇（街道）无权制定规章"
                f"（规章由国务院部门和省、设区的市人民政府制定），本行应全部为0"
                f"{at(line('rules', first))}",
                line=line("rules", first),
                table="t2",
                row="rules",
                column=first if len(nonzero) == 1 else None,
            )


def _has_rules(fmt: Format) -> bool:
    try:
        fmt.t2.row("rules")
    except KeyError:
        return False
    return True


def _t2_structure(
    report: Report,
    fmt: Format,
    value: _Getter,
    line: _LineGetter,
) -> Iterator[Finding]:
    """Within-year impossibilities, by the columns each format declares."""
    t2 = fmt.t2
    for row in t2.rows:
        keys = {c.key for c in t2.block_of(row.key).columns}
        label = row.label

        def col(key: str, row_key: str = row.key) -> str:
            return t2.column(row_key, key).label

        if {"published", "total_published"} <= keys:  # 2019: cumulative ≥ this year's
            new, total = value(row.key, "published"), value(row.key, "total_published")
            if new is not None and total is not None and total < new:
                yield Finding(
                    "t2-count",
                    f"表二“{label}”行：“{col('total_published')}”{num(total)}小于"
                    f"“{col('published')}”{num(new)}，累计数不可能少于本年数"
                    f"{at(line(row.key, 'total_published'))}",
                    line=line(row.key, "total_published"),
                    table="t2",
                    row=row.key,
                    column="total_published",
                )
        if {"prev_items", "change"} <= keys:  # 2019: items left cannot be negative
            prev, change = value(row.key, "prev_items"), value(row.key, "change")
            if prev is not None and change is not None and prev + change < 0:
                yield Finding(
                    "t2-count",
                    f"表二“{label}”行：“{col('prev_items')}”{num(prev)}，"
                    f"“{col('change')}”{num(change)}，本年项目数将为{num(prev + change)}，"
                    f"减少的项目多于原有项目{at(line(row.key, 'change'))}",
                    line=line(row.key, "change"),
                    table="t2",
                    row=row.key,
                    column="change",
                )
        if {"issued", "repealed", "in_force"} <= keys:  # 2021: last year's count ≥ 0
            issued = value(row.key, "issued")
            repealed = value(row.key, "repealed")
            in_force = value(row.key, "in_force")
            if (
                issued is not None
                and repealed is not None
                and in_force is not None
                and in_force + repealed - issued < 0
            ):
                yield Finding(
                    "t2-count",
                    f"表二“{label}”行：“{col('in_force')}”{num(in_force)}＋"
                    f"“{col('repealed')}”{num(repealed)}－“{col('issued')}”{num(issued)}"
                    f"＝{num(in_force + repealed - issued)}，即上年现行有效件数为负，不可能"
                    f"{at(line(row.key, 'in_force'))}",
                    line=line(row.key, "in_force"),
                    table="t2",
                    row=row.key,
                    column="in_force",
                )


# ---------------------------------------------------------------------------------------------
# Whole tables


def _empty_tables(report: Report) -> set[str]:
    """Tables with cells read but not one number among them."""
    numbered = {ref.table for ref, cell in report.cells.items() if cell.value is not None}
    return {ref.table for ref in report.cells} - numbered


def no_data(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-4: a table is present but holds no number at all (every cell blank, or none read)."""
    fmt = fmt_of(report)
    unparsed = {n.table for n in report.notes if n.code == "unparsed-table"}
    unparsed_text = "".join(n.message for n in report.notes if n.code == "unparsed-table")
    for key in sorted(report.tables_present):
        if key in unparsed or TABLE_NAMES.get(key, "?") in unparsed_text:
            continue
        cells = [c for c in report.cells.values() if c.ref.table == key]
        if any(c.value is not None for c in cells):
            continue
        title = fmt.table(key).title if fmt is not None else ""
        line = min((c.line for c in cells if c.line is not None), default=None)
        state_text = "所有单元格均为空白" if cells else "没有读到任何数字"
        yield Finding(
            "no-data",
            f"{TABLE_NAMES.get(key, key)}“{title}”{state_text}：没有数据也应逐格填0{at(line)}",
            line=line,
            table=key,
        )
