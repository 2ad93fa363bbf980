"""The flattened shapes of annual-report-formats.md §10–11, each in a small synthetic report."""

from __future__ import annotations

from decimal import Decimal

from gongkai.core.formats import FORMAT_2019, FORMAT_2021
from gongkai.core.parsing import read_report
from gongkai.core.report import Report

HEAD_2021 = (
    "示例县示例局2022年政府信息公开工作年度报告\n一、总体情况\n本年度依法做好政府信息公开工作。\n"
)
HEAD_2019 = (
    "示例县示例局2020年政府信息公开工作年度报告\n一、总体情况\n本年度依法做好政府信息公开工作。\n"
)
TAIL = "五、存在的主要问题及改进情况\n存在的问题是解读不够。\n六、其他需要报告的事项\n无。\n示例县示例局\n2023年1月10日\n"

T3_LABELS_2021 = [r.label for r in FORMAT_2021.t3.rows]


def read(text: str, name: str = "report.txt") -> Report:
    return read_report(text.encode("utf-8"), name)


def read_with_t3(table_3: str) -> Report:
    """A 2021 report whose section 三 holds ``table_3`` (text after the heading line)."""
    return read(HEAD_2021 + "三、收到和处理政府信息公开申请情况\n" + table_3 + T4_ZEROS + TAIL)


def t3_pipes(values: list[list[str]], labels: list[str] | None = None) -> str:
    lines = ["三、收到和处理政府信息公开申请情况", FORMAT_2021.t3.note or "", "申请人情况 |"]
    for label, row in zip(labels or T3_LABELS_2021, values, strict=True):
        lines.append(f"{label} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def zeros_except(row: int, cells: list[str]) -> list[list[str]]:
    table = [["0"] * 7 for _ in T3_LABELS_2021]
    table[row] = cells
    return table


def read_relabelled_t3(relabelled: dict[int, str], table: list[list[str]]) -> Report:
    """A 2021 report whose table 3 prints ``table`` under its labels, those of the rows in
    ``relabelled`` (by index) printed as given there instead."""
    labels = list(T3_LABELS_2021)
    for index, label in relabelled.items():
        labels[index] = label
    return read(HEAD_2021 + t3_pipes(table, labels) + T4_ZEROS + TAIL)


T4_ZEROS = (
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n"
    + " | ".join(["0"] * 15)
    + " |\n"
)
T2_ZEROS_2021 = (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |\n"
)


def test_one_cell_per_line_with_bare_pipes_as_blank_cells() -> None:
    # §10 R3: cells end with "|", and a line holding only "|" is a blank cell.
    rows = [f"{T3_LABELS_2021[0]} |", "56 |", "|", "|", "|", "|", "|", "56 |"]
    report = read_with_t3("申请人情况 |\n" + "\n".join(rows) + "\n")
    assert [report.value("t3", "received", c.key) for c in FORMAT_2021.t3.blocks[0].columns] == [
        56,
        0,
        0,
        0,
        0,
        0,
        56,
    ]
    assert report.cell("t3", "received", "commercial").value is None  # type: ignore[union-attr]


def test_one_cell_per_line_with_pipe_lines_as_separators() -> None:
    # Corpus 016: "|" lines separate the cells; two in a row enclose a blank cell.
    cells = [T3_LABELS_2021[0], "3", "", "0", "0", "0", "0", "3"]
    report = read_with_t3("申请人情况\n|\n" + "\n|\n".join(cells) + "\n|\n")
    natural, commercial = (report.cell("t3", "received", k) for k in ("natural", "commercial"))
    assert natural is not None and natural.value == 3
    assert commercial is not None and commercial.value is None
    assert report.value("t3", "received", "total") == 3


def test_a_group_label_as_an_extra_leading_cell() -> None:
    relabelled = {
        2: "三、本年度办理结果 | " + T3_LABELS_2021[2],
        4: "（三）不予公开 | " + T3_LABELS_2021[4],
    }
    report = read_relabelled_t3(relabelled, zeros_except(2, ["2", "1", "0", "0", "0", "0", "3"]))
    assert report.value("t3", "granted", "total") == 3
    assert report.value("t3", "withheld.state_secret", "total") == 0
    assert report.notes == ()


def test_labels_broken_by_spaces_and_line_breaks_and_half_width_punctuation() -> None:
    relabelled = {
        0: "一、本年新收政府信息\n公开申请数量",
        3: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        5: "2. 其他法律 行政法规 禁止公开",
    }
    table = zeros_except(3, ["4", "0", "0", "0", "0", "0", "4"])
    table[0] = ["9", "0", "0", "0", "0", "0", "9"]
    report = read_relabelled_t3(relabelled, table)
    assert report.value("t3", "received", "natural") == 9
    assert report.value("t3", "partial", "total") == 4
    assert report.value("t3", "withheld.law_forbidden", "total") == 0
    assert report.notes == ()


def test_a_declared_label_misprint_is_read_and_reported() -> None:
    report = read_relabelled_t3(
        {3: "（二）部分公开（区分处理的，只计这一情况，不计其他情形）"},
        zeros_except(3, ["1", "0", "0", "0", "0", "0", "1"]),
    )
    assert report.value("t3", "partial", "total") == 1
    [note] = report.notes
    assert note.code == "label-deviation" and note.row == "partial"
    assert "只计这一情况" in note.message and "只计这一情形" in note.message


def test_an_undeclared_typo_is_matched_within_a_small_edit_distance() -> None:
    report = read_relabelled_t3(
        {8: "5.属于三类内步事务信息"}, zeros_except(8, ["2", "0", "0", "0", "0", "0", "2"])
    )
    assert report.value("t3", "withheld.internal_affairs", "total") == 2
    assert [(n.code, n.row) for n in report.notes] == [
        ("label-deviation", "withheld.internal_affairs")
    ]


def test_rows_whose_labels_are_garbled_are_placed_by_order() -> None:
    relabelled = {
        19: "已获取信息",  # the label of （五）5 was lost in a conversion
        20: "行政机关不再处理其政府信息公",
    }
    report = read_relabelled_t3(relabelled, zeros_except(20, ["5", "0", "0", "0", "0", "0", "5"]))
    assert report.value("t3", "other.no_correction", "total") == 5
    assert report.value("t3", "not_handled.confirm_existing", "total") == 0


def test_crawler_text_with_everything_on_one_line_is_split_by_the_tables_arithmetic() -> None:
    labels = [r.label for r in FORMAT_2021.t3.rows]
    values = ["120000012"] + ["0000000"] * 22 + ["110000011", "1000001"]
    values[2] = "6000006"
    values[4] = "5000005"
    t3 = "".join(label + digits for label, digits in zip(labels, values, strict=True))
    line = (
        "示例县示例局2022年政府信息公开工作年度报告 一、总体情况本年度收到申请12件。二、主动公开政府信息情况"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件123"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        + t3
        + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼"
        + "0" * 15
        + "五、存在的主要问题及改进情况无。六、其他需要报告的事项无。"
    )
    report = read(line)
    assert (report.year, report.agency) == (2022, "示例县示例局")
    assert report.value("t3", "received", "natural") == 12
    assert report.value("t3", "granted", "total") == 6
    assert report.value("t3", "closed_total", "total") == 11
    assert report.value("t3", "carried_out", "total") == 1
    assert report.value("t2", "normative_docs", "issued") == 1
    assert report.value("t2", "normative_docs", "in_force") == 3
    assert all(report.value("t4", r.key, "total") == 0 for r in FORMAT_2021.t4.rows)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.notes == ()


def test_table_4_as_a_bare_run_of_fifteen_numbers_under_broken_headers() -> None:
    t4 = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
        "结 结 其 尚 总\n果 果 他 未 计\n维 纠 结 审\n持 正 果 结\n"
        "1 0 0 1 2 0 0 0 0 0 3 0 0 0 3\n"
    )
    report = read(HEAD_2021 + t3_pipes(zeros_except(0, ["0"] * 7)) + t4 + TAIL)
    assert report.value("t4", "review", "upheld") == 1
    assert report.value("t4", "review", "total") == 2
    assert report.value("t4", "suit_after_review", "upheld") == 3
    assert report.value("t4", "suit_after_review", "total") == 3


