"""The year-end view: tables 2, 3 and 4 straight from the records, reconciled by construction,
every number a link to the records behind it, scoped by permission."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import proactive_records
import pytest
from django.urls import reverse

from gongkai.web.applications import services as app_services
from gongkai.web.applications.models import Application
from gongkai.web.proactive import services as reg_services
from gongkai.web.yearend.aggregate import cell_requests
from gongkai.web.yearend.selectors import year_end

D = dt.date
TODAY = D(2026, 1, 10)


@pytest.fixture
def records(district, register, answer, steps):
    """Department A: two requests of 2025 (one answered, one still open), a document, decisions,
    fees and a review."""
    answered = answer(
        register(arrived_on=D(2025, 3, 3)),
        start=True,
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    )
    open_ = register(
        arrived_on=D(2025, 12, 29),
        applicant=app_services.ApplicantData(
            kind="legal",
            name="示例律师事务所",
            id_number="91110000000000000X",
            phone="0999-88886666",
        ),
    )
    proactive_records.register_document(
        district, title="旧规定", issued_on=D(2023, 3, 1), repealed_on=D(2025, 8, 1), today=TODAY
    )
    proactive_records.register_document(
        district, title="新规定", issued_on=D(2025, 8, 1), today=TODAY
    )
    common = {"acting_user": district.officer_a, "agency": district.dept_a, "today": TODAY}
    reg_services.decision_record(
        kind="licensing",
        start_on=D(2025, 1, 1),
        end_on=D(2025, 6, 30),
        count=40,
        source_note="审批系统",
        **common,
    )
    reg_services.fee_record(
        item="考务费",
        start_on=D(2025, 1, 1),
        end_on=D(2025, 12, 31),
        amount=Decimal("23456.78"),
        **common,
    )
    steps.review(answered, D(2025, 4, 8), result="upheld", decided_on=D(2025, 6, 1), today=TODAY)
    return answered, open_


def test_the_counts_come_from_the_records(district, records):
    _answered, open_ = records
    result = year_end(agency=district.dept_a, year=2025)
    assert result.value("t3", "received", "total") == 2
    assert result.value("t3", "granted", "natural") == 1
    assert result.value("t3", "carried_out", "legal") == 1
    fmt = result.format
    behind = cell_requests(
        agency=district.dept_a, year=2025, fmt=fmt, row="carried_out", column="total"
    )
    assert behind is not None and list(behind) == [open_]
    assert result.value("t2", "normative_docs", "issued") == 1
    assert result.value("t2", "normative_docs", "repealed") == 1
    assert result.value("t2", "normative_docs", "in_force") == 1
    assert result.value("t2", "licensing", "decisions") == 40
    assert result.value("t2", "fees", "amount_wan") == Decimal("2.3457")
    assert result.value("t4", "review", "upheld") == 1
    following = year_end(agency=district.dept_a, year=2026)
    assert following.value("t3", "carried_in", "legal") == 1


def test_voided_records_are_not_counted(district, records):
    _answered, open_ = records
    app_services.application_void(
        acting_user=district.officer_a, application=open_, reason="重复登记"
    )
    result = year_end(agency=district.dept_a, year=2025)
    assert result.value("t3", "received", "total") == 1
    assert result.value("t3", "carried_out", "total") == 0


def test_the_page_shows_linked_numbers_that_reconcile(client, district, records):
    client.force_login(district.officer_a)
    page = client.get(reverse("yearend:index"), {"agency": district.dept_a.pk, "year": 2025})
    assert page.status_code == 200
    text = page.content.decode()
    assert "一、本年新收政府信息公开申请数量" in text and "本年收费金额（单位：万元）" in text
    cell = re.search(r'id="t3-received-total" href="([^"]+)">(\d+)<', text)
    assert cell is not None and cell.group(2) == "2"
    drill = client.get(cell.group(1).replace("&amp;", "&"))
    assert drill.status_code == 200
    for application in records:
        assert application.number in drill.content.decode()


def test_the_drill_down_of_table_4_and_table_2(client, district, records):
    client.force_login(district.officer_a)
    base = {"agency": district.dept_a.pk, "year": 2025}
    t4 = client.get(
        reverse("yearend:cell"), {**base, "table": "t4", "row": "review", "col": "upheld"}
    )
    assert "行政复议" in t4.content.decode()
    t2 = client.get(
        reverse("yearend:cell"), {**base, "table": "t2", "row": "normative_docs", "col": "repealed"}
    )
    assert "旧规定" in t2.content.decode() and "新规定" not in t2.content.decode()
    assert (
        client.get(
            reverse("yearend:cell"), {**base, "table": "t9", "row": "x", "col": "y"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize("who", ["officer_b", "outsider"])
def test_another_agency_cannot_see_the_year_end_view(client, district, records, who):
    client.force_login(getattr(district, who))
    base = {"agency": district.dept_a.pk, "year": 2025}
    assert client.get(reverse("yearend:index"), base).status_code == 404
    cell = {**base, "table": "t3", "row": "received", "col": "total"}
    assert client.get(reverse("yearend:cell"), cell).status_code == 404


def test_the_office_sees_every_agency_below_its_government(client, district, records):
    client.force_login(district.office)
    page = client.get(reverse("yearend:index"), {"agency": district.dept_a.pk, "year": 2025})
    assert page.status_code == 200


def test_a_record_that_cannot_be_counted_is_named_instead_of_a_wrong_table(
    client, district, records
):
    answered, _ = records
    Application.objects.filter(pk=answered.pk).update(outcome="other")  # a 2019-format row in 2025
    client.force_login(district.officer_a)
    page = client.get(reverse("yearend:index"), {"agency": district.dept_a.pk, "year": 2025})
    assert page.status_code == 409
    assert f"申请 {answered.pk} 于2025年办结" in page.content.decode()


def test_a_year_without_a_national_format_is_explained(client, district):
    client.force_login(district.officer_a)
    page = client.get(reverse("yearend:index"), {"agency": district.dept_a.pk, "year": 2018})
    assert page.status_code == 400
    assert "没有适用的全国统一年报格式" in page.content.decode()


def test_the_drill_down_pages_through_a_big_cell(client, district, register, monkeypatch):
    from gongkai.web.yearend import views

    monkeypatch.setattr(views, "DRILL_PAGE_SIZE", 2)
    numbers = [register(arrived_on=D(2025, 3, day)).number for day in (3, 4, 5)]
    client.force_login(district.officer_a)
    query = {
        "agency": district.dept_a.pk,
        "year": 2025,
        "table": "t3",
        "row": "received",
        "col": "total",
    }
    first = client.get(reverse("yearend:cell"), query).content.decode()
    second = client.get(reverse("yearend:cell"), {**query, "page": 2}).content.decode()
    assert "（3 条记录）" in first and "第 1 / 2 页" in first
    assert [n in first for n in numbers] == [True, True, False]
    assert [n in second for n in numbers] == [False, False, True]


def test_the_page_summarises_proactive_items_by_category_and_channel(client, district):
    wechat = proactive_records.channel(district, "new_media", "示例教育")
    category = proactive_records.category(district, "政务动态")
    for n, published in enumerate((D(2025, 3, 5), D(2025, 5, 30))):
        proactive_records.register_item(
            district,
            category,
            index_number=f"I-{n}",
            title=f"条目{n}",
            published_on=published,
            channels=[wechat],
            today=TODAY,
        )
    client.force_login(district.officer_a)
    text = client.get(
        reverse("yearend:index"), {"agency": district.dept_a.pk, "year": 2025}
    ).content.decode()
    assert "2025年公开信息 <strong>2</strong> 条，其中超过20个工作日公开的 1 条" in text
    assert "政务动态：2条" in text and "示例教育（政务新媒体）2条" in text


def test_a_2019_format_year_counts_items_procurement_and_drills_to_the_lists(client, district):
    common = {"acting_user": district.officer_a, "agency": district.dept_a, "today": TODAY}
    reg_services.matter_record(kind="licensing", name="甲许可", listed_on=D(2018, 1, 1), **common)
    reg_services.matter_record(
        kind="licensing",
        name="乙许可",
        listed_on=D(2018, 1, 1),
        delisted_on=D(2020, 6, 1),
        **common,
    )
    reg_services.matter_record(kind="licensing", name="丙许可", listed_on=D(2020, 3, 1), **common)
    reg_services.matter_record(kind="licensing", name="丁许可", listed_on=D(2020, 4, 1), **common)
    reg_services.procurement_record(
        title="办公设备", day=D(2020, 5, 6), amount=Decimal(150000), **common
    )
    with pytest.raises(Exception, match="取消日期不能早于列入清单日期"):
        reg_services.matter_record(
            kind="fees", name="戊", listed_on=D(2020, 4, 1), delisted_on=D(2020, 3, 1), **common
        )
    result = year_end(agency=district.dept_a, year=2020)
    assert result.format.key == "2019"
    assert result.value("t2", "licensing", "prev_items") == 2
    assert result.value("t2", "licensing", "change") == 1
    assert result.value("t2", "procurement", "amount") == Decimal("15.0000")
    client.force_login(district.officer_a)
    cell = client.get(
        reverse("yearend:cell"),
        {
            "agency": district.dept_a.pk,
            "year": 2020,
            "table": "t2",
            "row": "licensing",
            "col": "change",
        },
    ).content.decode()
    assert "乙许可" in cell and "丙许可" in cell and "丁许可" in cell and "甲许可" not in cell
    page = client.get(reverse("proactive:article20"), {"agency": district.dept_a.pk, "year": 2020})
    assert "权责和收费事项清单" in page.content.decode() and "办公设备" in page.content.decode()


def test_without_a_choice_the_page_shows_the_users_own_agency(client, district):
    client.force_login(district.office)  # the government's 公开办 sees every department too
    page = client.get(reverse("yearend:index"), {"year": 2025})
    assert f"年度统计：{district.gov.name} 2025年" in page.text
