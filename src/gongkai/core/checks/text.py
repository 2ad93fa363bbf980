"""Checks on the narrative (annual-report-formats.md §5 M-1, §6 "Text–table mismatch").

``text-table-mismatch`` recognises the statements reports make about their own tables
("共受理政府信息公开申请859件", "上年结转18件", "办结69件", "1件结转下年度继续办理",
"予以公开及部分公开258件", "不予公开35件", "无法提供265件", "不予处理158件", "其他处理0件",
"行政复议7件", "诉讼9件", "制发规章2件") and compares each with the table: the 总计 column of the
row, or the sum of the applicant columns where 总计 is blank, or the sum of a group's rows.
Statements about requests are only read where the surrounding text is about 公开 applications,
and approximate numbers ("近300件", "300余件") are never compared.

``text-arithmetic`` checks the narrative against itself: a stated whole with its listed parts
("主动公开政府信息总数171条：…124条，…34条…") and the breakdown of requests closed by result,
whose counts must add up to the number closed and whose percentages must add up to 100%.

``duplicate-paragraph`` reports a paragraph printed twice and a run of text repeated back to
back ("审核审核", a clause pasted twice); ``missing-number`` a count word that lost its number
in a listing ("全年公开核准企业资质条、施工许可证76条").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..findings import Finding
from ..formats import FORMATS, Format
from ..formats.common import T3_APPLICANT_COLUMNS
from ..report import CellRef, Number, Report
from ._common import at, fmt_of, grid, has_cjk, num, per_report, row_label
from ._narrative import Chunk, chunks, clause_around, clause_start, compact, sentence_start

# ---------------------------------------------------------------------------------------------
# Statements the narrative makes about the tables

_N = r"(?<![\d.])(?P<n>\d+)(?!\.\d)"
_ANY = r"[^，。；：！？\d]"
_STATEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "received",
            rf"(?:收到|受理|新收|接收|接到)(?P<mid>{_ANY}{{0,14}}?)申请(?:数量|总数)?(?:共计|合计|总计|共|为|是|达)*{_N}[件份]",
        ),
        (
            "received",
            rf"(?:收到|受理|新收|接收|接到)(?:了|各类)?(?:共计|合计|总计|共)?{_N}[件份](?P<mid>{_ANY}{{0,10}}?)申请",
        ),
        ("carried_in", rf"上一?年度?结转(?:的|过来的|政府信息公开|申请|数量|为|是)*{_N}件"),
        ("carried_in", rf"{_N}件(?:申请)?(?:为|系|是|属)?上一?年度?结转"),
        (
            "closed",
            rf"(?:办结|答复|办理完毕|处理完毕|完成答复)(?P<mid>{_ANY}{{0,14}}?)(?:共计|合计|共)?{_N}[件份]",
        ),
        (
            "carried_out",
            rf"(?:结转|转入|顺延)(?:至|到)?下一?年度?(?:继续办理|继续|办理|答复)*(?:的)?(?:申请)?(?:为|是)?{_N}件",
        ),
        (
            "carried_out",
            rf"{_N}件(?P<mid>[^，。；！？\d]{{0,16}}?)(?:结转|转入|顺延)(?:至|到)?下一?年",
        ),
        ("granted_partial", rf"予以公开(?:及|和|或|、|与)部分公开(?:的)?(?:共)?{_N}件"),
        ("granted", rf"(?<![不及和、与])(?<!部分)(?:予以|同意)公开(?:的)?(?:申请)?(?:共)?{_N}件"),
        ("partial", rf"(?<!公开[及和、与])部分(?:同意|予以)?公开(?:的)?(?:申请)?(?:共)?{_N}件"),
        ("withheld", rf"不予公开(?:的)?(?:共)?{_N}件"),
        ("unable", rf"无法提供(?:的)?(?:共)?{_N}件"),
        ("not_handled", rf"不予处理(?:的)?(?:共)?{_N}件"),
        ("other", rf"其他处理(?:的)?(?:共)?{_N}件"),
        ("review", rf"行政复议(?:案件|申请)?(?:共)?{_N}(?:件|起)"),
        ("suit", rf"(?<!复议)(?:行政)?诉讼(?:案件)?(?:共)?{_N}(?:件|起)"),
        ("rules_issued", rf"制发(?:了)?规章(?:共)?{_N}件"),
        ("docs_issued", rf"制发(?:了)?(?:行政)?规范性文件(?:共)?{_N}件"),
    )
)
_APPROXIMATE = ("近", "约", "超", "逾", "过", "多达")  # a tuple, for str.endswith
_PERCENT = re.compile(r"[，（]?(?:占|占比|比例为|占总数的)?(\d+(?:\.\d+)?)%")
_REQUEST_KINDS = frozenset(
    {"received", "carried_in", "closed", "carried_out", "granted_partial", "granted",
     "partial", "withheld", "unable", "not_handled", "other"}
)  # fmt: skip


@dataclass(frozen=True)
class Statement:
    kind: str
    value: int
    start: int
    end: int
    percent: Decimal | None


# Words one of which a statement of each kind must contain: a cheap test before the regex.
_KEYWORDS = {
    "received": ("收到", "受理", "新收", "接收", "接到"),
    "carried_in": ("结转",),
    "closed": ("办结", "答复", "完毕"),
    "carried_out": ("结转", "转入", "顺延"),
    "granted_partial": ("部分公开",),
    "granted": ("予以公开", "同意公开"),
    "partial": ("部分公开", "部分同意公开", "部分予以公开"),
    "withheld": ("不予公开",),
    "unable": ("无法提供",),
    "not_handled": ("不予处理",),
    "other": ("其他处理",),
    "review": ("行政复议",),
    "suit": ("诉讼",),
    "rules_issued": ("制发",),
    "docs_issued": ("制发",),
}
_COUNTED = re.compile(r"\d+(?:件|起|份)")


@per_report
def report_statements(report: Report) -> tuple[tuple[Chunk, tuple[Statement, ...]], ...]:
    """Each narrative paragraph with its table statements (both text checks read them)."""
    return tuple((chunk, statements(chunk)) for chunk in chunks(report))


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each "N件/N起": the only places a statement can match.

    Scanning 20 patterns over these windows instead of the whole paragraph keeps the cost
    proportional to the counts stated, not to the length of the text.
    """
    windows: list[tuple[int, int]] = []
    for m in _COUNTED.finditer(text):
        start, end = max(m.start() - _REACH_BEFORE, 0), m.end() + _REACH_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