def test_interpreted_values_units_and_dashes_in_table_2() -> None:
    t2 = (
        "二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
        "规章 | — | / | 无 |\n规范性文件 | 1 | 1 | 5 |\n"
        "第二十条第（五）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
        "行政许可 | 10 | 减4 | 100 |\n其他对外管理服务事项 | 3 | -1 | 2 |\n"
        "第二十条第（九）项 |\n信息内容 | 采购项目数量 | 采购总金额 |\n政府集中采购 | 6 | 251000元 |\n"
    )
    report = read(HEAD_2019 + t2 + TAIL.replace("2023", "2021"))
    assert report.format_key == "2019"
    assert [
        report.cell("t2", "rules", c).value for c in ("made", "published", "total_published")
    ] == [None] * 3  # type: ignore[union-attr]
    change = report.cell("t2", "licensing", "change")
    assert change is not None and change.value == -4 and change.interpreted
    assert report.value("t2", "other_services", "change") == -1
    amount = report.cell("t2", "procurement", "amount")
    assert amount is not None and amount.value == 251000 and amount.unit == "元"


def test_a_decimal_in_a_count_column_is_left_out_and_noted() -> None:
    t2 = T2_ZEROS_2021.replace("行政规范性文件 | 0 | 0 | 0 |", "行政规范性文件 | 1.5 | 0 | 0 |")
    report = read(HEAD_2021 + t2 + t3_pipes(zeros_except(0, ["0"] * 7)) + T4_ZEROS + TAIL)
    assert report.cell("t2", "normative_docs", "issued") is None
    assert report.value("t2", "normative_docs", "repealed") == 0
    assert [(n.code, n.row) for n in report.notes] == [("unparsed-table", "normative_docs")]


