"""Every corpus file parses to the numbers in its README row (shared/corpus/README.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.core.formats import FORMATS
from gongkai.core.parsing import read_path
from gongkai.core.report import Report


def _shared() -> Path:
    """shared/ beside the checkout (as CI lays it out), else the workplace's fixed copy."""
    beside = Path(__file__).resolve().parents[4] / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


CORPUS = _shared() / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason="the shared corpus is not on this machine"
)

_cache: dict[str, Report] = {}


def report(name: str) -> Report:
    if name not in _cache:
        _cache[name] = read_path(CORPUS / name)
    return _cache[name]


def row(r: Report, table: str, key: str) -> list[object]:
    fmt = r.format
    assert fmt is not None
    columns = fmt.table(table).block_of(key).columns
    return [r.value(table, key, c.key) for c in columns]


def t4(r: Report) -> list[list[object]]:
    return [row(r, "t4", key) for key in ("review", "suit_direct", "suit_after_review")]


def codes(r: Report) -> list[str]:
    return [n.code for n in r.notes]


def test_every_corpus_file_is_read_without_error() -> None:
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".txt", ".html"):
            assert read_path(path).tables_present, path.name


# --- 001: crawler text, everything on one line, 2019 format ----------------------------------


def test_001_metadata_comes_from_the_title_and_the_crawler_header() -> None:
    r = report("001.txt")
    assert (r.year, r.agency, r.format_key) == (2019, "平潭综合实验区", "2019")
    assert r.published == dt.date(2020, 1, 20)
    assert r.is_government_report
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]


def test_001_table_3_is_split_by_its_own_arithmetic() -> None:
    r = report("001.txt")
    assert row(r, "t3", "received") == [23, 0, 0, 0, 0, 0, 23]
    assert row(r, "t3", "closed_total") == [23, 0, 0, 0, 0, 0, 23]
    assert row(r, "t3", "carried_out") == [0] * 7
    assert row(r, "t3", "other") == [0] * 7
    assert [
        r.value("t3", k, "total")
        for k in (
            "granted",
            "partial",
            "unable.not_held",
            "unable.still_unclear",
            "not_handled.repeat",
        )
    ] == [7, 1, 7, 5, 3]
    assert t4(r) == [[0] * 5] * 3


def test_001_ambiguous_table_2_rows_are_left_out_and_noted() -> None:
    r = report("001.txt")
    assert row(r, "t2", "rules") == [0, 0, 0]
    for key in ("normative_docs", "licensing", "penalty", "coercion", "procurement"):
        assert row(r, "t2", key)[0] is None, key
    messages = " ".join(n.message for n in r.notes if n.code == "unparsed-table")
    for digits in ("898989", "3960181", "26480430"):
        assert digits in messages
    assert not r.truncated


# --- 003: crawler text, 2021 format ----------------------------------------------------------


def test_003_table_3_balances_and_table_4_needs_two_digit_cells() -> None:
    r = report("003.txt")
    assert r.format_key == "2021" and r.year == 2021
    assert row(r, "t3", "received") == [64, 0, 0, 2, 0, 4, 70]
    assert row(r, "t3", "carried_in") == [0] * 7
    assert row(r, "t3", "closed_total") == [63, 0, 0, 2, 0, 4, 69]
    assert row(r, "t3", "carried_out") == [1, 0, 0, 0, 0, 0, 1]
    assert t4(r) == [[1, 0, 2, 0, 3], [12, 0, 0, 0, 12], [0, 0, 0, 0, 0]]


def test_003_table_2_keeps_unambiguous_cells_and_notes_the_glued_row() -> None:
    r = report("003.txt")
    assert row(r, "t2", "rules") == [0, 0, 0]
    assert r.value("t2", "licensing", "decisions") == 2293
    assert row(r, "t2", "normative_docs") == [None, None, None]
    assert any("693665" in n.message for n in r.notes if n.code == "unparsed-table")


# --- 008: HTML with rowspan/colspan ----------------------------------------------------------


def test_008_html_tables_with_blank_total_cells() -> None:
    r = report("008.html")
    assert (r.year, r.agency, r.format_key) == (2019, "上海市人民政府办公厅", "2019")
    assert r.published == dt.date(2020, 1, 31)
    assert not r.is_government_report
    assert row(r, "t3", "received") == [821, 35, 0, 0, 2, 1, 859]
    assert r.value("t3", "carried_in", "total") == 18
    assert r.value("t3", "closed_total", "total") == 805
    assert r.value("t3", "carried_out", "total") == 72
    assert r.value("t3", "closed_total", "natural") == 767
    for key in FORMATS["2019"].outcome_rows:
        assert r.cell("t3", key, "total").value is None, key  # type: ignore[union-attr]
    assert r.cell("t3", "received", "research").value is None  # type: ignore[union-attr]
    granted = [r.value("t3", "granted", c) for c in ("natural", "commercial", "legal", "other")]
    assert granted == [258, 12, 1, 1]


