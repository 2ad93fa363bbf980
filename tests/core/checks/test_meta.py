"""Document checks: year, format, date, sections, fees, basis."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from check_builders import add_paragraph, consistent_report, of, set_section

from gongkai.core.checks import check_report
from gongkai.core.findings import Finding


def test_tables_in_the_format_of_another_year_are_a_format_version_error() -> None:
    report = consistent_report(2022, format_key="2019")
    [found] = of(check_report(report), "format-version")
    assert (
        "国办公开办函〔2021〕30号" in found.message and "国办公开办函〔2019〕60号" in found.message
    )
    assert found.line == min(c.line for c in report.table_cells("t2") if c.line)
    assert of(check_report(consistent_report(2020)), "format-version") == []
    assert of(check_report(consistent_report(2022)), "format-version") == []


MISMATCHES = [
    "根据《舟山市定海区人民政府办公室关于做好2020年度政府信息公开工作年度报告有关事项通知》的要求，"
    "现将区审交办2019年开展政府信息公开工作情况报告如下：",
    "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
    "本年度报告中所列数据统计期限从2019年1月1日到12月31日止。",
    "现将北坡镇2019年政府信息公开工作年度报告进行公开。",
    "现结合我镇实际，汇报我镇2019年政府信息公开工作。",
]
FINE = [
    "为进一步做好政府信息公开工作，2021年度区审交办将做好以下几项工作：",
    "根据《关于做好2020年度政府信息公开工作年度报告有关事项的通知》要求编制本报告。",
    "主动公开了2019年政府部门决算报告、2020年政府部门预算。",
    "2019年，我局被列为政务公开标准化规范化试点单位。",
    "现将本局2020年政府信息公开工作情况报告如下：",
    "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
    "现将《关于2019年度工作安排》执行情况及政府信息公开工作报告如下：",
    "本报告统计时间截至2021年1月10日。",
    "现就做好2021年政务公开工作提出如下安排。",
]


@pytest.mark.parametrize("sentence", MISMATCHES)
def test_a_reporting_period_stated_as_another_year_is_a_year_mismatch(sentence: str) -> None:
    report = add_paragraph(consistent_report(2020), sentence, line=7)
    [found] = of(check_report(report), "year-mismatch")
    assert found.line == 7 and found.severity == "error"
    assert found.message.startswith("报告年度为2020年，但正文称“")
    assert "2019" in found.message


@pytest.mark.parametrize("sentence", FINE)
def test_plans_history_and_cited_documents_are_not_a_year_mismatch(sentence: str) -> None:
    report = add_paragraph(consistent_report(2020), sentence, line=7)
    assert of(check_report(report), "year-mismatch") == []


def test_a_statement_wrapped_over_lines_is_read_and_placed_on_its_line() -> None:
    text = "本年度报告中所列数据统计期限为 2019\n年 1 月 1 日至 12 月 31 日。"
    report = add_paragraph(consistent_report(2020), "正文第一行。\n" + text, line=30)
    [found] = of(check_report(report), "year-mismatch")
    assert found.line == 31


@pytest.mark.parametrize(
    ("agency", "government", "published", "late"),
    [
        ("某区市场监督管理局", False, dt.date(2022, 1, 31), False),
        ("某区市场监督管理局", False, dt.date(2022, 2, 1), True),
        ("某区市场监督管理局", True, dt.date(2022, 3, 31), False),
        ("某区人民政府", False, dt.date(2022, 3, 31), False),
        ("平潭综合实验区", False, dt.date(2022, 2, 8), False),
        ("某区人民政府", False, dt.date(2022, 4, 1), True),
    ],
)
def test_publication_after_the_statutory_deadline_is_late(
    agency: str, government: bool, published: dt.date, late: bool
) -> None:
    report = consistent_report(2021, agency=agency, published=published)
    report = dataclasses.replace(report, is_government_report=government)
    found = of(check_report(report), "late-publication")
    assert bool(found) is late
    if late:
        assert "第四十九条" in found[0].message and found[0].line == report.published_line


def test_an_absent_section_is_missing() -> None:
    report = set_section(consistent_report(2021), "problems", None)
    [found] = of(check_report(report), "missing-section")
    assert "五、存在的主要问题及改进情况" in found.message


def test_a_tables_only_report_counted_from_the_registers_is_not_judged_on_sections() -> None:
    report = dataclasses.replace(consistent_report(2021), sections=(), paragraphs=())
    assert of(check_report(report), "missing-section") == []
    with_text = dataclasses.replace(report, paragraphs=consistent_report(2021).paragraphs)
    assert len(of(check_report(with_text), "missing-section")) == 6


def test_sections_after_the_end_of_an_excerpt_are_not_missing() -> None:
    report = consistent_report(2021)
    report = dataclasses.replace(
        report,
        sections=report.sections[:3],
        cells={r: c for r, c in report.cells.items() if r.table != "t4"},
        truncated=True,
    )
    assert of(check_report(report), "missing-section") == []
    assert of(check_report(dataclasses.replace(report, truncated=False)), "missing-section")


def test_sections_before_an_excerpt_that_starts_inside_a_table_are_not_missing() -> None:
    report = consistent_report(2021)
    report = dataclasses.replace(
        report, sections=report.sections[2:3], title=None, truncated=True
    )  # table 2's cells come before the first heading (三)
    assert of(check_report(report), "missing-section") == []


def test_a_section_whose_heading_the_reader_found_altered_is_not_missing() -> None:
    report = set_section(consistent_report(2021), "problems", None)
    note = Finding(
        "section-title", "第五部分标题“五、存在的主要问题及改进情况”缺失，已按内容识别", line=80
    )
    report = dataclasses.replace(report, notes=(note,))
    found = check_report(report)
    assert of(found, "missing-section") == []
    assert of(found, "section-title") == [note]


def test_an_altered_section_heading_is_a_section_title_warning() -> None:
    report = set_section(
        consistent_report(2021),
        "review_litigation",
        "x",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    )
    [found] = of(check_report(report), "section-title")
    assert "四、政府信息公开行政复议、行政诉讼情况" in found.message
    noted = Finding(
        "section-title", "第四部分标题“四、因政府信息公开申请行政复议、提起行政诉讼的情况”不规范"
    )
    altered = set_section(
        consistent_report(2021),
        "review_litigation",
        "x",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    )
    assert of(check_report(dataclasses.replace(altered, notes=(noted,))), "section-title") == [
        noted
    ]
    plain = set_section(
        consistent_report(2021), "overview", "2021年，本局认真贯彻落实条例。", "（一）总体情况"
    )
    assert of(check_report(plain), "section-title") == []


@pytest.mark.parametrize(
    ("key", "text", "empty"),
    [
        ("problems", "无。", True),
        ("problems", "本年度工作总体平稳，各项工作顺利开展，群众满意。", True),
        ("problems", "一是解读形式单一；下一步将丰富解读形式。", False),
        ("overview", "略。", True),
        ("other", "无。", False),  # "无" is fine for 六 (2019); 2021+ is fee-not-reported
        ("other", "", True),
    ],
)
def test_a_section_without_substance_is_an_empty_section(key: str, text: str, empty: bool) -> None:
    report = set_section(consistent_report(2020), key, text)
    found = of(check_report(report), "empty-section")
    assert bool(found) is empty


@pytest.mark.parametrize(
    ("year", "text", "reported"),
    [
        (2021, "无。", True),
        (2021, "本年度未收取信息处理费。", False),
        (2022, "本机关依据国办函〔2020〕109号收取费用0元。", False),
        (2020, "无。", False),
    ],
)
def test_a_2021_format_report_must_report_information_fees_in_section_six(
    year: int, text: str, reported: bool
) -> None:
    report = set_section(consistent_report(year), "other", text)
    found = of(check_report(report), "fee-not-reported")
    assert bool(found) is reported
    assert of(check_report(report), "empty-section") == []


BASIS = (
    "根据《中华人民共和国政府信息公开条例》及《国务院办公厅政府信息与政务公开办公室关于政府信息公开"
    "工作年度报告有关事项的通知》(国办公开办函〔2019〕60号)的要求,编制本报告。"
)


def test_citing_the_superseded_format_notice_as_the_basis_is_an_outdated_basis() -> None:
    report = add_paragraph(consistent_report(2022), BASIS, line=3)
    [found] = of(check_report(report), "outdated-basis")
    assert found.line == 3 and found.severity == "warning"
    assert "国办公开办函〔2021〕30号" in found.message
    assert of(check_report(add_paragraph(consistent_report(2020), BASIS)), "outdated-basis") == []
    both = "按照国办公开办函[2021]30号编制，国办公开办函〔2019〕60号规定的试行格式不再使用。"
    assert of(check_report(add_paragraph(consistent_report(2022), both)), "outdated-basis") == []
    current = BASIS.replace("〔2019〕60号", "〔2021〕30号")
    assert of(check_report(add_paragraph(consistent_report(2022), current)), "outdated-basis") == []
