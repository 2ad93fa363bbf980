"""The default letters: one 答复书 per outcome row of table 3 and the four notices.

Each agency starts from these and may edit its own copy. The articles cited are those of
《中华人民共和国政府信息公开条例》 (国务院令第711号, 2019 revision) as mapped in
annual-report-formats.md §7.7; 国办函〔2020〕109号 for fees. Where the statute names no single
article (（五）5 要求确认或重新出具已获取信息) the default cites 第二条 (what 政府信息 is) and the
agency should check the wording its 司法 office prefers.
"""

from __future__ import annotations

from gongkai.core.letters.kinds import OUTCOMES, LetterKind, template_key
from gongkai.core.letters.library import LetterTemplate
from gongkai.core.letters.remedies import remedy_for

LAW = "《中华人民共和国政府信息公开条例》"
FEE_RULES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

ANSWER_TITLE = "政府信息公开申请答复书"
OPENING = (
    "{received_date}，本机关收到您提出的政府信息公开申请（受理编号：{application_number}），"
    "申请获取“{request_summary}”。经审查，现答复如下："
)
CLOSING = "特此告知。"

WITHHELD_BASIS_36_3 = "第三十六条第三项"


def _withheld(finding: str, articles: str) -> tuple[str, str]:
    body = "\n".join(
        (
            OPENING,
            f"您申请获取的政府信息{finding}。根据{{legal_basis}}的规定，本机关决定不予公开。",
            "具体理由：{reasons}",
            CLOSING,
        )
    )
    return body, f"{LAW}{articles}、{WITHHELD_BASIS_36_3}"


