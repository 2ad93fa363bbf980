"""Letters tests keep their files in memory: the app only uses Django's storage API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def memory_storage(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def answered(register: Callable[..., Any], district: Any) -> Callable[..., Any]:
    """A request of department A answered with ``outcome`` on 20 March 2025."""
    from gongkai.web.applications import services

    def make(outcome: str = "granted", summary: str = "现将该信息随本答复书一并提供给您") -> Any:
        app = register()
        app = services.application_start(acting_user=district.officer_a, application=app)
        return services.application_answer(
            acting_user=district.officer_a,
            application=app,
            day=dt.date(2025, 3, 20),
            outcome=outcome,
            legal_basis="条例第三十六条第二项",
            summary=summary,
        )

    return make
