"""ID-card and phone checks (issue 13, item 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.identity import (
    id_card_check_character,
    id_card_problem,
    normalise_id,
    phone_problem,
)

TODAY = dt.date(2026, 1, 1)


def test_the_check_character_follows_iso_7064():
    # The worked example of GB 11643-1999.
    assert id_card_check_character("11010519491231002") == "X"
    assert id_card_problem("11010519491231002X", today=TODAY) is None
    assert id_card_problem("11010519491231002x", today=TODAY) is None
    assert id_card_problem(" 110105 19491231 002x ", today=TODAY) is None
    assert normalise_id(" 110105 19491231 002x ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "校验位不正确"),
        ("11010519491231002", "应为18位"),
        ("1101051949123100XX", "应为18位"),
        ("110105194902300029", "出生日期“19490230”不存在"),
        ("110105203001010021", "不合理"),
        ("1101051949123100AX", "前17位为数字"),
    ],
)
def test_a_wrong_id_card_number_says_what_is_wrong(number, reason):
    assert reason in (id_card_problem(number, today=TODAY) or "")


@pytest.mark.parametrize(
    "phone",
    [
        "13800000000",
        "010-12345678",
        "0999-8100123",
        "(010)12345678",
        "+86 13800000000",
        "400-123-4567",
        "13800000000/010-12345678",
        "0999-8100123 转 12",
        "",
    ],
)
def test_ordinary_phone_numbers_pass(phone):
    assert phone_problem(phone) is None


@pytest.mark.parametrize("phone", ["1", "12345", "abc", "138000000001", "010-123", "1/2/3/4"])
def test_a_wrong_phone_number_is_refused_in_chinese(phone):
    assert "联系电话" in (phone_problem(phone) or "")
