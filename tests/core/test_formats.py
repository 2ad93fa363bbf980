"""The two national formats are declared once, as data, and the declarations match the official
tables cell for cell (annual-report-formats.md §2–4)."""

from __future__ import annotations

import pytest

from gongkai.core.formats import FORMATS, UnknownYearError, format_for_year


@pytest.mark.parametrize(
    ("year", "key"),
    [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2024, "2021"), (2030, "2021")],
)
def test_the_format_of_a_report_year_is_looked_up(year: int, key: str) -> None:
    assert format_for_year(year).key == key


def test_years_before_the_national_format_have_none() -> None:
    with pytest.raises(UnknownYearError, match="2018"):
        format_for_year(2018)


@pytest.mark.parametrize(("key", "t2", "t3", "t4"), [("2019", 22, 161, 15), ("2021", 10, 175, 15)])
def test_each_table_has_the_official_number_of_numeric_cells(
    key: str, t2: int, t3: int, t4: int
) -> None:
    fmt = FORMATS[key]
    assert (fmt.t2.size, fmt.t3.size, fmt.t4.size) == (t2, t3, t4)


def test_the_2021_format_splits_other_handling_into_three_rows() -> None:
    assert FORMATS["2019"].t3.row("other").label == "（六）其他处理"
    rows = [r for r in FORMATS["2021"].t3.rows if r.group == "（六）其他处理"]
    assert [r.key for r in rows] == ["other.no_correction", "other.no_fee_paid", "other.other"]


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_outcome_rows_are_every_leaf_between_the_carry_in_and_the_total(key: str) -> None:
    fmt = FORMATS[key]
    keys = [r.key for r in fmt.t3.rows]
    assert list(fmt.outcome_rows) == keys[keys.index("carried_in") + 1 : keys.index("closed_total")]


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_machine_keys_are_unique_within_each_table(key: str) -> None:
    for table in FORMATS[key].tables:
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
