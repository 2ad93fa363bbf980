"""Load the demo district (``gongkai.core.demo``) into the database through the services.

Every request is registered and handled by the demo's own case officers and reviewers through
the same services the pages use, so the data is validated, audited and its due dates come
from the clock. Two closed years come from the generator as they are; a third, current year
is replayed up to today, so the work queue has live cases (due soon, overdue, waiting).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.core import demo as core_demo
from gongkai.web.accounts.models import Membership
from gongkai.web.applications import services
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.orgs.services import agency_create

log = logging.getLogger(__name__)

KINDS = {
    core_demo.AgencyLevel.GOVERNMENT: AgencyKind.GOVERNMENT,
    core_demo.AgencyLevel.DEPARTMENT: AgencyKind.DEPARTMENT,
}
ek = core_demo.EventKind
RECENT_DENSITY = 60  # requests a year per agency generated for the current year
PARTY_NAMES = {"third_party": "第三方", "agency": "有关行政机关"}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    agency: str


@dataclass
class DemoSummary:
    agencies: int = 0
    applications: int = 0
    skipped: int = 0
    logins: list[DemoLogin] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def _kind(agency: core_demo.Agency) -> AgencyKind:
    if agency.level is core_demo.AgencyLevel.TOWNSHIP:
        return AgencyKind.SUBDISTRICT if agency.name.endswith("街道办事处") else AgencyKind.TOWNSHIP
    return KINDS[agency.level]


def load_agencies(district: core_demo.District) -> dict[str, Agency]:
    by_key: dict[str, Agency] = {}
    pending = list(district.agencies)
    while pending:
        rest = []
        for a in pending:
            if a.parent is not None and a.parent not in by_key:
                rest.append(a)
                continue
            by_key[a.key] = agency_create(
                code=a.key,
                name=a.name,
                kind=_kind(a),
                parent=by_key[a.parent] if a.parent else None,
                office_name=a.office.name,
                office_address=a.office.address,
                office_hours=a.office.hours,
                office_phone=a.office.phone,
                office_fax=a.office.fax,
                office_email=a.office.email,
                number_pattern="{agency_code}-{year}-{seq:04d}",
            )
        pending = rest
    return by_key


def load_people(district: core_demo.District, agencies: dict[str, Agency]) -> dict[str, Any]:
    user_model = get_user_model()
    users: dict[str, Any] = {}
    for p in district.people:
        user = user_model.objects.create_user(username=p.username, password=p.password)
        user.first_name = p.full_name  # Chinese names are written whole, family name first
        user.save(update_fields=["first_name"])
        Membership.objects.create(user=user, agency=agencies[p.agency], role=p.role.value)
        users[p.username] = user
    return users


def _replay(
    request: core_demo.Request,
    agencies: dict[str, Agency],
    users: dict[str, Any],
    today: dt.date,
) -> Application | None:
    """Register and handle one generated request through the services, up to ``today``."""
    officer = users[request.officer]
    reviewer = users.get(f"{request.agency}_shr", officer)
    a = request.applicant
    with transaction.atomic():
        app = services.application_register(
            acting_user=officer,
            agency=agencies[request.agency],
            applicant=services.ApplicantData(
                kind=a.kind,
                name=a.name,
                id_type=a.id_type,
                id_number=a.id_number,
                phone=a.phone,
                email=a.email,
                address=a.address,
            ),
            channel=request.channel.value,
            arrived_on=request.received,
            subject=request.subject,
            requested_form=request.requested_form,
            delivery=request.delivery,
            today=today,
        )
        handled = any(e.day <= today for e in request.events)
        if (
            handled
            or (request.closed and request.closed <= today)
            or (today - request.received).days > 3
        ):
            app = services.application_start(acting_user=officer, application=app)
        for e in request.events:
            if e.day > today:
                return app
            by = users.get(e.by or "", officer)
            kind = e.kind
            if kind is ek.CORRECTION_REQUESTED:
                app = services.application_request_correction(
                    acting_user=officer, application=app, day=e.day, note=e.note
                )
            elif kind is ek.CORRECTION_RECEIVED:
                app = services.application_receive_correction(
                    acting_user=officer, application=app, day=e.day, note=e.note
                )
            elif kind is ek.CONSULTATION_STARTED:
                app = services.application_send_consultation(
                    acting_user=officer,
                    application=app,
                    day=e.day,
                    party=e.party or "third_party",
                    party_name=PARTY_NAMES[e.party or "third_party"],
                    note=e.note,
                )
            elif kind is ek.CONSULTATION_ENDED:
                app = services.application_receive_consultation(
                    acting_user=officer,
                    application=app,
                    day=e.day,
                    party_name=PARTY_NAMES[e.party or "third_party"],
                    note=e.note,
                )
            elif kind is ek.FEE_NOTICE:
                assert e.amount is not None
                app = services.application_issue_fee_notice(
                    acting_user=officer, application=app, day=e.day, amount=e.amount, note=e.note
                )
            elif kind is ek.FEE_PAID:
                assert e.amount is not None
                app = services.application_record_payment(
                    acting_user=officer, application=app, day=e.day, amount=e.amount
                )
            elif kind is ek.EXTENSION:
                app = services.application_request_extension(
                    acting_user=officer, application=app, day=e.day, reason=e.note
                )
                app = services.application_approve_extension(
                    acting_user=reviewer, application=app, day=e.day
                )
            elif kind is ek.DUE_DATE_SET:
                assert e.due is not None
                app = services.application_set_due_date(
                    acting_user=by, application=app, day=e.day, due=e.due, reason=e.note
                )
        if request.closed is None or request.closed > today or request.outcome is None:
            return app
        if request.state is core_demo.State.TERMINATED:
            app = services.application_terminate(
                acting_user=officer,
                application=app,
                day=request.closed,
                outcome=request.outcome,
                reason=request.legal_basis or "申请人逾期未补正或未缴费，视为放弃申请",
            )
        else:
            app = services.application_answer(
                acting_user=officer,
                application=app,
                day=request.closed,
                outcome=request.outcome,
                legal_basis=request.legal_basis or "《中华人民共和国政府信息公开条例》第三十六条",
            )
    return app


def load_requests(
    requests: Iterable[core_demo.Request],
    agencies: dict[str, Agency],
    users: dict[str, Any],
    today: dt.date,
    summary: DemoSummary,
    progress: Callable[[int], None] | None = None,
) -> None:
    for request in requests:
        if request.received > today:
            continue
        try:
            _replay(request, agencies, users, today)
        except ApplicationError as exc:
            summary.skipped += 1
            log.warning("demo request %s skipped: %s", request.number, exc.message)
        else:
            summary.applications += 1
            if progress is not None and summary.applications % 100 == 0:
                progress(summary.applications)


def _optional_loader(module: str) -> Any:
    if importlib.util.find_spec(module.rsplit(".", 1)[0]) is None:
        return None
    try:
        return getattr(importlib.import_module(module), "load", None)
    except ModuleNotFoundError:
        return None


def load_demo(
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """The whole demo: agencies, people, two closed years and the current year up to today."""
    today = today or timezone.localdate()
    years = (today.year - 2, today.year - 1)
    district = core_demo.generate_district(seed=seed, years=years)
    summary = DemoSummary()
    agencies = load_agencies(district)
    users = load_people(district, agencies)
    summary.agencies = len(agencies)
    load_requests(district.requests, agencies, users, today, summary, progress)
    # The current year, replayed up to today: every sixth request of the year, plus all those
    # received in the last five weeks, so that the queue has cases in every state.
    current = core_demo.iter_requests(
        seed=seed, years=(today.year,), requests=RECENT_DENSITY * len(district.agencies)
    )
    recent = today - dt.timedelta(days=35)
    chosen = (r for r in current if r.received >= recent or r.id % 6 == 0)
    load_requests(chosen, agencies, users, today, summary, progress)
    for module in ("gongkai.web.proactive.demo", "gongkai.web.litigation.demo"):
        loader = _optional_loader(module)
        if loader is not None:
            result = loader(district=district, agencies=agencies, users=users)
            if result:
                summary.extra.append(str(result))
    labels = core_demo.ROLE_LABELS
    for p in district.featured_people():
        summary.logins.append(
            DemoLogin(p.username, p.password, labels[p.role], district.agency(p.agency).name)
        )
    return summary


def open_count() -> int:
    return Application.objects.filter(status__in=[s.value for s in Status if s.is_open]).count()