_REACH_BEFORE = 48  # the longest statement's words before its number
_REACH_AFTER = 28  # … and after it ("72件申请按照《条例》顺延到下年度")


def statements(chunk: Chunk) -> tuple[Statement, ...]:
    """The table statements of one paragraph, in order of position (one per position)."""
    found: dict[int, Statement] = {}
    text = chunk.text
    windows = _windows(text)
    if not windows:
        return ()
    stops: list[int] | None = None
    for kind, pattern in _STATEMENTS:
        if not any(word in text for word in _KEYWORDS[kind]):
            continue
        for first, last in windows:
            for m in pattern.finditer(text, first, last):
                start = m.start("n")
                if start in found or text[max(start - 2, 0) : start].endswith(_APPROXIMATE):
                    continue
                mid = m.groupdict().get("mid") or ""
                if any(w in mid for w in _NOT_REQUESTS):
                    continue
                if stops is None:
                    stops = [s.start() for s in _STOPS.finditer(text)]
                if not _in_context(text, stops, m.start(), m.end(), kind):
                    continue
                stated = kind
                if kind == "granted" and _INCLUDES_PARTIAL.match(text, m.end()):
                    stated = "granted_partial"  # "予以公开12件（含部分公开2件）"
                pct = _PERCENT.match(text, m.end())
                found[start] = Statement(
                    stated,
                    int(m.group("n")),
                    m.start(),
                    m.end(),
                    Decimal(pct.group(1)) if pct else None,
                )
    return tuple(found[k] for k in sorted(found))


# Words between the verb and the number that show the count is not of applications.
# The words of a result (同意公开, 部分公开, …) there: "已答复同意公开的12件" counts (一), not
# every request closed (（七）总计) — a wrong pairing is a false error.
_NOT_REQUESTS = ("率", "结转", "办结", "答复", "不予", "公开及", "咨询", "来电", "来访", "诉求",
                 "信访", "热线", "留言", "建议", "提案", "投诉", "同意", "予以公开", "部分公开",
                 "无法提供", "不予处理", "其他处理")  # fmt: skip
