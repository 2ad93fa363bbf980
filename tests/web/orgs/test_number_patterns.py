"""受理编号 patterns are validated field by field (issue 13, item 6): the sequence must appear
(not escaped), only the three fields, no attribute or index access, and the widest number fits."""

from __future__ import annotations

import pytest

from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.numbering import validate_pattern
from gongkai.web.orgs.services import agency_update_office


@pytest.mark.parametrize(
    "pattern",
    ["{agency_code}-{year}-{seq:04d}", "{agency_code}依申请〔{year}〕第{seq}号", "{seq:06d}"],
)
def test_ordinary_patterns_pass(pattern):
    validate_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("{{seq}}", "必须包含流水号"),  # escaped: the literal text "{seq}", no sequence
        ("{year}号", "必须包含流水号"),
        ("{seq}-{seq}", "只能一次"),
        ("{year[0]}{seq}", "“{year[0]}”无效"),  # index access: a server error before
        ("{agency_code.__class__}{seq}", "无效"),  # attribute access
        ("{seq:0>500}", "无效"),
        ("{seq:99999999999d}", "无效"),  # would exhaust memory
        ("{seq!r}", "无效"),
        ("{year:08d}{seq}", "只有流水号可以写宽度"),
        ("{seq", "花括号不成对"),
        ("第" * 30 + "{agency_code}{seq}", "超过上限60个字符"),
    ],
)
def test_a_pattern_that_cannot_number_requests_is_refused(pattern, reason):
    with pytest.raises(ApplicationError) as refused:
        validate_pattern(pattern)
    assert reason in refused.value.message


def test_the_width_is_checked_against_the_agency_s_own_code(district):
    pattern = (
        "依申请公开" * 9 + "{agency_code}{seq}"
    )  # 45 + "jyj" + 6 digits fit; 40-char codes not
    with pytest.raises(ApplicationError):
        validate_pattern(pattern)
    agency = agency_update_office(
        acting_user=district.reviewer_a, agency=district.dept_a, number_pattern=pattern
    )
    assert agency.number_pattern == pattern
