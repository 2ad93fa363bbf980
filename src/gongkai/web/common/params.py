"""Query and form parameters read leniently: junk, out-of-range or absurd values are ignored
(``None``), never passed on to the database or the calendar to fail there (issue 13, item 6)."""

from __future__ import annotations

# A primary key both SQLite and PostgreSQL (bigint) accept; no installation comes near it.
MAX_ID = 2**31 - 1
# Years the registers can hold (date arithmetic a year either side stays valid).
MIN_YEAR, MAX_YEAR = 1900, 9998


def parse_int(value: str | None, *, low: int = 1, high: int = MAX_ID) -> int | None:
    """``value`` as an integer in ``[low, high]``, else ``None``."""
    if not value or len(value) > 12 or not value.isascii():
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if low <= number <= high else None


def parse_year(value: str | None) -> int | None:
    """``value`` as a plausible year, else ``None``."""
    return parse_int(value, low=MIN_YEAR, high=MAX_YEAR)
