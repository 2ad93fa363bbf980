"""The formats every shared format test runs over (python-holidays' ``tests/common.py`` is the
model): each test marked ``EVERY_FORMAT`` runs once per declared national format, so a format
added to ``gongkai.core.formats.FORMATS`` is held to the same properties without new tests."""

from __future__ import annotations

import pytest

from gongkai.core.formats import FORMATS

EVERY_FORMAT = pytest.mark.parametrize("fmt", list(FORMATS.values()), ids=list(FORMATS))