def test_the_fee_amount_keeps_its_decimals() -> None:
    t2 = (
        T2_ZEROS_2021
        + "第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 190.457379 |\n"
    )
    report = read(HEAD_2021 + t2 + t3_pipes(zeros_except(0, ["0"] * 7)) + T4_ZEROS + TAIL)
    assert report.value("t2", "fees", "amount_wan") == Decimal("190.457379")


def test_one_cell_per_paragraph_with_dashes_for_blank_cells() -> None:
    cells = [T3_LABELS_2021[0], "7", "—", "—", "—", "—", "—", "7"]
    report = read_with_t3("\n" + "\n\n".join(cells) + "\n\n")
    assert report.value("t3", "received", "natural") == 7
    assert report.cell("t3", "received", "legal").value is None  # type: ignore[union-attr]


def test_markdown_tables_with_page_footers_and_repeated_headings() -> None:
    table = zeros_except(0, ["5", "0", "0", "0", "0", "0", "5"])
    rows = [
        f"| {label} | " + " | ".join(row) + " |"
        for label, row in zip(T3_LABELS_2021, table, strict=True)
    ]
    rows.insert(3, "— 4 —")
    rows.insert(4, "## 表三：收到和处理政府信息公开申请情况")
    rows.insert(5, "|---|---|---|---|---|---|---|---|")
    report = read_with_t3("申请人情况\n" + "\n".join(rows) + "\n")
    assert report.value("t3", "received", "total") == 5
    assert len(list(report.table_cells("t3"))) == 175
    assert not any("— 4 —" in p.text for p in report.paragraphs)


def test_text_before_between_and_after_the_tables_is_narrative() -> None:
    text = (
        HEAD_2021
        + T2_ZEROS_2021
        + "全年共发布信息120条。\n"
        + t3_pipes(zeros_except(0, ["0"] * 7))
        + "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议3件以外的情况。\n行政复议 | 行政诉讼 |\n"
        + " | ".join(["0"] * 15)
        + " |\n全年无行政诉讼。\n"
        + TAIL
    )
    report = read(text)
    narrative = report.narrative
    assert "全年共发布信息120条。" in narrative and "全年无行政诉讼。" in narrative
    assert "本年度未发生行政复议3件以外的情况。" in narrative
    assert all(report.value("t4", r.key, "total") == 0 for r in FORMAT_2021.t4.rows)
    assert report.notes == ()


def test_a_table_cut_off_by_the_end_of_the_file_marks_the_report_truncated() -> None:
    lines = t3_pipes(zeros_except(0, ["0"] * 7)).split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("8.属于行政查询事项"))
    text = HEAD_2021 + T2_ZEROS_2021 + "\n".join(lines[:cut]) + "\n8.属于行政查询事项 | 0 | 0 |"
    report = read(text)
    assert report.truncated
    assert report.cell("t3", "withheld.query_matter", "natural") is None
    assert report.value("t3", "withheld.internal_affairs", "total") == 0
    [note] = report.notes
    assert note.code == "unparsed-table" and "表三" in note.message and "中断" in note.message


def test_the_format_is_recognised_from_the_table_labels_not_the_year() -> None:
    t2_2019 = (
        "二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
        "规章 | 0 | 0 | 0 |\n规范性文件 | 0 | 0 | 0 |\n"
    )
    report = read(HEAD_2021 + t2_2019 + TAIL)
    assert report.year == 2022 and report.format_key == "2019"
    assert report.value("t2", "normative_docs", "made") == 0
    assert FORMAT_2019.t2.row("normative_docs").label == "规范性文件"


def _full_2021(head: str = HEAD_2021, tail: str = TAIL) -> str:
    return head + T2_ZEROS_2021 + t3_pipes(zeros_except(0, ["0"] * 7)) + T4_ZEROS + tail


def test_a_table_of_contents_is_not_taken_for_the_headings() -> None:
    contents = "目录\n" + "\n".join(s.title for s in FORMAT_2021.sections) + "\n"
    text = _full_2021(head=HEAD_2021.replace("一、总体情况\n", contents + "一、总体情况\n", 1))
    report = read(text)
    overview = report.section("overview")
    assert overview is not None and overview.heading_line == 2 + len(FORMAT_2021.sections) + 1
    assert all(report.value("t4", r.key, "total") == 0 for r in FORMAT_2021.t4.rows)


