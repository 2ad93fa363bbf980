"""The seed report (shared/seeds/000): a 2020 report in the 2019 format, one cell per line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.core.formats import FORMAT_2019
from gongkai.core.parsing import read_path
from gongkai.core.report import Report


def _shared() -> Path:
    """shared/ beside the checkout (as CI lays it out), else the workplace's fixed copy."""
    beside = Path(__file__).resolve().parents[4] / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


SEED = _shared() / "seeds" / "000_822ba8cb839ef3f2.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not on this machine")


@pytest.fixture(scope="module")
def seed() -> Report:
    return read_path(SEED)


def test_the_seed_reports_on_2020_for_the_dinghai_office(seed: Report) -> None:
    assert seed.year == 2020
    assert seed.agency == "定海区审交办"
    assert seed.published == dt.date(2021, 1, 13)
    assert seed.published_line == 421
    assert seed.title_line == 1
    assert not seed.is_government_report


def test_the_seed_uses_the_2019_format_with_all_three_tables(seed: Report) -> None:
    assert seed.format_key == "2019"
    assert seed.tables_present == {"t2", "t3", "t4"}
    assert not seed.truncated


def test_table_3_has_a_zero_total_column_and_every_other_cell_blank(seed: Report) -> None:
    for row in FORMAT_2019.t3.rows:
        for column in FORMAT_2019.t3.blocks[0].columns:
            cell = seed.cell("t3", row.key, column.key)
            assert cell is not None, (row.key, column.key)
            assert cell.value == (0 if column.key == "total" else None), (row.key, column.key)
    assert seed.cell("t3", "received", "total").line == 119  # type: ignore[union-attr]


def test_table_4_totals_are_zero_and_the_results_blank(seed: Report) -> None:
    for row in ("review", "suit_direct", "suit_after_review"):
        assert seed.value("t4", row, "total") == 0
        assert seed.cell("t4", row, "upheld").value is None  # type: ignore[union-attr]


def test_table_2_is_read_as_zeros(seed: Report) -> None:
    assert len(list(seed.table_cells("t2"))) == FORMAT_2019.t2.size
    assert all(cell.value == 0 for cell in seed.table_cells("t2"))


def test_the_six_sections_are_found_in_order(seed: Report) -> None:
    assert [s.number for s in seed.sections] == [1, 2, 3, 4, 5, 6]
    assert seed.section("overview").heading_line == 3  # type: ignore[union-attr]
    assert seed.section("other").text.startswith("无。")  # type: ignore[union-attr]


def test_the_wrong_year_sentence_and_its_duplicate_are_narrative_paragraphs(seed: Report) -> None:
    lines = [p.line for p in seed.paragraphs if "现将区审交办2019年开展" in p.text]
    assert lines == [2, 4]


def test_the_seed_has_no_parse_notes(seed: Report) -> None:
    assert seed.notes == ()
