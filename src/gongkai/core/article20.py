"""The fifteen categories of information every agency must publish proactively (《政府信息公开条例》
第二十条（一）至（十五）), declared once.

The 目录 files each item under at most one of them (an item of 第十九条's general duty, such as a
work report, under none); the public 目录 is browsed by them. Values are stable ASCII codes,
``.label`` the short Chinese name shown in lists and ``.text`` the article's own words.
"""

from __future__ import annotations

from enum import StrEnum


class Article20(StrEnum):
    """条例第二十条: 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息."""

    RULES = "a20_01"
    ORGANISATION = "a20_02"
    PLANS = "a20_03"
    STATISTICS = "a20_04"
    LICENSING = "a20_05"
    PENALTIES = "a20_06"
    BUDGET = "a20_07"
    FEES = "a20_08"
    PROCUREMENT = "a20_09"
    PROJECTS = "a20_10"
    WELFARE = "a20_11"
    EMERGENCIES = "a20_12"
    INSPECTIONS = "a20_13"
    CIVIL_SERVICE = "a20_14"
    OTHER = "a20_15"

    @property
    def number(self) -> int:
        return int(self.value[-2:])

    @property
    def item_mark(self) -> str:
        """The item's mark in the article, e.g. “（三）”."""
        return f"（{NUMERALS[self.number - 1]}）"

    @property
    def label(self) -> str:
        return ARTICLE20_LABELS[self]

    @property
    def text(self) -> str:
        return ARTICLE20_TEXTS[self]


NUMERALS = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
)

ARTICLE20_LABELS: dict[Article20, str] = {
    Article20.RULES: "行政法规、规章和规范性文件",
    Article20.ORGANISATION: "机构职能",
    Article20.PLANS: "规划信息",
    Article20.STATISTICS: "统计信息",
    Article20.LICENSING: "行政许可和对外管理服务",
    Article20.PENALTIES: "行政处罚和行政强制",
    Article20.BUDGET: "财政预算、决算",
    Article20.FEES: "行政事业性收费",
    Article20.PROCUREMENT: "政府集中采购",
    Article20.PROJECTS: "重大建设项目",
    Article20.WELFARE: "民生政策措施",
    Article20.EMERGENCIES: "突发公共事件",
    Article20.INSPECTIONS: "监督检查情况",
    Article20.CIVIL_SERVICE: "公务员招考",
    Article20.OTHER: "其他应当主动公开的信息",
}

ARTICLE20_TEXTS: dict[Article20, str] = {
    Article20.RULES: "行政法规、规章和规范性文件",
    Article20.ORGANISATION: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    Article20.PLANS: "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    Article20.STATISTICS: "国民经济和社会发展统计信息",
    Article20.LICENSING: "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    Article20.PENALTIES: (
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"
    ),
    Article20.BUDGET: "财政预算、决算信息",
    Article20.FEES: "行政事业性收费项目及其依据、标准",
    Article20.PROCUREMENT: "政府集中采购项目的目录、标准及实施情况",
    Article20.PROJECTS: "重大建设项目的批准和实施情况",
    Article20.WELFARE: "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    Article20.EMERGENCIES: "突发公共事件的应急预案、预警信息及应对情况",
    Article20.INSPECTIONS: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    Article20.CIVIL_SERVICE: "公务员招考的职位、名额、报考条件等事项以及录用结果",
    Article20.OTHER: "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
}


def article20_by_label(label: str) -> Article20 | None:
    """The category whose short label, full text, mark (“（三）”, “三”, “3”) or code is
    ``label`` — what an import file may write — or ``None``."""
    text = label.strip()
    for category in Article20:
        if text in {
            category.value,
            category.label,
            category.text,
            category.item_mark,
            NUMERALS[category.number - 1],
            str(category.number),
            f"第二十条{category.item_mark}",
        }:
            return category
    return None