_COUNTS = frozenset({"received", "carried_in", "closed", "carried_out"})


_STOPS = re.compile(r"[。；！？]")
_SENTENCE_REACH = 150  # a run-on "sentence" is read this far around a statement
_INCLUDES_PARTIAL = re.compile(r"[（，]?(?:含|其中|包括)部分公开")
# A case count is about disclosure only where its sentence says so.
_ABOUT_DISCLOSURE = re.compile(r"信息公开|公开申请|依申请")


def _in_context(text: str, stops: list[int], start: int, end: int, kind: str) -> bool:
    """Requests are read where the text is about 公开 applications; cases where it is about 公开.

    The four counts (received, carried in, closed, carried out) must also stand in a sentence
    that speaks of 申请, so "答复咨询120件" next to the requests is not taken for them.
    ``stops`` are the positions of the sentence ends in ``text``.
    """
    index = bisect_left(stops, start)
    left = max(stops[index - 1] + 1 if index > 0 else 0, start - _SENTENCE_REACH)
    right = min(stops[index] if index < len(stops) else len(text), end + _SENTENCE_REACH)
    sentence = text[left:right]
    if kind in _REQUEST_KINDS:
        window = text[max(0, start - 200) : end]
        if kind in _COUNTS and "申请" not in sentence:
            return False
        return "申请" in window and "公开" in window
    if kind in ("review", "suit"):
        return _ABOUT_DISCLOSURE.search(sentence) is not None
    return True


@cache
def _groups(fmt: Format) -> dict[str, tuple[str, ...]]:
    """Statement kind → the table-3 rows whose sum it states."""
    outcome = fmt.outcome_rows

    def prefixed(prefix: str) -> tuple[str, ...]:
        return tuple(r for r in outcome if r == prefix or r.startswith(prefix + "."))

    return {
        "granted": ("granted",),
        "partial": ("partial",),
        "granted_partial": ("granted", "partial"),
        "withheld": prefixed("withheld"),
        "unable": prefixed("unable"),
        "not_handled": prefixed("not_handled"),
        "other": prefixed("other"),
        "received": ("received",),
        "carried_in": ("carried_in",),
        "closed": ("closed_total",),
        "carried_out": ("carried_out",),
    }


def _row_total(report: Report, row: str) -> Number | None:
    """A table-3 row's 总计, or the sum of its applicant columns where 总计 is blank."""
    cells = grid(report)
    total = cells.get(("t3", row, "total"))
    if total is None:
        return None
    if total.value is not None:
        return total.value
    parts = [cells.get(("t3", row, c)) for c in T3_APPLICANT_COLUMNS]
    if any(p is None for p in parts):
        return None
    return sum((p.number for p in parts if p is not None), start=0)


def _blank_total(report: Report, row: str) -> bool:
    cell = grid(report).get(("t3", row, "total"))
    return cell is not None and cell.value is None


def _short(label: str) -> str:
    """ "（二）部分公开（区分处理的…）" → "（二）部分公开"; a label's gist for a message."""
    cut = label.find("（", 1)
    return label[:cut] if cut > 0 else label


