"""Report metadata: year, agency, publication date, 本级政府 or department (条例第四十九条)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.parsing import read_report
from gongkai.core.report import Report

BODY = "\n一、总体情况\n本年度依法做好政府信息公开工作。\n二、主动公开政府信息情况\n全年主动公开信息100条。\n"


def read(text: str) -> Report:
    return read_report(text.encode("utf-8"), "meta.txt")


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("区审交办2020年政府信息公开工作年度报告", "区审交办", 2020),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("平潭综合实验区2019年度政府信息公开工作年度报告", "平潭综合实验区", 2019),
        ("示例区人民政府办公室关于2022年政府信息公开工作年度报告", "示例区人民政府办公室", 2022),
        ("示例县司法局政府信息公开工作年度报告（2023年度）", "示例县司法局", 2023),
        ("示例县示例局2022年度政务公开工作年度报告", "示例县示例局", 2022),
        ("关于2022年度政府信息公开情况的报告", None, 2022),
    ],
)
def test_the_agency_and_year_come_from_the_title(title: str, agency: str | None, year: int) -> None:
    report = read(title + BODY)
    assert (report.agency, report.year, report.title_line) == (agency, year, 1)


def test_a_signature_that_names_the_agency_more_fully_wins() -> None:
    report = read(
        "区审交办2020年政府信息公开工作年度报告" + BODY + "\n定海区审交办\n   2021年1月13日\n"
    )
    assert report.agency == "定海区审交办"
    assert report.published == dt.date(2021, 1, 13)
    assert report.published_line == 8


def test_a_date_in_chinese_numerals_at_the_end() -> None:
    report = read(
        "示例县示例局2022年政府信息公开工作年度报告" + BODY + "示例县示例局\n二〇二三年一月十三日\n"
    )
    assert report.published == dt.date(2023, 1, 13)


def test_a_date_inside_a_closing_sentence_is_not_the_publication_date() -> None:
    text = (
        "示例县示例局2022年政府信息公开工作年度报告"
        + BODY
        + "六、其他需要报告的事项\n本局将于2023年3月1日前完成整改，并持续做好相关工作，确保各项任务落实到位。\n"
    )
    assert read(text).published is None


def test_the_year_from_the_statistical_period_when_there_is_no_title() -> None:
    text = "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。" + BODY
    assert read(text).year == 2024


def test_the_year_from_the_sentence_naming_the_years_work() -> None:
    text = "一、总体情况\n现结合我镇实际，汇报我镇2023年政府信息公开工作。\n二、主动公开政府信息情况\n略。\n"
    assert read(text).year == 2023


@pytest.mark.parametrize(
    ("agency", "government"),
    [
        ("示例县人民政府", True),
        ("平潭综合实验区", True),
        ("示例市示例区", True),
        ("上海市人民政府办公厅", False),
        ("示例县教育局", False),
        ("定海区审交办", False),
    ],
)
def test_a_report_of_a_whole_government_is_told_from_a_departments(
    agency: str, government: bool
) -> None:
    report = read(f"{agency}2022年政府信息公开工作年度报告" + BODY)
    assert report.agency == agency
    assert report.is_government_report is government


def test_a_crawler_header_gives_title_and_date() -> None:
    text = (
        "标题: 示例县示例局2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n文号: \n"
        "==================== 正文 ====================\n当前位置：首页 " + BODY
    )
    report = read(text)
    assert report.title == "示例县示例局2021年度政府信息公开工作年度报告"
    assert (report.year, report.agency, report.published) == (
        2021,
        "示例县示例局",
        dt.date(2022, 2, 8),
    )
    assert not any(
        p.text.startswith("标题") or p.text.startswith("发布时间") for p in report.paragraphs
    )


def test_a_report_without_tables_has_no_format() -> None:
    report = read("示例县示例局2022年政府信息公开工作年度报告" + BODY)
    assert report.format_key is None and report.tables_present == frozenset()


def test_the_crawler_headers_publisher_names_the_agency_when_the_title_does_not() -> None:
    text = (
        "标题: 2022年度政府信息公开工作年度报告\n发布时间: 2023-01-20 09:00\n发布机构: 示例县统计局\n"
        "==================== 正文 ====================" + BODY
    )
    report = read(text)
    assert (report.agency, report.year) == ("示例县统计局", 2022)
