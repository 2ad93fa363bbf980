"""《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号.

Used for the 2019 and 2020 reports (annual-report-formats.md §2).
"""

from __future__ import annotations

from .common import OTHER, OTHER_SINGLE, national_parts, t2_block, table2
from .spec import Column, Format, Row, ValueKind

_ITEMS = (
    Column("prev_items", "上一年项目数量"),
    Column("change", "本年增/减", ValueKind.SIGNED, variants=("本年增减",)),
    Column("decisions", "处理决定数量"),
)

T2 = table2(
    t2_block(
        "第二十条第（一）项",
        (Row("rules", "规章"), Row("normative_docs", "规范性文件")),
        (
            Column("made", "本年新制作数量"),
            Column("published", "本年新公开数量"),
            Column("total_published", "对外公开总数量"),
        ),
    ),
    t2_block(
        "第二十条第（五）项",
        (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        _ITEMS,
    ),
    t2_block(
        "第二十条第（六）项", (Row("penalty", "行政处罚"), Row("coercion", "行政强制")), _ITEMS
    ),
    t2_block("第二十条第（八）项", (Row("fees", "行政事业性收费"),), _ITEMS[:2]),
    t2_block(
        "第二十条第（九）项",
        (Row("procurement", "政府集中采购"),),
        (
            Column("projects", "采购项目数量"),
            # No unit is printed in the 2019 template; agencies wrote 万元 or 元 (§2.1).
            Column("amount", "采购总金额", ValueKind.AMOUNT),
        ),
    ),
)

FORMAT_2019 = Format(
    key="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    t2=T2,
    markers=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "第二十条第（九）项",
        "其他对外管理服务事项",
        "政府集中采购",
    ),
    reports_processing_fees=False,
    document_counts="published",
    counts_matters=True,
    **national_parts((OTHER_SINGLE,)),
)

# （六）其他处理 is a group of the results block only in 2021; in 2019 it is a data row of its own.
assert FORMAT_2019.t3.row("other").label == OTHER