def _figure(report: Report, fmt: Format, kind: str) -> tuple[tuple[Number, ...], str] | None:
    """The table's figure(s) a statement of ``kind`` should equal, and how they were read."""
    t3 = fmt.t3
    if kind in ("review", "suit"):
        rows = ("review",) if kind == "review" else ("suit_direct", "suit_after_review")
        values: list[Number] = []
        for row in rows:
            parts = [report.cells.get(CellRef("t4", row, c.key)) for c in fmt.t4.blocks[0].columns]
            if any(p is None for p in parts):
                return None
            total, rest = parts[-1], parts[:-1]
            assert total is not None
            values.append(
                total.value
                if total.value is not None
                else sum((p.number for p in rest if p is not None), start=0)
            )
        labels = "＋".join(
            f"“{fmt.t4.row(r).full_label}”总计{num(v)}" for r, v in zip(rows, values, strict=True)
        )
        figure = sum(values, start=0)
        accepted = (figure, values[0]) if kind == "suit" else (figure,)
        return accepted, f"表四{labels}" + (f"＝{num(figure)}" if len(rows) > 1 else "")
    if kind in ("rules_issued", "docs_issued"):
        row = "rules" if kind == "rules_issued" else "normative_docs"
        block = fmt.t2.block_of(row)
        column = block.columns[0]  # 本年制发件数 (2021) / 本年新制作数量 (2019)
        cell = report.cells.get(CellRef("t2", row, column.key))
        if cell is None:
            return None
        return (
            cell.number,
        ), f"表二“{fmt.t2.row(row).label}”行“{column.label}”为{num(cell.number)}"
    keys = _groups(fmt)[kind]
    legacy = fmt.legacy_row("t3")
    if (
        legacy is not None
        and keys == legacy.replaces
        and ("t3", legacy.row.key, "total") in grid(report)
    ):
        keys = (legacy.row.key,)  # an earlier format's single row printed in place of these
    totals = [_row_total(report, r) for r in keys]
    if not keys or any(t is None for t in totals):
        return None
    amounts = [t for t in totals if t is not None]
    figure = sum(amounts, start=0)
    if kind in ("withheld", "unable", "not_handled", "other") and len(keys) > 1:
        group = t3.row(keys[0]).group or keys[0]
        nonzero = [(r, v) for r, v in zip(keys, amounts, strict=True) if v]
        terms = "＋".join(f"{t3.row(r).label} {num(v)}" for r, v in nonzero)
        described = f"表三“{group}”各项合计{num(figure)}" + (
            f"（{terms}）" if len(nonzero) > 1 else ""
        )
    elif len(keys) > 1:
        listed = "＋".join(
            f"“{_short(t3.row(r).label)}”{num(v)}" for r, v in zip(keys, amounts, strict=True)
        )
        described = f"表三{listed}＝{num(figure)}"
    else:
        described = f"表三“{_short(row_label(fmt, 't3', keys[0]))}”为{num(figure)}"
    if any(_blank_total(report, r) for r in keys):
        described += "（“总计”列空白，按各类申请人之和计）"
    if kind == "received":
        carried = _row_total(report, "carried_in")
        if carried is not None:
            return (figure, figure + carried), described
    return (figure,), described


def _statement_cell(fmt: Format, kind: str) -> tuple[str, str | None, str | None]:
    if kind == "review":
        return "t4", "review", "total"
    if kind == "suit":
        return "t4", "suit_direct", "total"
    if kind == "rules_issued":
        return "t2", "rules", fmt.t2.block_of("rules").columns[0].key
    if kind == "docs_issued":
        return "t2", "normative_docs", fmt.t2.block_of("normative_docs").columns[0].key
    return "t3", _groups(fmt)[kind][0], "total"


_OTHER_TIME = re.compile(r"去年|上年同期|较上年|上一年度共|往年|历年|累计")
_YEAR_IN = re.compile(r"(?<!\d)(\d{4})年")
_BOOK = re.compile(r"《[^《》]*》")


def _about_another_year(clause: str, year: int | None) -> bool:
    """A clause that counts another year's requests (or all years') is not about the table."""
    bare = _BOOK.sub("", clause)
    if _OTHER_TIME.search(bare):
        return True
    return year is not None and any(int(y) != year for y in _YEAR_IN.findall(bare))


