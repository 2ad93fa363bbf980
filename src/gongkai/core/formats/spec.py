"""The vocabulary in which a national report format is declared.

A format is data: its sections, its three tables (each made of blocks of rows × columns),
their exact printed labels, their units and the machine keys of
``shared/reference/report-data.md``. The parser, the checker and every renderer read the same
declaration, so a future revision of the national format is a new declaration, not new code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class ValueKind(StrEnum):
    """What a cell may hold."""

    COUNT = "count"  # a non-negative integer
    SIGNED = "signed"  # an integer that may be negative (2019 本年增/减)
    AMOUNT = "amount"  # a decimal amount of money


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    unit: str | None = None  # e.g. "万元"; None for counts
    variants: tuple[str, ...] = ()  # known misprints and alterations, reported as label-deviation
    group: str | None = (
        None  # a header cell spanning this column and its neighbours ("法人或其他组织")
    )


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # the row's own printed label, e.g. "1.属于国家秘密"
    group: str | None = None  # the group label it sits under, e.g. "（三）不予公开"
    variants: tuple[str, ...] = ()

    @property
    def full_label(self) -> str:
        """The label with its group, as a reviewer reads it: "（三）不予公开 1.属于国家秘密"."""
        return f"{self.group} {self.label}" if self.group else self.label


@dataclass(frozen=True)
class Block:
    """A rectangle of cells: every row has every column.

    Table 2 has one block per 第二十条 clause; table 3 has one block; table 4 has one block
    whose rows are the three kinds of case.
    """

    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    label: str | None = None  # "第二十条第（一）项"
    header: str | None = None  # the first header cell, "信息内容"
    caption: str | None = None  # a header cell spanning every column ("申请人情况")

    def cells(self) -> Iterator[tuple[Row, Column]]:
        for row in self.rows:
            for column in self.columns:
                yield row, column


def table_name(number: int) -> str:
    """A table as reports and reviewers name it, by the section that holds it: 3 → "表三"."""
    return "表" + "一二三四五六"[number - 1]


@dataclass(frozen=True)
class Table:
    key: str  # "t2", "t3", "t4"
    number: int  # the section that holds it (2, 3 or 4)
    title: str
    blocks: tuple[Block, ...]
    note: str | None = None  # the 勾稽 note cell of table 3
    # The rows are printed side by side as column groups, with one line of numbers under them
    # (table 4: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), each with the five result columns).
    across: bool = False

    @property
    def name(self) -> str:
        """How reports and reviewers name the table: "表三"."""
        return table_name(self.number)

    def cells(self) -> Iterator[tuple[Block, Row, Column]]:
        for block in self.blocks:
            for row, column in block.cells():
                yield block, row, column

    def row(self, key: str) -> Row:
        for block in self.blocks:
            for row in block.rows:
                if row.key == key:
                    return row
        raise KeyError(key)

    def block_of(self, row_key: str) -> Block:
        for block in self.blocks:
            if any(r.key == row_key for r in block.rows):
                return block
        raise KeyError(row_key)

    def column(self, row_key: str, column_key: str) -> Column:
        for column in self.block_of(row_key).columns:
            if column.key == column_key:
                return column
        raise KeyError(f"{row_key}.{column_key}")

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for block in self.blocks for row in block.rows)

    @property
    def size(self) -> int:
        return sum(len(b.rows) * len(b.columns) for b in self.blocks)


@dataclass(frozen=True)
class Section:
    key: str
    number: int  # 1..6
    title: str  # "一、总体情况"
    # Wordings seen in real reports, accepted with a section-title warning.
    variants: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # words that identify the section when its heading is altered


@dataclass(frozen=True)
class ColumnSum:
    """A reconciliation rule down the columns: in every column of ``table``, the rows ``lhs``
    add up to the rows ``rhs`` (table 3's printed 勾稽 rule 一＋二＝（七）＋四 is one)."""

    code: str  # the finding code when it fails, e.g. "t3-balance"
    table: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    anchor: str  # the row whose cell a finding points at
    row: str | None = None  # the row a finding names; None for a rule over whole columns


@dataclass(frozen=True)
class RowSum:
    """A reconciliation rule along the rows: in every row of ``table``, column ``total`` is the
    sum of ``parts`` (None: every other column of the row's block)."""

    code: str
    table: str
    total: str
    parts: tuple[str, ...] | None = None


Rule = ColumnSum | RowSum


@dataclass(frozen=True)
class LegacyRow:
    """A row of an earlier format that a table of this format may still print in place of the
    rows that succeeded it (a 2021-format table 3 printing the 2019 format's single
    （六）其他处理 row instead of （六）1–3). The reader keeps it under its earlier key, and every
    rule of the format applies with it standing for the rows it ``replaces``."""

    table: str
    row: Row
    replaces: tuple[str, ...]
    earlier: str  # how messages name the format it comes from: "2019年"


@dataclass(frozen=True, eq=False)
class Format:
    key: str  # "2019" or "2021"; formats are compared by identity (one object per format)
    name: str
    document: str  # the issuing notice
    first_year: int
    last_year: int | None  # None: still in force
    sections: tuple[Section, ...]
    t2: Table
    t3: Table
    t4: Table
    # Strings whose presence identifies this format's tables (annual-report-formats.md §4).
    markers: tuple[str, ...] = ()
    # Table 3 rows that together make up （七）总计, in printed order.
    outcome_rows: tuple[str, ...] = field(default=())
    # What the format asks beyond the shape of its tables (a new format declares its own, and
    # the checker, the counts and the renderers read these instead of testing the format's key):
    # section 六 must report the 信息处理费 (国办函〔2020〕109号; from the 2021 format on).
    reports_processing_fees: bool = False
    # Table 2 counts 规章 and 规范性文件 as made/published/total published ("published") or as
    # issued/repealed/in force ("in_force").
    document_counts: Literal["published", "in_force"] = "in_force"
    # Table 2 counts the items on the lists of powers and fees (上一年项目数量, 本年增/减).
    counts_matters: bool = False
    # The reconciliation rules of its tables (annual-report-formats.md §5: T3-1, T3-2, T3-3, T4-1),
    # in printed order.
    rules: tuple[Rule, ...] = ()
    # Rows of an earlier format that its tables may still print (see LegacyRow).
    legacy_rows: tuple[LegacyRow, ...] = ()

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        return (self.t2, self.t3, self.t4)

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def has_row(self, table: str, row: str) -> bool:
        """Whether the format counts ``row`` in ``table`` (政府集中采购 only in 2019—2020)."""
        return any(r.key == row for r in self.table(table).rows)

    def legacy_row(self, table: str) -> LegacyRow | None:
        """The earlier format's row that ``table`` may print instead of its successors."""
        return next((legacy for legacy in self.legacy_rows if legacy.table == table), None)

    def declared_row(self, table: str, row: str) -> Row | None:
        """A row of the format, or a legacy row its table may print; None if neither."""
        legacy = self.legacy_row(table)
        if legacy is not None and legacy.row.key == row:
            return legacy.row
        try:
            return self.table(table).row(row)
        except KeyError:
            return None

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)
