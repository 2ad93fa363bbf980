"""Report metadata: title, year, agency, publication date, and whether it is the 本级政府 report.

* Year: the title ("XXXX年…年度报告"), else the statistical period ("统计期限…2024年1月1日"), else
  the sentence that names the year's work ("汇报我镇2023年政府信息公开工作"). The year in the body
  is the checker's business (``year-mismatch``), not the reader's.
* Agency: the title's words before or after the year ("区审交办2020年…" → 区审交办; "2019年上海市人民政府
  办公厅…" → 上海市人民政府办公厅), completed by the signature at the end when it names the same
  agency more fully ("定海区审交办").
* Publication date: the date at the end of the report (条例第四十九条/第五十条: the report is dated
  when it is published), else "发布日期：…", else the crawler header.
* 本级政府 report: the title names a 人民政府 (or a whole area) rather than one of its departments;
  its deadline is 3月31日, not 1月31日 (条例第四十九条).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..findings import Finding
from .document import Document
from .narrative_meta import is_pronoun, narrative_year, title_in_book

_CRAWLER_FIELD = re.compile(
    r"^\s*(标题|发布时间|发布日期|发文日期|成文日期|发布机构|文号|栏目|原文链接|本地目录|来源)\s*[:：]\s*(.*)$"
)
_CRAWLER_RULE = re.compile(r"^\s*=+\s*正文\s*=+\s*$")
_YEAR = re.compile(r"(20\d\d)\s*年")
_TITLE_SHAPE = re.compile(
    r"(?:19|20)\d\d\s*年.*报\s*告|报\s*告.*(?:19|20)\d\d|年\s*度\s*报\s*告|年\s*报"
)
_TITLE_PREFIX = re.compile(r"^([^。，,;；]{4,60}?(?:工作年度报告|年度报告|工作报告|年报))")
_PERIOD = re.compile(r"统计(?:期限|时限|期间|时间|区间)\D{0,8}?(20\d\d)\s*年\s*0?1\s*月\s*0?1\s*日")
_WORK_YEAR = re.compile(r"(20\d\d)\s*年\s*度?\s*(?:的)?(?:政府信息公开|政务公开)")
_AGENCY_FROM_TITLE = re.compile(
    r"^(?:关于)?(?P<pre>.*?)(?:\(|（)?(?P<year>(?:19|20)\d\d)\s*年\s*度?(?:\)|）)?(?P<post>.*?)"
    r"(?:的)?(?:政府信息公开|政务公开|信息公开)"
)
_AGENCY_BEFORE_TOPIC = re.compile(r"^(?:关于)?(.{2,40}?)(?:的)?(?:政府信息公开|政务公开)")
_NOW_REPORTING = re.compile(r"现将(.{2,24}?)(?:20\d\d)\s*年")
_DATE_CN = re.compile(
    r"(20\d\d|二[〇○零O0][一二三四五六七八九〇○零O0]{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_DATE_ISO = re.compile(r"(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
_PUBLISHED = re.compile(
    r"(?:发布日期|发布时间|发文日期|成文日期|日期)\s*[:：]?\s*(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_ORG_END = re.compile(
    r"(?:人民政府|办事处|委员会|管委会|局|办|委|厅|署|院|室|中心|处|所|站|队|会|部|馆|政府|镇|乡|街道|区|县|市|旗|州|盟)$"
)
_DEPARTMENT = re.compile(
    r"(?:局|办公室|办公厅|办|委员会|委|厅|署|院|室|中心|处|所|站|队|部|馆|公司|分局|支队|大队|集团|管理处)$"
)
_PLACE = re.compile(r"(?:省|市|区|县|州|盟|旗|镇|乡|街道|新区|开发区|实验区|高新区|示范区|园区)$")
_PUNCT = re.compile(r"[，。,;；:：、！？!?《》()（）\"“”]")

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@dataclass(frozen=True)
class Meta:
    title: str | None
    title_line: int | None
    year: int | None
    agency: str | None
    published: dt.date | None
    published_line: int | None
    is_government: bool
    header_lines: frozenset[int]  # indexes of crawler metadata lines (not narrative)
    notes: tuple[Finding, ...] = ()  # where the year came from, when not from the title
    title_in_text: bool = False  # the title is the report named in 《…》 in the first sentence


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN_DIGITS for ch in text):  # 二〇二一
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _CN_DIGITS.get(ones, 0) if ones else 0
        )
    return _CN_DIGITS.get(text, 0)


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(_cn_number(year), _cn_number(month), _cn_number(day))
    except ValueError:
        return None


def read_meta(doc: Document, body_end: int, narrative_end: int | None = None) -> Meta:
    """``narrative_end``: where section 二 starts (the year is read from the text before it
    when neither the title nor a period sentence gives it)."""
    lines = doc.norm_lines
    header: dict[str, tuple[str, int]] = {}
    header_lines: set[int] = set()
    for index, text in enumerate(lines[:15]):
        m = _CRAWLER_FIELD.match(text)
        if m:
            header.setdefault(m.group(1), (m.group(2).strip(), index))
            header_lines.add(index)
        elif _CRAWLER_RULE.match(text) or (header and text.startswith("页面链接")):
            header_lines.add(index)
    if len(header) < 2:
        header.clear()
        header_lines.clear()

    title, title_index = _title(doc, header, header_lines)
    title_in_text = False
    if title is None and (named := title_in_book(doc)) is not None:
        title, title_index = named  # the title only inside 《…》 in the first sentence
        title_in_text = True
    title_line = doc.lines[title_index].line if title_index is not None else None
    notes: list[Finding] = []
    year = _year(title, doc.text[:body_end])
    if year is None:
        year, note = narrative_year(doc, narrative_end)
        if note is not None:
            notes.append(note)
    agency = _agency(title)
    if agency is None and title_index is not None:  # "…年度报告" / "关于XX局2023年…的报告"
        about = _next_text(doc, title_index)
        if about.startswith("关于"):
            agency = _agency(about)
            if year is None and (m := _YEAR.search(about)) is not None:
                year = int(m.group(1))
    if agency is not None and is_pronoun(agency):
        agency = None
    if agency is None and title_index:  # "XX局" on the line above "2022年…年度报告"
        above = doc.norm_lines[title_index - 1].strip()
        if 2 <= len(above) <= 30 and not _PUNCT.search(above) and _ORG_END.search(above):
            agency = above
    signature, published, published_index = _ending(doc, header_lines)
    if signature and is_pronoun(signature):
        signature = None
    if signature and (
        agency is None or (signature.endswith(agency) and len(signature) > len(agency))
    ):
        agency = signature if agency is not None or _ORG_END.search(signature) else agency
    if agency is None and header.get("发布机构", ("", 0))[0]:
        agency = header["发布机构"][0]
    if agency is None:
        m = _NOW_REPORTING.search(doc.text[:4000])
        if m and not _PUNCT.search(m.group(1)) and not is_pronoun(m.group(1)):
            agency = m.group(1).strip() or None
    if published is None:
        m = _PUBLISHED.search(doc.text[:3000])
        if m:
            published = _date(m.group(1), m.group(2), m.group(3))
            published_index = doc.index_at(m.start())
    if published is None and "发布时间" in header:
        value, index = header["发布时间"]
        m = _DATE_ISO.search(value)
        if m:
            published = _date(m.group(1), m.group(2), m.group(3))
            published_index = index
    published_line = doc.lines[published_index].line if published_index is not None else None
    return Meta(
        title=title,
        title_line=title_line,
        year=year,
        agency=agency,
        published=published,
        published_line=published_line,
        is_government=_is_government(agency),
        header_lines=frozenset(header_lines),
        notes=tuple(notes),
        title_in_text=title_in_text,
    )


def _next_text(doc: Document, index: int) -> str:
    """The next line after ``index`` that holds text (compact), or ""."""
    for text in doc.norm_lines[index + 1 : index + 4]:
        if text.strip():
            return "".join(text.split())
    return ""


def _title(
    doc: Document, header: dict[str, tuple[str, int]], header_lines: set[int]
) -> tuple[str | None, int | None]:
    if "标题" in header and header["标题"][0]:
        return header["标题"][0], header["标题"][1]
    lines = doc.norm_lines
    seen = 0
    for index, text in enumerate(lines[:40]):
        stripped = text.strip()
        if not stripped or index in header_lines or stripped in ("正文",):
            continue
        seen += 1
        if seen > 4:
            break
        if stripped.startswith("一") and ("总体情况" in stripped or "概述" in stripped):
            break
        candidate = stripped
        # A title broken over two lines (PDF): "2025 年…政府信息公开" / "工作年度报告".
        if "报告" not in candidate and "年报" not in candidate and _YEAR.search(candidate):
            nxt = next(
                (
                    lines[j].strip()
                    for j in range(index + 1, min(index + 3, len(lines)))
                    if lines[j].strip()
                ),
                "",
            )
            if nxt and len(candidate) + len(nxt) <= 80 and ("报告" in nxt or "年报" in nxt):
                candidate = candidate + nxt
        if len(candidate) <= 80 and "。" not in candidate and _TITLE_SHAPE.search(candidate):
            return re.sub(r"\s+", "", candidate), index
        prefix = _TITLE_PREFIX.match(candidate)  # a title run together with the text after it
        if prefix and _TITLE_SHAPE.search(prefix.group(1)) and "《" not in prefix.group(1):
            return re.sub(r"\s+", "", prefix.group(1)), index
    return None, None


def _year(title: str | None, body: str) -> int | None:
    if title:
        m = _YEAR.search(title)
        if m:
            return int(m.group(1))
    head = body[:20_000]
    m = _PERIOD.search(head)
    if m:
        return int(m.group(1))
    m = _WORK_YEAR.search(head)
    if m:
        return int(m.group(1))
    return None


def _agency(title: str | None) -> str | None:
    """The agency named by the title: the words before or after its year, else before
    "政府信息公开" ("XX局政府信息公开工作年度报告（2022年度）")."""
    if not title:
        return None
    compact = title.replace(" ", "")
    m = _AGENCY_FROM_TITLE.search(compact)
    parts: tuple[str, ...] = (m.group("pre"), m.group("post")) if m is not None else ()
    if m is None:
        plain = _AGENCY_BEFORE_TOPIC.match(compact)
        parts = (plain.group(1),) if plain is not None else ()
    for part in parts:
        cleaned = part.strip(' 《》“”"-—:：')
        cleaned = cleaned.removeprefix("关于").removesuffix("关于").removesuffix("的")
        if len(cleaned) >= 2 and not _PUNCT.search(cleaned) and not _YEAR.search(cleaned):
            return cleaned
    return None


def _ending(doc: Document, header_lines: set[int]) -> tuple[str | None, dt.date | None, int | None]:
    """The signature and date at the end of the report."""
    lines = doc.norm_lines
    tail: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].strip()
        if not stripped or index in header_lines:
            continue
        tail.append(index)
        if len(tail) >= 6:
            break
    for position, index in enumerate(tail):
        text = lines[index]
        found = list(_DATE_CN.finditer(text))
        if not found:
            iso = _DATE_ISO.search(text)
            if iso is None or len(text.strip()) > 12:
                continue
            day = _date(iso.group(1), iso.group(2), iso.group(3))
            if day is not None:
                return None, day, index
            continue
        m = found[-1]
        after = text[m.end() :].strip(" 。.)）")
        if after or _PUNCT.search(text[: m.start()]):
            continue  # a date inside a sentence, not the date the report is signed
        day = _date(m.group(1), m.group(2), m.group(3))
        if day is None:
            continue
        before = text[: m.start()].strip()
        signature = before if before and len(before) <= 30 and not _PUNCT.search(before) else None
        if signature is None and position + 1 < len(tail):
            prev = lines[tail[position + 1]].strip()
            if prev and len(prev) <= 30 and not _PUNCT.search(prev) and not prev[0].isdigit():
                signature = prev
        return signature, day, index
    return None, None, None


def _is_government(agency: str | None) -> bool:
    if not agency:
        return False
    if agency.endswith("人民政府"):
        return True
    if _DEPARTMENT.search(agency):
        return False
    return bool(_PLACE.search(agency))
