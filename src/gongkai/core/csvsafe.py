"""CSV and spreadsheet cells that cannot run as formulas (CSV/formula injection).

A cell a spreadsheet would read as a formula — text starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return — is written with a leading apostrophe, which Excel and WPS show as text and
do not evaluate (OWASP's advice). Plain numbers such as ``-3`` or ``+1.5`` stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


class _Writer(Protocol):
    def write(self, value: str, /) -> Any: ...


def neutralise(value: object) -> object:
    """``value`` made safe for a spreadsheet cell; non-text values pass unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


class SafeWriter:
    """A ``csv.writer`` whose every field goes through :func:`neutralise`."""

    def __init__(self, handle: _Writer, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
