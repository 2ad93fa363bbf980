"""Administrative reviews and lawsuits of the demo, about refused requests."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from ..calendar import WorkCalendar
from . import names
from .model import Agency, AgencyLevel, Case, CaseKind, CaseResult, Request

_CONTESTABLE = ("partial", "withheld.", "unable.", "not_handled.", "other.no_correction")


def cases(
    rng: random.Random,
    cal: WorkCalendar,
    requests: Sequence[Request],
    agencies: Sequence[Agency],
    as_of: dt.date,
) -> list[Case]:
    """Reviews and lawsuits about refusals, with their results as known on ``as_of``.

    Since the 2023 行政复议法 (第二十四条) the district government reviews its departments'
    and townships' decisions; its own go to the city government. A suit after a review that
    upheld the decision names the 复议机关 as co-defendant (行政诉讼法第二十六条第二款): the
    reviewing body keeps a copy of the case that is not counted (国办公开办函〔2016〕201号).
    """
    level = {a.key: a.level for a in agencies}
    contested = [
        r
        for r in requests
        if r.outcome is not None and r.closed is not None and r.outcome.startswith(_CONTESTABLE)
    ]
    cases: list[Case] = []

    def result(filed: dt.date, days: tuple[int, int]) -> tuple[CaseResult | None, dt.date | None]:
        decided = cal.add_workdays(filed, rng.randint(*days))
        if decided > as_of:
            return None, None
        outcome = rng.choices(list(CaseResult), weights=(60, 25, 15))[0]
        return outcome, decided

    def add(
        request: Request,
        kind: CaseKind,
        filed: dt.date,
        body: str,
        outcome: tuple[CaseResult | None, dt.date | None],
        *,
        agency: str | None = None,
        codefendant: bool = False,
        note: str = "",
    ) -> None:
        """Register a case about ``request`` (in its agency's register unless ``agency``)."""
        res, decided = outcome
        cases.append(
            Case(
                id=len(cases) + 1,
                agency=request.agency if agency is None else agency,
                request=request.id,
                kind=kind,
                filed=filed,
                body=body,
                result=res,
                decided=decided,
                review_body_codefendant=codefendant,
                note=note,
            )
        )

    picked_direct = 0
    for i, request in enumerate(contested):
        assert request.closed is not None
        roll = rng.random()
        # The first two contested requests always lead to a review and a lawsuit.
        if roll < 0.06 or i == 0:
            filed = cal.add_workdays(request.closed, rng.randint(5, 40))
            if filed > as_of:
                continue
            own = level[request.agency] is AgencyLevel.GOVERNMENT
            body = names.CITY_GOVERNMENT if own else names.GOVERNMENT_NAME
            res, decided = result(filed, (30, 55))
            add(request, CaseKind.REVIEW, filed, body, (res, decided))
            # Upheld reviews are often taken to court, with the 复议机关 as co-defendant.
            if decided is not None and res is CaseResult.UPHELD and (rng.random() < 0.5 or i == 0):
                sued = cal.add_workdays(decided, rng.randint(3, 12))
                if sued <= as_of:
                    court = result(sued, (60, 120))
                    court_name = names.DISTRICT_COURT if not own else names.CITY_COURT
                    add(
                        request,
                        CaseKind.SUIT_AFTER_REVIEW,
                        sued,
                        court_name,
                        court,
                        note=f"{body}为共同被告",
                    )
                    if not own:
                        add(
                            request,
                            CaseKind.SUIT_AFTER_REVIEW,
                            sued,
                            names.DISTRICT_COURT,
                            court,
                            agency="gov",
                            codefendant=True,
                            note="本机关作为复议机关与原行政行为机关为共同被告，"
                            "依国办公开办函〔2016〕201号不计入本机关年报",
                        )
        elif roll < 0.085 or (i == 1 and picked_direct == 0):
            filed = cal.add_workdays(request.closed, rng.randint(10, 100))
            if filed > as_of:
                continue
            add(
                request, CaseKind.SUIT_DIRECT, filed, names.DISTRICT_COURT, result(filed, (60, 130))
            )
            picked_direct += 1
    return cases