_ANSWERS: dict[str, tuple[str, str]] = {
    "granted": (
        "\n".join(
            (
                OPENING,
                "您申请获取的政府信息属于可以公开的政府信息。根据{legal_basis}的规定，"
                "本机关决定予以公开。{decision}",
                CLOSING,
            )
        ),
        f"{LAW}第三十六条第二项",
    ),
    "partial": (
        "\n".join(
            (
                OPENING,
                "您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。"
                "根据{legal_basis}的规定，本机关向您提供可以公开的政府信息内容：{decision}",
                "对不予公开的内容，理由如下：{reasons}",
                CLOSING,
            )
        ),
        f"{LAW}第三十七条",
    ),
    "withheld.state_secret": _withheld("已依法确定为国家秘密", "第十四条"),
    "withheld.law_forbidden": _withheld("属于法律、行政法规禁止公开的政府信息", "第十四条"),
    "withheld.security_stability": _withheld(
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定", "第十四条"
    ),
    # 第三十二条's consultation is stated only when the register records one ({consultation},
    # composed from the event log): a letter never claims a consultation that did not happen.
    "withheld.third_party": (
        "\n".join(
            (
                OPENING,
                "您申请获取的政府信息涉及商业秘密、个人隐私等，公开后会对第三方合法权益造成损害。"
                "{?consultation}{consultation}{/consultation}"
                "根据{legal_basis}的规定，本机关决定不予公开。",
                "具体理由：{reasons}",
                CLOSING,
            )
        ),
        f"{LAW}第十五条、{WITHHELD_BASIS_36_3}",
    ),
    "withheld.internal_affairs": _withheld(
        "属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）",
        "第十六条第一款",
    ),
    "withheld.process_info": _withheld(
        "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
        "请示报告等过程性信息",
        "第十六条第二款",
    ),
    "withheld.enforcement_file": _withheld("属于行政执法案卷信息", "第十六条第二款"),
    "withheld.query_matter": (
        "\n".join(
            (
                OPENING,
                "您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的"
                "获取有特别规定。根据{legal_basis}的规定，请您依照有关法律、行政法规的规定办理。"
                "{decision}",
                CLOSING,
            )
        ),
        f"{LAW}第三十六条第七项",
    ),
    "unable.not_held": (
        "\n".join(
            (
                OPENING,
                "经检索，本机关没有制作或者获取您所申请公开的政府信息。根据{legal_basis}的规定，"
                "告知您该政府信息不存在。{?reasons}{reasons}{/reasons}",
                "{?responsible_agency}经了解，您申请获取的信息由{responsible_agency}负责公开"
                "{?responsible_agency_contact}（联系方式：{responsible_agency_contact}）"
                "{/responsible_agency_contact}，根据《中华人民共和国政府信息公开条例》"
                "第三十六条第五项的规定，建议您向该机关提出申请。{/responsible_agency}",
                CLOSING,
            )
        ),
        f"{LAW}第三十六条第四项",
    ),
    "unable.needs_creation": (
        "\n".join(
            (
                OPENING,
                "本机关没有您所申请的现成信息，提供该信息需要本机关对现有政府信息进行加工、分析。"
                "根据{legal_basis}的规定，本机关不予提供。{?reasons}{reasons}{/reasons}",
                CLOSING,
            )
        ),
        f"{LAW}第三十八条",
    ),
    "unable.still_unclear": (
        "\n".join(
            (
                OPENING,
                "本机关已一次性告知您需要补正的事项。经审查，您补正后的申请内容仍不明确，"
                "本机关无法根据您的描述确定您所需的政府信息。根据{legal_basis}的规定，"
                "本机关无法提供。{?reasons}{reasons}{/reasons}",
                "您可以在明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述后，"
                "重新提出申请。",
                CLOSING,
            )
        ),
        f"{LAW}第二十九条第二款、第三十条",
    ),
    "not_handled.petition": (
        "\n".join(
            (
                OPENING,
                "您的申请实质是以政府信息公开申请的形式进行信访、投诉、举报等活动。"
                "根据{legal_basis}的规定，本机关不作为政府信息公开申请处理。"
                "{?decision}{decision}{/decision}",
                CLOSING,
            )
        ),
        f"{LAW}第三十九条第一款",
    ),
    "not_handled.repeat": (
        "\n".join(
            (
                OPENING,
                "本机关已就您提出的相同政府信息公开申请作出答复（{previous_reply}），"
                "您此次重复申请公开相同的政府信息。根据{legal_basis}的规定，本机关不予重复处理。",
                CLOSING,
            )
        ),
        f"{LAW}第三十六条第六项",
    ),
    "not_handled.publication": (
        "\n".join(
            (
                OPENING,
                "您申请获取的是政府公报、报刊、书籍等公开出版物。根据{legal_basis}的规定，"
                "现告知您获取的途径：{decision}",
                CLOSING,
            )
        ),
        f"{LAW}第三十九条第二款",
    ),
    "not_handled.excessive": (
        "\n".join(
            (
                OPENING,
                "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。"
                "经审查，本机关认为您的申请理由不合理。根据{legal_basis}的规定，本机关不予处理。"
                "{?reasons}{reasons}{/reasons}",
                CLOSING,
            )
        ),
        f"{LAW}第三十五条",
    ),
    "not_handled.confirm_existing": (
        "\n".join(
            (
                OPENING,
                "您的申请实质是要求本机关对您已经获取的信息进行确认或者重新出具，"
                "不属于获取政府信息的申请。根据{legal_basis}的规定，"
                "本机关不作为政府信息公开申请处理。{?decision}{decision}{/decision}",
                CLOSING,
            )
        ),
        f"{LAW}第二条",
    ),
    "other": (
        "\n".join(
            (
                OPENING,
                "{decision}根据{legal_basis}的规定，本机关对您的申请作如上处理。"
                "{?reasons}{reasons}{/reasons}",
                CLOSING,
            )
        ),
        f"{LAW}的有关规定",
    ),
    "other.no_correction": (
        "\n".join(
            (
                OPENING,
                "本机关已一次性告知您需要补正的事项和补正期限，您无正当理由逾期未补正。"
                "根据{legal_basis}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
                CLOSING,
            )
        ),
        f"{LAW}第三十条",
    ),
    "other.no_fee_paid": (
        "\n".join(
            (
                OPENING,
                "本机关已向您发出收费通知，您未在规定期限内缴纳信息处理费。"
                "根据{legal_basis}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
                CLOSING,
            )
        ),
        f"{LAW}第四十二条、{FEE_RULES}",
    ),
    "other.other": (
        "\n".join(
            (
                OPENING,
                "{decision}根据{legal_basis}的规定，本机关终止办理您的政府信息公开申请。"
                "{?reasons}{reasons}{/reasons}",
                CLOSING,
            )
        ),
        f"{LAW}的有关规定",
    ),
}

