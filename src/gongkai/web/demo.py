"""Load the demo district (``gongkai.core.demo``) into the database through the services.

Every request is registered and handled by the demo's own case officers and reviewers through
the same services the pages use, so the data is validated, audited and its due dates come
from the clock. Two closed years come from the generator as they are; a third, current year
is replayed up to today, so the work queue has live cases (due soon, overdue, waiting).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet

from gongkai.core import demo as core_demo
from gongkai.core import letters as core_letters
from gongkai.core import wallclock
from gongkai.web.accounts.models import Membership
from gongkai.web.accounts.services import calendar_admin_grant
from gongkai.web.applications import services
from gongkai.web.applications.enums import Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.outcomes import outcome_label
from gongkai.web.common.errors import ApplicationError
from gongkai.web.letters.services import letter_generate
from gongkai.web.letters.snapshots import LetterInput
from gongkai.web.litigation import demo as litigation_demo
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.orgs.services import agency_create
from gongkai.web.proactive import demo as proactive_demo
from gongkai.web.workcalendar.snapshots import work_calendar

log = logging.getLogger(__name__)

KINDS = {
    core_demo.AgencyLevel.GOVERNMENT: AgencyKind.GOVERNMENT,
    core_demo.AgencyLevel.DEPARTMENT: AgencyKind.DEPARTMENT,
}
ek = core_demo.EventKind
RECENT_DENSITY = 60  # requests a year per agency generated for the current year
# The generator's 补正 notices give the applicant 15 working days ("补正期限15个工作日").
CORRECTION_WORKDAYS = 15
# Requests whose applicant let the 补正/fee period pass this recently are left for the officer
# to close (the queue's "补正期限已过" flag and the one-click action have something to show).
UNHANDLED_LAPSE = dt.timedelta(days=10)
DEMO_REQUESTS_PER_AGENCY = 10  # generate_district's default requests a year per agency
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
                review_body=_review_body(a, by_key),
                number_pattern="{agency_code}-{year}-{seq:04d}",
            )
        pending = rest
    return by_key


def _review_body(agency: core_demo.Agency, loaded: dict[str, Agency]) -> str:
    """行政复议法 (2023) 第二十四条: a department's or a 街道's 复议机关 is the 本级人民政府; a
    district government's is the 上一级人民政府 (the city, "示例市人民政府")."""
    if agency.parent is not None:
        parent = loaded[agency.parent]
        return (parent.government or parent).name
    city, sep, _rest = agency.name.partition("市")
    return f"{city}市人民政府" if sep else "上一级人民政府"


def load_people(district: core_demo.District, agencies: dict[str, Agency]) -> dict[str, Any]:
    user_model = get_user_model()
    users: dict[str, Any] = {}
    for p in district.people:
        user = user_model.objects.create_user(username=p.username, password=p.password)
        user.first_name = p.full_name  # Chinese names are written whole, family name first
        user.save(update_fields=["first_name"])
        Membership.objects.create(user=user, agency=agencies[p.agency], role=p.role.value)
        if p.role.value == "admin":  # the demo has one government: its admin is the
            calendar_admin_grant(acting_user=None, user=user)  # installation's too
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
                    acting_user=officer,
                    application=app,
                    day=e.day,
                    note=e.note,
                    reply_by=work_calendar().add_workdays(e.day, CORRECTION_WORKDAYS),
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
        if app.lapses_on is not None and request.closed > today - UNHANDLED_LAPSE:
            # Lapsed in the last days and not yet closed by the officer: the queue flags it.
            return app
        closing: dict[str, Any] = {
            "acting_user": officer,
            "application": app,
            "day": request.closed,
            "outcome": request.outcome,
        }
        if request.state is core_demo.Status.TERMINATED:
            reason = request.legal_basis or "申请人逾期未补正或未缴费，视为放弃申请"
            app = services.application_terminate(**closing, reason=reason)
        else:
            basis = request.legal_basis or "《中华人民共和国政府信息公开条例》第三十六条"
            app = services.application_answer(**closing, legal_basis=basis)
    return app


