"""The proactive register's pages through the test client: lists scoped to the user's agencies,
forms that keep what was typed and say what to fix, the 第二十条 page, import uploads."""

from __future__ import annotations

import datetime as dt

import proactive_records as records
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.web.proactive import services
from gongkai.web.proactive.models import Category, Decision, Document, Item

D = dt.date
TODAY = D(2025, 12, 31)


@pytest.fixture
def item(district):
    return records.register_item(
        district,
        records.category(district, "政务动态"),
        index_number="JYJ/2025-00007",
        title="只属于教育局的目录条目",
        published_on=D(2025, 4, 30),
        channels=[records.channel(district)],
        today=TODAY,
    )


def item_form(district, **fields):
    """The 登记 form of a 通知公告 of department A formed on 2 June 2025."""
    category = records.category(district, "通知公告")
    return {
        "agency": district.dept_a.pk,
        "formed_on": "2025-06-02",
        "category": category.pk,
        "validity": "valid",
        **fields,
    }


def record_form(district, **fields):
    """The form of a 第二十条 record of department A for 2025."""
    return {"agency": district.dept_a.pk, "year": 2025} | fields


def test_the_list_shows_own_items_and_flags_late_ones(client, district, item):
    client.force_login(district.officer_a)
    page = client.get(reverse("proactive:index"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "只属于教育局的目录条目" in text
    assert "逾期" in text  # 30 April is after the due date of 31 March
    late_only = client.get(reverse("proactive:index"), {"late": "1"}).content.decode()
    assert "只属于教育局的目录条目" in late_only


@pytest.mark.parametrize("who", ["officer_b", "outsider"])
def test_another_agency_sees_neither_the_list_entry_nor_the_item(client, district, item, who):
    client.force_login(getattr(district, who))
    assert "只属于教育局的目录条目" not in client.get(reverse("proactive:index")).content.decode()
    assert client.get(reverse("proactive:item", args=[item.pk])).status_code == 404
    response = client.post(reverse("proactive:void", args=[item.pk]), {"reason": "x"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert not item.voided


def test_the_office_reads_every_agency_but_does_not_write_for_it(client, district, item):
    client.force_login(district.office)
    assert client.get(reverse("proactive:item", args=[item.pk])).status_code == 200
    response = client.post(reverse("proactive:void", args=[item.pk]), {"reason": "x"})
    assert response.status_code == 403
    item.refresh_from_db()
    assert not item.voided


def test_registering_through_the_form_shows_the_due_date(client, district):
    client.force_login(district.officer_a)
    assert client.get(reverse("proactive:new")).status_code == 200
    response = client.post(
        reverse("proactive:new"),
        item_form(
            district,
            index_number="JYJ/2025-00100",
            title="关于做好2025年防汛工作的通知",
            published_on="",
        ),
        follow=True,
    )
    assert response.status_code == 200
    item = Item.objects.get(index_number="JYJ/2025-00100")
    assert "公开期限 2025-06-30" in response.content.decode()
    assert item.created_by == district.officer_a


def test_a_bad_form_keeps_what_was_typed_and_says_what_to_fix(client, district):
    client.force_login(district.officer_a)
    response = client.post(
        reverse("proactive:new"),
        item_form(
            district,
            index_number="JYJ/2025-00101",
            title="保留我输入的标题",
            published_on="2025-05-01",
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "公开日期（2025-05-01）不能早于生成日期（2025-06-02）" in text
    assert "保留我输入的标题" in text
    assert not Item.objects.exists()


def test_a_user_cannot_register_for_an_agency_it_does_not_belong_to(client, district):
    client.force_login(district.officer_b)
    response = client.get(reverse("proactive:new"), {"agency": district.dept_a.pk})
    assert response.status_code == 403


def test_the_article_20_page_registers_and_refuses_a_repeal_before_issue(client, district):
    client.force_login(district.officer_a)
    url = reverse("proactive:record_new", args=["documents"])
    document = record_form(
        district, kind="normative", title="关于校外培训的规定", issued_on="2025-05-01"
    )
    bad = client.post(url, document | {"repealed_on": "2025-04-01"})
    assert bad.status_code == 400
    assert "废止日期（2025-04-01）不能早于制发日期（2025-05-01）" in bad.content.decode()
    assert not Document.objects.exists()
    good = client.post(url, document)
    assert good.status_code == 302
    document = Document.objects.get()
    page = client.get(reverse("proactive:article20"), {"agency": district.dept_a.pk, "year": 2025})
    assert "关于校外培训的规定" in page.content.decode()
    repeal = client.post(
        reverse("proactive:record_action", args=["documents", document.pk, "repeal"]),
        {"year": 2025, "repealed_on": "2025-01-01"},
        follow=True,
    )
    assert "不能早于制发日期" in repeal.content.decode()
    document.refresh_from_db()
    assert document.repealed_on is None


def test_a_negative_fee_is_refused_on_the_page(client, district):
    client.force_login(district.officer_a)
    response = client.post(
        reverse("proactive:record_new", args=["fees"]),
        record_form(
            district, item="考务费", start_on="2025-01-01", end_on="2025-06-30", amount="-100"
        ),
    )
    assert response.status_code == 400
    assert "收费金额不能为负数" in response.content.decode()


def test_a_decision_total_and_its_void_on_the_page(client, district):
    client.force_login(district.officer_a)
    client.post(
        reverse("proactive:record_new", args=["decisions"]),
        record_form(
            district,
            kind="licensing",
            start_on="2025-01-01",
            end_on="2025-03-31",
            count="40",
            source_note="据审批系统第一季度统计",
        ),
    )
    decision = Decision.objects.get()
    assert decision.count == 40
    client.post(
        reverse("proactive:record_action", args=["decisions", decision.pk, "void"]),
        {"year": 2025, "reason": "与系统导出重复"},
    )
    decision.refresh_from_db()
    assert decision.voided and decision.void_reason == "与系统导出重复"


def test_another_agency_cannot_act_on_a_record(client, district):
    document = records.register_document(
        district, title="某规定", issued_on=D(2024, 1, 5), today=TODAY
    )
    client.force_login(district.officer_b)
    response = client.post(
        reverse("proactive:record_action", args=["documents", document.pk, "void"]), {"reason": "x"}
    )
    assert response.status_code == 404
    response = client.post(
        reverse("proactive:record_new", args=["documents"]),
        {
            "agency": district.dept_a.pk,
            "year": 2025,
            "kind": "normative",
            "title": "冒名",
            "issued_on": "2025-05-01",
        },
    )
    assert response.status_code == 404  # the agency is outside its scope
    assert Document.objects.count() == 1


def test_uploading_a_bad_file_lists_the_rows_and_imports_nothing(client, district):
    services.categories_ensure_defaults(agency=district.dept_a)
    client.force_login(district.officer_a)
    content = (
        "索引号,名称,生成日期,主题分类\nA-1,一,2025-03-03,工作动态\nA-2,,2025-03-03,工作动态\n"
    )
    response = client.post(
        reverse("proactive:import"),
        {
            "agency": district.dept_a.pk,
            "file": SimpleUploadedFile("目录.csv", content.encode("utf-8")),
        },
        follow=True,
    )
    assert response.status_code == 200  # the job's page: the upload was stored and checked
    text = response.content.decode()
    assert "本文件未导入" in text
    assert "第3行" in text and "“名称”不能为空" in text
    assert not Item.objects.exists()
    response = client.post(
        reverse("proactive:import"),
        {
            "agency": district.dept_a.pk,
            "good_rows_only": "on",
            "file": SimpleUploadedFile("目录.csv", content.encode("utf-8")),
        },
        follow=True,
    )
    assert response.status_code == 200 and "已导入 1 行" in response.content.decode()
    assert list(Item.objects.values_list("index_number", flat=True)) == ["A-1"]


def test_categories_and_channels_page(client, district):
    client.force_login(district.reviewer_a)
    response = client.post(
        reverse("proactive:settings") + f"?agency={district.dept_a.pk}",
        {"what": "category", "name": "招生入学"},
    )
    assert response.status_code == 302
    assert Category.objects.filter(agency=district.dept_a, name="招生入学").exists()
    client.force_login(district.officer_a)
    page = client.get(
        reverse("proactive:settings"), {"agency": district.dept_a.pk}
    ).content.decode()
    assert "招生入学" in page and "由本机关的审核人或公开办设置" in page
