"""The whole annual report as one immutable value, composed from records (issue 11).

An :class:`AnnualReport` holds everything every output prints: the title, the opening
paragraph, section 一 as headings of generated sentences (each naming the table cells its numbers
come from) followed by the officer's own paragraphs, the tables (the year-end count, locked),
footnotes tied to cells, section 五 (officer text, with last year's 五 and the sentences reused from
it), section 六 (the 信息处理费 facts generated from the fee records, then free text), the
carry-over comparison with last year's table 四, and the publication date once there is one.

The checker takes the year-end count's own :class:`gongkai.core.report.Report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from ..formats import FORMATS, Format
from ..report import CellRef, Number, Report


@dataclass(frozen=True)
class AgencyInfo:
    """The reporting agency and its 政府信息公开工作机构 (条例第十二条 contact data)."""

    name: str
    code: str = ""
    is_government: bool = False
    office_name: str = ""
    address: str = ""
    postcode: str = ""
    hours: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""  # where the electronic version is published


@dataclass(frozen=True)
class ProactiveFacts:
    """What the proactive register says about the year (items published, by channel)."""

    total: int = 0
    by_channel: tuple[tuple[str, int], ...] = ()  # channel name, items published through it
    interpretations: int = 0  # 政策解读 items
    responses: int = 0  # 回应关切 items
    late: int = 0  # published after the 20 working days of 条例第二十六条


@dataclass(frozen=True)
class RequestFees:
    """信息处理费 of the year (国办函〔2020〕109号), from the request register's fee events."""

    notices: int = 0  # 收费通知 sent in the year
    paid: int = 0  # of them, paid
    amount: Decimal = Decimal(0)  # 元 collected in the year


@dataclass(frozen=True)
class OfficerText:
    """What the officer writes: a paragraph block per heading of 一, section 五 and section 六."""

    overview: Mapping[str, str] = field(default_factory=dict)  # heading key -> text
    problems: str = ""
    other: str = ""


@dataclass(frozen=True)
class Sentence:
    """A generated sentence and the table cells its numbers are read from."""

    text: str
    cells: tuple[CellRef, ...] = ()


@dataclass(frozen=True)
class Heading:
    """A heading of section 一: generated sentences first, the officer's paragraphs apart."""

    key: str
    title: str  # "（一）主动公开"
    generated: tuple[Sentence, ...]
    officer: str = ""

    @property
    def generated_text(self) -> str:
        return "".join(s.text for s in self.generated)


@dataclass(frozen=True)
class CarryOver:
    """This year's 上年结转 against last year's 结转下年度继续办理, for one column."""

    column: str
    this_year: Number
    last_year: Number

    @property
    def ref(self) -> CellRef:
        return CellRef("t3", "carried_in", self.column)


@dataclass(frozen=True)
class AnnualReport:
    agency: AgencyInfo
    year: int
    format_key: str
    title: str
    opening: str
    overview: tuple[Heading, ...]
    tables: Report  # the counted tables (cells), as the year-end count made them
    footnotes: Mapping[CellRef, str]
    problems: str
    other_generated: tuple[Sentence, ...]
    other: str
    fees: RequestFees
    previous_problems: str | None = None  # last year's section 五, shown beside this year's
    reused: tuple[str, ...] = ()  # sentences of this year's 五 found in last year's
    carryover: tuple[CarryOver, ...] = ()  # differing columns only
    carryover_checked: bool = False  # False when there is no report of last year to compare
    published: dt.date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.footnotes, MappingProxyType):
            object.__setattr__(self, "footnotes", MappingProxyType(dict(self.footnotes)))

    @property
    def format(self) -> Format:
        return FORMATS[self.format_key]

    def value(self, ref: CellRef) -> Number:
        cell = self.tables.cells.get(ref)
        return 0 if cell is None else cell.number

    @property
    def unexplained_carryover(self) -> tuple[CarryOver, ...]:
        """Carry-over differences without a footnote on their cell (these block submission)."""
        return tuple(
            c
            for c in self.carryover
            if not self.footnotes.get(c.ref, "").strip()
            and not self.footnotes.get(CellRef("t3", "carried_in", "total"), "").strip()
        )

    def section_paragraphs(self, key: str) -> tuple[str, ...]:
        """The narrative paragraphs of a section, as every output prints them (tables apart)."""
        if key == "overview":
            out: list[str] = []
            for heading in self.overview:
                text = heading.generated_text
                out.append(heading.title + text if text else heading.title)
                out.extend(_paragraphs(heading.officer))
            return tuple(out)
        if key == "problems":
            return _paragraphs(self.problems)
        if key == "other":
            generated = "".join(s.text for s in self.other_generated)
            return ((generated,) if generated else ()) + _paragraphs(self.other)
        return ()

    def footnote_lines(self, table: str) -> tuple[str, ...]:
        """The footnotes under a table: "注1：表三“二、上年结转…”“总计”栏：…"."""
        fmt = self.format
        tab = fmt.table(table)
        lines = []
        ordered = [
            CellRef(table, row.key, column.key)
            for _, row, column in tab.cells()
            if CellRef(table, row.key, column.key) in self.footnotes
        ]
        for index, ref in enumerate(ordered, start=1):
            text = self.footnotes[ref].strip()
            if not text:
                continue
            row = tab.row(ref.row)
            column = tab.column(ref.row, ref.column)
            lines.append(f"注{_circled(index)}：{tab.name}“{row.label}”“{column.label}”栏：{text}")
        return tuple(lines)


def _circled(index: int) -> str:
    return "①②③④⑤⑥⑦⑧⑨⑩"[index - 1] if index <= 10 else f"（{index}）"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