def load_requests(
    requests: Iterable[core_demo.Request],
    agencies: dict[str, Agency],
    users: dict[str, Any],
    today: dt.date,
    summary: DemoSummary,
    progress: Callable[[int], None] | None = None,
) -> dict[int, Application]:
    """Replay each request received by ``today``; returns the Application of each request id."""
    loaded: dict[int, Application] = {}
    for request in requests:
        if request.received > today:
            continue
        try:
            app = _replay(request, agencies, users, today)
        except ApplicationError as exc:
            summary.skipped += 1
            log.warning("demo request %s skipped: %s", request.number, exc.message)
        else:
            if app is not None:
                loaded[request.id] = app
            summary.applications += 1
            if progress is not None and summary.applications % 100 == 0:
                progress(summary.applications)
    return loaded


def _finished(district: core_demo.District, seed: int, today: dt.date) -> list[core_demo.Request]:
    """The district's requests, those still open on 31 December replaced by how they end up
    to ``today``: a request carried into the new year is answered, or ends as abandoned when
    the applicant lets the 补正 or payment period pass (条例第三十条; 国办函〔2020〕109号), as
    its story in the generator goes on; it does not stay open for ever."""
    carried = {r.id: r for r in district.requests if r.closed is None}
    if not carried or today <= district.as_of:
        return list(district.requests)
    later = {
        r.id: r
        for r in core_demo.iter_requests(
            seed=seed,
            years=district.years,
            requests=DEMO_REQUESTS_PER_AGENCY * len(district.agencies) * len(district.years),
            as_of=today,
        )
        if r.id in carried
    }
    out = []
    for r in district.requests:
        again = later.get(r.id)
        same = again is not None and (again.number, again.received) == (r.number, r.received)
        out.append(again if same and again is not None else r)
    return out


