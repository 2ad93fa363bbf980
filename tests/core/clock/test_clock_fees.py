"""信息处理费 (国办函〔2020〕109号): tiers, totals, the itemised computation, bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.errors import RuleError
from gongkai.core.fees import per_application, per_page


def test_35_applications_in_a_month_cost_3000_yuan() -> None:
    result = per_application(35)
    assert result.total == Decimal(3000)
    assert [(i.first, i.last, i.count, i.unit_price, i.subtotal) for i in result.items] == [
        (1, 10, 10, Decimal(0), Decimal(0)),
        (11, 30, 20, Decimal(100), Decimal(2000)),
        (31, 35, 5, Decimal(200), Decimal(1000)),
    ]
    assert result.items[1].description == "第11至第30件：20件 × 100元/件 = 2,000元"
    assert "109号第四条" in result.explanation


@pytest.mark.parametrize(
    ("count", "total"),
    [(0, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (40, 4000), (41, 4300), (50, 7000)],
)
def test_each_step_of_ten_applications_adds_100_yuan_per_application(
    count: int, total: int
) -> None:
    assert per_application(count).total == Decimal(total)


def test_150_pages_cost_1700_yuan() -> None:
    result = per_page(150)
    assert result.total == Decimal(1700)
    assert [(i.first, i.last, i.unit_price) for i in result.items] == [
        (1, 30, Decimal(0)),
        (31, 100, Decimal(10)),
        (101, 150, Decimal(20)),
    ]


@pytest.mark.parametrize(
    ("pages", "total"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740)],
)
def test_pages_are_charged_in_progressive_tiers(pages: int, total: int) -> None:
    assert per_page(pages).total == Decimal(total)


@given(st.integers(min_value=0, max_value=5000))
def test_the_items_add_up_to_the_total_and_cover_every_unit(n: int) -> None:
    for result in (per_application(n), per_page(n)):
        assert sum(i.subtotal for i in result.items) == result.total
        assert sum(i.count for i in result.items) == n
        assert all(i.subtotal == i.unit_price * i.count for i in result.items)


@given(st.integers(min_value=0, max_value=3000))
def test_one_more_unit_never_costs_less(n: int) -> None:
    assert per_application(n + 1).total >= per_application(n).total
    assert per_page(n + 1).total >= per_page(n).total


@pytest.mark.parametrize("call", [lambda: per_application(-1), lambda: per_page(-5)])
def test_negative_quantities_are_refused_in_chinese(call: object) -> None:
    with pytest.raises(RuleError, match="不能是负数"):
        call()  # type: ignore[operator]


def test_a_fractional_or_absurd_quantity_is_refused() -> None:
    with pytest.raises(RuleError, match="必须是整数"):
        per_page(1.5)  # type: ignore[arg-type]
    with pytest.raises(RuleError, match="超出合理范围"):
        per_application(10**9)


def test_the_months_fee_is_charged_once_spread_over_the_applications() -> None:
    """109号 Art. 4: 12 applications in a month owe 200元 in all — the 11th and the 12th
    100元 each — never 200元 on each of the 12 notices (2,400元)."""
    from gongkai.core.fees import application_share

    shares = [application_share(k).total for k in range(1, 13)]
    assert shares == [Decimal(0)] * 10 + [Decimal(100), Decimal(100)]
    assert sum(shares) == per_application(12).total == Decimal(200)
    share = application_share(31)
    assert share.total == Decimal(200)
    assert share.items[0].description == "第31件：1件 × 200元/件 = 200元"
    assert "本月第31件" in share.basis


@given(st.integers(min_value=0, max_value=120))
def test_the_shares_of_a_month_add_up_to_the_months_fee(count: int) -> None:
    from gongkai.core.fees import application_share

    total = sum((application_share(k).total for k in range(1, count + 1)), Decimal(0))
    assert total == per_application(count).total


def test_an_absurd_page_count_is_a_rule_error_not_an_itemisation() -> None:
    with pytest.raises(RuleError, match="页数 10000000000 超出合理范围"):
        per_page(10_000_000_000)
