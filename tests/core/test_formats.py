"""The two national formats are declared once, as data, and the declarations match the official
tables cell for cell (annual-report-formats.md §2–4)."""

from __future__ import annotations

import pytest

from gongkai.core.formats import (
    FORMATS,
    ColumnSum,
    Format,
    RowSum,
    UnknownYearError,
    current_format,
    format_for_year,
)


@pytest.mark.parametrize(
    ("year", "key"),
    [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2024, "2021"), (2030, "2021")],
)
def test_the_format_of_a_report_year_is_looked_up(year: int, key: str) -> None:
    assert format_for_year(year).key == key


def test_years_before_the_national_format_have_none() -> None:
    with pytest.raises(UnknownYearError, match="2018"):
        format_for_year(2018)


# The numeric cells of tables 2, 3 and 4 as counted in each official template; a new format
# states its own count here.
OFFICIAL_SIZES = {"2019": (22, 161, 15), "2021": (10, 175, 15)}


def test_each_table_has_the_official_number_of_numeric_cells(declared_format: Format) -> None:
    fmt = declared_format
    assert (fmt.t2.size, fmt.t3.size, fmt.t4.size) == OFFICIAL_SIZES[fmt.key]


def test_the_2021_format_splits_other_handling_into_three_rows() -> None:
    assert FORMATS["2019"].t3.row("other").label == "（六）其他处理"
    rows = [r for r in FORMATS["2021"].t3.rows if r.group == "（六）其他处理"]
    assert [r.key for r in rows] == ["other.no_correction", "other.no_fee_paid", "other.other"]


def test_outcome_rows_are_every_leaf_between_the_carry_in_and_the_total(
    declared_format: Format,
) -> None:
    fmt = declared_format
    keys = [r.key for r in fmt.t3.rows]
    assert list(fmt.outcome_rows) == keys[keys.index("carried_in") + 1 : keys.index("closed_total")]


def test_machine_keys_are_unique_within_each_table(declared_format: Format) -> None:
    fmt = declared_format
    for table in fmt.tables:
        refs = [(row.key, col.key) for _, row, col in table.cells()]
        assert len(refs) == len(set(refs)), table.key


def test_the_contract_keys_of_table_2_are_declared() -> None:
    t2_2021 = {f"{r.key}.{c.key}" for _, r, c in FORMATS["2021"].t2.cells()}
    assert t2_2021 == {
        "rules.issued", "rules.repealed", "rules.in_force",
        "normative_docs.issued", "normative_docs.repealed", "normative_docs.in_force",
        "licensing.decisions", "penalty.decisions", "coercion.decisions", "fees.amount_wan",
    }  # fmt: skip
    t2_2019 = {f"{r.key}.{c.key}" for _, r, c in FORMATS["2019"].t2.cells()}
    assert "procurement.amount" in t2_2019
    assert "fees.decisions" not in t2_2019  # （八）项 has two columns only
    assert len(t2_2019) == 22


def test_the_only_unit_in_the_2021_tables_is_wan_yuan_for_fees() -> None:
    units = {(r.key, c.key): c.unit for _, r, c in FORMATS["2021"].t2.cells() if c.unit}
    assert units == {("fees", "amount_wan"): "万元"}


def test_the_rules_name_only_cells_the_format_declares(declared_format: Format) -> None:
    fmt = declared_format
    for rule in fmt.rules:
        table = fmt.table(rule.table)
        rows = {r.key for r in table.rows}
        if isinstance(rule, ColumnSum):
            assert {rule.anchor, *rule.lhs, *rule.rhs} <= rows, rule.code
        else:
            assert isinstance(rule, RowSum)
            for row in table.rows:
                columns = {c.key for c in table.block_of(row.key).columns}
                assert {rule.total, *(rule.parts or ())} <= columns, rule.code


def test_the_format_declares_the_rules_of_annual_report_formats_5(declared_format: Format) -> None:
    fmt = declared_format
    # T3-1 (the printed 勾稽 rule), T3-2, T3-3 and T4-1; T3-2 sums exactly the outcome rows.
    codes = [rule.code for rule in fmt.rules]
    assert codes == ["t3-balance", "t3-outcome-sum", "t3-row-sum", "t4-sum"]
    outcome = next(r for r in fmt.rules if r.code == "t3-outcome-sum")
    assert isinstance(outcome, ColumnSum)
    assert outcome.rhs == fmt.outcome_rows


def test_a_legacy_row_stands_for_consecutive_outcome_rows_under_its_label(
    declared_format: Format,
) -> None:
    fmt = declared_format
    for legacy in fmt.legacy_rows:
        table = fmt.table(legacy.table)
        assert not fmt.has_row(legacy.table, legacy.row.key)  # an earlier format's row
        assert fmt.declared_row(legacy.table, legacy.row.key) == legacy.row
        replaced = [table.row(key) for key in legacy.replaces]
        assert {r.group for r in replaced} == {legacy.row.label}
        start = fmt.outcome_rows.index(legacy.replaces[0])
        assert fmt.outcome_rows[start : start + len(legacy.replaces)] == legacy.replaces


def test_the_2021_format_may_print_the_single_other_row_of_2019() -> None:
    (legacy,) = FORMATS["2021"].legacy_rows
    assert legacy.row == FORMATS["2019"].t3.row("other")
    assert FORMATS["2019"].legacy_rows == ()


def test_the_format_in_force_is_assumed_where_a_text_does_not_show_its_format() -> None:
    assert current_format() is FORMATS["2021"]
