"""Parts that both national formats share: the six sections, the shape of table 2, table 3's
columns and most of its rows, table 4, and how a format is put together from them
(annual-report-formats.md §2.2, §2.3, §3.2)."""

from __future__ import annotations

from typing import TypedDict

from .spec import Block, Column, ColumnSum, LegacyRow, Row, RowSum, Rule, Section, Table

SECTIONS = (
    Section(
        "overview",
        1,
        "一、总体情况",
        keywords=("总体情况",),
    ),
    Section(
        "proactive",
        2,
        "二、主动公开政府信息情况",
        keywords=("主动公开政府信息情况", "主动公开情况"),
    ),
    Section(
        "requests",
        3,
        "三、收到和处理政府信息公开申请情况",
        variants=("三、依申请公开政府信息情况",),
        keywords=(
            "收到和处理政府信息公开申请情况",
            "依申请公开政府信息情况",
            "政府信息公开申请情况",
        ),
    ),
    Section(
        "review_litigation",
        4,
        "四、政府信息公开行政复议、行政诉讼情况",
        variants=(
            "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "四、政府信息公开行政复议和行政诉讼情况",
        ),
        keywords=("行政复议", "行政诉讼"),
    ),
    Section(
        "problems",
        5,
        "五、存在的主要问题及改进情况",
        variants=(
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、存在的主要问题及改进措施",
        ),
        keywords=("存在的主要问题", "主要问题", "改进情况", "改进措施"),
    ),
    Section(
        "other",
        6,
        "六、其他需要报告的事项",
        variants=("六、其它需要报告的事项",),
        keywords=("其他需要报告的事项", "其它需要报告的事项"),
    ),
)

T2_TITLE = "主动公开政府信息情况"
T2_HEADER = "信息内容"


def table2(*blocks: Block) -> Table:
    """Table 2: one block per 第二十条 item the format counts."""
    return Table("t2", 2, T2_TITLE, blocks)


def t2_block(label: str, rows: tuple[Row, ...], columns: tuple[Column, ...]) -> Block:
    """The block of table 2 for one 第二十条 item (``label``), its rows headed 信息内容."""
    return Block(rows, columns, label=label, header=T2_HEADER)


T3_TITLE = "收到和处理政府信息公开申请情况"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"

T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业", group=T3_LEGAL_PERSONS),
    Column("research", "科研机构", group=T3_LEGAL_PERSONS),
    Column("nonprofit", "社会公益组织", group=T3_LEGAL_PERSONS),
    Column("legal", "法律服务机构", group=T3_LEGAL_PERSONS),
    Column("other", "其他", group=T3_LEGAL_PERSONS),
    Column("total", "总计"),
)
# The six applicant columns, without 总计.
T3_APPLICANT_COLUMNS = tuple(c.key for c in T3_COLUMNS if c.key != "total")

RESULTS = "三、本年度办理结果"
WITHHELD = "（三）不予公开"
UNABLE = "（四）无法提供"
NOT_HANDLED = "（五）不予处理"
OTHER = "（六）其他处理"

T3_HEAD_ROWS = (
    Row("received", "一、本年新收政府信息公开申请数量"),
    Row("carried_in", "二、上年结转政府信息公开申请数量"),
)
T3_OUTCOME_ROWS_BEFORE_OTHER = (
    Row("granted", "（一）予以公开", RESULTS),
    Row(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        RESULTS,
        variants=("（二）部分公开（区分处理的，只计这一情况，不计其他情形）",),
    ),
    Row("withheld.state_secret", "1.属于国家秘密", WITHHELD),
    Row("withheld.law_forbidden", "2.其他法律行政法规禁止公开", WITHHELD),
    Row("withheld.security_stability", "3.危及“三安全一稳定”", WITHHELD),
    Row("withheld.third_party", "4.保护第三方合法权益", WITHHELD),
    Row(
        "withheld.internal_affairs",
        "5.属于三类内部事务信息",
        WITHHELD,
        variants=("5.属于三类内容事务信息",),
    ),
    Row("withheld.process_info", "6.属于四类过程性信息", WITHHELD),
    Row("withheld.enforcement_file", "7.属于行政执法案卷", WITHHELD),
    Row("withheld.query_matter", "8.属于行政查询事项", WITHHELD),
    Row("unable.not_held", "1.本机关不掌握相关政府信息", UNABLE),
    Row("unable.needs_creation", "2.没有现成信息需要另行制作", UNABLE),
    Row("unable.still_unclear", "3.补正后申请内容仍不明确", UNABLE),
    Row("not_handled.petition", "1.信访举报投诉类申请", NOT_HANDLED),
    Row("not_handled.repeat", "2.重复申请", NOT_HANDLED),
    Row("not_handled.publication", "3.要求提供公开出版物", NOT_HANDLED),
    Row("not_handled.excessive", "4.无正当理由大量反复申请", NOT_HANDLED),
    Row("not_handled.confirm_existing", "5.要求行政机关确认或重新出具已获取信息", NOT_HANDLED),
)
T3_TAIL_ROWS = (
    Row("closed_total", "（七）总计", RESULTS),
    Row(
        "carried_out",
        "四、结转下年度继续办理",
        variants=("四、结转下一年度继续办理",),
    ),
)


