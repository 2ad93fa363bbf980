"""Fixed vocabulary of the demo district: fictional agencies, topics and names.

云溪区 of 示例市 does not exist; addresses, phone numbers (area code 0999), organisation codes
(prefix "99") and ID numbers (region 990000) are chosen so they cannot belong to anyone.
"""

from __future__ import annotations

CITY = "示例市"
DISTRICT = "云溪区"
GOVERNMENT_NAME = "示例市云溪区人民政府"
CITY_GOVERNMENT = "示例市人民政府"
DISTRICT_COURT = "示例市云溪区人民法院"
CITY_COURT = "示例市中级人民法院"
DISTRICT_WECHAT = "云溪发布"

# key, full short name (after 区), abbreviation used in numbers, WeChat account or None,
# the 政府信息公开工作机构 (the office that handles disclosure work), street of its address.
DEPARTMENTS: tuple[tuple[str, str, str, str | None, str, str], ...] = (
    ("fgj", "发展和改革局", "发改", "云溪发改", "办公室", "云溪大道88号"),
    ("jyj", "教育局", "教", "云溪教育", "办公室", "学府路12号"),
    ("kjj", "科学技术局", "科", None, "综合科", "云溪大道88号"),
    ("mzj", "民政局", "民", "云溪民政", "办公室", "和平路31号"),
    ("sfj", "司法局", "司", None, "办公室", "和平路33号"),
    ("czj", "财政局", "财", None, "办公室", "云溪大道90号"),
    ("rsj", "人力资源和社会保障局", "人社", "云溪人社", "政策法规科", "长青路5号"),
    ("zrj", "自然资源分局", "自然", None, "办公室", "长青路18号"),
    ("hbj", "生态环境分局", "环", "云溪生态环境", "综合科", "滨江路7号"),
    ("zjj", "住房和城乡建设局", "建", "云溪住建", "办公室", "建设路66号"),
    ("jtj", "交通运输局", "交", None, "办公室", "建设路70号"),
    ("nyj", "农业农村局", "农", "云溪农业农村", "办公室", "丰收路2号"),
    ("swj", "商务局", "商", None, "综合科", "云溪大道92号"),
    ("wlj", "文化和旅游局", "文旅", "游云溪", "办公室", "文昌路9号"),
    ("wjw", "卫生健康局", "卫", "健康云溪", "办公室", "仁和路15号"),
    ("yjj", "应急管理局", "应急", None, "办公室", "安泰路3号"),
    ("scj", "市场监督管理局", "市监", "云溪市场监管", "法规科", "商贸路21号"),
    ("cgj", "城市管理局", "城管", None, "办公室", "建设路72号"),
    ("ybj", "医疗保障局", "医保", None, "办公室", "仁和路17号"),
    ("tjj", "统计局", "统", None, "综合科", "云溪大道88号"),
)

# key, name, abbreviation, WeChat account or None, office, street.
TOWNSHIPS: tuple[tuple[str, str, str, str | None, str, str], ...] = (
    ("yxjd", "云溪街道办事处", "云街", "云溪街道", "党政办公室", "溪桥路1号"),
    ("qsjd", "青石街道办事处", "青街", None, "党政办公室", "青石路8号"),
    ("tyz", "桃源镇人民政府", "桃镇", "桃源镇发布", "党政办公室", "桃源镇中心街20号"),
    ("blz", "白鹭镇人民政府", "鹭镇", None, "党政办公室", "白鹭镇滨湖路6号"),
    ("slx", "松岭乡人民政府", "松乡", None, "党政办公室", "松岭乡松风路3号"),
)

# Which departments decide what (第二十条第（五）（六）（八）项).
LICENSING = frozenset({"fgj", "jyj", "mzj", "zrj", "hbj", "zjj", "jtj", "nyj", "wlj", "wjw", "scj"})
ENFORCEMENT = frozenset({"hbj", "zjj", "jtj", "nyj", "wlj", "wjw", "yjj", "scj", "cgj", "ybj"})
FEE_ITEMS: dict[str, str] = {
    "zrj": "不动产登记费",
    "zjj": "城市道路占用挖掘修复费",
    "scj": "特种设备检验检测费",
    "jtj": "车辆通行费",
    "wjw": "预防接种服务费",
}
# Townships with delegated enforcement powers (综合行政执法).
TOWNSHIP_ENFORCEMENT = frozenset({"yxjd", "tyz"})

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡子涵思远"

COMPANY_WORDS = ("星河", "青禾", "远航", "晨光", "云帆", "恒信", "嘉禾", "锦程", "博瑞", "泰和")
COMPANY_KINDS = ("科技有限公司", "建设工程有限公司", "置业有限公司", "贸易有限公司", "物流有限公司")
RESEARCH_NAMES = (
    "示例大学公共管理学院",
    "云溪城市发展研究中心",
    "示例市社会科学院",
    "示例理工学院环境研究所",
)
NONPROFIT_NAMES = (
    "云溪区青禾公益服务中心",
    "示例市绿源环保志愿者协会",
    "云溪区阳光助残服务社",
    "示例市消费者权益保护促进会",
)
LEGAL_NAMES = (
    "示例市明正律师事务所",
    "示例市衡平律师事务所",
    "云溪区法律援助中心",
    "示例市公信律师事务所",
)
OTHER_NAMES = (
    "桃源镇溪口村村民委员会",
    "云溪街道锦绣社区居民委员会",
    "示例市云溪区某小区业主委员会",
    "白鹭镇湖滨村股份经济合作社",
)

