"""Narrative checks: text against table, text against itself, repetition, lost numbers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from check_builders import add_paragraph, consistent_report, of, replace_paragraph, t3_values

from gongkai.core.checks import check_report
from gongkai.core.formats import FORMATS, format_for_year
from gongkai.core.report import CellRef, Report


def total(row: str, year: int = 2021) -> int:
    fmt = format_for_year(year)
    return int(t3_values(fmt)[CellRef("t3", row, "total")])


def group(prefix: str) -> int:
    fmt = FORMATS["2021"]
    return sum(total(r) for r in fmt.outcome_rows if r.startswith(prefix))


def mismatches(report: Report) -> list[str]:
    return [f.message for f in of(check_report(report), "text-table-mismatch")]


# (a statement in the consistent report, the figure the table gives for it)
STATEMENTS = [
    ("收到政府信息公开申请{}件", lambda: total("received")),
    ("上年结转{}件", lambda: total("carried_in")),
    ("办结{}件", lambda: total("closed_total")),
    ("结转下年度继续办理{}件", lambda: total("carried_out")),
    ("予以公开及部分公开{}件", lambda: total("granted") + total("partial")),
    ("不予公开{}件", lambda: group("withheld.")),
    ("无法提供{}件", lambda: group("unable.")),
    ("不予处理{}件", lambda: group("not_handled.")),
    ("其他处理{}件", lambda: group("other.")),
    ("行政复议{}件", lambda: 3),
]


@pytest.mark.parametrize(("pattern", "figure"), STATEMENTS)
def test_a_narrative_number_that_differs_from_the_table_is_a_text_table_mismatch(
    pattern: str, figure: Callable[[], int]
) -> None:
    value = figure()
    report = consistent_report(2021)
    assert mismatches(report) == []
    wrong = replace_paragraph(report, pattern.format(value), pattern.format(value + 7))
    [message] = mismatches(wrong)
    assert f"正文称“{pattern.format(value + 7)}" in message or pattern.format(value + 7) in message
    assert str(value) in message


@pytest.mark.parametrize(
    ("sentence", "mismatch"),
    [
        ("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。", True),
        ("市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件）。", True),
        ("另有72件申请按照《条例》顺延到下年度答复。", True),
        ("本年度制发规章5件。", True),
        ("共收到政府信息公开申请8份。", True),
        ("全年受理各类群众诉求259起，办结率100%。", False),
        ("发布政策解读短视频近300件。", False),
        ("全年办理行政复议案件300件，行政诉讼应诉案件40件。", False),  # not about 公开
        ("全年公开行政复议案件120件。", False),  # published decisions, not disclosure cases
        ("因政府信息公开被申请行政复议9件。", True),
        ("主动公开规章13件，行政规范性文件60件。", False),  # published, not 制发
        ("收到政府信息公开申请的同时，通过热线答复咨询120件。", False),
        ("2020年共收到政府信息公开申请18件，本年有所增加。", False),
        ("历年累计收到政府信息公开申请300件。", False),
        ("全年办理公开工作相关的群众来电，答复120件。", False),
    ],
)
def test_which_narrative_statements_are_compared_with_the_table(
    sentence: str, mismatch: bool
) -> None:
    report = add_paragraph(consistent_report(2021), "（二）依申请公开方面。" + sentence)
    assert bool(mismatches(report)) is mismatch


def test_granted_including_partial_is_compared_with_both_rows() -> None:
    both = total("granted") + total("partial")
    sentence = f"（二）依申请公开方面。全年收到的政府信息公开申请中，予以公开{both}件（含部分公开{total('partial')}件）。"
    assert mismatches(add_paragraph(consistent_report(2021), sentence)) == []


def test_a_blank_total_is_compared_through_the_sum_of_its_applicant_columns() -> None:
    from check_builders import set_cell

    report = set_cell(consistent_report(2021), CellRef("t3", "granted", "total"), None)
    assert mismatches(report) == []  # the narrative's 予以公开及部分公开 still agrees


def test_the_mismatch_names_the_statement_the_row_and_the_line() -> None:
    wrong = replace_paragraph(consistent_report(2021), "不予公开", "因涉及第三方不予公开")
    wrong = replace_paragraph(wrong, f"不予公开{group('withheld.')}件", "不予公开99件")
    [finding] = of(check_report(wrong), "text-table-mismatch")
    assert finding.table == "t3" and finding.row == "withheld.state_secret"
    assert "“（三）不予公开”各项合计" in finding.message
    assert finding.line is not None and f"第{finding.line}行" in finding.message


def arithmetic(report: Report) -> list[str]:
    return [f.message for f in of(check_report(report), "text-arithmetic")]


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        (
            "全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,其他政府信息4条。",
            False,
        ),
        (
            "全年主动公开政府信息总数175条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,其他政府信息4条。",
            True,
        ),
        (
            "共公布政府信息2599条，(其中机构职能类信息25条，规划计划类信息28条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过网站发布。",
            True,
        ),
        (
            "今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。",
            False,
        ),
        ("共发布信息100条，其中政策解读20条、工作动态30条。", False),  # a subset, not a breakdown
        ("发布各类办事服务指引403项，其中直接办事服务19项。", False),
        ("举办业务培训3期：第1期讲条例，第2期讲依申请，第3期讲年报。", False),
        # Channels counted more than once, as the text itself says (gongkai's own narrative).
        (
            "本机关主动公开政府信息12条，其中通过政府门户网站公开12条、通过政务新媒体公开5条"
            "（渠道可重复计算）；发布政策解读0条。",
            False,
        ),
        (
            "本机关主动公开政府信息12条，其中通过政府门户网站公开12条、通过政务新媒体公开5条；"
            "发布政策解读0条。",
            True,
        ),
    ],
)
def test_a_stated_whole_must_equal_its_listed_parts(sentence: str, reported: bool) -> None:
    report = add_paragraph(consistent_report(2021), sentence)
    assert bool(arithmetic(report)) is reported


SHANGHAI = (
    "答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。"
    "予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，"
    "占32.9%；不予处理158件，占19.6%；其他处理0件。"
)
SHANGHAI_2025 = (
    "办结 1191 件（含上年结转 189 件），均在法定期限内答复。其中，予以公开及部分公开 208 件（17.46%），"
    "不予公开 20 件（1.68%），因本机关不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等"
    "不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人主动撤回 157 件）。"
)


def test_results_that_do_not_add_up_to_the_closed_count_or_to_100_percent_are_reported() -> None:
    [message] = arithmetic(add_paragraph(consistent_report(2021), SHANGHAI))
    assert "＝716件，与所称办结（答复）805件不符" in message
    assert "＝90.74%，合计不是100%" in message


def test_a_breakdown_that_leaves_out_a_result_is_not_expected_to_add_up() -> None:
    partial = SHANGHAI.replace("；其他处理0件", "")
    assert arithmetic(add_paragraph(consistent_report(2021), partial)) == []


def test_results_that_add_up_are_not_reported() -> None:
    assert arithmetic(add_paragraph(consistent_report(2021), SHANGHAI_2025)) == []
    assert arithmetic(consistent_report(2021)) == []


def duplicates(report: Report) -> list[str]:
    return [f.message for f in of(check_report(report), "duplicate-paragraph")]


def test_a_paragraph_printed_twice_is_a_duplicate() -> None:
    text = "区审交办及时明确以副主任为分管领导，协调科为责任科室的工作机制。"
    report = add_paragraph(add_paragraph(consistent_report(2021), text, 4), text, 9)
    [finding] = of(check_report(report), "duplicate-paragraph")
    assert finding.line == 9 and "与第4行" in finding.message


def test_short_boilerplate_may_repeat() -> None:
    report = add_paragraph(add_paragraph(consistent_report(2021), "无。", 4), "无。", 9)
    assert duplicates(report) == []


@pytest.mark.parametrize(
    ("sentence", "run"),
    [
        ("二是规范审核审核发布机制。", "审核"),
        (
            "区领导参与平潭港口岸对外开放新闻发布会、聚焦新中国成立 70 周年平潭专场新闻发布会"
            "聚焦新中国成立 70 周年平潭专场新闻发布会；",
            "聚焦新中国成立70周年平潭专场新闻发布会",
        ),
    ],
)
def test_a_run_of_text_repeated_back_to_back_is_a_duplicate(sentence: str, run: str) -> None:
    [message] = duplicates(add_paragraph(consistent_report(2021), sentence))
    assert f"“{run}”连续重复了两次" in message


@pytest.mark.parametrize(
    "sentence",
    [
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
        "人人参与，天天更新，一一对应。",
        "对照问题清单一项一项抓落实。",
        "编号1010的文件已公开。",
    ],
)
def test_table_headers_and_single_character_doubling_are_not_duplicates(sentence: str) -> None:
    assert duplicates(add_paragraph(consistent_report(2021), sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。", True),
        ("全年公开核准企业资质36条、施工许可证76条、安全生产许可证121条。", False),
        ("下发各类文件、通知12件、简报3期。", False),
        ("逐条对照、逐项整改，整改问题5项。", False),
    ],
)
def test_a_count_word_without_its_number_is_a_missing_number(sentence: str, reported: bool) -> None:
    report = add_paragraph(consistent_report(2021), "相关信息。" + sentence)
    found = of(check_report(report), "missing-number")
    assert bool(found) is reported
    if reported:
        assert "核准企业资质条" in found[0].message and "施工许可证76条" in found[0].message


# --- Issue 12, item 5: narrative rules, wider and correctly paired ---------------------------


def test_the_narratives_category_words_are_paired_with_the_right_table_3_row() -> None:
    granted, partial = total("granted"), total("partial")
    report = add_paragraph(
        consistent_report(2022),
        f"对收到的政府信息公开申请，已答复同意公开的{granted}件，部分同意公开{partial}件。"
        f"办结的申请中，同意公开{granted}件、部分公开{partial}件。",
    )
    assert mismatches(report) == []  # before: "已答复同意公开的N件" was compared with （七）总计
    wrong = add_paragraph(
        consistent_report(2022), f"对收到的政府信息公开申请，已答复同意公开的{granted + 1}件。"
    )
    [message] = mismatches(wrong)
    assert "（一）予以公开" in message and "总计" not in message


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("全年接待群众咨询300人次，其中现场咨询200人次、电话咨询150人次。", True),
        ("全年接待群众咨询300人次，其中现场咨询200人次、电话咨询50人次。", False),
        ("收取信息处理费1.5万元，其中：复印费1.2万元，邮寄费0.5万元。", True),
        ("收取信息处理费1.7万元，其中：复印费1.2万元，邮寄费0.5万元。", False),
        ("主动公开政府信息171条，其中政策文件124条、工作动态34条。", False),
        ("全年共组织培训6个，其中线上培训4个，线下培训3个。", True),
        # parts the text itself says overlap (one item on several channels) may exceed the whole
        (
            "本机关主动公开政府信息12条，其中通过政府门户网站公开12条、"
            "通过政务新媒体公开5条（渠道可重复计算）；发布政策解读2条。",
            False,
        ),
        ("本机关主动公开政府信息12条，其中通过政府门户网站公开12条、通过政务新媒体公开5条。", True),
    ],
)
def test_whole_and_parts_in_any_unit(text: str, caught: bool) -> None:
    found = of(check_report(add_paragraph(consistent_report(2022), text)), "text-arithmetic")
    assert bool(found) is caught, found


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("通过政务微博发布信息120条、政策解读5篇、图解。", True),
        ("主动公开文件12件、解读5篇、新闻发布会3场、视频。", True),
        ("发布信息120条、解读5篇、回应关切等。", False),
        ("发布信息120条、解读5篇、加强政策解读工作。", False),
    ],
)
def test_a_list_clause_that_lost_its_count_and_unit_at_the_end(text: str, caught: bool) -> None:
    found = of(check_report(add_paragraph(consistent_report(2022), text)), "missing-number")
    assert bool(found) is caught, found
