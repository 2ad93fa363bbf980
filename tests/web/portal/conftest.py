"""Portal tests: files in memory; a helper that applies online as a citizen would."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def memory_storage(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    from django.core.cache import cache

    cache.clear()
