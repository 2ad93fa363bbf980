"""Compose the whole annual report of an agency and a year from its records.

::

    report = compose(
        year_end,                       # gongkai.core.yearend.count_year(...)
        agency=AgencyInfo(name=…, office_name=…, phone=…),
        proactive=ProactiveFacts(total=…, by_channel=…),
        fees=RequestFees(notices=…, paid=…, amount=…),
        text=OfficerText(overview={"proactive": "…"}, problems="…", other="…"),
        footnotes={CellRef("t3", "carried_in", "total"): "机构改革划入3件"},
        previous=last_years_report,     # a Report (published in gongkai or imported), or None
        previous_problems="…",          # last year's section 五, or None
    )

Every number of a generated sentence is read from a cell of the counted tables through one
function (:func:`_Cells.n`), which records the cell: text and table cannot disagree, because the
sentence is written from the very count the table prints. Counts that have no table cell (items
by channel, 信息处理费) come from the facts passed in, and are labelled as such in the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from ..formats import Format
from ..formats.common import T3_COLUMNS
from ..render.text import format_number, standard_title
from ..report import CellRef, Number, Report
from ..yearend import YearEnd
from .model import (
    AgencyInfo,
    AnnualReport,
    CarryOver,
    Heading,
    OfficerText,
    ProactiveFacts,
    RequestFees,
    Sentence,
)

# The five headings of 一、总体情况 (国办公开办函〔2021〕30号), in order.
HEADINGS = (
    ("proactive", "（一）主动公开"),
    ("requests", "（二）依申请公开"),
    ("management", "（三）政府信息管理"),
    ("platform", "（四）政府信息公开平台建设"),
    ("supervision", "（五）监督保障"),
)
GOVERNMENT_SUPERVISION = "（五）监督保障（含工作考核、社会评议和责任追究结果情况）"

# The outcome groups of table 3 as the narrative names them.
OUTCOME_GROUPS = (
    ("予以公开", ("granted",)),
    ("部分公开", ("partial",)),
    ("不予公开", ("withheld.",)),
    ("无法提供", ("unable.",)),
    ("不予处理", ("not_handled.",)),
    ("其他处理", ("other",)),
)


class _Cells:
    """Reads cells of the counted tables, remembering which ones a sentence used."""

    def __init__(self, tables: Report) -> None:
        self.tables = tables
        self.used: list[CellRef] = []

    def n(self, table: str, row: str, column: str) -> Number:
        ref = CellRef(table, row, column)
        cell = self.tables.cells.get(ref)
        self.used.append(ref)
        return 0 if cell is None else cell.number

    def has(self, table: str, row: str, column: str) -> bool:
        return CellRef(table, row, column) in self.tables.cells

    def sentence(self, text: str) -> Sentence:
        cells, self.used = tuple(dict.fromkeys(self.used)), []
        return Sentence(text, cells)


def _rows_of(fmt: Format, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        key
        for key in fmt.outcome_rows
        if any(key == p or (p.endswith(".") and key.startswith(p)) for p in prefixes)
        or (prefixes == ("other",) and key.startswith("other"))
    )


def _percent(part: Number, whole: Number) -> str:
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value}%"


def _wan(amount: Number) -> str:
    return format_number(amount)


def _proactive(c: _Cells, fmt: Format, facts: ProactiveFacts, year: int) -> list[Sentence]:
    out = []
    text = f"{year}年度，本机关主动公开政府信息{facts.total}条"
    if facts.by_channel:
        text += "，其中" + "、".join(f"通过{name}公开{n}条" for name, n in facts.by_channel)
    text += "（渠道可重复计算）" if len(facts.by_channel) > 1 else ""
    text += f"；发布政策解读{facts.interpretations}条，回应社会关切{facts.responses}条。"
    out.append(Sentence(text))
    parts = []
    if c.has("t2", "licensing", "decisions"):
        parts.append(f"行政许可决定{c.n('t2', 'licensing', 'decisions')}件")
    if c.has("t2", "other_services", "decisions"):
        parts.append(f"其他对外管理服务事项处理决定{c.n('t2', 'other_services', 'decisions')}件")
    if c.has("t2", "penalty", "decisions"):
        parts.append(f"行政处罚决定{c.n('t2', 'penalty', 'decisions')}件")
    if c.has("t2", "coercion", "decisions"):
        parts.append(f"行政强制决定{c.n('t2', 'coercion', 'decisions')}件")
    if parts:
        out.append(c.sentence("全年作出" + "、".join(parts) + "，均按第二十条规定公开。"))
    if c.has("t2", "fees", "amount_wan"):
        out.append(
            c.sentence(f"本年收取行政事业性收费{_wan(c.n('t2', 'fees', 'amount_wan'))}万元。")
        )
    if c.has("t2", "procurement", "projects"):
        projects = c.n("t2", "procurement", "projects")
        amount = _wan(c.n("t2", "procurement", "amount"))
        out.append(c.sentence(f"政府集中采购项目{projects}个，采购总金额{amount}万元。"))
    return out


def _requests(c: _Cells, fmt: Format) -> list[Sentence]:
    received = c.n("t3", "received", "total")
    carried_in = c.n("t3", "carried_in", "total")
    first = c.sentence(
        f"本年度新收政府信息公开申请{received}件，上年结转政府信息公开申请{carried_in}件。"
    )
    closed = c.n("t3", "closed_total", "total")
    carried_out = c.n("t3", "carried_out", "total")
    pieces = []
    for name, prefixes in OUTCOME_GROUPS:
        rows = _rows_of(fmt, prefixes)
        value = sum((c.n("t3", row, "total") for row in rows), start=0)
        piece = f"{name}{value}件"
        if closed:
            piece += f"（占{_percent(value, closed)}）"
        pieces.append(piece)
    second = c.sentence(
        f"本年度办结政府信息公开申请{closed}件，其中" + "，".join(pieces) + "。"
        f"结转下年度继续办理{carried_out}件。"
    )
    review = c.n("t4", "review", "total")
    suits = c.n("t4", "suit_direct", "total") + c.n("t4", "suit_after_review", "total")
    results = "，".join(
        f"{label}{c.n('t4', 'review', key)}件"
        for key, label in (
            ("upheld", "结果维持"),
            ("corrected", "结果纠正"),
            ("other", "其他结果"),
            ("pending", "尚未审结"),
        )
    )
    third_text = f"因政府信息公开工作被申请行政复议{review}件"
    if review:
        third_text += f"（{results}）"
    third_text += f"，被提起行政诉讼{suits}件"
    if suits:
        direct = c.n("t4", "suit_direct", "total")
        after = c.n("t4", "suit_after_review", "total")
        upheld = c.n("t4", "suit_direct", "upheld") + c.n("t4", "suit_after_review", "upheld")
        corrected = c.n("t4", "suit_direct", "corrected") + c.n(
            "t4", "suit_after_review", "corrected"
        )
        third_text += (
            f"（未经复议直接起诉{direct}件、复议后起诉{after}件；"
            f"判决维持{upheld}件、纠正{corrected}件）"
        )
    third = c.sentence(third_text + "。")
    return [first, second, third]


# 第二十条第（一）项 in table 2, by what the format counts of 规章 and 规范性文件: the documents'
# names, the columns, and the sentence that states them.
_DOCUMENT_SENTENCES = {
    "published": (
        (("rules", "规章"), ("normative_docs", "规范性文件")),
        ("made", "published", "total_published"),
        "本年新制作{name}{made}件，新公开{published}件，对外公开{name}总数{total_published}件。",
    ),
    "in_force": (
        (("rules", "规章"), ("normative_docs", "行政规范性文件")),
        ("issued", "repealed", "in_force"),
        "本年制发{name}{issued}件，废止{repealed}件，现行有效{in_force}件。",
    ),
}


def _management(c: _Cells, fmt: Format) -> list[Sentence]:
    documents, columns, text = _DOCUMENT_SENTENCES[fmt.document_counts]
    return [
        c.sentence(text.format(name=name, **{col: c.n("t2", row, col) for col in columns}))
        for row, name in documents
    ]


def _platform(facts: ProactiveFacts) -> list[Sentence]:
    if not facts.by_channel:
        return []
    names = "、".join(name for name, _ in facts.by_channel)
    return [Sentence(f"本年度使用的政府信息公开渠道共{len(facts.by_channel)}个：{names}。")]


def _supervision(facts: ProactiveFacts) -> list[Sentence]:
    if facts.late:
        return [
            Sentence(
                f"主动公开信息中超过《条例》第二十六条规定的二十个工作日公开的有{facts.late}条，"
                "已逐条核查原因。"
            )
        ]
    return [Sentence("主动公开信息均在《条例》第二十六条规定的二十个工作日内公开。")]


def _fees(c: _Cells, fmt: Format, fees: RequestFees) -> list[Sentence]:
    if fees.notices == 0 and fees.amount == 0:
        text = "本年度未发出信息处理费收费通知，未收取信息处理费。"
    else:
        amount = format(fees.amount.quantize(Decimal("0.01"), ROUND_HALF_UP), "f")
        text = (
            f"本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）发出信息处理费"
            f"收费通知{fees.notices}份，申请人按期缴费{fees.paid}份，共收取信息处理费{amount}元，"
            "已全额上缴国库。"
        )
    out = [Sentence(text)]
    if c.has("t3", "other.no_fee_paid", "total"):
        lapsed = c.n("t3", "other.no_fee_paid", "total")
        out.append(c.sentence(f"因申请人逾期未缴纳信息处理费而不再处理的申请{lapsed}份。"))
    return out


def opening(agency: AgencyInfo, year: int, fmt: Format) -> str:
    """The opening paragraph: legal basis, composition, period, where to read it, contact."""
    where = agency.website or f"{agency.name}门户网站“政府信息公开”专栏"
    contact = "；".join(
        f"{label}：{value}"
        for label, value in (
            ("地址", agency.address),
            ("邮编", agency.postcode),
            ("电话", agency.phone),
            ("传真", agency.fax),
            ("电子邮箱", agency.email),
        )
        if value
    )
    office = agency.office_name or agency.name
    text = (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
        f"《{fmt.name}》（{fmt.document}）要求编制，由总体情况、主动公开政府信息情况、"
        "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        f"本报告电子版可在{where}查阅或下载。如对本报告有疑问，请与{office}联系"
    )
    return text + (f"（{contact}）。" if contact else "。")


_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def _sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


def _compact(text: str) -> str:
    return re.sub(r"[\s，。；、！？：“”（）()]", "", text)


def reused_sentences(text: str, previous: str | None) -> tuple[str, ...]:
    """Sentences of ``text`` (section 五) that last year's section 五 already said."""
    if not previous:
        return ()
    before = {_compact(s) for s in _sentences(previous)}
    return tuple(s for s in _sentences(text) if len(_compact(s)) >= 8 and _compact(s) in before)


