"""Tests every declared national format must pass (python-holidays' common tests are the model):
a third format is a declaration plus its data, and these tests hold it to its own declaration."""

from __future__ import annotations

from gongkai.core.formats import Format, format_for_year
from gongkai.core.render.synthetic import _other_text
from gongkai.core.report import CellRef

DOCUMENT_COLUMNS = {
    "published": ["made", "published", "total_published"],
    "in_force": ["issued", "repealed", "in_force"],
}


def t2_columns(fmt: Format, row: str) -> list[str]:
    return [c.key for c in fmt.t2.block_of(row).columns]


def test_the_document_rows_have_the_columns_the_format_declares(declared_format: Format) -> None:
    fmt = declared_format
    for row in ("rules", "normative_docs"):
        assert t2_columns(fmt, row) == DOCUMENT_COLUMNS[fmt.document_counts]


def test_a_format_counts_matters_exactly_when_table_2_has_item_columns(
    declared_format: Format,
) -> None:
    fmt = declared_format
    has_items = any("prev_items" in t2_columns(fmt, r.key) for r in fmt.t2.rows)
    assert fmt.counts_matters == has_items


def test_a_format_that_reports_fees_has_the_row_of_unpaid_fees(declared_format: Format) -> None:
    fmt = declared_format
    # 国办函〔2020〕109号: the formats that make section 六 report 信息处理费 also count the
    # requests ended because the fee was not paid.
    assert fmt.reports_processing_fees == ("other.no_fee_paid" in fmt.outcome_rows)


def test_the_synthetic_section_six_follows_the_fee_capability(declared_format: Format) -> None:
    fmt = declared_format
    notices = {CellRef("t3", "other.no_fee_paid", "total"): 2}
    text = _other_text(fmt, notices)
    assert ("信息处理费" in text) == fmt.reports_processing_fees


def test_the_format_applies_to_the_years_it_declares(declared_format: Format) -> None:
    fmt = declared_format
    assert format_for_year(fmt.first_year) is fmt
    if fmt.last_year is not None:
        assert format_for_year(fmt.last_year) is fmt


def test_the_2019_only_rows_are_rows_of_the_formats_that_count_them(
    declared_format: Format,
) -> None:
    fmt = declared_format
    # 其他对外管理服务事项 and 政府集中采购 (第二十条第（九）项) are counted by the formats that
    # declare those rows; the registers and the demo ask the format, not its key.
    t2 = {r.key for r in fmt.t2.rows}
    assert fmt.has_row("t2", "procurement") == ("procurement" in t2)
    assert fmt.has_row("t2", "other_services") == ("other_services" in t2)