PLACES = ("溪口村", "锦绣社区", "桃源路", "白鹭湖", "青石老街", "松岭", "滨江新城", "云溪工业园")

# Generic request subjects by agency key; "{place}" and "{year}" are filled in.
SUBJECTS: dict[str, tuple[str, ...]] = {
    "gov": (
        "{place}片区旧城改造项目征收决定及补偿方案",
        "{year}年区政府常务会议纪要中涉及{place}项目的部分",
        "{place}地块土地征收批复文件",
    ),
    "zrj": ("{place}地块国有建设用地使用权出让合同", "{place}项目建设用地规划许可证及附图"),
    "zjj": ("{place}安置小区建设工程施工许可证", "{place}商品房预售许可资料"),
    "jyj": ("{year}年{place}小学学区划分方案", "{year}年度民办学校年检结果"),
    "hbj": ("{place}企业环境影响评价批复", "{year}年{place}水质监测数据"),
    "rsj": ("{year}年事业单位公开招聘考试成绩核定依据", "本区{year}年最低工资标准执行文件"),
    "mzj": ("{year}年{place}低保审批名单", "{place}养老服务中心运营补贴发放情况"),
    "scj": ("{place}农贸市场食品抽检结果", "{year}年特种设备安全监察报告"),
}
GENERIC_SUBJECTS = (
    "{year}年度部门预算及决算说明",
    "{place}相关项目的批复文件",
    "{year}年本单位办理的重点工作推进情况",
    "关于{place}整治工作的通知",
)
# Subjects that fit particular outcomes.
OUTCOME_SUBJECTS: dict[str, str] = {
    "withheld.state_secret": "{place}区域人防工程布局图",
    "withheld.security_stability": "{place}危化品仓储设施详细位置及安防方案",
    "withheld.third_party": "{place}某企业投标文件中的报价明细",
    "withheld.internal_affairs": "本单位{year}年内部考勤及人事管理制度",
    "withheld.process_info": "{place}项目专题会议讨论记录及请示报告",
    "withheld.enforcement_file": "对{place}某商户的行政处罚案卷全部材料",
    "withheld.query_matter": "{place}某房产的不动产登记资料",
    "unable.needs_creation": "近十年{place}各类项目投资额的汇总分析",
    "unable.still_unclear": "有关部门关于那件事的所有文件",
    "not_handled.petition": "要求查处{place}违章搭建并公开处理结果",
    "not_handled.repeat": "{place}片区旧城改造项目征收决定（已答复过的同一内容）",
    "not_handled.publication": "《示例市统计年鉴（{year}）》",
    "not_handled.excessive": "本单位{year}年全部收文、发文及会议纪要",
    "not_handled.confirm_existing": "确认申请人已取得的《{place}补偿协议》是否真实有效",
    "other.no_correction": "关于我家房子的相关材料",
    "other.no_fee_paid": "{place}项目全部审批材料纸质复印件",
}

# Legal basis cited in the answer, by outcome row (annual-report-formats.md §7.7).
_REG = "《中华人民共和国政府信息公开条例》"
LEGAL_BASIS: dict[str, str] = {
    "granted": f"{_REG}第三十六条第（二）项",
    "partial": f"{_REG}第三十七条",
    "withheld.state_secret": f"{_REG}第十四条、第三十六条第（三）项",
    "withheld.law_forbidden": f"{_REG}第十四条、第三十六条第（三）项",
    "withheld.security_stability": f"{_REG}第十四条、第三十六条第（三）项",
    "withheld.third_party": f"{_REG}第十五条、第三十二条",
    "withheld.internal_affairs": f"{_REG}第十六条第一款",
    "withheld.process_info": f"{_REG}第十六条第二款",
    "withheld.enforcement_file": f"{_REG}第十六条第二款",
    "withheld.query_matter": f"{_REG}第三十六条第（七）项",
    "unable.not_held": f"{_REG}第三十六条第（四）项",
    "unable.needs_creation": f"{_REG}第三十八条",
    "unable.still_unclear": f"{_REG}第三十条",
    "not_handled.petition": f"{_REG}第三十九条第一款",
    "not_handled.repeat": f"{_REG}第三十六条第（六）项",
    "not_handled.publication": f"{_REG}第三十九条第二款",
    "not_handled.excessive": f"{_REG}第三十五条",
    "not_handled.confirm_existing": f"{_REG}第三十九条第二款",
    "other": f"{_REG}第三十条",
    "other.no_correction": f"{_REG}第三十条",
    "other.no_fee_paid": "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    "other.other": "申请人书面撤回申请",
}

# Proactive-disclosure categories (主题分类) some agencies add to the default ones
# (vocabulary.DEFAULT_CATEGORIES).
EXTRA_CATEGORIES: dict[str, tuple[str, ...]] = {
    "gov": ("政府常务会议", "重大建设项目", "考核通报"),
    "jyj": ("招生入学",),
    "scj": ("双随机抽查结果", "食品安全抽检"),
    "mzj": ("社会救助",),
    "rsj": ("就业创业", "公务员招考"),
    "hbj": ("环境监测",),
    "tjj": ("统计信息",),
}
TOWNSHIP_CATEGORIES = ("村务公开", "惠农补贴", "土地征收")

# What the items are about, for titles.
TOPICS = (
    "安全生产",
    "优化营商环境",
    "防汛防台",
    "垃圾分类",
    "乡村振兴",
    "文明城市创建",
    "消防安全",
    "民生实事",
    "基层治理",
    "就业帮扶",
)