def text_table_mismatch(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """M-1 (条例第五十条: one report, one set of figures): a number stated in the narrative
    differs from the table's figure for it."""
    fmt = fmt_of(report)
    if fmt is None:
        return
    figures: dict[str, tuple[tuple[Number, ...], str] | None] = {}
    for chunk, found in report_statements(report):
        for st in found:
            if st.kind not in figures:
                figures[st.kind] = _figure(report, fmt, st.kind)
            figure = figures[st.kind]
            if figure is None:
                continue
            accepted, described = figure
            if st.value in accepted:
                continue
            said = clause_around(chunk.text, st.start, st.end)
            if _about_another_year(said, report.year):
                continue  # "2020年共收到申请18件" in a comparison with last year
            table, row, column = _statement_cell(fmt, st.kind)
            yield chunk.finding(
                "text-table-mismatch",
                f"正文称“{said}”，但{described}",
                st.start,
                table=table,
                row=row,
                column=column,
            )


# ---------------------------------------------------------------------------------------------
# The narrative's own arithmetic

# The narrative's words for each result, as the breakdown sentences name them.
_OUTCOME_NAMES = {
    "granted": "予以公开",
    "partial": "部分公开",
    "granted_partial": "予以公开及部分公开",
    "withheld": "不予公开",
    "unable": "无法提供",
    "not_handled": "不予处理",
    "other": "其他处理",
}
_OUTCOME_KINDS = frozenset(_OUTCOME_NAMES)
_CLUSTER_GAP = 80  # characters between two outcome statements of one breakdown
_WHOLE_REACH = 300  # how far before a breakdown its "办结/答复 N件" may stand


def _breakdowns(sts: tuple[Statement, ...]) -> Iterator[tuple[Statement | None, list[Statement]]]:
    """Runs of outcome statements that cover every result, with the closed count before them."""
    cluster: list[Statement] = []
    for st in [*sts, None]:
        if (
            st is not None
            and st.kind in _OUTCOME_KINDS
            and (not cluster or st.start - cluster[-1].end <= _CLUSTER_GAP)
        ):
            if any(c.kind == st.kind for c in cluster):
                cluster = [st]  # a second breakdown (e.g. per applicant type) starts
            else:
                cluster.append(st)
            continue
        if cluster:
            kinds = {c.kind for c in cluster}
            granted = "granted_partial" in kinds or {"granted", "partial"} <= kinds
            # Only a breakdown that names every result, 其他处理 included, must add up.
            if granted and {"withheld", "unable", "not_handled", "other"} <= kinds:
                whole = next(
                    (
                        w
                        for w in reversed(sts)
                        if w.kind == "closed"
                        and w.end <= cluster[0].start
                        and cluster[0].start - w.end <= _WHOLE_REACH
                    ),
                    None,
                )
                yield whole, cluster
        cluster = [st] if st is not None and st.kind in _OUTCOME_KINDS else []


# Percentages of a breakdown may each be rounded; allow this much drift from 100%.
PERCENT_TOLERANCE = Decimal("0.5")


def _outcome_arithmetic(chunk: Chunk, sts: tuple[Statement, ...]) -> Iterator[Finding]:
    for whole, parts in _breakdowns(sts):
        problems: list[str] = []
        listed = "＋".join(f"{_OUTCOME_NAMES[p.kind]}{p.value}件" for p in parts)
        total = sum(p.value for p in parts)
        if whole is not None and total != whole.value:
            problems.append(f"{listed}＝{total}件，与所称办结（答复）{whole.value}件不符")
        with_pct = [p for p in parts if p.percent is not None]
        without = [p for p in parts if p.percent is None]
        if len(with_pct) >= 3 and all(p.value == 0 for p in without):
            pct = sum((p.percent for p in with_pct if p.percent is not None), start=Decimal(0))
            if abs(pct - 100) > PERCENT_TOLERANCE:
                shown = "＋".join(f"{p.percent}%" for p in with_pct)
                problems.append(f"各项百分比{shown}＝{pct}%，合计不是100%")
        if problems:
            yield chunk.finding(
                "text-arithmetic",
                "正文所列申请办理结果自相矛盾：" + "；".join(problems),
                parts[0].start,
            )


_UNITS = "人次|万元|[条件项个篇期]"  # whole-and-parts in any of these units
# A number not preceded by a digit, "." or "第" is written "\d(?<![\d.第]\d)\d*" (the check
# after the first digit): a pattern that starts with a digit lets the regex engine skip ahead
# to digits, one that starts with a lookbehind tests every position.
_WHOLE = re.compile(
    rf"(?P<n>\d(?<![\d.第]\d)\d*(?:\.\d+)?)(?P<unit>{_UNITS})(?P<noun>[^\d，。；：（）、]{{0,12}}?)"
    r"(?P<delim>：|，其中：?|，?（其中：?|（)"
)
# A breakdown whose own text says the parts overlap (one item on several channels) may exceed
# its whole: "其中通过网站公开12条、通过新媒体公开5条（渠道可重复计算）".
_OVERLAP = re.compile(r"重复计|可重复|重复统计|交叉统计|可重叠")
_LIST_REACH = 400  # a listing longer than this is not one sentence's breakdown
_DURATIONS = ("工作日", "月", "小时", "自然日")  # "20个工作日" is a time, not a count


_TOKEN = re.compile(rf"[（）。；，、]|(\d(?<![\d.第]\d)\d*(?:\.\d+)?)({_UNITS})(?!\.\d)")


def _list_span(
    text: str, start: int, paren: bool
) -> tuple[int, list[tuple[Decimal, str, int, int]]]:
    """The parts listed from ``start`` at depth 0: (end, [(value, unit, position, clause)]).

    A list opened by "（" ends at its closing "）" (and is dropped if that never comes); any
    other list ends at the sentence's end. Only punctuation and counted numbers are visited.
    """
    depth = 0
    parts: list[tuple[Decimal, str, int, int]] = []
    clause = start
    stop = min(len(text), start + _LIST_REACH)
    for token in _TOKEN.finditer(text, start, stop):
        ch = token.group(0)
        if ch == "（":
            depth += 1
        elif ch == "）":
            if depth == 0:
                return token.start(), parts  # the list's own parenthesis, or its sentence's
            depth -= 1
        elif depth:
            continue
        elif ch in "。；" and not paren:
            return token.start(), parts
        elif ch in "，、；":
            clause = token.end()
        elif token.group(1) and not text.startswith(_DURATIONS, token.end()):
            parts.append((Decimal(token.group(1)), token.group(2), token.start(), clause))
    if not paren and stop == len(text):
        return stop, parts  # the paragraph ends the list
    return stop, []  # the list never closed within reach: not a breakdown one can read


def _whole_parts(chunk: Chunk) -> Iterator[Finding]:
    text = chunk.text
    for m in _WHOLE.finditer(text):
        delim = m.group("delim")
        if delim == "（":
            continue  # "197条（政府预决算32条、…）": a gloss, not a stated breakdown
        paren = "（" in delim
        unit = m.group("unit")
        end, raw = _list_span(text, m.end(), paren)
        parts = [(value, pos, clause) for value, u, pos, clause in raw if u == unit]
        if len(parts) < 2:
            continue
        whole = Decimal(m.group("n"))
        total = sum((v for v, _, _ in parts), start=Decimal(0))
        if total == whole:
            continue
        _, last, clause = parts[-1]
        exhaustive = delim == "：" or bool(re.search("其他|其它", text[clause:last]))
        among = "其中" in delim  # "N件，其中A a件，B b件": the parts may not exceed the whole
        if not (exhaustive or ((paren or among) and total > whole)):
            continue
        if _OVERLAP.search(text, m.end(), end + 1):
            continue  # "（渠道可重复计算）": the text itself says its parts overlap
        listed = "＋".join(f"{v}" for v, _, _ in parts)
        said = text[clause_start(text, m.start(), 20) : min(end, m.end() + 30)]
        yield chunk.finding(
            "text-arithmetic",
            f"正文“{said}…”称共{whole}{unit}，但所列各项{listed}＝{total}{unit}，"
            f"相差{abs(total - whole)}{unit}",
            m.start(),
        )


def text_arithmetic(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """The narrative's stated wholes and percentages agree with the parts it lists."""
    for chunk, found in report_statements(report):
        yield from _outcome_arithmetic(chunk, found)
        yield from _whole_parts(chunk)


# ---------------------------------------------------------------------------------------------
# Repetition and lost numbers

# A crawler's breadcrumb ("当前位置：首页政务公开政府信息公开政府信息公开年报") repeats column
# names by nature; it is page furniture, not the report's text.
_NAVIGATION = re.compile(r"首页|当前位置|您的位置|您现在的位置|›|>>|»")
_MIN_PARAGRAPH = 20  # shorter paragraphs ("无。", "特此报告。") may repeat legitimately
_RUN = "[\u4e00-\u9fff0-9A-Za-z“”]"
# A run of 2–40 characters printed twice back to back. The lookahead (the run's first character
# recurs within reach) is implied by the match and rules out most positions at a third of the
# cost of trying every length there.
_DOUBLED = re.compile(
    rf"(?=([\u4e00-\u9fff]){_RUN}{{0,39}}?\1)(?P<run>[\u4e00-\u9fff]{_RUN}{{1,39}}?)(?P=run)"
)


def _table_labels() -> tuple[str, ...]:
    return _labels_of(tuple(FORMATS.values()))


@cache
def _labels_of(formats: tuple[Format, ...]) -> tuple[str, ...]:
    """Printed table labels of four or more characters; a header repeated back to back is the
    table's own layout (table 4 prints its five result columns twice), not a duplicate."""
    labels: set[str] = set()
    for fmt in formats:
        for table in fmt.tables:
            for block in table.blocks:
                labels.update(compact(r.label) for r in block.rows)
                labels.update(compact(c.label) for c in block.columns)
    return tuple(sorted(label for label in labels if len(label) >= 4))


def duplicate_paragraph(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A paragraph printed twice, or a run of text repeated back to back (M-8's cousin)."""
    seen: dict[str, int | None] = {}
    labels = _table_labels()
    for chunk in chunks(report):
        text = chunk.text
        first_line = chunk.line_at(0)
        if has_cjk(text, _MIN_PARAGRAPH):
            if text in seen:
                earlier = seen[text]
                where = f"与第{earlier}行" if earlier is not None else "与前文"
                yield Finding(
                    "duplicate-paragraph",
                    f"本段{where}的段落完全相同：“{text[:40]}{'…' if len(text) > 40 else ''}”"
                    f"{at(first_line)}",
                    line=first_line,
                )
                continue
            seen[text] = first_line
        for m in _DOUBLED.finditer(text):
            run = m.group("run")
            if not has_cjk(run, 2) or any(label in m.group(0) for label in labels):
                continue
            if len(run) == 2 and run[0] in "一两每":
                continue  # "一项一项抓落实", "一条一条对照": idiom, not a slip
            if _NAVIGATION.search(clause_around(text, m.start(), m.end(), limit=80)):
                continue
            context = text[max(m.start() - 6, 0) : m.end() + 6]
            yield chunk.finding(
                "duplicate-paragraph",
                f"“{run}”连续重复了两次：“{context}”，应删去一处",
                m.start(),
            )


_MEASURE = "条件项个"
_COMPOUND = {
    "件": "文案事条邮附稿证软硬部配零信函要物快急一每整份",
    "条": "逐每法链便纸线萧教金字词头横一条第信",
    "项": "事款强弱专立选奖逐分单各多缺本该此子要一每",
    "个": "各整这那哪某逐每单一两几半",
}
_BARE = re.compile(rf"(?<=[、，；：。])([^、，；：。\d（）]{{2,20}}?)([{_MEASURE}])(?=[、，；。])")
_SIBLING = {
    measure: re.compile(rf"[^、，；：。\d]{{1,20}}?(\d+){measure}(?=[、，；。])")
    for measure in _MEASURE
}
_NUMERALS = set("〇零一二三四五六七八九十百千万两几多数")


# The last item of a listing that lost its count and unit at the end of the sentence
# ("政策解读5篇、图片新闻12条、视频。"): its siblings before it each end with a count.
_LAST_BARE = re.compile(r"、(?P<item>[^、，；：。\d（）“”]{2,12})(?=[。；])")
_COUNTED_ITEM = re.compile(r"\d+(?:人次|[条件项个篇期次场家份])$")


def _bare_last_items(chunk: Chunk) -> Iterator[Finding]:
    text = chunk.text
    for m in _LAST_BARE.finditer(text):
        item = m.group("item")
        if "等" in item or item.endswith(("工作", "情况", "方面", "内容", "服务", "活动")):
            continue
        start = sentence_start(text, m.start())
        siblings = text[start : m.start()].split("、")[-2:]
        if len(siblings) < 2 or not all(_COUNTED_ITEM.search(s) for s in siblings):
            continue
        yield chunk.finding(
            "missing-number",
            f"列举“{'、'.join(siblings)}、{item}”的最后一项“{item}”缺少数量和单位："
            "前面各项都写明了数量",
            m.start(),
        )


def missing_number(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A count word in a listing whose neighbours all carry numbers has lost its own."""
    for chunk in chunks(report):
        yield from _bare_last_items(chunk)
        text = chunk.text
        for m in _BARE.finditer(text):
            words, measure = m.group(1), m.group(2)
            if words[-1] in _COMPOUND[measure] or _NUMERALS & set(words):
                continue
            if m.end() >= len(text) or text[m.end()] not in "、，；":
                continue
            sibling = _SIBLING[measure].match(text, m.end() + 1)
            if sibling is None:
                continue
            yield chunk.finding(
                "missing-number",
                f"“{m.group(0)}”缺少数字：同一列举中的“{sibling.group(0)}”等都写明了{measure}数，"
                f"此处“{measure}”前没有数字",
                m.start(),
            )
