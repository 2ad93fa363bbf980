"""Bulk import of a 目录 from CSV or Excel: every bad row reported with its row number, column
and a Chinese reason; nothing imported until the file is clean, or only the good rows on request."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from gongkai.web.common.errors import ApplicationError
from gongkai.web.proactive import importing, services
from gongkai.web.proactive.models import Item

TODAY = dt.date(2025, 12, 31)
HEADER = "索引号,名称,内容概述,文号,生成日期,公开日期,发布机构,主题分类,有效性,发布渠道"


@pytest.fixture
def agency(district):
    services.categories_ensure_defaults(agency=district.dept_a)
    services.channel_create(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        kind="portal",
        name="示例区门户网站",
    )
    services.channel_create(
        acting_user=district.reviewer_a, agency=district.dept_a, kind="new_media", name="示例教育"
    )
    return district.dept_a


def run(district, agency, text, *, good_rows_only=False, encoding="utf-8-sig", name="目录.csv"):
    return importing.items_import(
        acting_user=district.officer_a,
        agency=agency,
        data=text.encode(encoding),
        filename=name,
        good_rows_only=good_rows_only,
        today=TODAY,
    )


CLEAN = "\n".join(
    [
        HEADER,
        "A-1,区教育局召开工作会,,教〔2025〕1号,2025-03-03,2025-03-05,,工作动态,有效,门户网站",
        "A-2,关于做好招生工作的通知,,,2025/04/01,2025年4月3日,,通知公告,,示例教育；示例区门户网站",
        "A-3,人事任免通知,,,2025.05.06,,,人事任免,失效,",
    ]
)


def test_a_clean_file_is_imported_with_due_dates_and_channels(district, agency):
    result = run(district, agency, CLEAN)
    assert (result.rows, result.imported, result.errors) == (3, 3, [])
    second = Item.objects.get(index_number="A-2")
    assert second.published_on == dt.date(2025, 4, 3)
    assert {c.name for c in second.channels.all()} == {"示例教育", "示例区门户网站"}
    assert Item.objects.get(index_number="A-1").due_on == dt.date(2025, 3, 31)
    assert Item.objects.get(index_number="A-3").validity == "expired"


BAD = "\n".join(
    [
        HEADER,
        "B-1,好的一行,,,2025-03-03,2025-03-05,,工作动态,有效,门户网站",
        "B-2,,,,2025-13-03,,,工作动态,,",
        "B-1,重复的索引号,,,2025-03-03,2025-03-01,,不存在的分类,永久,抖音",
        "B-4,已公开但没有渠道,,,2025-03-03,2025-03-04,,工作动态,,",
    ]
)


def test_every_bad_row_is_reported_and_nothing_is_imported(district, agency):
    result = run(district, agency, BAD)
    assert result.imported == 0
    assert not Item.objects.exists()
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (3, "名称"),
        (3, "生成日期"),
        (4, "索引号"),
        (4, "公开日期"),
        (4, "主题分类"),
        (4, "有效性"),
        (4, "发布渠道"),
        (5, "发布渠道"),
    }
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert messages[(3, "生成日期")] == "无法识别日期“2025-13-03”，请写成 2025-05-06"
    assert messages[(4, "索引号")] == "索引号“B-1”与第2行重复"
    assert "可用的有：政务动态" in messages[(4, "主题分类")]
    assert result.bad_rows == 3


def test_only_the_good_rows_are_imported_when_asked(district, agency):
    result = run(district, agency, BAD, good_rows_only=True)
    assert result.imported == 1
    assert list(Item.objects.values_list("index_number", flat=True)) == ["B-1"]
    assert result.bad_rows == 3


def test_rows_already_in_the_catalogue_are_reported(district, agency):
    run(district, agency, CLEAN)
    result = run(district, agency, CLEAN)
    assert result.imported == 0
    assert {e.message for e in result.errors} == {
        "索引号“A-1”已在本机关目录中",
        "索引号“A-2”已在本机关目录中",
        "索引号“A-3”已在本机关目录中",
    }


def test_a_gbk_encoded_csv_from_excel_is_read(district, agency):
    result = run(district, agency, CLEAN, encoding="gb18030")
    assert result.imported == 3


def test_an_excel_file_with_real_date_cells_is_imported(district, agency):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "X-1",
            "Excel 导入",
            None,
            None,
            dt.datetime(2025, 6, 2),  # noqa: DTZ001 - Excel stores dates as naive datetimes
            dt.date(2025, 6, 3),
            None,
            "政务动态",
            "有效",
            "门户网站",
        ]
    )
    sheet.append(["X-2", "第二行", None, None, "2025-06-04", None, None, "没有的分类", None, None])
    buffer = io.BytesIO()
    book.save(buffer)

    def upload(**options):
        return importing.items_import(
            acting_user=district.officer_a,
            agency=agency,
            data=buffer.getvalue(),
            filename="目录.xlsx",
            today=TODAY,
            **options,
        )

    result = upload()
    assert result.imported == 0
    assert [(e.row, e.column) for e in result.errors] == [(3, "主题分类")]
    result = upload(good_rows_only=True)
    assert Item.objects.get(index_number="X-1").published_on == dt.date(2025, 6, 3)


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("名称,生成日期\n某,2025-01-01", "a.csv", "表头缺少“主题分类”列"),
        ("", "a.csv", "文件是空的"),
        (HEADER, "a.csv", "没有数据行"),
        (CLEAN, "a.pdf", "只能导入 CSV 或 Excel"),
    ],
)
def test_a_file_that_is_not_a_catalogue_is_refused_with_one_line(
    district, agency, text, name, message
):
    with pytest.raises(ApplicationError, match=message):
        run(district, agency, text, name=name)


def test_a_broken_excel_file_is_refused(district, agency):
    with pytest.raises(ApplicationError, match="无法读取该 Excel 文件"):
        importing.items_import(
            acting_user=district.officer_a,
            agency=agency,
            data=b"PK\x03\x04junk",
            filename="a.xlsx",
            today=TODAY,
        )


def test_the_template_is_a_clean_file(district, agency):
    result = run(district, agency, importing.template_csv().lstrip("\ufeff"))
    assert result.errors == [] and result.imported == 1
