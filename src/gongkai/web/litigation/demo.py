"""Load the demo district's reviews and lawsuits (``gongkai.core.demo``), each linked to the
request it concerns as the web demo registered it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.core import demo as core_demo
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError
from gongkai.web.litigation import services
from gongkai.web.orgs.models import Agency


def _key(agency: str, received: Any, subject: str, applicant: str) -> tuple[str, Any, str, str]:
    return (agency, received, subject, applicant)


def applications_by_request(
    district: core_demo.District, agencies: dict[str, Agency]
) -> dict[int, Application]:
    """The registered Application of each demo request (matched by agency, date of receipt,
    subject and applicant, which the generator makes unique enough for the demo)."""
    codes = {a.pk: key for key, a in agencies.items()}
    index: dict[tuple[str, Any, str, str], Application] = {}
    rows = Application.objects.filter(agency_id__in=codes).select_related("applicant")
    for app in rows:
        index.setdefault(
            _key(codes[app.agency_id], app.received_on, app.subject, app.applicant.name), app
        )
    out = {}
    for r in district.requests:
        found = index.get(_key(r.agency, r.received, r.subject, r.applicant.name))
        if found is not None:
            out[r.id] = found
    return out


def load(
    *,
    district: core_demo.District,
    agencies: dict[str, Agency],
    users: dict[str, Any],
    applications: dict[int, Application] | None = None,
    today: dt.date,
) -> str:
    """Register every demo case whose request was loaded; returns a one-line summary."""
    apps = applications if applications is not None else applications_by_request(district, agencies)
    loaded = skipped = 0
    for case in district.cases:
        app = apps.get(case.request)
        if app is None or case.filed > today:
            skipped += 1
            continue
        decided = case.decided if case.decided and case.decided <= today else None
        try:
            services.case_register(
                acting_user=users[f"{case.agency}_jbr"],
                agency=agencies[case.agency],
                application=app,
                kind=case.kind.value,
                filed_on=case.filed,
                body=case.body,
                review_body_codefendant=case.review_body_codefendant,
                note=case.note,
                result=case.result.value if case.result and decided else "",
                decided_on=decided,
                today=today,
            )
        except ApplicationError:
            skipped += 1
        else:
            loaded += 1
    return f"复议诉讼案件 {loaded} 件" + (f"（{skipped} 件未载入）" if skipped else "")