def test_parts_numbered_in_brackets_are_read_as_the_six_sections() -> None:
    text = _full_2021()
    for number, section in zip("一二三四五六", FORMAT_2021.sections, strict=True):
        text = text.replace(section.title, f"（{number}）{section.title[2:]}", 1)
    report = read(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.value("t3", "received", "total") == 0


def test_the_agency_on_the_line_above_the_title_and_an_iso_date_at_the_end() -> None:
    head = "示例县示例局\n2022年政府信息公开工作年度报告\n一、总体情况\n本年度依法做好政府信息公开工作。\n"
    tail = TAIL.replace("示例县示例局\n2023年1月10日\n", "2023-01-10\n")
    report = read(_full_2021(head=head, tail=tail))
    assert report.agency == "示例县示例局"
    assert report.year == 2022
    assert report.published is not None and report.published.isoformat() == "2023-01-10"


def test_a_subtotal_row_for_a_group_is_left_out_with_a_warning() -> None:
    labels = list(T3_LABELS_2021)
    table = zeros_except(4, ["2", "0", "0", "0", "0", "0", "2"])
    labels.insert(4, "（三）不予公开")
    table.insert(4, ["2", "0", "0", "0", "0", "0", "2"])
    report = read(HEAD_2021 + t3_pipes(table, labels) + T4_ZEROS + TAIL)
    assert report.value("t3", "withheld.state_secret", "total") == 2
    assert report.value("t3", "withheld.law_forbidden", "total") == 0
    assert [(n.code, n.severity) for n in report.notes] == [("label-deviation", "warning")]


def test_a_lost_heading_whose_table_is_in_place_is_found_by_the_table() -> None:
    text = _full_2021().replace("三、收到和处理政府信息公开申请情况\n", "", 1)
    report = read(text)
    requests = report.section("requests")
    assert requests is not None and requests.heading.startswith("(本列数据")
    assert [n.code for n in report.notes] == ["section-title"]
    assert report.value("t3", "received", "total") == 0


def test_headings_without_their_numerals_are_found_in_order() -> None:
    text = _full_2021()
    for section in FORMAT_2021.sections:
        text = text.replace(section.title + "\n", section.title[2:] + "\n", 1)
    report = read(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.notes == ()
    assert report.value("t3", "received", "total") == 0


def test_a_row_label_missing_its_first_characters_is_matched_and_reported() -> None:
    t2 = T2_ZEROS_2021.replace("行政规范性文件 | 0 | 0 | 0 |", "规范性文件 | 3 | 1 | 9 |")
    report = read(HEAD_2021 + t2 + t3_pipes(zeros_except(0, ["0"] * 7)) + T4_ZEROS + TAIL)
    assert [
        report.value("t2", "normative_docs", c) for c in ("issued", "repealed", "in_force")
    ] == [3, 1, 9]
    [note] = report.notes
    assert (
        note.code == "label-deviation"
        and "规范性文件" in note.message
        and "行政规范性文件" in note.message
    )


def test_tab_separated_rows_copied_from_a_browser_keep_their_blank_cells() -> None:
    rows = [f"{label}\t0\t0\t0\t0\t0\t0\t0" for label in T3_LABELS_2021]
    rows[0] = f"{T3_LABELS_2021[0]}\t5\t\t\t\t1\t\t6"
    report = read_with_t3("申请人情况\n" + "\n".join(rows) + "\n")
    received = [report.cell("t3", "received", c.key) for c in FORMAT_2021.t3.blocks[0].columns]
    assert [None if c is None else c.value for c in received] == [5, None, None, None, 1, None, 6]
    assert report.notes == ()


def test_a_count_printed_with_zero_decimals_is_read_as_the_integer() -> None:
    t2 = T2_ZEROS_2021.replace("行政规范性文件 | 0 | 0 | 0 |", "行政规范性文件 | 2.00 | 0.0 | 7 |")
    report = read(HEAD_2021 + t2 + t3_pipes(zeros_except(0, ["0"] * 7)) + T4_ZEROS + TAIL)
    issued = report.cell("t2", "normative_docs", "issued")
    assert issued is not None and issued.value == 2 and isinstance(issued.value, int)
    assert issued.raw == "2.00"
    assert report.notes == ()


def test_pdf_text_with_labels_wrapped_around_their_numbers() -> None:
    lines = ["申请人情况"]
    for label in T3_LABELS_2021:
        values = "4 0 0 0 0 0 4" if label.startswith("（二）") else "0 0 0 0 0 0 0"
        if len(label) > 16:
            lines += [f"{label[:16]} {values}", label[16:]]
        else:
            lines.append(f"{label} {values}")
    lines[1:1] = ["三、", "本", "年", "度", "办", "理", "结", "果"]
    report = read_with_t3("\n".join(lines) + "\n")
    assert report.value("t3", "partial", "total") == 4
    assert len(list(report.table_cells("t3"))) == 175
    assert report.notes == ()
