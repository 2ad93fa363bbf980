"""The fee notice states the computed fee (国办函〔2020〕109号 Arts. 3–5), never a typed one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.web.applications.enums import EventKind

D = dt.date


def notice(client, app, **fields):
    data = {"fn-day": "2025-03-10"} | {f"fn-{k}": v for k, v in fields.items()}
    return client.post(reverse("applications:act", args=[app.pk, "fee_notice"]), data)


def noticed_amount(app):
    event = app.events.filter(kind=EventKind.FEE_NOTICE.value).last()
    return None if event is None else event.amount


def test_twelve_applications_in_a_month_owe_200_yuan_in_all_not_on_each_notice(
    client, district, register
):
    client.force_login(district.officer_a)
    apps = [register() for _ in range(12)]
    for app in apps[10:]:
        answer = notice(client, app, method="按件")
        assert answer.status_code == 302, answer.text
    assert [noticed_amount(a) for a in apps[10:]] == [Decimal(100), Decimal(100)]
    # the first ten are free: a notice for them is refused in Chinese, nothing recorded
    answer = notice(client, apps[0], method="按件")
    assert "无需发出收费通知" in answer.text
    assert noticed_amount(apps[0]) is None


def test_a_typed_amount_is_ignored_the_fee_is_computed(client, district, register):
    client.force_login(district.officer_a)
    app = register()
    answer = notice(client, app, method="按量", pages="150", amount="99999")
    assert answer.status_code == 302, answer.text
    assert noticed_amount(app) == Decimal(1700)  # 70 × 10 + 50 × 20 (109号 Art. 5)
    app.refresh_from_db()
    assert app.pages == 150  # noticed before the answer: the pages are on the register


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        pytest.param({"pages": "99999999999999999999"}, "不能超过", id="absurd-page-count"),
        pytest.param({}, "按量计收请填写提供信息的页数", id="no-pages"),
    ],
)
def test_a_page_fee_with_an_absurd_or_no_page_count_is_a_form_error_not_a_server_error(
    client, district, register, pages, message
):
    client.force_login(district.officer_a)
    app = register()
    answer = notice(client, app, method="按量", **pages)
    assert answer.status_code == 400  # the page again, with the form error
    assert message in answer.text
    assert noticed_amount(app) is None


def test_an_absurd_page_count_on_the_answer_is_a_form_error(client, district, register):
    client.force_login(district.officer_a)
    app = register()
    answer = client.post(
        reverse("applications:act", args=[app.pk, "answer"]),
        {
            "an-day": "2025-03-10",
            "an-outcome": "granted",
            "an-legal_basis": "条例第三十六条第二项",
            "an-pages": "99999999999999999999",
        },
    )
    assert answer.status_code == 400
    assert "“提供信息页数”不能超过" in answer.text
    app.refresh_from_db()
    assert app.pages is None and app.outcome == ""
