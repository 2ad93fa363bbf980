"""Synthetic annual reports: consistent numbers and a plain narrative that agrees with them.

Used by ``examples/make_examples.py``, the round-trip property test and the throughput benchmark.
Nothing here copies a real report: agencies are fictional and the narrative is generic. The
numbers satisfy every rule of annual-report-formats.md §5 that holds within one year (table 3:
row sums, outcome sums and the printed 勾稽 rule 一 + 二 = （七）总计 + 四; table 4: block sums;
table 2: no negative count, nothing repealed that did not exist, cumulative counts that include
the year's).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from decimal import Decimal

from ..formats import FORMATS, Format, ValueKind, format_for_year
from ..report import CellRef, Number, Paragraph, Report, SectionText, cells_from

Cells = dict[CellRef, Number | None]


def _t3(fmt: Format) -> tuple[tuple[str, ...], str]:
    applicants = tuple(c.key for c in fmt.t3.blocks[0].columns if c.key != "total")
    return applicants, "total"


def t3_from_outcomes(
    fmt: Format,
    outcomes: Mapping[tuple[str, str], int],
    carried_in: Mapping[str, int],
    carried_out: Mapping[str, int],
) -> Cells:
    """Table 3 from its free numbers: each outcome leaf and the carry-in/out per applicant column.

    ``received`` is what makes 一 + 二 = （七） + 四 hold; it must not come out negative.
    """
    applicants, total = _t3(fmt)
    cells: Cells = {}
    for column in applicants:
        closed = sum(outcomes[(row, column)] for row in fmt.outcome_rows)
        received = closed + carried_out[column] - carried_in[column]
        if received < 0:
            raise ValueError(f"{column}: carried in more than closed and carried out")
        values = {
            "received": received,
            "carried_in": carried_in[column],
            "closed_total": closed,
            "carried_out": carried_out[column],
        }
        values.update({row: outcomes[(row, column)] for row in fmt.outcome_rows})
        for key, value in values.items():
            cells[CellRef("t3", key, column)] = value
    for row in fmt.t3.rows:
        cells[CellRef("t3", row.key, total)] = sum(
            _int(cells[CellRef("t3", row.key, c)]) for c in applicants
        )
    return cells


def t4_from_results(fmt: Format, results: Mapping[tuple[str, str], int]) -> Cells:
    """Table 4 from the four result counts of each block; 总计 is their sum."""
    cells: Cells = {}
    for row in fmt.t4.rows:
        parts = [c.key for c in fmt.t4.block_of(row.key).columns if c.key != "total"]
        for column in parts:
            cells[CellRef("t4", row.key, column)] = results[(row.key, column)]
        cells[CellRef("t4", row.key, "total")] = sum(results[(row.key, c)] for c in parts)
    return cells


def _int(value: Number | None) -> int:
    return 0 if value is None else int(value)


def random_cells(rng: random.Random, fmt: Format, *, busy: int = 20) -> Cells:
    """Every cell of the format's three tables, consistent, drawn from ``rng``.

    ``busy`` scales the number of applications (an agency that receives about that many a year).
    """
    applicants, _ = _t3(fmt)

    def small(scale: float) -> int:
        return int(rng.expovariate(1 / scale)) if rng.random() < 0.6 else 0

    weight = {c: (1.0 if c == "natural" else 0.15) for c in applicants}
    outcomes = {
        (row, column): small(busy * weight[column] / (4 if row in ("granted", "partial") else 20))
        for row in fmt.outcome_rows
        for column in applicants
    }
    carried_out = {c: small(busy * weight[c] / 15) for c in applicants}
    carried_in = dict.fromkeys(applicants, 0)
    for column in applicants:
        room = sum(outcomes[(r, column)] for r in fmt.outcome_rows) + carried_out[column]
        carried_in[column] = min(room, small(busy * weight[column] / 15))
    cells = t3_from_outcomes(fmt, outcomes, carried_in, carried_out)
    results = {
        (row.key, column.key): small(1.5)
        for row in fmt.t4.rows
        for column in fmt.t4.block_of(row.key).columns
        if column.key != "total"
    }
    cells.update(t4_from_results(fmt, results))
    cells.update(_random_t2(rng, fmt))
    return cells


def _random_t2(rng: random.Random, fmt: Format) -> Cells:
    cells: Cells = {}
    for _, row, column in fmt.t2.cells():
        ref = CellRef("t2", row.key, column.key)
        if column.kind is ValueKind.AMOUNT:
            # Mostly nothing; otherwise a few 万元 with at most two decimals (a plausible fee).
            cents = rng.choice([0, 0, rng.randrange(1, 5_000)])
            cells[ref] = Decimal(cents).scaleb(-2) if cents else 0
        elif column.kind is ValueKind.SIGNED:
            cells[ref] = rng.randint(-3, 5)
        elif row.key == "rules":
            cells[ref] = 0  # most agencies cannot make 规章 (a 乡镇 never can)
        else:
            cells[ref] = rng.choice([0, rng.randrange(0, 40), rng.randrange(0, 3000)])
    # 2021: 现行有效件数 covers this year's new documents, so nothing was repealed that never existed.
    for key in ("rules", "normative_docs"):
        issued = CellRef("t2", key, "issued")
        in_force = CellRef("t2", key, "in_force")
        if issued in cells and in_force in cells:
            cells[in_force] = _int(cells[in_force]) + _int(cells[issued])
    # 2019: the cumulative 对外公开总数量 includes this year's 本年新公开数量.
    for key in ("rules", "normative_docs"):
        published = CellRef("t2", key, "published")
        total = CellRef("t2", key, "total_published")
        if published in cells and total in cells:
            cells[total] = _int(cells[total]) + _int(cells[published])
    # 2019: a change cannot remove more items than there were.
    for ref in list(cells):
        if ref.column == "change":
            prev = CellRef("t2", ref.row, "prev_items")
            cells[ref] = max(_int(cells[ref]), -_int(cells.get(prev, 0)))
    return cells


# --- The narrative -----------------------------------------------------------------------------


def _sum(cells: Mapping[CellRef, Number | None], table: str, rows: list[str], column: str) -> int:
    return sum(_int(cells.get(CellRef(table, row, column))) for row in rows)


def narrative(
    fmt: Format, year: int, agency: str, cells: Mapping[CellRef, Number | None]
) -> dict[str, str]:
    """Section key -> text (one paragraph per line) that agrees with the cells.

    It states the reporting period (条例第五十条), the application counts of table 3 with a
    breakdown that adds up, the review and litigation counts of table 4, problems with their
    fixes, and — in the 2021 format — the 信息处理费 position (国办函〔2020〕109号).
    """

    def t3(*rows: str) -> int:
        return _sum(cells, "t3", list(rows), "total")

    groups: dict[str, list[str]] = {}
    for key in fmt.outcome_rows:
        groups.setdefault(key.split(".")[0], []).append(key)
    outcome_names = {
        "granted": "予以公开",
        "partial": "部分公开",
        "withheld": "不予公开",
        "unable": "无法提供",
        "not_handled": "不予处理",
        "other": "其他处理",
    }
    breakdown = "、".join(f"{outcome_names[g]}{t3(*rows)}件" for g, rows in groups.items())
    review = _int(cells.get(CellRef("t4", "review", "total")))
    suits = _int(cells.get(CellRef("t4", "suit_direct", "total"))) + _int(
        cells.get(CellRef("t4", "suit_after_review", "total"))
    )
    texts = {
        "overview": "\n".join(
            (
                f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
                f"《{fmt.name}》（{fmt.document}）编制，所列数据的统计期限为"
                f"{year}年1月1日至{year}年12月31日。",
                f"{year}年，{agency}坚持以公开为常态、不公开为例外，依法做好主动公开、"
                "依申请公开、政府信息管理、平台建设和监督保障各项工作。",
                f"全年新收政府信息公开申请{t3('received')}件，上年结转{t3('carried_in')}件，"
                f"办结{t3('closed_total')}件，结转下年度继续办理{t3('carried_out')}件。",
            )
        ),
        "proactive": "通过门户网站政府信息公开专栏、政务新媒体和公示栏主动公开政府信息，"
        "行政规范性文件在印发后及时公开并同步发布政策解读。",
        "requests": f"本年度办结的申请中，{breakdown}。",
        "review_litigation": f"本年度因政府信息公开工作被申请行政复议{review}件，"
        f"被提起行政诉讼{suits}件。",
        "problems": "\n".join(
            (
                "存在的主要问题：政策解读的形式还不够丰富，部分栏目更新不够及时。",
                "改进情况：建立栏目更新台账，每月检查一次；增加图解、问答等解读形式，"
                "提高信息发布的及时性和可读性。",
            )
        ),
        "other": _other_text(fmt, cells),
    }
    return texts


def _other_text(fmt: Format, cells: Mapping[CellRef, Number | None]) -> str:
    if not fmt.reports_processing_fees:
        return "本年度无其他需要报告的事项。"
    notices = _int(cells.get(CellRef("t3", "other.no_fee_paid", "total")))
    if notices:
        return (
            "依据《政府信息公开信息处理费管理办法》，本年度发出信息处理费收费通知"
            f"{notices}件，申请人均未在期限内缴费，实际收取信息处理费0元。"
        )
    return "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"


def build_report(
    *,
    agency: str,
    year: int,
    cells: Mapping[CellRef, Number | None],
    format_key: str | None = None,
    published: dt.date | None = None,
    texts: Mapping[str, str] | None = None,
    path: str = "<synthetic>",
) -> Report:
    """A report with the format's six sections, the narrative and the given cells.

    ``format_key`` defaults to the format of the year; ``published`` to 20 January of the next
    year (before the 1月31日 deadline of 条例第四十九条); ``texts`` to :func:`narrative`.
    """
    fmt = FORMATS[format_key] if format_key else format_for_year(year)
    published = published or dt.date(year + 1, 1, 20)
    texts = texts if texts is not None else narrative(fmt, year, agency, cells)
    sections = tuple(
        SectionText(
            key=section.key,
            number=section.number,
            heading=section.title,
            heading_line=None,
            text=texts.get(section.key, ""),
            span=None,
        )
        for section in fmt.sections
    )
    paragraphs = tuple(
        Paragraph(line.strip(), None)
        for section in sections
        for line in section.text.splitlines()
        if line.strip()
    )
    return Report(
        path=path,
        year=year,
        agency=agency,
        published=published,
        format_key=fmt.key,
        sections=sections,
        paragraphs=paragraphs,
        cells=cells_from(cells),
        tables_present=frozenset(t.key for t in fmt.tables),
    )


_PLACES = ("示例市示例区", "样板市样板县", "演示市演示区", "虚拟市虚构区", "测试市测试县")
_OFFICES = (
    "政务服务数据管理局",
    "生态环境分局",
    "教育局",
    "卫生健康局",
    "住房和城乡建设局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "交通运输局",
)


def random_agency(rng: random.Random) -> str:
    """A fictional agency name (a 县级 department: it makes no 规章)."""
    return rng.choice(_PLACES) + rng.choice(_OFFICES)


def random_report(rng: random.Random, *, year: int | None = None, busy: int = 20) -> Report:
    """A consistent report of a fictional agency, for benchmarks and smoke tests."""
    year = year if year is not None else rng.randint(2019, 2025)
    fmt = format_for_year(year)
    agency = random_agency(rng)
    return build_report(agency=agency, year=year, cells=random_cells(rng, fmt, busy=busy))
