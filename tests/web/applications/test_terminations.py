"""（六）1 逾期不补正 and （六）2 逾期未缴费 only when the record supports them (条例 第三十条;
国办函〔2020〕109号), with the dates that justify them in the recorded reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.web.common.errors import ApplicationError

D = dt.date
LATE = D(2025, 4, 10)


def test_no_correction_needs_a_correction_notice(steps, register):
    with pytest.raises(ApplicationError, match="只有已发出补正通知且尚未收到补正的申请"):
        steps.terminate(register(), LATE, "other.no_correction")


def test_no_correction_needs_the_period_to_have_passed(steps, register):
    app = steps.ask_correction(
        register(), D(2025, 3, 5), note="请写明年份", reply_by=D(2025, 3, 20)
    )
    with pytest.raises(ApplicationError, match="补正期限至2025-03-20，期限届满后"):
        steps.terminate(app, D(2025, 3, 20), "other.no_correction")
    app = steps.terminate(app, D(2025, 3, 21), "other.no_correction")
    assert "补正通知2025-03-05发出，补正期限2025-03-20届满，未收到补正" in app.legal_basis


def test_no_correction_is_refused_once_the_correction_came(steps, register):
    app = steps.ask_correction(register(), D(2025, 3, 5), reply_by=D(2025, 3, 20))
    app = steps.receive_correction(app, D(2025, 3, 18))
    with pytest.raises(ApplicationError, match="尚未收到补正"):
        steps.terminate(app, LATE, "other.no_correction")


def test_no_fee_paid_needs_a_fee_notice_whose_period_has_passed(steps, register):
    with pytest.raises(ApplicationError, match="只有已发出收费通知且尚未缴费的申请"):
        steps.terminate(register(), LATE, "other.no_fee_paid")
    app = steps.fee_notice(register(), D(2025, 3, 5), Decimal(100))
    with pytest.raises(ApplicationError, match="缴费期限至"):
        steps.terminate(app, D(2025, 3, 20), "other.no_fee_paid")
    app = steps.terminate(app, D(2025, 4, 10), "other.no_fee_paid")
    assert "收费通知2025-03-05发出" in app.legal_basis and "未缴纳信息处理费" in app.legal_basis


def test_a_withdrawal_needs_no_such_record(steps, register):
    app = steps.terminate(register(), D(2025, 3, 10), "other.other", "申请人撤回申请")
    assert app.outcome == "other.other"
