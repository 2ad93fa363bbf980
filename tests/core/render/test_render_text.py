"""The text renderer prints a report in the flattened shapes agencies publish, from the format
declarations alone (annual-report-formats.md §10–11)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from gongkai.core.formats import FORMATS, Format, format_for_year
from gongkai.core.render.synthetic import build_report, random_cells
from gongkai.core.render.text import (
    SHAPES,
    format_number,
    render_text,
    standard_title,
    table_rows,
)
from gongkai.core.report import CellRef, Number, Report

AGENCY = "示例市示例区政务服务数据管理局"


def sample(
    year: int = 2022, seed: int = 1, **changes: Number | None
) -> dict[CellRef, Number | None]:
    """Consistent cells of the year's format, with some cells changed (``t3__received__natural``)."""
    cells = random_cells(random.Random(seed), format_for_year(year))
    for key, value in changes.items():
        table, row, column = key.split("__")
        cells[CellRef(table, row, column)] = value
    return cells


def report(
    year: int = 2022,
    cells: dict[CellRef, Number | None] | None = None,
    texts: dict[str, str] | None = None,
) -> Report:
    return build_report(
        agency=AGENCY,
        year=year,
        cells=cells if cells is not None else sample(year),
        published=dt.date(year + 1, 1, 18),
        texts=texts,
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_starts_with_the_standard_title_and_ends_with_signature_and_date(
    shape: str,
) -> None:
    text = render_text(report(), shape)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == f"{AGENCY}2022年政府信息公开工作年度报告"
    assert lines[-2:] == [AGENCY, "2023年1月18日"]
    assert text.endswith("\n")


@pytest.mark.parametrize("shape", SHAPES)
def test_the_six_sections_appear_in_order_with_their_tables_inside(
    shape: str, declared_format: Format
) -> None:
    fmt = declared_format
    year = fmt.first_year
    lines = render_text(report(year), shape).splitlines()
    positions = [lines.index(section.title) for section in fmt.sections]
    assert positions == sorted(positions)
    first_block_label = fmt.t2.blocks[0].label
    assert (
        positions[1]
        < lines.index(f"{first_block_label} |" if shape == "pipes" else first_block_label)
        < positions[2]
    )
    note = fmt.t3.note
    assert note is not None
    note_line = next(i for i, line in enumerate(lines) if line.startswith(note))
    assert positions[2] < note_line < positions[3]


def test_pipes_print_rows_like_published_reports_with_the_group_label_leading() -> None:
    cells = sample(2022)
    cells[CellRef("t3", "granted", "natural")] = 2
    lines = render_text(report(2022, cells), "pipes").splitlines()
    assert "第二十条第（一）项 |" in lines
    assert "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |" in lines
    assert "自然人 | 法人或其他组织 | 总计 |" in lines
    assert "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |" in lines
    assert any(line.startswith("三、本年度办理结果 | （一）予以公开 | 2 | ") for line in lines)
    assert any(line.startswith("（三）不予公开 | 1.属于国家秘密 | ") for line in lines)
    assert any(line.startswith("2.其他法律行政法规禁止公开 | ") for line in lines)
    assert any(line.startswith("（六）其他处理 | 1.申请人无正当理由逾期不补正") for line in lines)


def test_table_4_is_printed_as_three_header_rows_and_one_line_of_fifteen_numbers() -> None:
    lines = render_text(report(2022), "pipes").splitlines()
    start = lines.index("行政复议 | 行政诉讼 |")
    assert (
        lines[start + 1]
        == "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |"
    )
    assert (
        lines[start + 2]
        == " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + " |"
    )
    numbers = lines[start + 3].removesuffix(" |").split(" | ")
    assert len(numbers) == 15 and all(n.isdigit() for n in numbers)


def test_lines_print_one_cell_per_line_and_a_blank_cell_as_a_single_space() -> None:
    cells = sample(2022, t3__received__research=None)
    lines = render_text(report(2022, cells), "lines").splitlines()
    start = lines.index("一、本年新收政府信息公开申请数量")
    row = lines[start : start + 9]
    assert row[3] == " "
    assert row[8] == ""  # rows are separated by an empty line


def test_pipes_print_a_blank_cell_as_nothing_between_its_pipes() -> None:
    cells = sample(2022, t3__received__research=None)
    lines = render_text(report(2022, cells), "pipes").splitlines()
    row = next(line for line in lines if line.startswith("一、本年新收政府信息公开申请数量"))
    assert row.split(" | ")[3] == ""


def test_paragraphs_print_a_blank_cell_as_a_dash_the_contract_reads_as_blank() -> None:
    cells = sample(2022, t3__received__research=None)
    paragraphs = render_text(report(2022, cells), "paragraphs").split("\n\n")
    start = paragraphs.index("一、本年新收政府信息公开申请数量")
    assert paragraphs[start + 3] == "—"
    assert all("\n" not in p.strip("\n") for p in paragraphs)


def test_amounts_keep_up_to_four_decimals_and_counts_print_as_integers() -> None:
    assert format_number(Decimal("12.50")) == "12.5"
    assert format_number(Decimal("0.123456")) == "0.1235"
    assert format_number(Decimal("100")) == "100"
    assert format_number(Decimal("0.0000")) == "0"
    assert format_number(-4) == "-4"
    cells = sample(2022, t2__fees__amount_wan=Decimal("3.1416"))
    assert "行政事业性收费 | 3.1416 |" in render_text(report(2022, cells), "pipes").splitlines()


def test_every_label_printed_comes_from_the_format_declaration() -> None:
    text = render_text(report(2020), "lines")
    fmt = FORMATS["2019"]
    for table in fmt.tables:
        for block, row, column in table.cells():
            assert row.label in text and column.label in text
            if block.label:
                assert block.label in text
    assert "政府集中采购" in text and "本年新制作数量" in text


def test_the_narrative_is_printed_one_paragraph_per_line_of_section_text() -> None:
    texts = {"overview": "第一段。\n\n第二段。", "other": "无。"}
    lines = render_text(report(2022, texts=texts), "lines").splitlines()
    overview = lines.index("一、总体情况")
    assert lines[overview + 1 : overview + 3] == ["第一段。", "第二段。"]
    assert lines[lines.index("六、其他需要报告的事项") + 1] == "无。"


def test_a_given_title_is_kept_and_a_missing_agency_still_gives_a_title() -> None:
    assert standard_title(None, 2022) == "2022年政府信息公开工作年度报告"
    assert standard_title(AGENCY, None) == f"{AGENCY}政府信息公开工作年度报告"


def test_an_unknown_shape_is_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="未知的文本样式"):
        render_text(report(), "columns")


def test_a_report_without_a_known_format_is_printed_as_title_signature_and_date_only() -> None:
    bare = Report(
        path="x", year=2022, agency=AGENCY, published=dt.date(2023, 1, 5), format_key=None
    )
    assert render_text(bare, "lines").splitlines() == [
        f"{AGENCY}2022年政府信息公开工作年度报告",
        AGENCY,
        "2023年1月5日",
    ]


def test_table_rows_give_the_grid_other_renderers_lay_out_with_spans() -> None:
    cells = sample(2022, t4__review__upheld=None)
    rows = list(table_rows(report(2022, cells), FORMATS["2021"].t4))
    assert rows[0] == ("行政复议", "行政诉讼")
    assert len(rows[-1]) == 15 and rows[-1][0] is None
