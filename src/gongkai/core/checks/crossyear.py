"""Checks against last year's report (``previous``): annual-report-formats.md §5 T3-5, T2-1, M-8.

All three are warnings: mergers under 机构改革, transferred applications, documents that expire
without being repealed and corrected counts can all explain a difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..formats.common import T3_COLUMNS
from ..report import CellRef, Report
from ._common import at, gap, num, per_report
from ._narrative import chunks


def _comparable(
    report: Report, previous: Report | None, *, consecutive: bool = True
) -> Report | None:
    """``previous`` when it is an earlier report (the year before, for the table rules)."""
    if previous is None:
        return None
    if report.year is not None and previous.year is not None:
        if previous.year >= report.year:
            return None
        if consecutive and previous.year != report.year - 1:
            return None
    return previous


def _last_year(previous: Report) -> str:
    return f"{previous.year}年度报告" if previous.year is not None else "上一年度报告"


def carryover(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T3-5: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column."""
    prev = _comparable(report, previous)
    if prev is None or report.format is None or prev.format is None:
        return
    carried_in = report.format.t3.row("carried_in").label
    carried_out = prev.format.t3.row("carried_out").label
    for column in T3_COLUMNS:
        now = report.cells.get(CellRef("t3", "carried_in", column.key))
        before = prev.cells.get(CellRef("t3", "carried_out", column.key))
        if now is None or before is None or now.number == before.number:
            continue
        yield Finding(
            "carryover",
            f"表三“{column.label}”列：本年“{carried_in}”为{num(now.number)}，但{_last_year(prev)}"
            f"“{carried_out}”为{num(before.number)}，相差{num(gap(now.number, before.number))}"
            f"{at(now.line)}",
            line=now.line,
            table="t3",
            row="carried_in",
            column=column.key,
        )


def t2_in_force(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """T2-1 (2021 format): 现行有效件数 = last year's + 本年制发件数 − 本年废止件数.

    Also T2-2: more repealed than last year's count plus this year's issued is impossible
    (``t2-count``, an error).
    """
    prev = _comparable(report, previous)
    if prev is None or report.format is None or prev.format is None:
        return
    t2 = report.format.t2
    for row in t2.rows:
        keys = {c.key for c in t2.block_of(row.key).columns}
        if not {"issued", "repealed", "in_force"} <= keys:
            continue
        cells = {k: report.cells.get(CellRef("t2", row.key, k)) for k in keys}
        before = prev.cells.get(CellRef("t2", row.key, "in_force"))
        if before is None or any(c is None for c in cells.values()):
            continue
        issued, repealed, in_force = (
            cells[k].number  # type: ignore[union-attr]
            for k in ("issued", "repealed", "in_force")
        )
        label = {c.key: c.label for c in t2.block_of(row.key).columns}
        line = cells["in_force"].line  # type: ignore[union-attr]
        if repealed > before.number + issued:
            yield Finding(
                "t2-count",
                f"表二“{row.label}”行：“{label['repealed']}”{num(repealed)}多于{_last_year(prev)}"
                f"“{label['in_force']}”{num(before.number)}与本年“{label['issued']}”{num(issued)}"
                f"之和，废止的文件不可能多于现有的{at(line)}",
                line=line,
                table="t2",
                row=row.key,
                column="repealed",
            )
        expected = before.number + issued - repealed
        if expected != in_force:
            yield Finding(
                "t2-in-force",
                f"表二“{row.label}”行：{_last_year(prev)}“{label['in_force']}”{num(before.number)}"
                f"＋本年“{label['issued']}”{num(issued)}－“{label['repealed']}”{num(repealed)}"
                f"＝{num(expected)}，但本年“{label['in_force']}”为{num(in_force)}"
                f"{at(line)}",
                line=line,
                table="t2",
                row=row.key,
                column="in_force",
            )


SHINGLE = 8  # characters per shingle
# Jaccard similarity of the two narratives' shingle sets (8 characters, digits ignored) above
# which most of the text is last year's ("内容雷同", 国办公开办函〔2021〕30号 二（四）).
# Measured on the corpus: independently written reports score 0.01–0.02, the same agency's
# reports of different years 0.05–0.06 (平潭 2019/2021, 上海 2019/2025); a report copied with
# only its numbers and years changed scores 1.0. Half the shingles shared is far above any
# honest rewrite and well below a copy with a few paragraphs changed.
REUSE_THRESHOLD = 0.5
_DIGITS = re.compile(r"\d+")
_MIN_NARRATIVE = 200  # too little text to judge


def _shingle_set(report: Report) -> frozenset[str]:
    """The narrative's 8-character shingles, digits folded."""
    text = _DIGITS.sub("#", "".join(chunk.text for chunk in chunks(report)))
    return frozenset(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))


# One memo for this year's report and one for the previous report, which is often checked
# against several reports in a row.
_shingles = per_report(_shingle_set)
_previous_shingles = per_report(_shingle_set)


def reused_text(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-8 (国办公开办函〔2021〕30号 二（四）: "内容雷同" is named for accountability under
    条例第四十七条): most of the narrative repeats last year's report (numbers ignored)."""
    prev = _comparable(report, previous, consecutive=False)
    if prev is None:
        return
    now = _shingles(report)
    if len(now) < _MIN_NARRATIVE:
        return
    before = _previous_shingles(prev)
    if not before:
        return
    similarity = len(now & before) / len(now | before)
    if similarity < REUSE_THRESHOLD:
        return
    first = next((p.line for p in report.paragraphs if p.line is not None), None)
    share = len(now & before) / len(now)
    yield Finding(
        "reused-text",
        f"正文与{_last_year(prev)}高度雷同：相似度{similarity:.0%}（Jaccard，忽略数字），"
        f"本年正文的{share:.0%}与上年相同；请按本年度实际情况撰写，不应沿用上年文字",
        line=first,
    )
