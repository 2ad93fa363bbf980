"""Checks on the report as a document: its year, format, date and sections
(annual-report-formats.md §5 "Text ↔ table and metadata", M-2…M-7).

``year-mismatch`` is conservative: a false error costs a reviewer more than a missed one. Only
sentences that *state the reporting period* are read:

* "现将…2019年开展政府信息公开工作情况报告如下" (the report's own announcement of what it covers),
  "汇报我镇2023年政府信息公开工作";
* "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止" (the statistical period).

Years inside 《》 and quotation marks (the notice's own title "关于做好2020年度…通知", cited
documents, "2021年政府部门决算报告") are never read. Plans ("2021年度区审交办将做好…") and history
are not period statements. A paragraph that merely opens with "2019年，我局…" is *not* reported:
such openings are history as often as they are copied text, and the period statements above catch
copied reports in practice (decision recorded for issue 2).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..findings import Finding
from ..formats import FORMATS, Format, UnknownYearError, format_for_year, format_years
from ..report import Report, SectionText
from ._common import at, fmt_of, has_cjk
from ._narrative import Chunk, chunks, compact, is_whole_government

# ---------------------------------------------------------------------------------------------
# Format and year


def format_version(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-3: the tables must use the format of the report year (条例第五十条: the national format)."""
    if report.year is None or report.format is None:
        return
    try:
        expected = format_for_year(report.year)
    except UnknownYearError:
        return
    used = report.format
    if used.key == expected.key:
        return
    lines = [c.line for c in report.cells.values() if c.line is not None]
    table2 = [c.line for c in report.table_cells("t2") if c.line is not None]
    marker_line = min(table2 or lines, default=None)
    printed = used.t2.blocks[0].columns[0].label
    required = expected.t2.blocks[0].columns[0].label
    example = f"，如表二“{printed}”应为“{required}”" if printed != required else ""
    yield Finding(
        "format-version",
        f"报告年度为{report.year}年，应使用《{expected.name}》（{expected.document}，"
        f"适用于{format_years(expected)}）的表格，但表格使用的是《{used.name}》"
        f"（{used.document}，适用于{format_years(used)}）{example}{at(marker_line)}",
        line=marker_line,
    )


_YEAR = re.compile(r"(?<!\d)(\d{4})年")
_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”|‘[^‘’]*’|「[^「」]*」|\"[^\"]*\"")
_ANNOUNCE = re.compile(
    r"(?:现将|现就|特将|汇报)[^。；！？，]{0,60}?(?:政府信息公开|政务公开|信息公开)"
)
_PERIOD = re.compile(r"统计(?:期限|时限|期间|时段|区间|周期|时间|范围)[^。；！？]{0,40}")
# In a statistical period only the years of its first and last day count ("截至2021年1月10日"
# is the date the figures were taken, not the period).
_PERIOD_YEAR = re.compile(r"(?<!\d)(\d{4})年度?(?=1月1日|12月31日|全年|$)")


def _stated_years(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(_QUOTED.sub("", text))]


