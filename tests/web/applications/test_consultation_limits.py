"""A consultation pauses the clock only up to the party's reply date: 15 working days from its
receipt of the letter (条例 第三十二条, 第三十四条)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.web.applications.clock import deadline_for
from gongkai.web.common.errors import ApplicationError

D = dt.date


def test_the_reply_date_counts_from_receipt_and_silence_ends_the_pause(client, district, register):
    app = register(arrived_on=D(2025, 9, 26))
    client.force_login(district.officer_a)
    client.post(
        reverse("applications:act", args=[app.pk, "send_consultation"]),
        {
            "cs-day": "2025-10-13",
            "cs-party": "third_party",
            "cs-party_name": "甲公司",
            "cs-delivered_on": "2025-10-16",
        },
    )
    app.refresh_from_db()
    assert app.status == "consulting"
    (c,) = deadline_for(app, as_of=D(2025, 10, 20)).consultations
    assert c.reply_due == D(2025, 11, 6)  # from receipt on 16 Oct, not from sending on 13 Oct
    silent = deadline_for(app, as_of=D(2025, 11, 20))
    assert silent.due == D(2025, 11, 26)  # 6 days before, paused 13 Oct–6 Nov, 14 from 7 Nov
    assert "恢复计算" in silent.explanation


def test_a_receipt_before_sending_is_refused(steps, register):
    app = register(arrived_on=D(2025, 9, 26))
    with pytest.raises(ApplicationError, match="不能早于发出日期"):
        steps.consult(
            app, D(2025, 10, 13), "市财政局", party="agency", delivered_on=D(2025, 10, 10)
        )
