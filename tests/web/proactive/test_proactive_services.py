"""The proactive register's services: the Art. 26 due date from the clock, refused input with a
Chinese message, permissions, audit, and the 第二十条 records' rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import proactive_records as records
import pytest

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.proactive import services
from gongkai.web.proactive.models import Category, Channel, Item

D = dt.date
TODAY = D(2025, 12, 31)


@pytest.fixture
def setup(district):
    portal = records.channel(district)
    wechat = records.channel(district, "new_media", "“示例教育”微信公众号")
    return district, records.category(district), portal, wechat


def register(district, category, **overrides):
    return records.register_item(district, category, today=TODAY, **overrides)


def test_an_item_gets_its_article_26_due_date_from_the_clock(setup):
    district, category, portal, _ = setup
    item = register(district, category, channels=[portal])
    assert item.due_on == D(2025, 3, 31)  # 20 working days after 3 March 2025
    assert item.publisher == district.dept_a.name
    assert not item.is_late(TODAY)
    assert list(item.channels.all()) == [portal]
    audit = AuditRecord.objects.get(entity="proactive.item", entity_id=str(item.pk))
    assert audit.action == AuditAction.ITEM_REGISTER and audit.actor == district.officer_a


def test_an_item_published_after_twenty_working_days_is_late(setup):
    district, category, portal, _ = setup
    item = register(district, category, published_on=D(2025, 4, 1), channels=[portal])
    assert item.is_late(TODAY)


def test_an_unpublished_item_becomes_late_after_its_due_date(setup):
    district, category, _, _ = setup
    item = register(district, category, published_on=None)
    assert not item.is_late(D(2025, 3, 31))
    assert item.is_late(D(2025, 4, 1))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"published_on": D(2025, 3, 1)}, "published_on", "不能早于生成日期"),
        ({"formed_on": D(2026, 3, 1), "published_on": None}, "formed_on", "不能晚于今天"),
        ({"index_number": "x" * 61}, "index_number", "不能超过60个字符"),
        ({"title": ""}, "title", "请填写信息名称"),
        ({"channels": ()}, "channels", "至少选择一个发布渠道"),
    ],
)
def test_bad_items_are_refused_with_a_message(setup, overrides, field, message):
    district, category, _, _ = setup
    with pytest.raises(ApplicationError, match=message) as caught:
        register(district, category, **overrides)
    assert caught.value.field == field
    assert not Item.objects.exists()


def test_an_index_number_is_unique_per_agency(setup):
    district, category, portal, _ = setup
    register(district, category, channels=[portal])
    with pytest.raises(ApplicationError, match="已被使用"):
        register(district, category, channels=[portal])


def test_a_category_or_channel_of_another_agency_is_refused(setup):
    district, category, _portal, _ = setup
    services.categories_ensure_defaults(agency=district.dept_b)
    foreign = Category.objects.get(agency=district.dept_b, name="工作动态")
    with pytest.raises(ApplicationError, match="主题分类不属于该机构"):
        register(district, foreign)
    other_channel = Channel.objects.create(agency=district.dept_b, kind="portal", name="卫健网站")
    with pytest.raises(ApplicationError, match="发布渠道不属于该机构"):
        register(district, category, channels=[other_channel])


@pytest.mark.parametrize("who", ["officer_b", "outsider", "admin"])
def test_only_the_agency_staff_register_its_items(setup, who):
    district, category, portal, _ = setup
    with pytest.raises(PermissionDenied):
        register(district, category, channels=[portal], user=getattr(district, who))


def test_publishing_later_records_the_day_and_channels(setup):
    district, category, portal, wechat = setup
    item = register(district, category, published_on=None)
    services.item_publish(
        acting_user=district.officer_a,
        item=item,
        published_on=D(2025, 3, 20),
        channels=[portal, wechat],
        today=TODAY,
    )
    item.refresh_from_db()
    assert item.published_on == D(2025, 3, 20)
    assert set(item.channels.all()) == {portal, wechat}
    with pytest.raises(ApplicationError, match="不能早于生成日期"):
        services.item_publish(
            acting_user=district.officer_a,
            item=item,
            published_on=D(2025, 1, 1),
            channels=[portal],
            today=TODAY,
        )


def test_a_voided_item_stays_with_its_reason(setup):
    district, category, portal, _ = setup
    item = register(district, category, channels=[portal])
    with pytest.raises(ApplicationError, match="原因"):
        services.item_void(acting_user=district.officer_a, item=item, reason=" ")
    services.item_void(acting_user=district.officer_a, item=item, reason="重复登记")
    item.refresh_from_db()
    assert item.voided and item.void_reason == "重复登记"


def test_categories_are_configured_by_a_reviewer_not_an_officer(setup):
    district, _, _, _ = setup
    with pytest.raises(PermissionDenied, match="审核人或公开办"):
        services.category_create(
            acting_user=district.officer_a, agency=district.dept_a, name="招生入学"
        )
    category = services.category_create(
        acting_user=district.reviewer_a, agency=district.dept_a, name="招生入学"
    )
    with pytest.raises(ApplicationError, match="已存在"):
        services.category_create(
            acting_user=district.reviewer_a, agency=district.dept_a, name="招生入学"
        )
    services.category_set_active(acting_user=district.reviewer_a, category=category, active=False)
    with pytest.raises(ApplicationError, match="已停用"):
        register(district, category)


def test_every_agency_starts_with_the_seed_categories(district):
    names = [c.name for c in services.categories_ensure_defaults(agency=district.street)]
    assert names[:5] == ["政务动态", "工作动态", "通知公告", "人事任免", "招投标"]
    assert services.categories_ensure_defaults(agency=district.street)[0].name == "政务动态"
    assert Category.objects.filter(agency=district.street).count() == len(names)


# ------------------------------------------------------------------ 第二十条 records


def test_a_repeal_before_the_issue_date_is_refused(district):
    with pytest.raises(ApplicationError, match="废止日期（2024-01-01）不能早于制发日期"):
        records.register_document(district, repealed_on=D(2024, 1, 1), today=TODAY)
    document = records.register_document(district, today=TODAY)
    with pytest.raises(ApplicationError, match="不能早于制发日期"):
        services.document_repeal(
            acting_user=district.officer_a,
            document=document,
            repealed_on=D(2024, 4, 30),
            today=TODAY,
        )
    services.document_repeal(
        acting_user=district.officer_a,
        document=document,
        repealed_on=D(2025, 6, 1),
        note="新规定施行",
        today=TODAY,
    )
    document.refresh_from_db()
    assert document.repealed_on == D(2025, 6, 1)


def test_only_a_government_makes_rules(district):
    with pytest.raises(ApplicationError, match="只有人民政府可以制定规章"):
        records.register_document(district, kind="rule", title="某办法", today=TODAY)
    rule = records.register_document(
        district,
        user=district.officer_gov,
        agency=district.gov,
        kind="rule",
        title="示例区某管理办法",
        today=TODAY,
    )
    assert rule.kind_label == "规章"


def test_decisions_are_entered_singly_with_a_title_or_as_totals_with_a_source(district):
    common = {"acting_user": district.officer_a, "agency": district.dept_a, "today": TODAY}
    with pytest.raises(ApplicationError, match="决定书名称或文号"):
        services.decision_record(kind="licensing", start_on=D(2025, 2, 3), **common)
    single = services.decision_record(
        kind="licensing",
        start_on=D(2025, 2, 3),
        title="准予行政许可决定书（教许〔2025〕1号）",
        **common,
    )
    assert (single.count, single.end_on) == (1, D(2025, 2, 3))

    def quarter(**facts):
        """A total of 12 行政处罚 in the first quarter of 2025 from 系统, but for ``facts``."""
        return services.decision_record(
            **{
                "kind": "penalty",
                "start_on": D(2025, 1, 1),
                "end_on": D(2025, 3, 31),
                "count": 12,
                "source_note": "系统",
                **facts,
                **common,
            }
        )

    with pytest.raises(ApplicationError, match="数据来源说明"):
        quarter(source_note="")
    with pytest.raises(ApplicationError, match="不能跨年"):
        quarter(start_on=D(2024, 12, 1))
    with pytest.raises(ApplicationError, match="不能为负数"):
        quarter(count=-1)
    with pytest.raises(ApplicationError, match="2019—2020年度"):
        quarter(kind="other_services", count=3)
    total = quarter(source_note="  据执法系统统计 ")
    assert total.is_total
    # The audit trail names what was saved: the source note trimmed as the record keeps it.
    audit = AuditRecord.objects.get(entity="proactive.decision", entity_id=str(total.pk))
    assert total.source_note == "据执法系统统计"
    assert audit.changes == {
        "start_on": "2025-01-01",
        "end_on": "2025-03-31",
        "count": 12,
        "source_note": "据执法系统统计",
    }


def test_a_negative_fee_is_refused_and_amounts_are_in_yuan(district):
    common = {
        "acting_user": district.officer_a,
        "agency": district.dept_a,
        "item": "考试考务费",
        "start_on": D(2025, 1, 1),
        "end_on": D(2025, 6, 30),
        "today": TODAY,
    }
    with pytest.raises(ApplicationError, match="不能为负数"):
        services.fee_record(amount=Decimal("-1.00"), **common)
    with pytest.raises(ApplicationError, match="两位小数"):
        services.fee_record(amount=Decimal("1.005"), **common)
    fee = services.fee_record(amount=Decimal("12345.67"), source_note="非税收入系统", **common)
    assert fee.amount == Decimal("12345.67")


def test_central_procurement_is_only_for_2019_format_years(district):
    common = {
        "acting_user": district.officer_a,
        "agency": district.dept_a,
        "title": "办公设备采购",
        "today": TODAY,
    }
    with pytest.raises(ApplicationError, match="2021年度起不再登记"):
        services.procurement_record(day=D(2024, 5, 1), amount=Decimal(1000), **common)
    with pytest.raises(ApplicationError, match="不能为负数"):
        services.procurement_record(day=D(2020, 5, 1), amount=Decimal(-1), **common)
    assert services.procurement_record(day=D(2020, 5, 1), amount=Decimal(150000), **common).pk


def test_due_dates_move_when_the_administrator_changes_the_calendar(setup):
    from gongkai.web.workcalendar.models import YearOverride

    district, category, portal, _ = setup
    item = register(district, category, channels=[portal])
    assert item.due_on == D(2025, 3, 31)
    YearOverride.objects.create(
        year=2025,
        arrangement={
            "notice": "测试：3月10日至14日放假",
            "holidays": [{"name": "测试假期", "start": "2025-03-10", "end": "2025-03-14"}],
            "workdays": [],
        },
    )
    changes = services.items_due_dates_recompute(today=TODAY)
    assert [(c.item.pk, c.old, c.new) for c in changes] == [
        (item.pk, D(2025, 3, 31), D(2025, 4, 7))
    ]
    item.refresh_from_db()
    # Five working days later; the override replaces the whole 2025 arrangement, so 4 April
    # (清明 in the official notice) is an ordinary Friday here.
    assert item.due_on == D(2025, 4, 7)
