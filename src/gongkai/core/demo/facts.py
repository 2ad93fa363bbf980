"""The demo district's registers as the record facts :mod:`gongkai.core.yearend` counts."""

from __future__ import annotations

from ..yearend import (
    CaseFacts,
    DecisionFacts,
    DocumentFacts,
    FeeFacts,
    MatterFacts,
    ProcurementFacts,
    RequestFacts,
    YearRecords,
)
from .generate import District
from .model import Request


def request_facts(request: Request) -> RequestFacts:
    return RequestFacts(
        request.id, request.received, request.applicant.kind, request.closed, request.outcome
    )


def agency_records(district: District, agency: str) -> YearRecords:
    """Everything ``agency``'s registers hold, ready for :func:`gongkai.core.yearend.count_year`."""
    return YearRecords(
        requests=[request_facts(r) for r in district.requests if r.agency == agency],
        documents=[
            DocumentFacts(d.id, d.kind.value, d.issued, d.repealed)
            for d in district.documents
            if d.agency == agency
        ],
        decisions=[
            DecisionFacts(d.id, d.kind.value, d.start, d.end, d.count)
            for d in district.decisions
            if d.agency == agency
        ],
        fees=[
            FeeFacts(f.id, f.start, f.end, f.amount) for f in district.fees if f.agency == agency
        ],
        matters=[
            MatterFacts(m.id, m.kind.value, m.listed, m.delisted)
            for m in district.matters
            if m.agency == agency
        ],
        procurements=[
            ProcurementFacts(p.id, p.day, p.amount)
            for p in district.procurements
            if p.agency == agency
        ],
        cases=[
            CaseFacts(
                c.id,
                c.kind.value,
                c.filed,
                c.result.value if c.result else None,
                c.decided,
                c.review_body_codefendant,
            )
            for c in district.cases
            if c.agency == agency
        ],
    )
