"""目录 索引号 (issue 14 item 3, issue 13 item 6): a per-agency pattern, checked, unique and never
reused — not after the item is voided, not after it is deleted, not after the pattern changes;
allocation under a row lock (threads on PostgreSQL). Also the 条例第二十条 category of an item."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connections
from django.urls import reverse

from gongkai.core.article20 import Article20, article20_by_label
from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs import indexpattern
from gongkai.web.orgs.services import agency_update_office
from gongkai.web.proactive import importing, services
from gongkai.web.proactive.models import Category, IssuedIndexNumber, Item

D = dt.date
TODAY = D(2025, 12, 31)


def _item(district, category, **overrides):
    values = {
        "index_number": "",
        "title": "区教育局召开安全生产工作推进会",
        "formed_on": D(2025, 3, 3),
        "category": category,
    }
    values.update(overrides)
    return services.item_register(
        acting_user=district.officer_a,
        agency=district.dept_a,
        data=services.ItemData(**values),
        today=TODAY,
    )


@pytest.fixture
def category(district):
    services.categories_ensure_defaults(agency=district.dept_a)
    return Category.objects.get(agency=district.dept_a, name="工作动态")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{机构代码}/{年}", "必须包含序号"),
        ("{序号}-{序号}", "只能一次"),
        ("{机构代码}/{年}-{序号:5", "花括号不成对"),
        ("{部门}/{序号}", "“{部门}”无效"),
        ("{年:4}-{序号}", "只有序号可以写位数"),
        ("{序号:9}", "位数应在1到8之间"),
        ("{序号!r}", "无效"),
        ("信" * 60 + "{序号}", "超过上限60个字符"),
    ],
)
def test_a_bad_index_pattern_is_refused_with_what_to_fix(pattern, message):
    with pytest.raises(ApplicationError, match=message):
        indexpattern.validate_pattern(pattern, agency_code="jyj")


def test_the_widest_number_is_checked_against_the_agencys_own_code():
    pattern = "x" * 40 + "{机构代码}/{序号}"
    indexpattern.validate_pattern(pattern, agency_code="jyj")  # 40+3+1+6 = 50 fits
    with pytest.raises(ApplicationError, match="最长可达"):
        indexpattern.validate_pattern(pattern)  # a 40-character code would not


@pytest.mark.django_db
def test_the_agency_sets_its_pattern_and_a_bad_one_is_refused(district):
    with pytest.raises(ApplicationError, match="必须包含序号"):
        agency_update_office(
            acting_user=district.reviewer_a, agency=district.dept_a, index_pattern="{年}"
        )
    agency = agency_update_office(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        index_pattern="JY-{年}-{序号:4}",
    )
    assert agency.index_pattern == "JY-{年}-{序号:4}"
    assert indexpattern.example(agency.index_pattern, agency_code="x", year=2025) == "JY-2025-0001"


@pytest.mark.django_db
def test_blank_index_numbers_follow_the_pattern_per_year(district, category):
    code = district.dept_a.code
    first = _item(district, category)
    second = _item(district, category)
    other_year = _item(district, category, formed_on=D(2024, 12, 1))
    assert first.index_number == f"{code}/2025-00001"
    assert second.index_number == f"{code}/2025-00002"
    assert other_year.index_number == f"{code}/2024-00001"


@pytest.mark.django_db
def test_a_number_is_never_reused_after_voiding_deleting_or_a_pattern_change(district, category):
    first = _item(district, category)
    services.item_void(acting_user=district.reviewer_a, item=first, reason="重复登记")
    with pytest.raises(ApplicationError, match="已被使用"):
        _item(district, category, index_number=first.index_number)
    # Even a row removed from the database keeps its number taken.
    number = first.index_number
    Item.objects.filter(pk=first.pk).delete()
    with pytest.raises(ApplicationError, match="原信息作废后也不再使用"):
        _item(district, category, index_number=number)
    assert _item(district, category).index_number.endswith("2025-00002")
    # A hand-typed number in the shape of the pattern is skipped by the counter.
    typed = _item(district, category, index_number=f"{district.dept_a.code}/2025-00003")
    assert _item(district, category).index_number.endswith("2025-00004")
    # A new pattern that could reproduce an old number skips it too.
    agency_update_office(
        acting_user=district.reviewer_a,
        agency=district.dept_a,
        index_pattern="{机构代码}/{年}-{序号:5}",
    )
    district.dept_a.refresh_from_db()
    assert typed.index_number in set(IssuedIndexNumber.objects.values_list("number", flat=True))
    numbers = list(Item.objects.values_list("index_number", flat=True))
    assert len(numbers) == len(set(numbers))


@pytest.mark.django_db
def test_a_pattern_without_a_year_counts_on_across_years(district, category):
    agency_update_office(
        acting_user=district.reviewer_a, agency=district.dept_a, index_pattern="JY-{序号:3}"
    )
    district.dept_a.refresh_from_db()
    a = _item(district, category, formed_on=D(2024, 5, 6))
    b = _item(district, category, formed_on=D(2025, 5, 6))
    assert (a.index_number, b.index_number) == ("JY-001", "JY-002")


@pytest.mark.django_db
def test_an_item_carries_its_article_20_category(district, category):
    item = _item(district, category, article20=Article20.BUDGET.value)
    assert item.article20_label == "财政预算、决算"
    with pytest.raises(ApplicationError, match="第二十条"):
        _item(district, category, article20="a20_99")


def test_article_20_has_fifteen_items_and_reads_the_marks_an_import_may_use():
    assert [c.number for c in Article20] == list(range(1, 16))
    assert Article20.PROCUREMENT.item_mark == "（九）"
    assert article20_by_label("（七）") is Article20.BUDGET
    assert article20_by_label("7") is Article20.BUDGET
    assert article20_by_label("第二十条（十五）") is Article20.OTHER
    assert article20_by_label("财政预算、决算") is Article20.BUDGET
    assert article20_by_label("预算") is None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_get_distinct_consecutive_numbers(postgres_only, district):
    services.categories_ensure_defaults(agency=district.dept_a)
    category = Category.objects.get(agency=district.dept_a, name="工作动态")
    workers, each = 20, 5
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for _ in range(each):
                _item(district, category)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(Item.objects.values_list("index_number", flat=True))
    code = district.dept_a.code
    assert numbers == [f"{code}/2025-{n:05d}" for n in range(1, workers * each + 1)]


@pytest.mark.django_db
def test_the_staff_form_numbers_a_blank_index_and_files_the_category(client, district, category):
    client.force_login(district.officer_a)
    form = client.get(reverse("proactive:new")).content.decode()
    assert "（七）财政预算、决算" in form and "留空则按本机关的索引号格式自动编号" in form
    response = client.post(
        reverse("proactive:new"),
        {
            "agency": district.dept_a.pk,
            "index_number": "",
            "title": "2025年部门预算",
            "formed_on": "2025-03-03",
            "category": category.pk,
            "validity": "valid",
            "article20": Article20.BUDGET.value,
        },
    )
    assert response.status_code == 302
    item = Item.objects.get()
    assert item.index_number == f"{district.dept_a.code}/2025-00001"
    assert item.article20 == Article20.BUDGET.value
    page = client.get(reverse("proactive:item", args=[item.pk])).content.decode()
    assert "财政预算、决算" in page


@pytest.mark.django_db
def test_an_import_numbers_blank_indexes_and_reads_the_article_20_column(district, category):
    first = _item(district, category)
    services.item_void(acting_user=district.reviewer_a, item=first, reason="重复")
    Item.objects.filter(pk=first.pk).delete()
    text = (
        "索引号,名称,生成日期,主题分类,法定主动公开类别\n"
        ",部门预算,2025-03-03,工作动态,（七）\n"
        f"{first.index_number},旧号,2025-03-03,工作动态,\n"
        ",统计公报,2025-03-04,工作动态,第四项\n"
    )
    result = importing.items_import(
        acting_user=district.officer_a,
        agency=district.dept_a,
        data=text.encode(),
        filename="a.csv",
        good_rows_only=True,
        today=TODAY,
    )
    assert [(e.row, e.column) for e in result.errors] == [(3, "索引号"), (4, "法定主动公开类别")]
    item = Item.objects.get(title="部门预算")
    assert item.article20 == Article20.BUDGET.value
    assert item.index_number == f"{district.dept_a.code}/2025-00002"  # 00001 stays taken