def carryover(tables: Report, previous: Report | None) -> tuple[CarryOver, ...]:
    """Columns where this year's 上年结转 differs from last year's 结转下年度继续办理."""
    if previous is None:
        return ()
    out = []
    for column in T3_COLUMNS:
        now = tables.value("t3", "carried_in", column.key)
        then = previous.value("t3", "carried_out", column.key)
        if now is None or then is None:
            continue
        if now != then:
            out.append(CarryOver(column.key, now, then))
    return tuple(out)


def compose(
    year_end: YearEnd,
    *,
    agency: AgencyInfo,
    proactive: ProactiveFacts = ProactiveFacts(),  # noqa: B008 - immutable
    fees: RequestFees = RequestFees(),  # noqa: B008 - immutable
    text: OfficerText = OfficerText(),  # noqa: B008 - immutable
    footnotes: Mapping[CellRef, str] | Iterable[tuple[CellRef, str]] = (),
    previous: Report | None = None,
    previous_problems: str | None = None,
    published: dt.date | None = None,
) -> AnnualReport:
    """The whole report of ``year_end``'s agency and year, in the format of that year."""
    tables = year_end.report
    fmt = year_end.format
    year = tables.year
    assert year is not None
    c = _Cells(tables)
    generated = {
        "proactive": _proactive(c, fmt, proactive, year),
        "requests": _requests(c, fmt),
        "management": _management(c, fmt),
        "platform": _platform(proactive),
        "supervision": _supervision(proactive),
    }
    headings = tuple(
        Heading(
            key,
            GOVERNMENT_SUPERVISION if key == "supervision" and agency.is_government else title,
            tuple(generated[key]),
            text.overview.get(key, "").strip(),
        )
        for key, title in HEADINGS
    )
    notes = dict(footnotes.items() if isinstance(footnotes, Mapping) else footnotes)
    known = {CellRef(t.key, r.key, col.key) for t in fmt.tables for _, r, col in t.cells()}
    notes = {ref: note.strip() for ref, note in notes.items() if ref in known and note.strip()}
    return AnnualReport(
        agency=agency,
        year=year,
        format_key=fmt.key,
        title=standard_title(agency.name, year),
        opening=opening(agency, year, fmt),
        overview=headings,
        tables=tables,
        footnotes=notes,
        problems=text.problems.strip(),
        other_generated=tuple(_fees(c, fmt, fees)),
        other=text.other.strip(),
        fees=fees,
        previous_problems=previous_problems,
        reused=reused_sentences(text.problems, previous_problems),
        carryover=carryover(tables, previous),
        carryover_checked=previous is not None,
        published=published,
    )
