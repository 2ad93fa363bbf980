"""Steps that take a registered request through the register's services, as the web tests
share them (the ``steps`` fixture of ``tests/web/conftest.py`` hands one out).

Each step is one service call made by department A's case officer unless ``user`` names someone
else; the values a test does not care about have a default, what it does care about it passes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any


class RequestSteps:
    def __init__(self, district: Any) -> None:
        self.district = district

    def _call(self, name: str, user: Any, application: Any, **facts: Any) -> Any:
        from gongkai.web.applications import services

        return getattr(services, name)(
            acting_user=user or self.district.officer_a, application=application, **facts
        )

    def start(self, application: Any, *, user: Any = None) -> Any:
        return self._call("application_start", user, application)

    def ask_correction(
        self,
        application: Any,
        day: dt.date,
        *,
        note: str = "x",
        user: Any = None,
        **more: Any,
    ) -> Any:
        """补正通知 sent on ``day`` (``reply_by`` may follow in ``more``)."""
        return self._call(
            "application_request_correction", user, application, day=day, note=note, **more
        )

    def receive_correction(self, application: Any, day: dt.date, *, user: Any = None) -> Any:
        return self._call("application_receive_correction", user, application, day=day)

    def consult(
        self,
        application: Any,
        day: dt.date,
        party_name: str = "甲公司",
        *,
        party: str = "third_party",
        user: Any = None,
        **more: Any,
    ) -> Any:
        """征求意见 sent to ``party_name`` on ``day`` (``delivered_on`` may follow in ``more``)."""
        return self._call(
            "application_send_consultation",
            user,
            application,
            day=day,
            party=party,
            party_name=party_name,
            **more,
        )

    def receive_consultation(
        self,
        application: Any,
        day: dt.date,
        party_name: str = "甲公司",
        *,
        user: Any = None,
        **more: Any,
    ) -> Any:
        """The answer of ``party_name`` recorded on ``day`` (``note`` may follow in ``more``)."""
        return self._call(
            "application_receive_consultation",
            user,
            application,
            day=day,
            party_name=party_name,
            **more,
        )

    def fee_notice(
        self, application: Any, day: dt.date, amount: Decimal | int, *, user: Any = None
    ) -> Any:
        return self._call(
            "application_issue_fee_notice", user, application, day=day, amount=Decimal(amount)
        )

    def payment(
        self, application: Any, day: dt.date, amount: Decimal | int, *, user: Any = None
    ) -> Any:
        return self._call(
            "application_record_payment", user, application, day=day, amount=Decimal(amount)
        )

    def terminate(
        self,
        application: Any,
        day: dt.date,
        outcome: str,
        reason: str = "逾期",
        *,
        user: Any = None,
    ) -> Any:
        return self._call(
            "application_terminate", user, application, day=day, outcome=outcome, reason=reason
        )

    def ask_extension(
        self, application: Any, day: dt.date, reason: str = "x", *, user: Any = None
    ) -> Any:
        return self._call(
            "application_request_extension", user, application, day=day, reason=reason
        )

    def review(
        self,
        application: Any,
        filed_on: dt.date,
        *,
        today: dt.date,
        user: Any = None,
        **more: Any,
    ) -> Any:
        """A 行政复议 against the request filed with 示例区人民政府 on ``filed_on``, registered at
        department A (``number``, ``result`` and ``decided_on`` may follow in ``more``)."""
        from gongkai.web.litigation.services import case_register

        return case_register(
            acting_user=user or self.district.officer_a,
            agency=self.district.dept_a,
            application=application,
            kind="review",
            filed_on=filed_on,
            body="示例区人民政府",
            today=today,
            **more,
        )

    def approve_extension(self, application: Any, day: dt.date, *, user: Any = None) -> Any:
        """The extension approved on ``day`` by department A's reviewer unless ``user`` says."""
        return self._call(
            "application_approve_extension", user or self.district.reviewer_a, application, day=day
        )
