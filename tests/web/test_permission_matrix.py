"""A user of another agency can neither see nor change another agency's records: every URL
pattern of the project is walked with users of a sibling department, of another government,
and (for writes) the 公开办, which reads the departments' requests but never handles them
(it may edit their letter settings by rule, which are not records).

Pages without parameters may answer 200, but must not show the records; pages about a record
must answer 403 or 404 (or redirect to the login), and nothing in the database changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.web.applications import services
from gongkai.web.applications.actions import ACTIONS
from gongkai.web.applications.models import Application, ApplicationEvent
from gongkai.web.common.models import AuditRecord

SECRET_NAME = "欧阳保密"
SECRET_SUBJECT = "只属于教育局的申请内容"


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, Any]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def concrete_urls(*record_pks: int) -> list[str]:
    """Every URL pattern with its parameters filled in: ids with the protected application's
    id and its agency's id, years with its year, action slugs with every action."""
    urls: list[str] = []
    for route, pattern in walk(get_resolver()):
        names = list(pattern.pattern.converters)
        path = "/" + route
        if "<" not in path:
            urls.append(path)
            continue
        variants = [path]
        for name in names:
            converter = pattern.pattern.converters[name]
            kind = type(converter).__name__
            filled: list[str] = []
            for candidate in variants:
                token_prefix = f"<{('int' if kind == 'IntConverter' else 'slug' if kind == 'SlugConverter' else 'str' if kind == 'StringConverter' else 'path')}:{name}>"
                if token_prefix not in candidate:
                    token_prefix = f"<{name}>"
                if name == "action" and path.startswith("/applications/"):
                    filled += [candidate.replace(token_prefix, key) for key in ACTIONS]
                elif name == "year":
                    filled.append(candidate.replace(token_prefix, "2025"))
                elif kind == "IntConverter":
                    filled += [candidate.replace(token_prefix, str(pk)) for pk in record_pks]
                else:
                    filled.append(candidate.replace(token_prefix, "x"))
            variants = filled
        urls += variants
    return urls


def secret_request(
    user: Any, agency: Any, *, id_number: str = "1", phone: str = "13800000000"
) -> Application:
    """A request whose applicant and subject no one outside ``agency`` may see."""
    return services.application_register(
        acting_user=user,
        agency=agency,
        applicant=services.ApplicantData(
            kind="natural", name=SECRET_NAME, id_number=id_number, phone=phone
        ),
        channel="in_person",
        arrived_on=dt.date(2025, 3, 3),
        subject=SECRET_SUBJECT,
        requested_form="纸质",
        delivery="邮寄",
    )


@pytest.fixture
def protected(district, steps) -> Application:
    app = secret_request(
        district.officer_a, district.dept_a, id_number="110101199001019992", phone="13800000001"
    )
    return steps.ask_extension(app, dt.date(2025, 3, 20))


def targets(user: Any, protected: Application) -> tuple[int, ...]:
    """Ids to put in URLs: the protected record and its agency — never an id that happens to
    be the acting user's own agency (ids of different tables may coincide)."""
    from gongkai.web.accounts import permissions

    own = permissions.own_agency_ids(user)
    record = protected
    while record.pk in own:
        record = secret_request(record.created_by, record.agency)
    assert protected.agency_id not in own
    return (record.pk, protected.agency_id)


def state(*, records_only: bool = False) -> tuple[int, int, list[Any]]:
    audit = AuditRecord.objects.all()
    if records_only:  # agency settings the 公开办 may edit by rule are not records
        audit = audit.filter(application__isnull=False)
    return (
        ApplicationEvent.objects.count(),
        audit.count(),
        list(Application.objects.values_list("status", "voided", "outcome", "due_on")),
    )


OK_FOR_RECORD = {302, 403, 404, 405}


@pytest.mark.parametrize("who", ["officer_b", "reviewer_b", "outsider"])
def test_users_of_other_agencies_see_nothing_of_the_record(client, district, protected, who):
    user = getattr(district, who)
    client.force_login(user)
    ids = [str(pk) for pk in targets(user, protected)]
    leaks: list[str] = []
    for url in concrete_urls(*map(int, ids)):
        answer = client.get(url)
        body = (
            answer.content.decode("utf-8", "replace")
            if not answer.streaming
            else b"".join(answer.streaming_content).decode("utf-8", "replace")
        )
        if SECRET_NAME in body or SECRET_SUBJECT in body or protected.number in body:
            leaks.append(f"GET {url} shows the record")
        if set(ids) & set(url.split("/")) and answer.status_code not in OK_FOR_RECORD:
            leaks.append(f"GET {url} answered {answer.status_code}")
    assert leaks == []


@pytest.mark.parametrize("who", ["officer_b", "reviewer_b", "outsider", "office"])
def test_users_outside_the_agency_change_nothing(client, district, protected, who):
    user = getattr(district, who)
    client.force_login(user)
    ids = [str(pk) for pk in targets(user, protected)]
    before = state(records_only=who == "office")
    wrong: list[str] = []
    payload = {
        "day": "2025-03-21",
        "note": "x",
        "reason": "x",
        "outcome": "granted",
        "legal_basis": "x",
        "party": "third_party",
        "party_name": "x",
        "amount": "100",
    }
    for prefix in (
        "",
        "rc-",
        "cr-",
        "cs-",
        "ca-",
        "fn-",
        "fp-",
        "er-",
        "ea-",
        "an-",
        "tm-",
        "co-",
        "vd-",
    ):
        payload |= {prefix + k: v for k, v in list(payload.items()) if "-" not in k}
    for url in concrete_urls(*map(int, ids)):
        if not set(ids) & set(url.split("/")):
            continue
        answer = client.post(url, payload)
        # The 公开办 may read the record (200 with the page again); the others may not.
        if who != "office" and answer.status_code not in OK_FOR_RECORD:
            wrong.append(f"POST {url} answered {answer.status_code}")
    assert wrong == []
    assert state(records_only=who == "office") == before


def test_the_office_reads_every_agency_below_its_government(client, district, protected):
    client.force_login(district.office)
    page = client.get(f"/applications/{protected.pk}/")
    assert page.status_code == 200
    assert SECRET_NAME in page.text


def test_the_matrix_covers_every_action_of_the_register(protected):
    urls = concrete_urls(protected.pk)
    for key in ACTIONS:
        assert f"/applications/{protected.pk}/act/{key}/" in urls