def test_008_the_procurement_amount_keeps_its_unit() -> None:
    cell = report("008.html").cell("t2", "procurement", "amount")
    assert cell is not None and cell.value == 251000 and cell.unit == "元"
    assert report("008.html").value("t2", "rules", "total_published") == 524


def test_008_narrative_contains_the_figures_the_checker_compares() -> None:
    narrative = report("008.html").narrative
    assert "予以公开及部分公开258件" in narrative and "无法提供265件" in narrative


# --- 009: PDF→markdown with garbled tables ---------------------------------------------------


def test_009_table_3_is_aligned_by_order_where_labels_are_garbled() -> None:
    r = report("009.txt")
    assert (r.year, r.format_key) == (2025, "2021")
    assert r.agency == "上海市人民政府办公厅"
    assert row(r, "t3", "received") == [1259, 36, 0, 0, 0, 0, 1295]
    assert row(r, "t3", "carried_in") == [170, 15, 0, 0, 4, 0, 189]
    assert row(r, "t3", "closed_total") == [1139, 48, 0, 0, 4, 0, 1191]
    assert row(r, "t3", "carried_out") == [290, 3, 0, 0, 0, 0, 293]
    assert r.value("t3", "not_handled.confirm_existing", "total") == 0
    assert r.value("t3", "other.no_correction", "total") == 43
    assert r.value("t3", "other.no_fee_paid", "total") == 0
    assert r.value("t3", "other.other", "total") == 276
    fmt = r.format
    assert fmt is not None
    assert all(r.cell("t3", k, "total") is not None for k in fmt.outcome_rows)


def test_009_table_4_and_the_collapsed_table_2_rows() -> None:
    r = report("009.txt")
    assert t4(r) == [[40, 0, 10, 5, 55], [2, 0, 4, 6, 12], [6, 0, 9, 7, 22]]
    assert r.value("t2", "licensing", "decisions") == 0
    assert r.cell("t2", "rules", "issued") is None
    rows = {n.row for n in r.notes if n.code == "unparsed-table"}
    assert {"rules", "normative_docs"} <= rows


def test_009_section_five_lost_its_heading_but_is_found_by_position() -> None:
    r = report("009.txt")
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    five = r.section("problems")
    assert five is not None and five.heading_line == 183
    assert "section-title" in codes(r)
    assert "1295" in r.narrative and "1191" in r.narrative
    assert not any("— " in p.text and p.text.strip("— 0123456789") == "" for p in r.paragraphs)


# --- 012–026: excerpts that stop mid-table ---------------------------------------------------


def test_012_starts_and_stops_mid_table() -> None:
    r = report("012.txt")
    assert r.format_key == "2021" and r.truncated
    assert row(r, "t3", "received") == [3001, 53, 0, 0, 61, 4, 3119]
    assert row(r, "t3", "granted") == [1288, 21, 0, 0, 50, 3, 1362]
    assert row(r, "t3", "unable.not_held") == [746, 12, 0, 0, 10, 1, 769]
    assert r.value("t2", "penalty", "decisions") == 3985758
    assert codes(r) == ["unparsed-table"]


def test_013_pipes_with_a_group_label_cell_and_a_cut_last_row() -> None:
    r = report("013.txt")
    assert r.year == 2024 and r.truncated
    assert row(r, "t3", "received") == [58, 7, 0, 0, 1, 0, 66]
    assert row(r, "t3", "granted") == [2, 1, 0, 0, 0, 0, 3]
    assert row(r, "t3", "partial") == [16, 1, 0, 0, 0, 0, 17]
    assert r.cell("t3", "withheld.enforcement_file", "natural") is None
    assert row(r, "t2", "normative_docs") == [5, 1, 25]
    assert codes(r) == ["unparsed-table"]
    assert "表三在第32行中断" in r.notes[0].message


def test_016_a_township_reports_six_rules_in_force() -> None:
    r = report("016.txt")
    assert r.year == 2023
    assert row(r, "t2", "rules") == [0, 0, 6]
    assert "我镇" in r.narrative
    assert row(r, "t3", "received") == [0] * 7


def test_019_one_value_per_paragraph_all_zero() -> None:
    r = report("019.txt")
    assert (r.year, r.agency) == (2022, "太平镇人民政府")
    assert all(c.value == 0 for c in r.cells.values())
    assert len(list(r.table_cells("t2"))) == 10
    assert "国办公开办函〔2019〕60号" in r.narrative


def test_021_traditional_script_is_read_after_conversion() -> None:
    r = report("021.txt")
    assert r.year == 2022 and r.format_key == "2021"
    assert r.value("t2", "fees", "amount_wan") == Decimal("190.457379")
    assert r.value("t2", "penalty", "decisions") == 4
    assert "label-deviation" in codes(r)
    assert "我镇" in r.narrative


def test_026_cells_padded_with_spaces_and_newlines() -> None:
    r = report("026.txt")
    assert r.year == 2022 and r.truncated
    assert row(r, "t2", "rules") == [0, 0, 0]
    assert row(r, "t2", "normative_docs") == [0, 0, 0]
    assert "171" in r.narrative
    assert not any(p.text == "|" for p in r.paragraphs)
