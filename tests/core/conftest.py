"""Shared tests over every declared national format (python-holidays' ``tests/common.py`` is the
model): a test that takes ``declared_format`` runs once for each format in
``gongkai.core.formats.FORMATS``, so a format added there is held to the same properties without
new tests."""

from __future__ import annotations

import pytest

from gongkai.core.formats import FORMATS


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "declared_format" in metafunc.fixturenames:
        metafunc.parametrize("declared_format", list(FORMATS.values()), ids=list(FORMATS))
