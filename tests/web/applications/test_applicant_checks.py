"""What an applicant hands in is checked beyond presence (issue 13, item 6): ID card check digit,
phone numbers, lengths — a Chinese error on the field, nothing saved."""

from __future__ import annotations

import pytest

from gongkai.web.applications import services
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError


def applicant(**overrides):
    values = {
        "kind": "natural",
        "name": "张三",
        "id_type": "居民身份证",
        "id_number": "110101199001011237",
        "phone": "13800000000",
    } | overrides
    return services.ApplicantData(**values)


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"id_number": "110101199001011234"}, "id_number", "校验位不正确"),
        ({"id_number": "1101011990"}, "id_number", "应为18位"),
        ({"phone": "12345"}, "phone", "格式不正确"),
        ({"name": "张" * 101}, "applicant_name", "不能超过100个字"),
        ({"id_number": "9" * 41, "id_type": "护照"}, "id_number", "不能超过40个字符"),
    ],
)
def test_a_wrong_applicant_field_is_refused_and_nothing_saved(register, overrides, field, reason):
    with pytest.raises(ApplicationError) as refused:
        register(applicant=applicant(**overrides))
    assert reason in refused.value.errors[field]
    assert not Application.objects.exists()


def test_a_passport_number_is_not_held_to_the_id_card_rules(register):
    assert register(applicant=applicant(id_type="护照", id_number="E12345678")).pk


def test_an_overlong_request_description_is_refused(register):
    with pytest.raises(ApplicationError) as refused:
        register(subject="某" * 5_001)
    assert "不能超过5000个字" in refused.value.errors["subject"]
