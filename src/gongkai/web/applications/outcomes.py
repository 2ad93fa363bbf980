"""Outcomes of closed requests: a leaf row of table 3 in the format of the year it closed."""

from __future__ import annotations

from gongkai.core.formats import FORMATS, Row, UnknownYearError, format_for_year, format_years
from gongkai.core.formats.common import RESULTS


def outcome_choices(year: int) -> list[tuple[str, str]]:
    """(row key, printed label) for every outcome row of the format that applies to ``year``."""
    fmt = format_for_year(year)
    return [(key, _label(fmt.t3.row(key))) for key in fmt.outcome_rows]


def _label(row: Row) -> str:
    """ "（一）予以公开", "（三）不予公开 1.属于国家秘密": the group only where it says something."""
    if row.group is None or row.group == RESULTS:
        return row.label
    return row.full_label


def termination_choices(year: int) -> list[tuple[str, str]]:
    """The （六）其他处理 rows: how a request ends without a decision on the information."""
    return [(key, label) for key, label in outcome_choices(year) if key.split(".")[0] == "other"]


def outcome_label(key: str, year: int) -> str:
    try:
        return dict(outcome_choices(year)).get(key, key)
    except UnknownYearError:
        return key


def is_valid_outcome(key: str, year: int) -> bool:
    try:
        return key in format_for_year(year).outcome_rows
    except UnknownYearError:
        return False


def outcome_choices_all_years(current_year: int) -> list[tuple[str, str]]:
    """The current year's rows first, then rows only older formats have, marked with the years
    they apply to (for requests answered on a date in an earlier format's years)."""
    choices = outcome_choices(current_year)
    seen = {key for key, _ in choices}
    for fmt in FORMATS.values():
        for key in fmt.outcome_rows:
            if key not in seen:
                seen.add(key)
                choices.append((key, f"{_label(fmt.t3.row(key))}（{format_years(fmt)}格式）"))
    return choices
