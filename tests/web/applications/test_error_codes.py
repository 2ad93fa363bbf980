"""A refused action carries a machine code besides its Chinese message (issue 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.web.applications import services
from gongkai.web.common.errors import ApplicationError, PermissionDenied


def test_the_code_names_the_field_or_the_kind_of_refusal() -> None:
    assert ApplicationError("请填写原因", field="reason").code == "invalid.reason"
    assert ApplicationError("该申请已作废，不能再办理").code == "refused"
    assert PermissionDenied("无权查看该申请").code == "permission_denied"
    assert ApplicationError("x", field="day", code="clock_refused").code == "clock_refused"
    assert services.FormErrors({"subject": "请填写"}).code == "invalid_form"


def test_a_service_refusal_carries_its_code(register, district) -> None:
    app = register()
    with pytest.raises(PermissionDenied) as denied:
        services.application_start(acting_user=district.officer_b, application=app)
    assert denied.value.code == "permission_denied"
    with pytest.raises(ApplicationError) as refused:
        services.application_void(acting_user=district.officer_a, application=app, reason=" ")
    assert refused.value.code == "invalid.reason" and "原因" in refused.value.message
    with pytest.raises(ApplicationError) as late:
        services.application_request_correction(
            acting_user=district.officer_a,
            application=app,
            day=dt.date(2025, 3, 25),
            note="请写明所需信息的名称",
        )
    assert late.value.code == "invalid.day"
