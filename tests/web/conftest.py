"""Fixtures for the web tests: a small district with a user in every role, and a browser."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
PASSWORD = "gongkai-test-pass"


@dataclass
class District:
    """示例区: a government, two departments and a 街道, with users in every role.

    ``officer_a``/``reviewer_a`` work for department A (教育局), ``officer_b``/``reviewer_b``
    for department B (卫健委); ``office`` is the government's 公开办, ``admin`` the
    系统管理员, ``outsider`` belongs to another government altogether.
    """

    gov: Any
    dept_a: Any
    dept_b: Any
    street: Any
    other_gov: Any
    admin: Any
    office: Any
    officer_a: Any
    reviewer_a: Any
    officer_b: Any
    reviewer_b: Any
    officer_gov: Any
    outsider: Any


def _user(username: str, full_name: str) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.first_name = full_name
    user.save(update_fields=["first_name"])
    return user


@pytest.fixture
def district(db: None) -> District:
    from gongkai.web.accounts.models import Membership
    from gongkai.web.accounts.roles import Role
    from gongkai.web.orgs.models import AgencyKind
    from gongkai.web.orgs.services import agency_create

    # 行政复议法 (2023) 第二十四条: a department's 复议机关 is the 本级人民政府.
    review = {"review_body": "示例区人民政府"}
    gov = agency_create(
        code="gov", name="示例区人民政府", kind=AgencyKind.GOVERNMENT, review_body="示例市人民政府"
    )
    dept_a = agency_create(
        code="jyj", name="示例区教育局", kind=AgencyKind.DEPARTMENT, parent=gov, **review
    )
    dept_b = agency_create(
        code="wjw", name="示例区卫生健康委员会", kind=AgencyKind.DEPARTMENT, parent=gov, **review
    )
    street = agency_create(
        code="dfjd", name="示例区东风街道办事处", kind=AgencyKind.SUBDISTRICT, parent=gov, **review
    )
    other_gov = agency_create(code="other", name="邻区人民政府", kind=AgencyKind.GOVERNMENT)

    def member(username: str, name: str, agency: Any, role: Role) -> Any:
        user = _user(username, name)
        Membership.objects.create(user=user, agency=agency, role=role.value)
        return user

    return District(
        gov=gov,
        dept_a=dept_a,
        dept_b=dept_b,
        street=street,
        other_gov=other_gov,
        admin=member("admin", "管理员", gov, Role.ADMIN),
        office=member("gkb", "公开办", gov, Role.OFFICE),
        officer_a=member("jyj_jbr", "教育经办", dept_a, Role.OFFICER),
        reviewer_a=member("jyj_shr", "教育审核", dept_a, Role.REVIEWER),
        officer_b=member("wjw_jbr", "卫健经办", dept_b, Role.OFFICER),
        reviewer_b=member("wjw_shr", "卫健审核", dept_b, Role.REVIEWER),
        officer_gov=member("gov_jbr", "政府经办", gov, Role.OFFICER),
        outsider=member("other_jbr", "邻区经办", other_gov, Role.OFFICER),
    )


@pytest.fixture
def register(district: District) -> Callable[..., Any]:
    """Register a request at department A (or another agency) with sensible defaults."""
    from gongkai.web.applications import services

    def make(**overrides: Any) -> Any:
        args: dict[str, Any] = {
            "acting_user": district.officer_a,
            "agency": district.dept_a,
            "applicant": services.ApplicantData(
                kind="natural",
                name="张三",
                id_type="居民身份证",
                id_number="110101199001011237",
                phone="13800000000",
            ),
            "channel": "in_person",
            "arrived_on": dt.date(2025, 3, 3),
            "subject": "2024年义务教育阶段学校招生划片方案",
            "requested_form": "纸质",
            "delivery": "邮寄",
        }
        args.update(overrides)
        return services.application_register(**args)

    return make


@pytest.fixture
def answer(district: District) -> Callable[..., Any]:
    """Answer a request as department A's case officer: 予以公开 on 20 March 2025 under
    条例第三十六条第二项 unless told otherwise; ``start=True`` first moves it to 办理中."""
    from gongkai.web.applications import services

    def make(
        application: Any,
        *,
        day: dt.date = dt.date(2025, 3, 20),
        outcome: str = "granted",
        legal_basis: str = "条例第三十六条第二项",
        start: bool = False,
        **more: Any,
    ) -> Any:
        if start:
            application = services.application_start(
                acting_user=district.officer_a, application=application
            )
        return services.application_answer(
            acting_user=district.officer_a,
            application=application,
            day=day,
            outcome=outcome,
            legal_basis=legal_basis,
            **more,
        )

    return make


@pytest.fixture
def steps(district: District) -> Any:
    """Take a request through the register's services as department A's staff
    (``tests/web/request_steps.py``)."""
    from request_steps import RequestSteps

    return RequestSteps(district)


@pytest.fixture
def postgres_only() -> None:
    """Skip a test of simultaneous writers where it means nothing: SQLite serialises writes."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("只在 PostgreSQL 上有意义（GONGKAI_TEST_POSTGRES=1）；SQLite 串行写入")


@pytest.fixture(scope="session", autouse=True)
def _live_server_takes_one_request_at_a_time() -> Iterator[None]:
    """The live server's threads share the test database's one in-memory SQLite connection
    (pytest-django hands it over), so two requests at once — a double click on 登记 — would
    interleave their transactions on that connection: one's rollback removes the other's
    savepoint ("no such savepoint", seen once under load). A real database serialises such
    writers itself (SQLite's lock; on PostgreSQL the concurrency tests cover them), so here the
    server runs one request at a time; the browser still sends both."""
    from django.test import testcases

    original = testcases.LiveServerThread

    class OneAtATime(original):  # type: ignore[misc, valid-type]
        def _create_server(self, connections_override: Any = None) -> Any:
            server = super()._create_server(connections_override=connections_override)
            lock = threading.Lock()
            set_app = server.set_app

            def set_locked_app(app: Any) -> None:
                def locked(environ: Any, start_response: Any) -> Any:
                    with lock:
                        return app(environ, start_response)

                set_app(locked)

            server.set_app = set_locked_app
            return server

    testcases.LiveServerThread = OneAtATime
    yield
    testcases.LiveServerThread = original


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium 未安装，跳过浏览器测试")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
