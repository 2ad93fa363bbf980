"""Every URL of the proactive, litigation and year-end apps, walked by users of a sibling
department and of another government: records of department A stay invisible (403/404, or a
page that does not show them) and nothing changes in the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import URLPattern, get_resolver

from gongkai.web.common.models import AuditRecord
from gongkai.web.litigation import services as case_services
from gongkai.web.litigation.models import Case
from gongkai.web.proactive import services
from gongkai.web.proactive.models import Category, Decision, Document, Fee, Item, Matter

D = dt.date
TODAY = D(2025, 12, 31)
SECRET = "只属于教育局的秘密记录"
APPS = ("proactive", "litigation", "yearend")


@pytest.fixture
def secrets(district, register):
    services.categories_ensure_defaults(agency=district.dept_a)
    portal = services.channel_create(
        acting_user=district.reviewer_a, agency=district.dept_a, kind="portal", name="门户网站A"
    )
    common = {"acting_user": district.officer_a, "agency": district.dept_a, "today": TODAY}
    item = services.item_register(
        data=services.ItemData(
            index_number="SECRET-1",
            title=SECRET,
            formed_on=D(2025, 3, 3),
            published_on=D(2025, 3, 4),
            category=Category.objects.get(agency=district.dept_a, name="政务动态"),
            channels=[portal],
        ),
        **common,
    )
    document = services.document_register(
        kind="normative", title=SECRET, issued_on=D(2025, 1, 6), **common
    )
    decision = services.decision_record(
        kind="licensing", start_on=D(2025, 2, 3), title=SECRET, **common
    )
    fee = services.fee_record(
        item=SECRET, start_on=D(2025, 1, 1), end_on=D(2025, 6, 30), amount=Decimal(10), **common
    )
    matter = services.matter_record(
        kind="licensing", name=SECRET, listed_on=D(2019, 1, 1), **common
    )
    application = register()
    case = case_services.case_register(
        application=application, kind="review", filed_on=D(2025, 4, 1), body=SECRET, **common
    )
    return {
        "item": item,
        "document": document,
        "decision": decision,
        "fee": fee,
        "matter": matter,
        "case": case,
        "agency": district.dept_a,
    }


def urls(secrets) -> list[str]:
    """Every pattern of the three apps with its parameters filled with the secret records."""
    pks = {secrets[k].pk for k in ("item", "document", "decision", "fee", "matter", "case")}
    out = []
    for app in APPS:
        resolver = next(
            r for r in get_resolver().url_patterns if getattr(r, "namespace", None) == app
        )
        for pattern in resolver.url_patterns:
            assert isinstance(pattern, URLPattern)
            route = f"/{resolver.pattern}{pattern.pattern}"
            variants = [route]
            if "<slug:kind>" in route:
                variants = [
                    v.replace("<slug:kind>", k)
                    for v in variants
                    for k in ("documents", "decisions", "fees", "procurements", "matters")
                ]
            if "<slug:action>" in route:
                variants = [
                    v.replace("<slug:action>", a) for v in variants for a in ("void", "repeal")
                ]
            if "<int:pk>" in route:
                variants = [v.replace("<int:pk>", str(pk)) for v in variants for pk in pks]
            out += variants
    return out


def snapshot(agency) -> tuple:
    return (
        list(Item.objects.values_list("id", "voided", "published_on")),
        list(Document.objects.values_list("id", "voided", "repealed_on")),
        list(Decision.objects.values_list("id", "voided")),
        list(Fee.objects.values_list("id", "voided")),
        list(Matter.objects.values_list("id", "voided")),
        list(Case.objects.values_list("id", "voided", "result")),
        list(Category.objects.filter(agency=agency).values_list("id", "name", "active")),
        AuditRecord.objects.count(),
    )


@pytest.mark.parametrize("who", ["officer_b", "outsider"])
def test_no_url_shows_or_changes_another_agencys_records(client, district, secrets, who):
    client.force_login(getattr(district, who))
    agency = secrets["agency"].pk
    before = snapshot(secrets["agency"])
    data = {
        "agency": agency,
        "year": 2025,
        "reason": "越权",
        "repealed_on": "2025-06-01",
        "published_on": "2025-06-01",
        "result": "upheld",
        "decided_on": "2025-06-01",
        "what": "category",
        "name": "越权分类",
        "title": "越权",
        "kind": "normative",
        "issued_on": "2025-06-01",
    }
    for url in urls(secrets):
        for query in (
            {},
            {
                "agency": agency,
                "year": 2025,
                "table": "t2",
                "row": "normative_docs",
                "col": "in_force",
            },
        ):
            response = client.get(url, query)
            assert response.status_code in (200, 302, 400, 403, 404, 405), url
            if response.status_code == 200:
                assert SECRET not in response.content.decode(), url
        response = client.post(url, data)
        assert response.status_code in (302, 400, 403, 404, 405), (url, response.status_code)
        if response.status_code == 302:
            assert (
                "/login/" in response["Location"]
                or SECRET not in client.get(response["Location"]).content.decode()
            )
    assert snapshot(secrets["agency"]) == before


def test_the_walk_covers_every_pattern_of_the_three_apps(district, secrets):
    walked = urls(secrets)
    assert len(walked) >= 30  # the records all have id 1 in a fresh database
    for fragment in (
        "/proactive/article20/matters/",
        "/litigation/",
        "/yearend/cell/",
        "/void/",
        "/repeal/",
        "/result/",
    ):
        assert any(fragment in url for url in walked), fragment