def year_mismatch(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-2 (条例第四十九条: the report covers the previous year): a statement of the reporting
    period names another year than the report's."""
    if report.year is None:
        return
    for chunk in chunks(report):
        for pattern in (_ANNOUNCE, _PERIOD):
            for m in pattern.finditer(chunk.text):
                text = m.group(0)
                stated = (
                    _stated_years(text)
                    if pattern is _ANNOUNCE
                    else [int(y) for y in _PERIOD_YEAR.findall(_QUOTED.sub("", text))]
                )
                years = [y for y in stated if y != report.year]
                if not years:
                    continue
                if pattern is _ANNOUNCE and not _announces_period(text):
                    continue
                line = chunk.line_at(m.start())
                yield Finding(
                    "year-mismatch",
                    f"报告年度为{report.year}年，但正文称“{_statement(chunk, m)}”",
                    line=line,
                )


def _announces_period(text: str) -> bool:
    """The year in an announcement qualifies the work reported, not a plan or a history."""
    bare = _QUOTED.sub("", text)[2:]  # after "现将"/"汇报"
    return not re.search(r"将|计划|拟|下一年|明年|做好|部署|安排|要点", bare)


def _statement(chunk: Chunk, m: re.Match[str]) -> str:
    start = m.start()
    text = chunk.text
    while start > 0 and m.start() - start < 40 and text[start - 1] not in "。；！？，":
        start -= 1
    end = m.end()
    while end < len(text) and end - m.end() < 30 and text[end] not in "。；！？，：":
        end += 1
    return text[start:end]


def late_publication(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """条例第四十九条: published by 1月31日 of the next year; the 本级政府 report by 3月31日."""
    if report.year is None or report.published is None:
        return
    government = is_whole_government(report)
    deadline = dt.date(report.year + 1, 3 if government else 1, 31)
    if report.published <= deadline:
        return
    days = (report.published - deadline).days
    who = "本级人民政府年度报告" if government else "政府部门年度报告"
    yield Finding(
        "late-publication",
        f"报告落款日期为{_date(report.published)}，晚于{who}的法定公布期限"
        f"{_date(deadline)}（《政府信息公开条例》第四十九条）{days}天{at(report.published_line)}",
        line=report.published_line,
    )


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


_DOCUMENTS = {fmt.document: fmt for fmt in FORMATS.values()}
_CITATION = re.compile(r"国办公开办函[〔\[［【(（]?\s*(\d{4})\s*[〕\]］】)）]?\s*(\d+)\s*号")
_BASIS = re.compile(r"根据|按照|依据|依照|要求|编制")


def outdated_basis(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """The text names a superseded format notice as the basis of the report (M-3)."""
    if report.year is None:
        return
    try:
        expected = format_for_year(report.year)
    except UnknownYearError:
        return
    for chunk in chunks(report):
        for m in _CITATION.finditer(chunk.text):
            cited = _cited(m)
            if cited is None or cited.key == expected.key:
                continue
            sentence = _sentence(chunk.text, m.start(), m.end())
            if not _BASIS.search(sentence):
                continue
            if any(_cited(c) is expected for c in _CITATION.finditer(sentence)):
                continue  # both notices named: the text knows which one applies
            line = chunk.line_at(m.start())
            yield Finding(
                "outdated-basis",
                f"正文以{cited.document}（《{cited.name}》，适用于{format_years(cited)}）"
                f"为编制依据，但{report.year}年度报告应依据{expected.document}"
                f"（《{expected.name}》）{at(line)}",
                line=line,
            )


def _cited(m: re.Match[str]) -> Format | None:
    return _DOCUMENTS.get(f"国办公开办函〔{m.group(1)}〕{m.group(2)}号")


def _sentence(text: str, start: int, end: int) -> str:
    left = text.rfind("。", 0, start) + 1
    right = text.find("。", end)
    return text[left : right if right >= 0 else len(text)]


# ---------------------------------------------------------------------------------------------
# Sections


def _excerpt_bounds(report: Report) -> tuple[int, int]:
    """The section numbers the text can be expected to hold: (first, last).

    An excerpt that ends inside a table (``report.truncated``) holds nothing after the last
    section it reached; one that starts inside a table (no title and a table cell before the
    first section heading) holds nothing before the first section it shows.
    """
    numbers = [s.number for s in report.sections]
    first, last = 1, 6
    if report.truncated:
        last = max(numbers, default=0)
    heading_lines = [s.heading_line for s in report.sections if s.heading_line is not None]
    cell_lines = [c.line for c in report.cells.values() if c.line is not None]
    if (
        report.title is None
        and cell_lines
        and (not heading_lines or min(cell_lines) < min(heading_lines))
    ):
        first = min(numbers, default=7)
    return first, last


def missing_section(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-4 / 条例第五十条: each of the six sections must be present.

    A report without any text at all (no section, no paragraph: the tables counted from the
    registers, before anyone has written the narrative) is not judged on its sections.
    """
    fmt = fmt_of(report)
    if fmt is None or not (report.sections or report.paragraphs):
        return
    present = {s.key for s in report.sections}
    first, last = _excerpt_bounds(report)
    altered = "".join(n.message for n in report.notes if n.code == "section-title")
    for section in fmt.sections:
        if section.key in present or not first <= section.number <= last:
            continue
        cn = section.title.split("、")[0]
        if section.title in altered or f"第{cn}部分" in altered:
            continue  # the reader found its content under an altered heading
        before = [s for s in report.sections if s.number < section.number]
        line = before[-1].span.end + 1 if before and before[-1].span else None
        yield Finding(
            "missing-section",
            f"缺少第{section.number}部分“{section.title}”（《政府信息公开条例》第五十条规定的报告内容）",
            line=line,
        )


def section_title(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A section heading that deviates from the national format's title (条例第五十条); the
    reader's notes add the headings it had to guess."""
    fmt = report.format
    if fmt is None:
        return
    notes = [n for n in report.notes if n.code == "section-title"]
    noted = {n.line for n in notes if n.line is not None}
    for text in report.sections:
        if text.heading_line in noted or not text.heading:
            continue
        if any(text.heading.strip() in n.message for n in notes):
            continue
        standard = next((s for s in fmt.sections if s.key == text.key), None)
        if standard is None:
            continue
        printed = compact(text.heading)
        if printed == compact(standard.title) or _numbering_only(printed, standard.title):
            continue
        yield Finding(
            "section-title",
            f"第{standard.number}部分标题印为“{text.heading.strip()}”，标准标题为“{standard.title}”"
            f"{at(text.heading_line)}",
            line=text.heading_line,
        )


def _numbering_only(printed: str, title: str) -> bool:
    """ "（一）总体情况", "一.总体情况", "一 总体情况" only vary the numbering's punctuation."""
    bare = title.split("、", 1)[1]
    return re.sub(r"^[（(]?[一二三四五六]+[）)、.．]?", "", printed) == bare


_SUBSTANCE_MIN = 8  # fewer CJK characters than this is not a statement
_PROBLEM_WORDS = re.compile(r"问题|不足|短板|薄弱|差距|改进|整改|措施|下一步|加强|提升|完善|推进")
_NOTHING = re.compile(r"^[无暂无没有]+[。.]?$")


def _narrative_sections(report: Report) -> list[SectionText]:
    """Sections that are prose (一, 五, 六), excluding the one an excerpt stops in."""
    out = [s for s in report.sections if s.key in ("overview", "problems", "other")]
    if report.truncated and report.sections:
        last = max(report.sections, key=lambda s: s.number)
        out = [s for s in out if s is not last]
    return out


def empty_section(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A section present but without substance (条例第五十条第四项: problems and improvements):
    一 or 五 empty, 五 without problems or fixes.

    "无" is an acceptable section 六 (其他需要报告的事项) in the 2019 format; from 2021 on,
    section 六 must at least report 信息处理费 (``fee-not-reported``).
    """
    for section in _narrative_sections(report):
        text = compact(section.text)
        line = section.heading_line
        if section.key == "other":
            if not text and (report.format is None or not report.format.reports_processing_fees):
                yield Finding(
                    "empty-section",
                    f"第六部分“{section.heading.strip()}”下没有任何文字；没有其他需要报告的事项，"
                    f"应写明“无”{at(line)}",
                    line=line,
                )
            continue
        if not has_cjk(text, _SUBSTANCE_MIN) or _NOTHING.match(text):
            yield Finding(
                "empty-section",
                f"第{section.number}部分“{section.heading.strip() or section.key}”没有实质内容"
                f"（正文为“{text[:20]}”）{at(line)}",
                line=line,
            )
        elif section.key == "problems" and not _PROBLEM_WORDS.search(text):
            yield Finding(
                "empty-section",
                f"第五部分“{section.heading.strip()}”既未写存在的问题，也未写改进措施{at(line)}",
                line=line,
            )


_FEES = re.compile(r"信息处理费|处理费|收费|收取费用|缴费|费用")


def fee_not_reported(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-7 / 国办函〔2020〕109号: from the 2021 format on, section 六 reports 信息处理费."""
    fmt = fmt_of(report)
    if fmt is None or not fmt.reports_processing_fees:
        return
    section = report.section("other")
    if section is None:
        return
    if report.truncated and max(s.number for s in report.sections) == section.number:
        return
    if _FEES.search(compact(section.text)):
        return
    yield Finding(
        "fee-not-reported",
        f"第六部分“{section.heading.strip()}”未说明信息处理费的收取情况"
        f"（按国办函〔2020〕109号，未收取也应写明“未收取信息处理费”）{at(section.heading_line)}",
        line=section.heading_line,
    )
