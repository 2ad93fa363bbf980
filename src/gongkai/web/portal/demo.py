"""Demo: a few applications made on the portal and still waiting for the agency to confirm
them (待确认), so the queue shows the online channel. Their 查询码 are not kept (the database
holds digests only); a demo visitor makes a new application to try the look-up."""

from __future__ import annotations

import datetime as dt

from gongkai.core.identity import id_card_check_character
from gongkai.web.applications.services import ApplicantData
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.portal.services import online_application_submit

PEOPLE = (("周敏", "13811110001"), ("吴磊", "13811110002"), ("郑洁", "13811110003"))
SUBJECTS = (
    "本区2025年老旧小区改造项目清单及资金安排",
    "某路段道路拓宽工程的规划许可文件",
    "本辖区2025年度义务教育学校招生计划",
)


def resident_id(birth: dt.date, serial: int) -> str:
    first17 = f"110105{birth:%Y%m%d}{serial:03d}"
    return first17 + id_card_check_character(first17)


def load(*, agencies: dict[str, Agency], today: dt.date) -> str:
    departments = [a for a in agencies.values() if a.kind == AgencyKind.DEPARTMENT.value][:3]
    for i, (agency, (name, phone), subject) in enumerate(
        zip(departments, PEOPLE, SUBJECTS, strict=False)
    ):
        now = dt.datetime.combine(today, dt.time(9 + i, 0), tzinfo=dt.UTC)
        online_application_submit(
            agency=agency,
            applicant=ApplicantData(
                kind="natural",
                name=name,
                id_type="居民身份证",
                id_number=resident_id(dt.date(1980 + i, 5, 12), 21 + i),
                phone=phone,
            ),
            subject=subject,
            requested_form="电子数据",
            delivery="邮寄",
            now=now,
        )
    return f"网上申请待确认 {len(departments)} 件"
