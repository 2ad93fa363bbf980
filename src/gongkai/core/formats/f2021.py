"""《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号.

Used for the 2021 reports onward (annual-report-formats.md §3).
"""

from __future__ import annotations

from .common import OTHER, legacy_other, national_parts, t2_block, table2
from .spec import Column, Format, Row, ValueKind

_DECISIONS = (Column("decisions", "本年处理决定数量"),)

T2 = table2(
    t2_block(
        "第二十条第（一）项",
        (Row("rules", "规章"), Row("normative_docs", "行政规范性文件")),
        (
            Column("issued", "本年制发件数"),
            Column("repealed", "本年废止件数"),
            Column("in_force", "现行有效件数", variants=("现行有效件数（历史累计）",)),
        ),
    ),
    t2_block("第二十条第（五）项", (Row("licensing", "行政许可"),), _DECISIONS),
    t2_block(
        "第二十条第（六）项", (Row("penalty", "行政处罚"), Row("coercion", "行政强制")), _DECISIONS
    ),
    t2_block(
        "第二十条第（八）项",
        (Row("fees", "行政事业性收费"),),
        (Column("amount_wan", "本年收费金额（单位：万元）", ValueKind.AMOUNT, unit="万元"),),
    ),
)

_OTHER = (
    Row(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OTHER,
    ),
    Row(
        "other.no_fee_paid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OTHER,
    ),
    Row("other.other", "3.其他", OTHER),
)

FORMAT_2021 = Format(
    key="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    t2=T2,
    markers=(
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "逾期不补正",
        "逾期未按收费通知",
    ),
    reports_processing_fees=True,
    document_counts="in_force",
    counts_matters=False,
    legacy_rows=(legacy_other(_OTHER),),
    **national_parts(_OTHER),
)
