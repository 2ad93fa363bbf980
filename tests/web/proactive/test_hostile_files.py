"""Hostile files (issue 13, item 4): spreadsheet imports refuse decompression bombs, absurd row
counts and malformed CSV with a Chinese reason — never a server error, never unbounded work."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from django.urls import reverse
from openpyxl import Workbook

from gongkai.core.zipguard import MB
from gongkai.web.common.errors import ApplicationError
from gongkai.web.proactive import importing

HEADER = "索引号,名称,内容概述,文号,生成日期,公开日期,发布机构,主题分类,有效性,发布渠道"


def workbook(rows: int = 1) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for n in range(rows):
        sheet.append([f"X-{n}", "名称", None, None, "2025-06-04", None, None, "工作动态"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, name: str, write: Callable[[io.BufferedIOBase], None]) -> bytes:
    """``data`` with member ``name`` replaced by what ``write`` streams (never all in memory)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in source.infolist():
            if member.filename != name:
                target.writestr(member, source.read(member.filename))
        with target.open(name, "w", force_zip64=True) as handle:
            write(handle)
    return out.getvalue()


def repeated(
    head: bytes, unit: bytes, count: int, tail: bytes
) -> Callable[[io.BufferedIOBase], None]:
    def write(handle: io.BufferedIOBase) -> None:
        handle.write(head)
        block = unit * 10_000
        for _ in range(count // 10_000):
            handle.write(block)
        handle.write(tail)

    return write


def shared_strings_bomb(text: bytes, count: int) -> bytes:
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    unit = b"<si><t>" + text + b"</t></si>"
    return rezip(workbook(), "xl/sharedStrings.xml", repeated(sst, unit, count, b"</sst>"))


def import_bytes(district, data: bytes, name: str = "目录.xlsx"):
    return importing.items_import(
        acting_user=district.officer_a, agency=district.dept_a, data=data, filename=name
    )


def test_a_shared_strings_bomb_is_refused_before_it_is_unpacked(district):
    bomb = shared_strings_bomb("公开".encode() * 20, 400_000)  # 135 bytes each
    assert len(bomb) < 2 * MB  # 54 MB once unpacked
    with pytest.raises(ApplicationError, match=r"压缩炸弹.*sharedStrings\.xml"):
        import_bytes(district, bomb)


def test_a_sheet_bomb_is_refused_by_its_compression_ratio(district):
    ns = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    bomb = rezip(
        workbook(),
        "xl/worksheets/sheet1.xml",
        repeated(ns, b"<row/>", 2_000_000, b"</sheetData></worksheet>"),
    )
    with pytest.raises(ApplicationError, match="压缩比超过200倍"):
        import_bytes(district, bomb)


def test_a_sheet_claiming_a_million_rows_is_refused_without_reading_them(district):
    ns = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    sheet = (
        ns
        + b'<dimension ref="A1:XFD1048576"/><sheetData>'
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe7\xb4\xa2\xe5\xbc\x95\xe5\x8f\xb7</t></is></c></row>'
        + b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        + b"</sheetData></worksheet>"
    )
    data = rezip(workbook(), "xl/worksheets/sheet1.xml", lambda handle: handle.write(sheet))
    header, rows = importing.read_rows(data, "a.xlsx")
    assert header == ["索引号"] + [""] * (importing.MAX_COLUMNS - 1)  # at most 40 columns read
    with pytest.raises(ApplicationError, match="一次最多导入20000行"):
        for _ in rows:
            pass


def test_a_csv_cell_longer_than_any_real_one_is_a_chinese_error(district):
    text = HEADER + "\nA-1," + "长" * 200_000 + ",,,2025-01-01,,,工作动态,,\n"
    with pytest.raises(ApplicationError, match="CSV 文件格式有误"):
        import_bytes(district, text.encode(), "目录.csv")


def test_the_import_job_of_a_bomb_fails_with_the_reason(client, district):
    bomb = shared_strings_bomb(b"x" * 100, 500_000)
    client.force_login(district.officer_a)
    upload = io.BytesIO(bomb)
    upload.name = "目录.xlsx"
    answer = client.post(
        reverse("proactive:import") + f"?agency={district.dept_a.pk}", {"file": upload}, follow=True
    )
    assert answer.status_code == 200
    assert "失败" in answer.text and "压缩炸弹" in answer.text


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(client, district):
    client.force_login(district.officer_a)
    upload = io.BytesIO(b"x" * (importing.MAX_BYTES + 1))
    upload.name = "目录.csv"
    answer = client.post(
        reverse("proactive:import") + f"?agency={district.dept_a.pk}", {"file": upload}
    )
    assert answer.status_code == 400
    assert "文件超过10MB" in answer.text
