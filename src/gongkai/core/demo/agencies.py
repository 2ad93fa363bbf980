"""The demo district's agencies (government, departments, 乡镇/街道) with their offices, and
its people (one login per role and agency).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from . import names
from .model import Agency, AgencyLevel, Office, Person, Role

DEMO_PASSWORD = "yunxi-demo-2025"


def _office(rng: random.Random, name: str, street: str, key: str) -> Office:
    return Office(
        name=name,
        address=f"{names.CITY}{names.DISTRICT}{street}",
        hours="工作日上午8:30—12:00，下午13:30—17:30（法定节假日除外）",
        phone=f"0999-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}",
        fax=f"0999-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}",
        email=f"xxgk-{key}@yunxi.gov.example",
    )


def make_agencies(seed: int = 0) -> tuple[Agency, ...]:
    """The district government, its departments and its 乡镇/街道."""
    rng = random.Random(f"agencies-{seed}")
    agencies = [
        Agency(
            key="gov",
            name=names.GOVERNMENT_NAME,
            short_name="区政府",
            level=AgencyLevel.GOVERNMENT,
            parent=None,
            code="99YXQ0001",
            office=_office(
                rng, "示例市云溪区人民政府办公室（区政务公开办）", "云溪大道88号", "gov"
            ),
        )
    ]
    for i, (key, name, _abbr, _wx, office, street) in enumerate(names.DEPARTMENTS, start=2):
        agencies.append(
            Agency(
                key=key,
                name=f"{names.CITY}{names.DISTRICT}{name}",
                short_name=f"区{name}",
                level=AgencyLevel.DEPARTMENT,
                parent="gov",
                code=f"99YXQ{i:04d}",
                office=_office(rng, f"{names.DISTRICT}{name}{office}", street, key),
            )
        )
    for i, (key, name, _abbr, _wx, office, street) in enumerate(names.TOWNSHIPS, start=101):
        agencies.append(
            Agency(
                key=key,
                name=f"{names.CITY}{names.DISTRICT}{name}",
                short_name=name,
                level=AgencyLevel.TOWNSHIP,
                parent="gov",
                code=f"99YXQ{i:04d}",
                office=_office(rng, f"{name.removesuffix('人民政府')}{office}", street, key),
            )
        )
    return tuple(agencies)


ABBR: dict[str, str] = {"gov": "云政"} | {
    key: abbr for key, _n, abbr, _w, _o, _s in (*names.DEPARTMENTS, *names.TOWNSHIPS)
}


WECHAT: dict[str, str] = {"gov": names.DISTRICT_WECHAT} | {
    key: wx for key, _n, _a, wx, _o, _s in (*names.DEPARTMENTS, *names.TOWNSHIPS) if wx
}


def person_name(rng: random.Random) -> str:
    given = rng.choice(names.GIVEN) + (rng.choice(names.GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(names.SURNAMES) + given


def make_people(agencies: Sequence[Agency], seed: int = 0) -> tuple[Person, ...]:
    """One administrator, one 公开办 user, and a 经办人 and a 审核人 for every agency."""
    rng = random.Random(f"people-{seed}")
    people = [
        Person("admin", DEMO_PASSWORD, person_name(rng), Role.ADMIN, "gov"),
        Person("gkb", DEMO_PASSWORD, person_name(rng), Role.OFFICE, "gov"),
    ]
    for agency in agencies:
        people.append(
            Person(f"{agency.key}_jbr", DEMO_PASSWORD, person_name(rng), Role.OFFICER, agency.key)
        )
        people.append(
            Person(f"{agency.key}_shr", DEMO_PASSWORD, person_name(rng), Role.REVIEWER, agency.key)
        )
    return tuple(people)
