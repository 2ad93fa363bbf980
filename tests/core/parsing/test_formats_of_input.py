"""Each input type is read into the same cells: web pages with merged cells, Word documents with
merged cells, PDFs with a text layer, GBK text, Traditional-script text."""

from __future__ import annotations

import io

import pytest

from gongkai.core.errors import UnreadableInput
from gongkai.core.parsing import read_report
from gongkai.core.parsing.sources import NO_TEXT_LAYER
from gongkai.core.render.text import render_text
from gongkai.core.report import Report

from .builders import report_docx, report_html, report_pdf, sample_report


def values(report: Report) -> dict[object, object]:
    return {ref: cell.value for ref, cell in report.cells.items()}


@pytest.fixture(scope="module")
def original() -> Report:
    return sample_report(7)


def test_an_html_page_with_rowspan_and_colspan_gives_the_same_cells(original: Report) -> None:
    page = report_html(original)
    assert 'rowspan="' in page and 'colspan="5"' in page
    got = read_report(page.encode("utf-8"), "report.html")
    assert values(got) == values(original)
    assert (got.year, got.agency, got.published) == (
        original.year,
        original.agency,
        original.published,
    )
    assert [s.number for s in got.sections] == [1, 2, 3, 4, 5, 6]
    assert got.notes == ()


def test_a_gb2312_web_page_is_decoded_before_parsing(original: Report) -> None:
    page = report_html(original, encoding="gb2312").replace(
        "示例区", "示例区〇"
    )  # 〇 is not GB2312
    got = read_report(page.encode("gb18030"), "report.htm")
    assert values(got) == values(original)
    assert got.agency == "示例市示例区〇教育局"


def test_html_is_recognised_by_its_content_whatever_the_name(original: Report) -> None:
    got = read_report(report_html(original).encode("utf-8"), "download.txt")
    assert values(got) == values(original)


def test_cells_of_an_html_table_carry_their_source_line(original: Report) -> None:
    page = report_html(original)
    got = read_report(page.encode("utf-8"), "report.html")
    cell = got.cell("t3", "received", "total")
    assert cell is not None and cell.line is not None
    row_start = page.split("\n")[cell.line - 1 : cell.line + 2]
    assert row_start[0] == "<tr>"
    assert "一、本年新收政府信息公开申请数量" in row_start[1]


def test_a_word_document_with_merged_cells_gives_the_same_cells(original: Report) -> None:
    got = read_report(report_docx(original), "report.docx")
    assert values(got) == values(original)
    assert got.agency == original.agency and got.published == original.published
    assert got.notes == ()


def test_a_word_document_is_recognised_by_its_bytes(original: Report) -> None:
    got = read_report(report_docx(original), "report.bin")
    assert values(got) == values(original)


def test_a_pdf_with_a_text_layer_gives_the_same_cells(original: Report) -> None:
    got = read_report(report_pdf(original), "report.pdf")
    assert values(got) == values(original)
    assert (got.year, got.agency, got.published) == (
        original.year,
        original.agency,
        original.published,
    )


def test_a_pdf_without_a_text_layer_is_refused_with_a_reason() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, "PDF")
    with pytest.raises(UnreadableInput, match=NO_TEXT_LAYER):
        read_report(buffer.getvalue(), "scan.pdf")


def test_gbk_text_is_detected(original: Report) -> None:
    text = render_text(original, "lines")
    got = read_report(text.encode("gbk"), "report.txt")
    assert values(got) == values(original)
    assert got.agency == original.agency


def test_gb18030_text_with_characters_outside_gbk_is_detected(original: Report) -> None:
    text = render_text(original, "pipes").replace("示例区", "示例𠀀区")
    got = read_report(text.encode("gb18030"), "report.txt")
    assert values(got) == values(original)
    assert got.agency == "示例市示例𠀀区教育局"


