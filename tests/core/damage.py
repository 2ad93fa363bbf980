"""Damage that published reports show, applied to a report printed in the " | " shape.

Each function takes the text of a consistent report rendered with ``render_text(report,
"pipes")`` and returns it damaged the way some agency's page or a conversion damaged it
(issue 12, item 3). The round trip (tests/core/test_roundtrip.py) applies each to random
consistent reports; the fixture tests read examples of each saved under tests/fixtures/damaged.
"""

from __future__ import annotations

import random

from gongkai.core.formats import FORMATS

T3_HEADER_END = "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
T4_HEADER_END = (
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"
)


def header_fillers(text: str) -> str:
    """Empty lines left by colspans under the headers of tables 3 and 4 ("||||||", "| ||||||")."""
    text = text.replace(T3_HEADER_END, T3_HEADER_END + "\n||||||||\n| |||||||", 1)
    return text.replace(T4_HEADER_END, T4_HEADER_END + "\n|||||||||||||||||\n| ||||||||||||||||", 1)


def t3_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line index, cells) of each table-3 row: label cells, then seven values or blanks."""
    lines = text.split("\n")
    start = lines.index(T3_HEADER_END)
    out = []
    for index in range(start + 1, len(lines)):
        cells = lines[index].removesuffix(" |").split(" | ")
        if len(cells) < 8:
            break
        out.append((index, cells))
    return out


def replace_t3_cell(text: str, row: int, column: int, printed: str) -> str:
    """Table 3's ``row``-th row (0-based) with the cell in ``column`` (0–6) printed as given."""
    lines = text.split("\n")
    index, cells = t3_rows(text)[row]
    cells[len(cells) - 7 + column] = printed
    lines[index] = " | ".join(cells) + " |"
    return "\n".join(lines)


def only_printed_cells(text: str, row: int) -> str:
    """Table 3's ``row``-th row keeping only its non-blank cells (blanks dropped, not kept empty)."""
    lines = text.split("\n")
    index, cells = t3_rows(text)[row]
    kept = [c for c in cells[-7:] if c.strip()]
    lines[index] = " | ".join([*cells[:-7], *kept]) + " |"
    return "\n".join(lines)


def t4_header_without_totals(text: str) -> str:
    """Table 4's header without its three 总计 columns (the data row keeps its 15 values)."""
    fewer = " | ".join(["结果维持 | 结果纠正 | 其他结果 | 尚未审结"] * 3) + " |"
    text = text.replace(T4_HEADER_END, fewer, 1)
    return text.replace(
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
        "未经复议直接起诉 | 复议后起诉 |",
        1,
    )


def legacy_other_row(text: str) -> tuple[str, list[int]]:
    """A 2021-format table 3 printing the 2019 format's single "（六）其他处理" row (the sums of
    （六）1–3) instead of its three sub-rows; returns the text and the row's seven values."""
    rows = t3_rows(text)
    start = next(k for k, (_, cells) in enumerate(rows) if cells[0] == "（六）其他处理")
    block = rows[start : start + 3]
    sums = [
        sum(int(c or 0) for c in column) for column in zip(*(c[-7:] for _, c in block), strict=True)
    ]
    lines = text.split("\n")
    first = block[0][0]
    lines[first : first + 3] = [" | ".join(["（六）其他处理", *map(str, sums)]) + " |"]
    return "\n".join(lines), sums


# Labels as agencies alter them: a parenthesis of filling instructions of their own, characters
# missing or changed (more than a typo), an extra word.
LABEL_VARIANTS = {
    "（一）予以公开": "（一）予以公开（含主动公开的信息）",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形。申请公开的信息中含有不应当公开"
        "的内容，但能够作区分处理的，应当提供可以公开的内容）"
    ),
    "6.属于四类过程性信息": "6.属于过程性信息",
    "2.没有现成信息需要另行制作": "2.没有现成信息需另行制作",
    "4.无正当理由大量反复申请": "4.无正当理由大量反复申请的",
}


def altered_labels(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """Some of table 3's leaf labels altered; returns the text and the official labels changed."""
    chosen = rng.sample(sorted(LABEL_VARIANTS), rng.randint(1, len(LABEL_VARIANTS)))
    for label in chosen:
        text = text.replace(f"| {label} |", f"| {LABEL_VARIANTS[label]} |").replace(
            f"\n{label} |", f"\n{LABEL_VARIANTS[label]} |"
        )
    return text, chosen


def extra_row(text: str) -> str:
    """A row the national format does not have, printed before （七）总计 with zeros."""
    return text.replace(
        "\n（七）总计 |", "\n（八）其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n（七）总计 |", 1
    )


assert FORMATS["2021"].t3.row("other.other").label == "3.其他"


def without_title(text: str, agency: str, year: int) -> str:
    """The report as a crawler kept it: no title line, no statistical-period sentence, the
    signature without the agency's name — the year is only in the narrative."""
    lines = text.split("\n")[1:]
    body = "\n".join(lines)
    body = body.replace(f"所列数据的统计期限为{year}年1月1日至{year}年12月31日。", "")
    body = body.replace(f"{year}年，{agency}坚持", f"{year}年，我局坚持")
    return body.replace(f"\n{agency}\n", "\n")


def on_one_line(text: str, agency: str, year: int) -> str:
    """The whole report on one line, as a crawler stores a page's text: headings inline, cells
    separated by single spaces, and the title only named in 《…》 in the first sentence."""
    lines = [line.strip() for line in text.split("\n")[1:] if line.strip()]
    opening = f"根据《中华人民共和国政府信息公开条例》，现发布《{agency}{year}年政府信息公开工作年度报告》。"
    return opening + " ".join(lines) + "\n"


def narrative_only(text: str) -> str:
    """The report without its tables: a text-only page (the tables were images, or dropped)."""
    return "\n".join(line for line in text.split("\n") if not line.endswith("|"))
