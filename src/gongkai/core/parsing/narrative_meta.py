"""Year, title and agency when the report's title line does not give them (issue 12, item 1).

Many pages have no title line and no statistical-period sentence: a crawler kept only the body,
or the agency wrote the title into the first sentence. Then:

* the title is the report named inside 《…》 near the start ("现发布《XX局2023年政府信息公开工作
  年度报告》");
* the year is the one the narrative's own period statements agree on: a paragraph opening with
  the year ("2023年，我局共收到…"), the figures' cut-off date ("截至2023年12月31日"), the year of the
  report named in 《…》. Plans ("2024年，我局将…") are not period statements. Only the text before
  section 二 is read (later sections speak of next year's plans). When these years agree the
  year is taken, with an ``info`` note saying where it came from; when they disagree, the year
  is left unknown and a ``year-mismatch`` warning lists them;
* a pronoun ("我局", "本机关", "我镇") is never an agency.
"""

from __future__ import annotations

import re

from ..findings import Finding, Severity
from .document import Document

_BOOK_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,60}?(?:工作年度报告|年度报告|工作报告|年报))》")
_OPENING_YEAR = re.compile(r"(?:^|[。；！\n])\s*(?P<year>20\d\d)\s*年度?(?:以来)?\s*[，,]")
_AS_OF_YEAR_END = re.compile(r"截[至止]\s*(?P<year>20\d\d)\s*年\s*12\s*月\s*31\s*日")
_BOOK_YEAR = re.compile(
    r"《[^《》\n]{0,40}?(?P<year>20\d\d)\s*年度?[^《》\n]{0,30}?(?:年度报告|工作报告|年报)》"
)
_PLAN = re.compile(r"将|计划|拟|预计|力争|下一步")
_PRONOUN = re.compile(
    r"^(?:我|本|该)(?:镇|乡|街道|街道办|局|委|办|院|厅|署|机关|单位|部门|中心|区|县|市|州|旗|公司|所|站|馆|会)"
    r"(?:人民政府|政府|办事处)?$"
)
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
_HEAD_CHARS = 600  # a title written into the first sentences stands this near the start
_REACH = 6000  # without a section 二 heading, this much text is read for period statements


def is_pronoun(agency: str) -> bool:
    """ "我局", "本机关", "我镇人民政府": words for the agency, not its name."""
    return _PRONOUN.match(agency.strip()) is not None


def title_in_book(doc: Document) -> tuple[str, int] | None:
    """The report named inside 《…》 near the start, as the title (with its line index)."""
    head = doc.text[:_HEAD_CHARS]
    for m in _BOOK_TITLE.finditer(head):
        title = re.sub(r"\s+", "", m.group("title"))
        if re.search(r"20\d\d", title) or "政府信息公开" in title:
            return title, doc.index_at(m.start())
    return None


def narrative_year(doc: Document, end: int | None) -> tuple[int | None, Finding | None]:
    """The year the narrative's period statements agree on, with the note that says so."""
    stop = min(len(doc.text), end if end is not None else _REACH)
    text = doc.text[:stop]
    found: list[tuple[int, int, str]] = []  # (year, offset, the words that state it)
    for pattern in (_OPENING_YEAR, _AS_OF_YEAR_END, _BOOK_YEAR):
        for m in pattern.finditer(text):
            after = text[m.end() : m.end() + 24]
            if pattern is _OPENING_YEAR and _PLAN.search(after.split("。")[0][:12]):
                continue
            said = text[m.start() : m.end() + 16].strip("。；！\n ").split("\n")[0]
            said = said.translate(_FULL_WIDTH)  # as printed: NFKC made "，" a ","
            found.append((int(m.group("year")), m.start(), said))
    if not found:
        return None, None
    found.sort(key=lambda item: item[1])
    years = sorted({year for year, _, _ in found})
    first = found[0]
    line = doc.line_at(first[1] + (1 if doc.text[first[1]] in "。；！\n" else 0))
    if len(years) == 1:
        return years[0], Finding(
            "section-title",
            f"报告没有写明年度的标题，报告年度按正文“{first[2]}…”取为{years[0]}年",
            line=line,
            severity=Severity.INFO,
        )
    listed = "、".join(f"“{said}…”（第{doc.line_at(at)}行）" for _, at, said in found[:4])
    return None, Finding(
        "year-mismatch",
        f"报告没有写明年度的标题，正文所称年份不一致（{listed}），无法确定报告年度",
        line=line,
        severity=Severity.WARNING,
    )
