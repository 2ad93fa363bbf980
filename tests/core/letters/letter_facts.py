"""Facts of one application, shared by the letter tests (imported as a helper module) and by
``bench/letters_render.py``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from gongkai.core.letters import (
    DEFAULT_NUMBER_PATTERN,
    AgencyContact,
    FeeItem,
    LetterFacts,
    LetterKind,
    Party,
    format_letter_number,
)

AGENCY = AgencyContact(
    name="定海区审交办",
    short_name="定审交",
    office_name="定海区审交办政府信息公开工作机构",
    address="定海区人民北路1号",
    phone="0580-2021001",
    email="gk@dinghai.example.cn",
    postcode="316000",
    review_body="定海区人民政府",
)


def facts_for(kind: LetterKind, *, seq: int = 12, **changes: object) -> LetterFacts:
    """Complete facts for a letter of ``kind``: every field any default template prints.
    ``seq`` numbers the letter and the application (定审交公开〔2025〕第12号, DSJ-2025-0012)."""
    number = format_letter_number(
        DEFAULT_NUMBER_PATTERN, agency_short="定审交", kind=kind, year=2025, seq=seq
    )
    facts = LetterFacts(
        number=number,
        agency=AGENCY,
        applicant=Party("王龘", "定海区解放东路8号"),
        application_number=f"DSJ-2025-{seq:04d}",
        received_on=date(2025, 3, 5),
        request_summary="2024年度定海区道路交通整治工作方案",
        issued_on=date(2025, 3, 20),
        decision="现将该信息随本答复书一并提供给您（共5页）",
        reasons="该信息已依法确定为机密级国家秘密",
        previous_reply="定审交公开〔2025〕第3号",
        correction_items="1.请写明所需政府信息的名称、文号或者其他特征性描述；\n2.请提供身份证明。",
        correction_deadline=date(2025, 3, 31),
        extension_days=20,
        original_due_on=date(2025, 4, 2),
        new_due_on=date(2025, 4, 30),
        extension_reason="所申请信息涉及多个内设机构，需要调取大量档案",
        third_party=Party("定海某某建材有限公司"),
        consulted_information="该公司2024年度排污许可申请材料",
        consultation_matter="贵方的商业秘密",
        reply_by=date(2025, 4, 10),
        fee_method="按件",
        fee_items=(
            FeeItem("第11—30件", 20, "件", Decimal(100)),
            FeeItem("第31—40件", 5, "件", Decimal(200)),
        ),
        payment_method="通过非税收入缴款码缴入国库，缴款码随本通知书送达",
    )
    return replace(facts, **changes)  # type: ignore[arg-type]
