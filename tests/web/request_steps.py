"""Steps that take a registered request through the register's services, as the web tests
share them (the ``steps`` fixture of ``tests/web/conftest.py`` hands one out).

Each step is one service call made by department A's case officer (an approval: by its reviewer,
unless ``user`` names someone else); the values a test does not care about have a default, what
it does care about it passes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any


class RequestSteps:
    def __init__(self, district: Any) -> None:
        self.district = district

    def _call(self, name: str, application: Any, user: Any = None, **facts: Any) -> Any:
        from gongkai.web.applications import services

        return getattr(services, name)(
            acting_user=user or self.district.officer_a, application=application, **facts
        )

    def start(self, application: Any) -> Any:
        return self._call("application_start", application)

    def ask_correction(self, application: Any, day: dt.date, note: str = "x", **more: Any) -> Any:
        """补正通知 sent on ``day`` (``reply_by`` may follow in ``more``)."""
        return self._call("application_request_correction", application, day=day, note=note, **more)

    def receive_correction(self, application: Any, day: dt.date) -> Any:
        return self._call("application_receive_correction", application, day=day)

    def consult(self, application: Any, day: dt.date, party_name: str, **more: Any) -> Any:
        """征求意见 sent to ``party_name`` on ``day``: a third party unless ``party`` says
        (``delivered_on`` may follow in ``more``)."""
        more.setdefault("party", "third_party")
        return self._call(
            "application_send_consultation", application, day=day, party_name=party_name, **more
        )

    def receive_consultation(
        self, application: Any, day: dt.date, party_name: str, **more: Any
    ) -> Any:
        """The answer of ``party_name`` recorded on ``day`` (``note`` may follow in ``more``)."""
        return self._call(
            "application_receive_consultation", application, day=day, party_name=party_name, **more
        )

    def fee_notice(self, application: Any, day: dt.date, amount: Decimal) -> Any:
        return self._call("application_issue_fee_notice", application, day=day, amount=amount)

    def payment(self, application: Any, day: dt.date, amount: Decimal) -> Any:
        return self._call("application_record_payment", application, day=day, amount=amount)

    def terminate(self, application: Any, day: dt.date, outcome: str, reason: str = "逾期") -> Any:
        return self._call(
            "application_terminate", application, day=day, outcome=outcome, reason=reason
        )

    def ask_extension(self, application: Any, day: dt.date, reason: str = "x") -> Any:
        return self._call("application_request_extension", application, day=day, reason=reason)

    def review(self, application: Any, filed_on: dt.date, *, today: dt.date, **more: Any) -> Any:
        """A 行政复议 against the request filed with 示例区人民政府 on ``filed_on``, registered at
        department A (``number``, ``result`` and ``decided_on`` may follow in ``more``)."""
        from gongkai.web.litigation.services import case_register

        return case_register(
            acting_user=self.district.officer_a,
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
        user = user or self.district.reviewer_a
        return self._call("application_approve_extension", application, user, day=day)


def request_form(**changes: str) -> dict[str, str]:
    """The fields of the 登记申请 page for the request the ``register`` fixture makes (张三, in
    person on 3 March 2025), with ``changes``; ``agency`` is left to choose."""
    return {
        "agency": "",
        "channel": "in_person",
        "arrived_on": "2025-03-03",
        "confirmed_on": "",
        "applicant_kind": "natural",
        "applicant_name": "张三",
        "id_type": "居民身份证",
        "id_number": "110101199001011237",
        "phone": "13800000000",
        "email": "",
        "address": "",
        "postcode": "",
        "subject": "2024年义务教育阶段学校招生划片方案",
        "requested_form": "纸质",
        "delivery": "邮寄",
    } | changes