def load_demo(
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """The whole demo: agencies, people, two closed years and the current year up to today."""
    today = today or wallclock.today()
    years = (today.year - 2, today.year - 1)
    district = core_demo.generate_district(seed=seed, years=years)
    summary = DemoSummary()
    agencies = load_agencies(district)
    users = load_people(district, agencies)
    summary.agencies = len(agencies)
    applications = load_requests(
        _finished(district, seed, today), agencies, users, today, summary, progress
    )
    # The current year, replayed up to today: every sixth request of the year, plus all those
    # received in the last five weeks, so that the queue has cases in every state.
    current = core_demo.iter_requests(
        seed=seed, years=(today.year,), requests=RECENT_DENSITY * len(district.agencies)
    )
    recent = today - dt.timedelta(days=35)
    chosen = (r for r in current if r.received >= recent or r.id % 6 == 0)
    load_requests(chosen, agencies, users, today, summary, progress)

    # The current year's 目录 goes on up to today, like its requests.
    extra_items = core_demo.proactive_items(seed, (today.year,))
    loaded: dict[str, Any] = {
        "district": district,
        "agencies": agencies,
        "users": users,
        "today": today,
    }
    for result in (
        proactive_demo.load(**loaded, extra_items=extra_items),
        litigation_demo.load(**loaded, applications=applications),
    ):
        if result:
            summary.extra.append(str(result))
    from gongkai.web.portal import demo as portal_demo

    summary.extra.append(portal_demo.load(agencies=agencies, today=today))
    letters = _answer_letters(applications, users)
    if letters:
        summary.extra.append(letters)
    featured = {p.agency for p in district.featured_people()}
    waiting, registered = _waiting_for_review_and_oversight(agencies, users, today, featured)
    summary.applications += registered
    summary.extra.append(waiting)
    from gongkai.web.reports import demo as reports_demo

    summary.extra.append(reports_demo.load(agencies=agencies, users=users, today=today))
    # Reminders run at start, so 提醒 shows the cases due soon and overdue from the first login
    # (the worker then sends them daily).
    from gongkai.web.notifications.tasks import send_deadline_reminders_for

    sent = send_deadline_reminders_for(today)
    summary.extra.append(f"到期和超期提醒 {sent['created']} 条")
    labels = core_demo.ROLE_LABELS
    for p in district.featured_people():
        summary.logins.append(
            DemoLogin(p.username, p.password, labels[p.role], district.agency(p.agency).name)
        )
    return summary


PENDING_EXTENSIONS_PER_AGENCY = 2
SUPERVISED_AGENCIES = 2


def _waiting_for_review_and_oversight(
    agencies: dict[str, Agency], users: dict[str, Any], today: dt.date, featured: set[str]
) -> tuple[str, int]:
    """Work for the 审核人's 待我审批 and the 公开办's dashboard: each agency's case officer asks
    today to extend its running cases that are due latest (条例 第三十三条第二款) — an agency
    whose people are printed as demo logins and has no such case registers one received today
    — and the 公开办 supervises (督办) the agencies with the most overdue cases."""
    from django.db.models import Count, Q

    from gongkai.web.accounts.roles import Role
    from gongkai.web.oversight.services import supervision_record

    asked = registered = 0
    for agency in agencies.values():
        officer = users.get(f"{agency.code}_jbr")
        if officer is None:
            continue
        running = _running_unextended(agency=agency, due_on__gt=today)
        chosen = list(running.order_by("-due_on", "-id")[:PENDING_EXTENSIONS_PER_AGENCY])
        if not chosen and agency.code in featured:
            chosen = [
                _received_today(
                    agency, officer, today, "本辖区2015年以来历次征地补偿安置方案及批复文件"
                )
            ]
            registered += 1
        for app in chosen:
            try:
                services.application_request_extension(
                    acting_user=officer,
                    application=app,
                    day=today,
                    reason="所需信息涉及多个科室的历年档案，需调取核对",
                )
            except ApplicationError as exc:
                log.warning("demo extension request for %s refused: %s", app.number, exc.message)
            else:
                asked += 1
    signoff, fresh = _answer_waiting_for_signoff(agencies, users, today, featured)
    registered += fresh
    supervised = 0
    office = (
        Membership.objects.filter(role=Role.OFFICE.value).select_related("user", "agency").first()
    )
    if office is not None:
        overdue = (
            _running(agency__government_id=office.agency.government_id, due_on__lt=today)
            .values("agency")
            .annotate(n=Count("id", filter=Q(due_on__lt=today)))
            .order_by("-n")[:SUPERVISED_AGENCIES]
        )
        by_pk = {a.pk: a for a in agencies.values()}
        for row in overdue:
            supervision_record(
                acting_user=office.user,
                agency=by_pk[row["agency"]],
                day=today,
                note=f"贵单位有{row['n']}件政府信息公开申请已超过答复期限，请尽快依法答复。",
            )
            supervised += 1
    return (
        f"待审批的延期申请 {asked} 件，待签发的答复 {signoff} 件，公开办督办 {supervised} 次",
        registered,
    )


def _running(**where: Any) -> QuerySet[Application]:
    """The requests still being handled (registered or in progress, not voided) that match
    ``where``."""
    running = [Status.REGISTERED.value, Status.IN_PROGRESS.value]
    return Application.objects.filter(voided=False, status__in=running, **where)


def _running_unextended(**where: Any) -> QuerySet[Application]:
    """Those of :func:`_running` not extended and with no extension asked for."""
    return _running(**where).exclude(events__kind__in=["extension", "extension_requested"])


def _received_today(agency: Agency, officer: Any, today: dt.date, subject: str) -> Application:
    """A request received in person today, so a featured agency always has work to show."""
    return services.application_register(
        acting_user=officer,
        agency=agency,
        applicant=services.ApplicantData(
            kind="natural",
            name="林晓",
            id_type="居民身份证",
            id_number="110101198805120020",
            phone="13900001234",
        ),
        channel="in_person",
        arrived_on=today,
        subject=subject,
        requested_form="纸质",
        delivery="邮寄",
        today=today,
    )


def _answer_waiting_for_signoff(
    agencies: dict[str, Agency], users: dict[str, Any], today: dt.date, featured: set[str]
) -> tuple[int, int]:
    """The agencies whose people are demo logins require their answers to be signed (签发) by
    their 审核人, and each case officer has submitted today the answer of a running case due
    soonest (or of one received today), so the 审核人's 待我审批 shows an answer to sign (issue
    10, item 9). Returns the answers submitted and the requests registered for it."""
    submitted = registered = 0
    for code in sorted(featured):
        agency, officer = agencies.get(code), users.get(f"{code}_jbr")
        if agency is None or officer is None or f"{code}_shr" not in users:
            continue
        agency.answers_need_signoff = True
        agency.save(update_fields=["answers_need_signoff"])
        candidates = _running_unextended(agency=agency, due_on__gte=today).order_by("due_on", "id")
        if not any(_submit_for_signoff(officer, app, today) for app in candidates[:5]):
            fresh = _received_today(agency, officer, today, "本机关2025年度部门预算公开文本")
            registered += 1
            if not _submit_for_signoff(officer, fresh, today):
                continue
        submitted += 1
    return submitted, registered


def _submit_for_signoff(officer: Any, app: Application, today: dt.date) -> bool:
    try:
        services.application_submit_answer(
            acting_user=officer,
            application=app,
            day=today,
            outcome="granted",
            legal_basis="《中华人民共和国政府信息公开条例》第三十六条第二项",
            summary="所申请的信息予以公开，随本答复书提供",
        )
    except ApplicationError as exc:
        log.warning("demo answer for signoff of %s refused: %s", app.number, exc.message)
        return False
    return True


LETTERS_PER_AGENCY = (
    1  # answer letters generated per agency (each renders a DOCX and a PDF, ~0.17 s)
)


def _answer_letters(applications: dict[int, Application], users: dict[str, Any]) -> str:
    """The 答复书 of the latest answered requests of each agency, generated through the letters
    service (numbered, stored as DOCX and PDF) so that the letters register is not empty."""

    latest: dict[int, list[Application]] = {}
    answered = sorted(
        (
            a
            for a in applications.values()
            if a.status == Status.ANSWERED.value and a.outcome in core_letters.OUTCOMES
        ),
        key=lambda a: (a.closed_on, a.pk),
        reverse=True,
    )
    for app in answered:
        chosen = latest.setdefault(app.agency_id, [])
        if len(chosen) < LETTERS_PER_AGENCY:
            chosen.append(app)
    made = failed = 0
    for chosen in latest.values():
        for app in chosen:
            assert app.closed_on is not None
            officer = users.get(f"{app.agency.code}_jbr")
            assert officer is not None  # every demo agency has a 经办人
            try:
                letter_generate(
                    acting_user=officer,
                    application=app,
                    key=core_letters.template_key(core_letters.LetterKind.ANSWER, app.outcome),
                    data=LetterInput(
                        issued_on=app.closed_on,
                        legal_basis=app.legal_basis,
                        decision=app.answer_summary
                        or f"经审查，对您申请获取的“{app.subject}”，本机关的处理结果为："
                        f"{outcome_label(app.outcome, app.closed_on.year)}。",
                        reasons=f"依据{app.legal_basis}。",
                    ),
                )
            except ApplicationError as exc:
                failed += 1
                log.warning("demo letter for %s not generated: %s", app.number, exc.message)
            else:
                made += 1
    return f"答复书 {made} 份" + (f"（{failed} 份未生成）" if failed else "")


def open_count() -> int:
    return Application.objects.filter(status__in=[s.value for s in Status if s.is_open]).count()
