"""（六）1 逾期不补正 and （六）2 逾期未缴费 only when the record supports them (条例 第三十条;
国办函〔2020〕109号), with the dates that justify them in the recorded reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.web.applications import services
from gongkai.web.common.errors import ApplicationError

D = dt.date
LATE = D(2025, 4, 10)


def terminate(district, app, outcome, day=LATE):
    return services.application_terminate(
        acting_user=district.officer_a, application=app, day=day, outcome=outcome, reason="逾期"
    )


def test_no_correction_needs_a_correction_notice(district, register):
    with pytest.raises(ApplicationError, match="只有已发出补正通知且尚未收到补正的申请"):
        terminate(district, register(), "other.no_correction")


def test_no_correction_needs_the_period_to_have_passed(district, register):
    app = services.application_request_correction(
        acting_user=district.officer_a,
        application=register(),
        day=D(2025, 3, 5),
        note="请写明年份",
        reply_by=D(2025, 3, 20),
    )
    with pytest.raises(ApplicationError, match="补正期限至2025-03-20，期限届满后"):
        terminate(district, app, "other.no_correction", day=D(2025, 3, 20))
    app = terminate(district, app, "other.no_correction", day=D(2025, 3, 21))
    assert "补正通知2025-03-05发出，补正期限2025-03-20届满，未收到补正" in app.legal_basis


def test_no_correction_is_refused_once_the_correction_came(district, register):
    app = services.application_request_correction(
        acting_user=district.officer_a,
        application=register(),
        day=D(2025, 3, 5),
        note="x",
        reply_by=D(2025, 3, 20),
    )
    app = services.application_receive_correction(
        acting_user=district.officer_a, application=app, day=D(2025, 3, 18)
    )
    with pytest.raises(ApplicationError, match="尚未收到补正"):
        terminate(district, app, "other.no_correction")


def test_no_fee_paid_needs_a_fee_notice_whose_period_has_passed(district, register):
    with pytest.raises(ApplicationError, match="只有已发出收费通知且尚未缴费的申请"):
        terminate(district, register(), "other.no_fee_paid")
    app = services.application_issue_fee_notice(
        acting_user=district.officer_a,
        application=register(),
        day=D(2025, 3, 5),
        amount=Decimal(100),
    )
    with pytest.raises(ApplicationError, match="缴费期限至"):
        terminate(district, app, "other.no_fee_paid", day=D(2025, 3, 20))
    app = terminate(district, app, "other.no_fee_paid", day=D(2025, 4, 10))
    assert "收费通知2025-03-05发出" in app.legal_basis and "未缴纳信息处理费" in app.legal_basis


def test_a_withdrawal_needs_no_such_record(district, register):
    app = services.application_terminate(
        acting_user=district.officer_a,
        application=register(),
        day=D(2025, 3, 10),
        outcome="other.other",
        reason="申请人撤回申请",
    )
    assert app.outcome == "other.other"