def test_a_utf8_byte_order_mark_and_windows_line_ends_are_accepted(original: Report) -> None:
    text = render_text(original, "paragraphs").replace("\n", "\r\n")
    got = read_report(b"\xef\xbb\xbf" + text.encode("utf-8"), "report.txt")
    assert values(got) == values(original)
    first = got.cell("t3", "received", "natural")
    assert first is not None and first.line is not None
    assert text.split("\r\n")[first.line - 1].strip() == first.raw


def test_a_traditional_script_copy_is_converted_keeping_its_lines(original: Report) -> None:
    import zhconv

    text = render_text(original, "pipes")
    traditional = zhconv.convert(text, "zh-tw")
    assert traditional != text
    got = read_report(traditional.encode("utf-8"), "mirror.txt")
    assert values(got) == values(original)
    cell = got.cell("t3", "received", "total")
    assert (
        cell is not None
        and cell.line
        == text.split("\n").index(
            next(line for line in text.split("\n") if line.startswith("一、本年新收"))
        )
        + 1
    )


def test_a_layout_table_around_the_article_is_walked_into(original: Report) -> None:
    page = report_html(original)
    page = page.replace(
        "<body>",
        '<body><table width="100%"><tr><td>首页 &gt; 信息公开 &gt; 年报</td></tr><tr><td>',
        1,
    ).replace("</body>", "</td></tr></table></body>")
    got = read_report(page.encode("utf-8"), "article.html")
    assert values(got) == values(original)
    assert got.agency == original.agency


def test_thousands_separators_are_read_in_cells() -> None:
    report = sample_report(11)
    lines = render_text(report, "pipes").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[at] = "一、本年新收政府信息公开申请数量 | 1,000 | 0 | 0 | 0 | 0 | 0 | 1,000 |"
    got = read_report("\n".join(lines).encode("utf-8"), "report.txt")
    cell = got.cell("t3", "received", "natural")
    assert cell is not None and cell.value == 1000 and cell.raw == "1,000"


def test_a_pdf_whose_tables_have_no_rules_is_read_from_its_text_lines(original: Report) -> None:
    """Small pages with page numbers: the tables break across pages, and a page number never
    reads as a cell."""
    from weasyprint import HTML

    page = report_html(original).replace(
        "td{border:1px solid #000;padding:1px}", "td{padding:1px 6px}"
    )
    page = page.replace('<table border="1">', "<table>")
    page = page.replace("<style>", "<style>@page{size:A5;@bottom-center{content:counter(page)}}")
    got = read_report(HTML(string=page).write_pdf(), "borderless.pdf")
    assert values(got) == values(original)
    assert got.notes == ()  # a label wrapped inside its cell is not a misprint


def test_a_big5_traditional_copy_is_decoded_and_converted(original: Report) -> None:
    import zhconv

    traditional = zhconv.convert(render_text(original, "pipes"), "zh-tw")
    data = traditional.encode("big5", errors="replace")
    got = read_report(data, "mirror.txt")
    assert got.value("t3", "received", "total") == original.value("t3", "received", "total")
    assert got.year == original.year


def test_a_word_document_laid_out_inside_a_table_is_read_through_it(original: Report) -> None:
    from .builders import inside_layout_table

    got = read_report(inside_layout_table(report_docx(original)), "layout.docx")
    assert values(got) == values(original)
    assert got.agency == original.agency


def test_pages_that_pdfplumber_cannot_read_are_read_with_pdftotext(
    original: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A font with a custom CMap makes pdfplumber see no characters (dependencies.md §3)."""
    import shutil

    import pdfplumber.page

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    data = report_pdf(original)
    monkeypatch.setattr(pdfplumber.page.Page, "chars", property(lambda self: []))
    got = read_report(data, "cmap.pdf")
    assert values(got) == values(original)
    assert got.agency == original.agency


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_the_2019_format_with_its_single_other_row_reads_back_from_merged_tables(kind: str) -> None:
    report = sample_report(143, format_key="2019", year=2020)
    data = report_html(report).encode("utf-8") if kind == "html" else report_docx(report)
    got = read_report(data, f"report.{kind}")
    assert values(got) == values(report)
    assert got.format_key == "2019" and got.notes == ()
