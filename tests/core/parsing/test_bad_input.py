"""What is not an annual report is refused with a one-line reason in Chinese, never a traceback."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from gongkai.core.errors import UnreadableInput
from gongkai.core.parsing import read_path, read_report
from gongkai.core.parsing.reader import NOT_A_REPORT
from gongkai.core.parsing.sources import (
    EMPTY,
    NO_TEXT,
    NOT_A_DOCUMENT,
    OLD_WORD,
    UNKNOWN_ENCODING,
)
from gongkai.core.render.text import render_text

from .builders import sample_report


@pytest.mark.parametrize("data", [b"", b"   \n\n \t", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match=f"^{EMPTY}$"):
        read_report(data, "empty.txt")


@pytest.mark.parametrize("seed", range(8))
def test_binary_junk_is_refused_whatever_its_name(seed: int) -> None:
    junk = random.Random(seed).randbytes(4096)
    for name in ("junk.txt", "junk.html", "junk"):
        with pytest.raises(UnreadableInput) as caught:
            read_report(junk, name)
        message = str(caught.value)
        assert "\n" not in message and message


def test_random_bytes_get_the_not_a_document_reason() -> None:
    with pytest.raises(UnreadableInput, match=NOT_A_DOCUMENT):
        read_report(bytes(range(256)) * 20, "data.bin")


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableInput, match=NOT_A_DOCUMENT):
        read_report(buffer.getvalue(), "report.docx")


def test_an_old_word_file_is_refused_with_what_to_do() -> None:
    with pytest.raises(UnreadableInput, match=re.escape(OLD_WORD)):
        read_report(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "report.doc")


def test_a_broken_pdf_is_refused() -> None:
    with pytest.raises(UnreadableInput):
        read_report(b"%PDF-1.7\n" + b"garbage" * 100, "report.pdf")


def test_text_that_is_not_an_annual_report_is_refused() -> None:
    text = "今天天气很好，我们去公园散步。\n" * 50 + "会议于2023年3月1日召开。\n"
    with pytest.raises(UnreadableInput, match=NOT_A_REPORT):
        read_report(text.encode("utf-8"), "notes.txt")


def test_a_web_page_that_is_not_an_annual_report_is_refused() -> None:
    page = "<html><body><p>欢迎访问本网站</p><table><tr><td>1</td><td>2</td></tr></table></body></html>"
    with pytest.raises(UnreadableInput, match=NOT_A_REPORT):
        read_report(page.encode("utf-8"), "index.html")


def test_a_missing_file_and_a_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="文件不存在"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(UnreadableInput, match="目录"):
        read_path(tmp_path)


def test_a_report_cut_off_inside_table_3_is_read_as_truncated() -> None:
    text = render_text(sample_report(3), "lines")
    cut = text.index("4.保护第三方合法权益")
    end = text.index("\n", text.index("\n", cut) + 1)  # the label and one value line
    report = read_report(text[:end].encode("utf-8"), "cut.txt")
    assert report.truncated
    assert report.value("t3", "received", "total") is not None
    assert report.cell("t3", "withheld.third_party", "total") is None
    assert [n.code for n in report.notes] == ["unparsed-table"]


def test_a_fifty_megabyte_file_is_read_up_to_a_cap_without_failing() -> None:
    head = render_text(sample_report(4), "pipes")
    filler = ("附件：本年度公开的政府信息目录（略）。" * 40 + "\n").encode("utf-8")
    data = head.encode("utf-8") + filler * (50 * 1024 * 1024 // len(filler))
    assert len(data) >= 50 * 1024 * 1024 - len(filler)
    report = read_report(data, "huge.txt")
    assert report.value("t3", "received", "total") == sample_report(4).value(
        "t3", "received", "total"
    )


def test_a_huge_line_of_digits_does_not_hang_the_splitter() -> None:
    text = (
        "示例局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n一、本年新收政府信息公开申请数量"
        + "1" * 5000
        + "\n"
    )
    report = read_report(text.encode("utf-8"), "digits.txt")
    assert report.cell("t3", "received", "total") is None
    assert any(n.code == "unparsed-table" for n in report.notes)


def test_thousands_of_unplaceable_number_rows_give_one_note_not_thousands() -> None:
    lines = [
        "示例局2022年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
    ]
    lines += [f"部分公开区分处理的只计这一情形不计甲乙{i} {i % 7} {i % 5} 3" for i in range(5000)]
    report = read_report("\n".join(lines).encode("utf-8"), "garbled.txt")
    assert len(report.notes) <= 5
    assert report.cells == {}


def test_bytes_in_no_recognisable_encoding_say_so() -> None:
    rng = random.Random(3)
    data = bytes(rng.choice(range(0x80, 0x100)) for _ in range(rng.randint(10, 400)))
    with pytest.raises(UnreadableInput, match=UNKNOWN_ENCODING):
        read_report(data, "report.txt")


def test_damaged_word_and_pdf_files_are_read_or_refused_never_crash() -> None:
    from .builders import report_docx, report_pdf

    report = sample_report(6)
    rng = random.Random(2)
    for original, name in ((report_docx(report), "r.docx"), (report_pdf(report), "r.pdf")):
        for _ in range(12):
            data = bytearray(original)
            for _ in range(3):
                at = rng.randrange(len(data))
                data[at : at + rng.randint(1, 40)] = b""
            try:
                read_report(bytes(data), name)
            except UnreadableInput as error:
                assert "\n" not in str(error)


def test_the_cut_is_reported_on_the_last_line_that_has_text() -> None:
    text = render_text(sample_report(3), "pipes")
    cut = text.index("4.保护第三方合法权益")
    body = text[: text.index("|", cut) + 4] + "\n\n\n"
    report = read_report(body.encode("utf-8"), "cut.txt")
    [note] = report.notes
    assert note.line == body.rstrip("\n").count("\n") + 1
    assert f"第{note.line}行中断" in note.message


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><script>document.write('年度报告')</script><img src='a.png'></body></html>",
        "<html><body>" + "<div>" * 300 + "2022年政府信息公开工作年度报告" + "</div>" * 300,
    ],
)
def test_a_web_page_without_readable_words_is_not_called_empty(page: str) -> None:
    with pytest.raises(UnreadableInput, match=f"^{NO_TEXT}$"):
        read_report(page.encode("utf-8"), "report.html")
