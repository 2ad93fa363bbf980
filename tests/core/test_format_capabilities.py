"""Tests every declared national format must pass (python-holidays' common tests are the model):
a third format is a declaration plus its data, and these tests hold it to its own declaration."""

from __future__ import annotations

import pytest

from gongkai.core.formats import FORMATS, Format, format_for_year
from gongkai.core.render.synthetic import _other_text
from gongkai.core.report import CellRef

EVERY_FORMAT = pytest.mark.parametrize("fmt", list(FORMATS.values()), ids=list(FORMATS))

DOCUMENT_COLUMNS = {
    "published": ["made", "published", "total_published"],
    "in_force": ["issued", "repealed", "in_force"],
}


def t2_columns(fmt: Format, row: str) -> list[str]:
    return [c.key for c in fmt.t2.block_of(row).columns]


@EVERY_FORMAT
def test_the_document_rows_have_the_columns_the_format_declares(fmt: Format) -> None:
    for row in ("rules", "normative_docs"):
        assert t2_columns(fmt, row) == DOCUMENT_COLUMNS[fmt.document_counts]


@EVERY_FORMAT
def test_a_format_counts_matters_exactly_when_table_2_has_item_columns(fmt: Format) -> None:
    has_items = any("prev_items" in t2_columns(fmt, r.key) for r in fmt.t2.rows)
    assert fmt.counts_matters == has_items


@EVERY_FORMAT
def test_a_format_that_reports_fees_has_the_row_of_unpaid_fees(fmt: Format) -> None:
    # 国办函〔2020〕109号: the formats that make section 六 report 信息处理费 also count the
    # requests ended because the fee was not paid.
    assert fmt.reports_processing_fees == ("other.no_fee_paid" in fmt.outcome_rows)


@EVERY_FORMAT
def test_the_synthetic_section_six_follows_the_fee_capability(fmt: Format) -> None:
    notices = {CellRef("t3", "other.no_fee_paid", "total"): 2}
    text = _other_text(fmt, notices)
    assert ("信息处理费" in text) == fmt.reports_processing_fees


@EVERY_FORMAT
def test_the_format_applies_to_the_years_it_declares(fmt: Format) -> None:
    assert format_for_year(fmt.first_year) is fmt
    if fmt.last_year is not None:
        assert format_for_year(fmt.last_year) is fmt
