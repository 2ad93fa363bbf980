"""Checks on the report's outline: a table absent from its section (issue 12, items 2 and 6).

条例第五十条 and the national format put table 2 in section 二, table 3 in 三 and table 4 in 四.
A page that prints the six sections' narrative but not the tables (a text-only page, a crawler
that dropped them) is still a report: its text is checked, and each absent table is reported
``no-data`` (no figure at all was published for it) — an error, since the figures are the
statutory content. An excerpt that stops before a section is not judged on what follows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..findings import Finding
from ..formats import current_format
from ..report import CellRef, Report
from ._common import TABLE_NAMES, at, fmt_of, num
from ._narrative import chunks, clause_around, sentence_start


def missing_table(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A section 二/三/四 is present but its table is not."""
    fmt = fmt_of(report) or current_format()  # the six sections are the same in every format
    for section in report.sections:
        key = f"t{section.number}"
        if section.number not in (2, 3, 4) or key in report.tables_present:
            continue
        if report.truncated and section.number >= max(s.number for s in report.sections):
            continue
        table = fmt.table(key)
        yield Finding(
            "no-data",
            f"“{section.heading}”部分没有{TABLE_NAMES.get(key, key)}"
            f"“{table.title}”：应按统一格式列出该表并逐格填报，没有数据也应填0"
            f"{at(section.heading_line)}",
            line=section.heading_line,
            table=key,
        )


# ---------------------------------------------------------------------------------------------
# The outline's numbering (issue 12, item 6; the peer checker KIROGOVCOMPARE's "结构" rule)

_CN_NUMBERS = "一二三四五六七八九十"
_TOP_HEADING = re.compile(
    r"^\s*(?P<n>[一二三四五六七八九十]{1,2})\s*[、.．]\s*(?P<title>[^。；！？]{2,40})$"
)


def _cn_value(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CN_NUMBERS.index(numeral[1]) + 1
    return _CN_NUMBERS.index(numeral[0]) + 1


def _top_headings(report: Report) -> list[tuple[int, str, int | None]]:
    """The narrative's top-level numbered headings ("一、总体情况"): (number, text, line)."""
    out: list[tuple[int, str, int | None]] = []
    for paragraph in report.paragraphs:
        text = paragraph.text.strip()
        m = _TOP_HEADING.match(text)
        if m is None or any(ch.isdigit() for ch in m.group("title")):
            continue
        n = m.group("n")
        if len(n) == 2 and not n.startswith("十"):
            continue
        out.append((_cn_value(n), re.sub(r"\s+", "", text), paragraph.line))
    return out


def section_numbering(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """The top-level numbering restarts or skips, or a section is printed under another
    number than the national format's (a section missing and the next taking its number)."""
    fmt = fmt_of(report) or current_format()
    printed = _top_headings(report)
    if len(printed) < 3:
        return
    problems: list[str] = []
    present = {s.number for s in report.sections}  # a heading lost in conversion: found by place
    for (a, text_a, _), (b, text_b, _) in itertools.pairwise(printed):
        if b <= a:
            problems.append(f"“{text_b}”重新从{_CN_NUMBERS[b - 1] if b <= 10 else b}开始编号")
        elif b > a + 1 and not all(n in present for n in range(a + 1, b)):
            problems.append(f"“{text_a}”之后跳到“{text_b}”")
    by_heading = {re.sub(r"\s+", "", s.heading): s for s in report.sections if s.heading}
    for number, text, _line in printed:
        section = by_heading.get(text)
        if section is not None and section.number != number:
            problems.append(
                f"“{text}”是第{_CN_NUMBERS[section.number - 1]}部分的内容，却编为第{_CN_NUMBERS[number - 1] if number <= 10 else number}部分"
            )
    if not problems:
        return
    shown = "".join(f"“{text}”" for _, text, _ in printed[:12])
    required = "".join(f"“{s.title}”" for s in fmt.sections)
    first_line = printed[0][2]
    yield Finding(
        "section-title",
        f"正文一级标题的编号与统一格式的六个部分不符：{'；'.join(problems[:4])}。"
        f"正文印为{shown}{'…' if len(printed) > 12 else ''}；统一格式为{required}{at(first_line)}",
        line=first_line,
    )


# ---------------------------------------------------------------------------------------------
# A claim that every request was handled while requests are carried over

_ALL_HANDLED = re.compile(
    r"(?:均已|全部|均|都已|全都)(?:按时|及时|依法|在法定期限内)?(?:办结|答复|办理完毕|处理完毕|予以答复|作出答复)"
    r"|所有(?:的)?(?:政府信息公开)?申请(?:均|都|全部)(?:已|已经)?(?:按时|及时|依法)?(?:办结|答复|处理|办理)"
)
_NOT_ALL = re.compile(r"未|没有|尚|除|结转|转入下|顺延|上年")


def all_handled_claim(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """The narrative says every request was handled ("均已办结", "全部按时答复") while table 3
    carries requests over to next year (四 > 0): the two cannot both be true."""
    cell = report.cells.get(CellRef("t3", "carried_out", "total"))
    if cell is None or not cell.value:
        return
    for chunk in chunks(report):
        text = chunk.text
        if "申请" not in text:
            continue
        for m in _ALL_HANDLED.finditer(text):
            said = clause_around(text, m.start(), m.end())
            begin = sentence_start(text, m.start())
            sentence_end = min(
                (i for i in (text.find("。", m.end()), text.find("；", m.end())) if i >= 0),
                default=len(text),
            )
            sentence = text[begin:sentence_end]
            if "申请" not in sentence or _NOT_ALL.search(sentence):
                continue
            yield chunk.finding(
                "text-table-mismatch",
                f"正文称“{said}”，但表三“四、结转下年度继续办理”为{num(cell.value)}件，并非全部办结",
                m.start(),
                table="t3",
                row="carried_out",
                column="total",
            )
            break