_NOTICES: dict[LetterKind, tuple[str, str, str]] = {
    LetterKind.CORRECTION: (
        "政府信息公开申请补正通知书",
        "\n".join(
            (
                "{received_date}，本机关收到您提出的政府信息公开申请（受理编号：{application_number}）。"
                "经审查，您的申请内容不明确，本机关无法据此确定您所需的政府信息。"
                "根据{legal_basis}的规定，现一次性告知您需要补正的事项：",
                "{correction_items}",
                "请您于{correction_deadline}前向本机关提交补正后的申请。"
                "答复期限自本机关收到补正后的申请之日起计算。",
                "您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
                "特此通知。",
            )
        ),
        f"{LAW}第二十九条第二款、第三十条",
    ),
    LetterKind.EXTENSION: (
        "政府信息公开申请延期答复告知书",
        "\n".join(
            (
                "{received_date}，本机关收到您提出的政府信息公开申请（受理编号：{application_number}），"
                "申请获取“{request_summary}”。因{extension_reason}，本机关不能在"
                "{?original_due_date}{original_due_date}前{/original_due_date}"
                "{!original_due_date}规定期限内{/original_due_date}作出答复。",
                "经本机关政府信息公开工作机构负责人同意，根据{legal_basis}的规定，"
                "答复期限延长{extension_days}个工作日，本机关将于{new_due_date}前作出答复。",
                "特此告知。",
            )
        ),
        f"{LAW}第三十三条第二款",
    ),
    LetterKind.CONSULTATION: (
        "政府信息公开征求第三方意见书",
        "\n".join(
            (
                "本机关于{received_date}收到一份政府信息公开申请（受理编号：{application_number}），"
                "申请公开的信息包括：{consulted_information}。",
                "经审查，该信息可能涉及{consultation_matter}，公开后可能损害贵方的合法权益。"
                "根据{legal_basis}的规定，现书面征求贵方意见。",
                "请贵方自收到本意见书之日起15个工作日内"
                "{?reply_deadline}（即{reply_deadline}前）{/reply_deadline}，"
                "以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。"
                "逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。",
                "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益"
                "造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
                "特此征求意见。",
            )
        ),
        f"{LAW}第三十二条、第十五条",
    ),
    LetterKind.FEE: (
        "政府信息公开信息处理费收费通知书",
        "\n".join(
            (
                "{received_date}，本机关收到您提出的政府信息公开申请（受理编号：{application_number}）。"
                "根据{legal_basis}的规定，您的申请需要缴纳信息处理费，"
                "本机关{fee_method}计收，明细如下：",
                "{fee_items}",
                "合计：人民币{fee_total}元（大写：{fee_total_upper}）。",
                "请您自收到本通知之次日起20个工作日内缴纳上述费用。缴费方式：{payment_method}。",
                "您逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
                "特此通知。",
            )
        ),
        f"{LAW}第四十二条、{FEE_RULES}",
    ),
}


def _build() -> dict[str, LetterTemplate]:
    templates: dict[str, LetterTemplate] = {}
    for outcome in OUTCOMES:
        body, basis = _ANSWERS[outcome]
        key = template_key(LetterKind.ANSWER, outcome)
        templates[key] = LetterTemplate(key, ANSWER_TITLE, body, basis, remedy_for(outcome))
    for kind, (title, body, basis) in _NOTICES.items():
        templates[kind.value] = LetterTemplate(kind.value, title, body, basis)
    return templates


DEFAULT_TEMPLATES: dict[str, LetterTemplate] = _build()


def default_template(key: str) -> LetterTemplate:
    """The shipped template for ``key`` (see :func:`gongkai.core.letters.kinds.template_keys`)."""
    try:
        return DEFAULT_TEMPLATES[key]
    except KeyError:
        raise KeyError(f"没有“{key}”这种文书模板") from None
