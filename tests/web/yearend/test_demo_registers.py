"""The demo district loaded through the services: proactive items, 第二十条 records and cases
arrive for every agency, and the year-end view of every agency equals what the core counts
from the generator's records — and reconciles."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.demo import generate_district
from gongkai.core.demo.facts import agency_records
from gongkai.core.wallclock import CHINA
from gongkai.core.yearend import count_year
from gongkai.web import demo as web_demo
from gongkai.web.demo import DemoSummary
from gongkai.web.litigation import demo as litigation_demo
from gongkai.web.litigation.models import Case
from gongkai.web.proactive import demo as proactive_demo
from gongkai.web.proactive.models import Channel, Item
from gongkai.web.yearend.selectors import year_end, year_records

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def loaded(db, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 15, 10, tzinfo=CHINA), tick=False)
    district = generate_district(seed=4, years=(2024, 2025), requests_per_year=60)
    agencies = web_demo.load_agencies(district)
    users = web_demo.load_people(district, agencies)
    summary = DemoSummary()
    web_demo.load_requests(district.requests, agencies, users, TODAY, summary)
    proactive_text = proactive_demo.load(
        district=district, agencies=agencies, users=users, today=TODAY
    )
    litigation_text = litigation_demo.load(
        district=district, agencies=agencies, users=users, today=TODAY
    )
    return district, agencies, summary, proactive_text, litigation_text


def test_every_register_is_loaded(loaded):
    district, _agencies, summary, proactive_text, litigation_text = loaded
    assert summary.skipped == 0
    assert Item.objects.count() == len(district.proactive)
    assert f"主动公开信息 {len(district.proactive)} 条" in proactive_text
    assert Channel.objects.filter(kind="new_media").exists()
    assert Case.objects.count() == len(district.cases)
    assert litigation_text == f"复议诉讼案件 {len(district.cases)} 件"
    assert Case.objects.filter(review_body_codefendant=True).exists() == any(
        c.review_body_codefendant for c in district.cases
    )


def test_the_year_end_view_of_every_agency_equals_the_core_count(loaded):
    district, agencies, *_ = loaded
    for key, agency, year in ((k, a, y) for k, a in agencies.items() for y in (2024, 2025)):
        web = year_end(agency=agency, year=year)  # table 3 by the database's aggregation
        core = count_year(agency_records(district, key), year=year, agency=agency.name)
        # The old path: the same database records counted one by one by the core.
        per_record = count_year(year_records(agency=agency, year=year), year=year, agency="")
        assert web.report.cells.keys() == core.report.cells.keys()
        for ref, cell in web.report.cells.items():
            assert cell.number == core.report.cells[ref].number, (key, ref)
            assert cell.number == per_record.report.cells[ref].number, (key, ref)
        for column in ("natural", "commercial", "research", "nonprofit", "legal", "other", "total"):
            assert web.value("t3", "received", column) + web.value(
                "t3", "carried_in", column
            ) == web.value("t3", "closed_total", column) + web.value("t3", "carried_out", column)
