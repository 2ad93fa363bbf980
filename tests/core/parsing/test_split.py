"""The digit-run splitter: a split is taken only when it is forced."""

from __future__ import annotations

import pytest

from gongkai.core.parsing.split import (
    TooMany,
    always,
    blocks_sum_ok,
    choose_rows,
    row_sum_ok,
    solve_run,
)


def test_a_table_3_row_is_split_where_only_one_split_adds_up() -> None:
    assert solve_run(["230", "000023"], 7, row_sum_ok) == [("23", "0", "0", "0", "0", "0", "23")]


def test_spaces_are_respected_as_cell_boundaries_first() -> None:
    assert solve_run(["23", "0", "00", "0", "023"], 7, row_sum_ok) == [
        ("23", "0", "0", "0", "0", "0", "23")
    ]


def test_spaces_are_ignored_only_when_no_split_respects_them() -> None:
    assert solve_run(["1", "2"], 1, always) == [("12",)]


def test_a_row_with_two_splits_that_add_up_is_reported_as_ambiguous() -> None:
    # 27/0/0/2/0/1/30 and 2/7/0/0/20/1/30 both add up.
    assert len(solve_run(["270020130"], 7, row_sum_ok)) == 2


def test_no_piece_has_a_leading_zero() -> None:
    splits = solve_run(["0230"], 3, always)
    assert sorted(splits) == [("0", "2", "30"), ("0", "23", "0")]  # never "02" or "023"


def test_decimals_are_allowed_only_in_amount_columns() -> None:
    assert solve_run(["12.5"], 1, always) == []
    assert solve_run(["12.5"], 1, always, decimal_ok=lambda col: True) == [("12.5",)]
    assert solve_run(["312.5"], 2, always, decimal_ok=lambda col: col == 1) == [
        ("3", "12.5"),
        ("31", "2.5"),
    ]


def test_table_4_needs_two_digit_cells_to_satisfy_its_block_sums() -> None:
    assert solve_run(["10203120001200000"], 15, blocks_sum_ok(5)) == [
        ("1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0")
    ]


def test_table_2_has_no_arithmetic_so_only_one_digit_per_cell_is_forced() -> None:
    assert solve_run(["000"], 3, always) == [("0", "0", "0")]
    assert len(solve_run(["898989"], 3, always)) > 1


def test_the_search_gives_up_instead_of_hanging() -> None:
    with pytest.raises(TooMany):
        solve_run(["1" * 80], 40, always)


def test_column_rules_choose_between_row_splits() -> None:
    # Two rows, each with two candidate splits; the column rule "first = second" keeps one pair.
    rows = [[("1", "2"), ("2", "1")], [("2", "1"), ("3", "0")]]

    def same(choice: object) -> bool:
        a, b = choice  # type: ignore[misc]
        return a == b

    assert choose_rows(rows, same) == [("2", "1"), ("2", "1")]


def test_rows_stay_undecided_when_the_column_rules_allow_several_tables() -> None:
    rows = [[("1", "2"), ("2", "1")], [("1", "2"), ("2", "1")]]

    def same(choice: object) -> bool:
        a, b = choice  # type: ignore[misc]
        return a == b

    assert choose_rows(rows, same) == [None, None]


def test_a_fixed_row_keeps_its_only_candidate_even_if_the_table_does_not_add_up() -> None:
    rows = [[("1", "2")], [("5", "5"), ("6", "4")]]
    assert choose_rows(rows, lambda choice: False) == [("1", "2"), None]
