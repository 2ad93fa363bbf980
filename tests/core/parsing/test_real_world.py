"""Variants of a whole report that real agencies publish and the corpus does not hold.

Each test takes one consistent synthetic report, prints it the way some agency would, and shows
that the reader gets every cell right — or leaves the doubtful cells out with a note, never a
wrong number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from gongkai.core.formats import FORMAT_2021
from gongkai.core.parsing import read_report
from gongkai.core.render.synthetic import random_report
from gongkai.core.render.text import render_text
from gongkai.core.report import Report

from .builders import report_docx, report_html


def _report() -> Report:
    return random_report(random.Random(5), year=2022, busy=20)


def _wrong_cells(expected: Report, got: Report) -> list[str]:
    """Every cell read with a value other than the one printed (left-out cells do not count)."""
    wrong = []
    for ref, cell in got.cells.items():
        printed = expected.cells.get(ref)
        if printed is None or printed.value != cell.value:
            wrong.append(f"{ref}: {None if printed is None else printed.value} → {cell.value}")
    return wrong


def _reads_back_whole(expected: Report, data: str | bytes, name: str = "report.txt") -> Report:
    """``data`` (a text: as UTF-8) read as the file ``name``: every cell of ``expected``, with its
    value, and no other."""
    got = read_report(data.encode("utf-8") if isinstance(data, str) else data, name)
    assert _wrong_cells(expected, got) == []
    assert set(got.cells) == set(expected.cells)
    return got


def test_a_table_of_contents_with_dot_leaders_and_page_numbers_is_skipped() -> None:
    report = _report()
    lines = render_text(report, "pipes").split("\n")
    contents = ["目录"] + [
        f"{section.title}{'…' * 6}{page}" for page, section in enumerate(FORMAT_2021.sections, 1)
    ]
    text = "\n".join(lines[:1] + contents + lines[1:])
    got = _reads_back_whole(report, text)
    overview = got.section("overview")
    assert overview is not None and overview.heading_line == 2 + len(contents)
    assert got.notes == ()


def _table_3_rows(text: str, change: Callable[[int, list[str]], list[str]]) -> str:
    """``text`` with each table-3 row (label cells, then seven numbers) replaced by
    ``change(row number, cells)``."""
    out, count = [], 0
    for line in text.split("\n"):
        cells = line.removesuffix(" |").split(" | ")
        if len(cells) >= 8 and not cells[0].isdigit() and all(c.isdigit() for c in cells[-7:]):
            count += 1
            line = " | ".join(change(count, cells)) + " |"
        out.append(line)
    return "\n".join(out)


def _total_column_first(text: str) -> str:
    """Table 3 printed with its 总计 column before 自然人 (header and every row)."""
    text = text.replace("自然人 | 法人或其他组织 | 总计 |", "总计 | 自然人 | 法人或其他组织 |")
    return _table_3_rows(text, lambda _, cells: [*cells[:-7], cells[-1], *cells[-7:-1]])


def test_table_3_with_the_total_column_first_is_read_by_its_header() -> None:
    report = _report()
    text = _total_column_first(render_text(report, "pipes"))
    assert "总计 | 自然人 | 法人或其他组织 |" in text
    got = _reads_back_whole(report, text)
    [note] = got.notes
    assert note.code == "label-deviation" and "总计、自然人、商业企业" in note.message


def test_table_3_with_the_total_column_first_in_a_web_page_with_merged_headers() -> None:
    report = _report()
    page = report_html(report)
    merged = '<td rowspan="2">自然人</td>\n<td colspan="5">法人或其他组织</td>\n<td rowspan="2">总计</td>'
    assert merged in page
    page = page.replace(
        merged,
        '<td rowspan="2">总计</td>\n<td rowspan="2">自然人</td>\n<td colspan="5">法人或其他组织</td>',
    )
    rows = page.split("<tr>")
    for index, row in enumerate(rows):
        cells = row.split("\n")
        values = [i for i, c in enumerate(cells) if re.fullmatch(r"<td>(\d+|&nbsp;)</td>", c)]
        if len(values) == 7 and values == list(range(values[0], values[0] + 7)):
            first, last = values[0], values[-1]
            cells[first : last + 1] = [cells[last], *cells[first:last]]
            rows[index] = "\n".join(cells)
    got = _reads_back_whole(report, "<tr>".join(rows), "report.html")
    assert [n.code for n in got.notes] == ["label-deviation"]


def test_a_run_together_row_under_a_total_first_header_is_split_in_print_order() -> None:
    report = _report()
    assert report.value("t3", "received", "natural") == 5
    assert report.value("t3", "received", "total") == 5
    row = "一、本年新收政府信息公开申请数量"
    text = _total_column_first(render_text(report, "pipes"))
    text = text.replace(f"{row} | 5 | 5 | 0 | 0 | 0 | 0 | 0 |", f"{row} 5500000")
    got = _reads_back_whole(report, text)
    assert [n.code for n in got.notes] == ["label-deviation"]


def test_word_tables_with_an_extra_empty_column_read_back_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from . import builders

    plain = builders._docx_table

    def with_empty_columns(document: object, grid: builders.Grid) -> None:
        # An empty column after the labels and another at the right edge (a table drawn by hand).
        plain(document, [[row[0], ("", 1, 1), *row[1:], ("", 1, 1)] for row in grid])

    monkeypatch.setattr(builders, "_docx_table", with_empty_columns)
    report = _report()
    got = _reads_back_whole(report, report_docx(report), "report.docx")
    assert got.notes == ()


def test_a_web_page_with_line_breaks_inside_labels_and_nbsp_around_cells() -> None:
    report = _report()
    page = report_html(report)
    page = page.replace("政府信息公开申请数量", "政府信息<br>公开申请数量")
    page = page.replace("（区分处理的", "<br/>（区分处理的").replace("结果维持", "结果<br>维持")
    page = page.replace("<td>0</td>", "<td>&nbsp;0&nbsp;</td>").replace(
        "<td>&nbsp;</td>", "<td>&nbsp;&nbsp;</td>"
    )
    got = _reads_back_whole(report, page, "report.html")
    assert got.notes == ()


def test_a_gbk_htm_page_without_a_declared_charset() -> None:
    report = _report()
    page = report_html(report).replace('<meta charset="utf-8">', "")
    assert "charset" not in page
    got = _reads_back_whole(report, page.encode("gbk"), "REPORT.HTM")
    assert got.agency == report.agency


def test_a_pdf_whose_table_4_header_is_printed_one_character_per_line() -> None:
    from weasyprint import HTML

    report = _report()
    page = report_html(report).replace("</style>", "td.narrow{width:1em}</style>")
    for label in ("结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"):
        page = re.sub(rf"<td([^>]*)>{label}</td>", rf'<td\1 class="narrow">{label}</td>', page)
    _reads_back_whole(report, HTML(string=page).write_pdf(), "report.pdf")


def test_table_2_columns_in_another_order_are_read_by_their_header() -> None:
    report = _report()
    header = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    values = [
        report.value("t2", "normative_docs", key) for key in ("issued", "repealed", "in_force")
    ]
    row = "行政规范性文件 | {} | {} | {} |"
    text = render_text(report, "pipes")
    assert header in text and row.format(*values) in text
    text = text.replace(header, "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 |")
    text = text.replace(row.format(*values), row.format(values[2], *values[:2]))
    got = _reads_back_whole(report, text)
    [note] = got.notes
    assert note.table == "t2" and "现行有效件数、本年制发件数、本年废止件数" in note.message


def test_table_4_with_the_total_first_in_each_group_is_read_by_its_header() -> None:
    report = _report()
    results = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    out = []
    for line in render_text(report, "pipes").split("\n"):
        cells = line.removesuffix(" |").split(" | ")
        if len(cells) == 15 and all(c.isdigit() for c in cells):
            groups = [cells[k : k + 5] for k in range(0, 15, 5)]
            line = " | ".join(c for g in groups for c in [g[4], *g[:4]]) + " |"
        out.append(line.replace(results, "总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结"))
    got = _reads_back_whole(report, "\n".join(out))
    [note] = got.notes
    assert note.table == "t4" and "总计、结果维持" in note.message


def test_table_4_counts_printed_with_decimals_are_read_like_those_of_tables_2_and_3() -> None:
    report = _report()
    text = render_text(report, "pipes")
    row = "1 | 0 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 2 | 1 | 1 | 0 | 0 | 2 |"
    assert row in text
    got = read_report(
        text.replace(row, row.replace("1 | 0 | 0 | 0 | 1 |", "1.0 | 0 | 0.5 | 0 | 1 |")).encode(
            "utf-8"
        ),
        "report.txt",
    )
    assert got.value("t4", "review", "upheld") == 1
    assert isinstance(got.value("t4", "review", "upheld"), int)
    assert got.cell("t4", "review", "other") is None
    assert _wrong_cells(report, got) == []
    [note] = got.notes
    assert note.code == "unparsed-table" and "0.5" in note.message


NOTE = FORMAT_2021.t3.note or ""


@pytest.mark.parametrize(
    "note",
    [
        NOTE.replace("等于第三项", "等于第三项（七）总计"),  # inside the note's brackets
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项总计加第四项之和",  # no brackets
    ],
    ids=["bracketed", "plain"],
)
def test_a_note_that_names_the_total_before_the_header_does_not_shuffle_the_columns(
    note: str,
) -> None:
    report = _report()
    text = render_text(report, "pipes")
    assert NOTE in text and "总计" not in NOTE
    got = _reads_back_whole(report, text.replace(NOTE, note))
    assert got.notes == ()


def test_a_row_number_column_before_the_labels_is_not_read_as_a_cell() -> None:
    report = _report()
    text = render_text(report, "pipes").replace(
        "自然人 | 法人或其他组织", "序号 | 自然人 | 法人或其他组织"
    )
    text = _table_3_rows(text, lambda number, cells: [str(number), *cells])
    assert "\n1 | 一、本年新收政府信息公开申请数量 | 5 |" in text
    got = _reads_back_whole(report, text)
    assert got.notes == ()


def test_item_numbers_printed_in_a_cell_of_their_own_join_their_labels() -> None:
    report = _report()

    def split_item_number(_: int, cells: list[str]) -> list[str]:
        label = cells[-8]
        if label[0].isdigit() and label[1] == ".":
            return [*cells[:-8], label[0], label[2:], *cells[-7:]]
        return cells

    text = _table_3_rows(render_text(report, "pipes"), split_item_number)
    assert "（三）不予公开 | 1 | 属于国家秘密 | 0 |" in text
    got = _reads_back_whole(report, text)
    assert got.notes == ()


@pytest.mark.parametrize("shape", ["lines", "paragraphs"])
def test_the_total_column_first_is_read_in_one_cell_per_line_shapes(shape: str) -> None:
    report = _report()
    gap = "\n\n" if shape == "paragraphs" else "\n"
    items = render_text(report, shape).split(gap)
    at = items.index("自然人")
    assert items[at : at + 3] == ["自然人", "法人或其他组织", "总计"]
    items[at : at + 3] = ["总计", "自然人", "法人或其他组织"]
    out, k, moved = [], 0, 0
    while k < len(items):
        run = items[k : k + 7]
        after = items[k + 7] if k + 7 < len(items) else ""
        whole = len(run) == 7 and all(x.isdigit() for x in run)  # a table-3 row, not table 4
        if whole and not items[k - 1].isdigit() and not after.isdigit():
            out += [run[-1], *run[:-1]]
            k, moved = k + 7, moved + 1
        else:
            out.append(items[k])
            k += 1
    assert moved == len(FORMAT_2021.t3.rows)
    got = _reads_back_whole(report, gap.join(out))
    assert [n.code for n in got.notes] == ["label-deviation"]