def table3(other_rows: tuple[Row, ...]) -> Table:
    rows = T3_HEAD_ROWS + T3_OUTCOME_ROWS_BEFORE_OTHER + other_rows + T3_TAIL_ROWS
    return Table("t3", 3, T3_TITLE, (Block(rows, T3_COLUMNS, caption=T3_APPLICANTS),), note=T3_NOTE)


def outcome_keys(other_rows: tuple[Row, ...]) -> tuple[str, ...]:
    return tuple(r.key for r in T3_OUTCOME_ROWS_BEFORE_OTHER + other_rows)


# The 2019 format's single （六）其他处理 row; the 2021 format splits it into （六）1–3.
OTHER_SINGLE = Row("other", OTHER, None)


def legacy_other(other_rows: tuple[Row, ...]) -> LegacyRow:
    """The 2019 format's single （六）其他处理 row, printed in a later format's table 3 in place of
    its （六） rows (report-data.md, "a 2021-format table 3 that prints the 2019 format's…")."""
    return LegacyRow("t3", OTHER_SINGLE, tuple(r.key for r in other_rows), earlier="2019年")


def rules(outcome_rows: tuple[str, ...]) -> tuple[Rule, ...]:
    """The reconciliation rules of tables 3 and 4 (annual-report-formats.md §5)."""
    return (
        # T3-1, printed in the table: 一 + 二 = 三（七）总计 + 四, for every column.
        ColumnSum(
            "t3-balance",
            "t3",
            ("received", "carried_in"),
            ("closed_total", "carried_out"),
            anchor="closed_total",
        ),
        # T3-2: （七）总计 = the outcome leaf rows, for every column.
        ColumnSum(
            "t3-outcome-sum",
            "t3",
            ("closed_total",),
            outcome_rows,
            anchor="closed_total",
            row="closed_total",
        ),
        # T3-3: 总计 = the six applicant columns, for every row.
        RowSum("t3-row-sum", "t3", "total", T3_APPLICANT_COLUMNS),
        # T4-1: 总计 = 维持 + 纠正 + 其他 + 尚未审结, for every kind of case.
        RowSum("t4-sum", "t4", "total"),
    )


T4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
T4 = Table(
    "t4",
    4,
    "政府信息公开行政复议、行政诉讼情况",
    (
        Block(
            (
                Row("review", "行政复议"),
                Row("suit_direct", "未经复议直接起诉", "行政诉讼"),
                Row("suit_after_review", "复议后起诉", "行政诉讼"),
            ),
            T4_COLUMNS,
        ),
    ),
    across=True,
)


class NationalParts(TypedDict):
    """What a national format takes from the shared parts, given its （六）其他处理 rows."""

    sections: tuple[Section, ...]
    t3: Table
    t4: Table
    outcome_rows: tuple[str, ...]
    rules: tuple[Rule, ...]


def national_parts(other_rows: tuple[Row, ...]) -> NationalParts:
    """The six sections, table 3 completed with the format's （六） rows, table 4, the outcome
    rows and the reconciliation rules over them: ``Format(…, **national_parts(other_rows))``."""
    outcome_rows = outcome_keys(other_rows)
    return NationalParts(
        sections=SECTIONS,
        t3=table3(other_rows),
        t4=T4,
        outcome_rows=outcome_rows,
        rules=rules(outcome_rows),
    )
