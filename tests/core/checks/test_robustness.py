"""The checker never fails on odd reports: nothing known, partial tables, odd text."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from check_builders import consistent_report
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.core.checks import check_report
from gongkai.core.findings import CODES
from gongkai.core.report import Cell, CellRef, Paragraph, Report


def test_a_report_that_knows_nothing_gets_no_finding() -> None:
    empty = Report(path="x.txt", year=None, agency=None, published=None, format_key=None)
    assert check_report(empty) == []
    assert check_report(empty, empty) == []


def test_a_year_before_the_national_formats_is_not_checked_against_one() -> None:
    report = dataclasses.replace(consistent_report(2020), year=2017)
    assert [f.code for f in check_report(report) if f.code == "format-version"] == []


def test_a_previous_report_of_the_same_or_a_later_year_is_ignored() -> None:
    report = consistent_report(2022)
    later = consistent_report(2023)
    found = check_report(report, later)
    assert not [f for f in found if f.code in ("carryover", "t2-in-force", "reused-text")]


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("现将年月日件条项个申请公开办结予以不处理无法提供，。；：（）、0123456789 \n")
    ),
    max_size=200,
)
_VALUE = st.one_of(st.none(), st.integers(-5, 3000), st.decimals("0", "99999", places=6))


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(_VALUE, min_size=0, max_size=80),
    keep=st.floats(0, 1),
    texts=st.lists(_TEXT, max_size=6),
    year=st.integers(2015, 2030),
    truncated=st.booleans(),
)
def test_any_mixture_of_cells_and_text_is_checked_without_error(
    values: list[int | Decimal | None], keep: float, texts: list[str], year: int, truncated: bool
) -> None:
    base = consistent_report(2021)
    refs = sorted(base.cells)
    cells: dict[CellRef, Cell] = {}
    for index, ref in enumerate(refs[: int(len(refs) * keep)]):
        value = values[index % len(values)] if values else base.cells[ref].value
        cells[ref] = dataclasses.replace(base.cells[ref], value=value)
    paragraphs = tuple(Paragraph(t, i + 2 if i % 2 else None) for i, t in enumerate(texts))
    report = dataclasses.replace(
        base,
        cells=cells,
        year=year,
        paragraphs=base.paragraphs + paragraphs,
        truncated=truncated,
        sections=base.sections[: len(texts)],
    )
    for finding in check_report(report, base):
        assert finding.code in CODES
        assert finding.message


def test_reports_checked_in_several_threads_get_their_own_findings() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from check_builders import add_paragraph

    clean = consistent_report(2021)
    wrong = add_paragraph(clean, "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。")
    expected = {id(clean): check_report(clean), id(wrong): check_report(wrong)}
    reports = [clean, wrong] * 50
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(check_report, reports))
    for report, found in zip(reports, results, strict=True):
        assert found == expected[id(report)]


def test_tables_of_unknown_format_are_checked_in_the_format_of_their_year() -> None:
    from check_builders import bump

    report = bump(consistent_report(2021), CellRef("t3", "partial", "total"), 1)
    unknown = dataclasses.replace(report, format_key=None)
    assert "t3-row-sum" in {f.code for f in check_report(unknown)}


def test_a_huge_run_on_narrative_is_checked_to_its_end() -> None:
    """Lists are read within a bounded reach, so a 50,000-character paragraph without a full
    stop neither hangs the checker nor hides the statement at its end."""
    block = (
        "共发布信息100条：动态60条，公告30条，" * 2000 + "现将本局2020年政府信息公开工作报告如下："
    )
    report = consistent_report(2021, extra={"overview": [block]})
    codes = {f.code for f in check_report(report)}
    assert "year-mismatch" in codes
