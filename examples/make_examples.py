"""Generate the example annual reports in this folder (``uv run python examples/make_examples.py``).

Every report belongs to a fictional agency and is rendered by ``gongkai.core.render.text`` from
synthetic numbers: three consistent reports, one in each text shape, and six reports with one
deliberate error each. ``PLANTED`` says what ``gongkai check examples/`` must find in each file;
``tests/cli/test_check_examples.py`` keeps the committed files and the findings honest.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

from gongkai.core.formats import FORMATS, format_for_year
from gongkai.core.render.synthetic import Cells, build_report, narrative, random_cells
from gongkai.core.render.text import render_text
from gongkai.core.report import CellRef, Report

HERE = Path(__file__).resolve().parent
AGENCY = "示例市示例区政务服务数据管理局"
OTHER_AGENCY = "示例市示例区生态环境分局"

# file name -> the finding codes (error and warning) that `gongkai check` must report, no more.
PLANTED: dict[str, set[str]] = {
    "01-consistent-2022-lines.txt": set(),
    "02-consistent-2020-pipes.txt": set(),
    "03-consistent-2023-paragraphs.txt": set(),
    "04-t3-row-does-not-add-up-pipes.txt": {"t3-row-sum", "t3-outcome-sum"},
    "05-wrong-year-in-text-lines.txt": {"year-mismatch"},
    "06-blank-cell-paragraphs.txt": {"blank-cell"},
    "07-2019-tables-in-2022-report-lines.txt": {"format-version"},
    "08-duplicated-paragraph-pipes.txt": {"duplicate-paragraph"},
    "09-text-contradicts-table-paragraphs.txt": {"text-table-mismatch"},
}


def _cells(year: int, seed: int, format_key: str | None = None) -> Cells:
    fmt = FORMATS[format_key] if format_key else format_for_year(year)
    cells = random_cells(random.Random(seed), fmt, busy=30)
    if fmt.key == "2021":  # a few 万元 of fees with decimals, so amounts are exercised
        cells[CellRef("t2", "fees", "amount_wan")] = Decimal("1.25")
    return cells


def _report(
    year: int,
    seed: int,
    *,
    agency: str = AGENCY,
    cells: Cells | None = None,
    texts: dict[str, str] | None = None,
    format_key: str | None = None,
) -> Report:
    return build_report(
        agency=agency,
        year=year,
        cells=cells if cells is not None else _cells(year, seed),
        format_key=format_key,
        published=dt.date(year + 1, 1, 22),
        texts=texts,
        path="examples",
    )


def generate() -> dict[str, str]:
    """File name -> text of every example."""
    out: dict[str, str] = {}
    out["01-consistent-2022-lines.txt"] = render_text(_report(2022, 1), "lines")
    out["02-consistent-2020-pipes.txt"] = render_text(
        _report(2020, 2, agency=OTHER_AGENCY), "pipes"
    )
    out["03-consistent-2023-paragraphs.txt"] = render_text(_report(2023, 3), "paragraphs")

    # 04: the 总计 of （一）予以公开 is one too high — the row and the 总计 column no longer add up.
    cells = _cells(2022, 4)
    ref = CellRef("t3", "granted", "total")
    cells[ref] = int(cells[ref] or 0) + 1
    out["04-t3-row-does-not-add-up-pipes.txt"] = render_text(_report(2022, 4, cells=cells), "pipes")

    # 05: the overview states the reporting period as the year before the report's.
    cells = _cells(2022, 5)
    texts = narrative(FORMATS["2021"], 2022, AGENCY, cells)
    texts["overview"] = "现将本局2021年度政府信息公开工作情况报告如下。\n" + texts["overview"]
    out["05-wrong-year-in-text-lines.txt"] = render_text(
        _report(2022, 5, cells=cells, texts=texts), "lines"
    )

    # 06: a cell of table 3 that should read 0 is left blank.
    cells = _cells(2023, 6)
    blank = CellRef("t3", "withheld.state_secret", "research")
    assert cells[blank] == 0, "the blank cell must be one that reads as 0"
    cells[blank] = None
    out["06-blank-cell-paragraphs.txt"] = render_text(_report(2023, 6, cells=cells), "paragraphs")

    # 07: a 2022 report printed with the superseded 2019 (试行) tables.
    cells = _cells(2022, 7, format_key="2019")
    texts = narrative(FORMATS["2021"], 2022, AGENCY, cells)
    texts["other"] = "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
    out["07-2019-tables-in-2022-report-lines.txt"] = render_text(
        _report(2022, 7, cells=cells, format_key="2019", texts=texts), "lines"
    )

    # 08: a paragraph of section 五 is pasted twice.
    cells = _cells(2021, 8)
    texts = narrative(FORMATS["2021"], 2021, AGENCY, cells)
    first = texts["problems"].splitlines()[1]
    texts["problems"] = texts["problems"] + "\n" + first
    out["08-duplicated-paragraph-pipes.txt"] = render_text(
        _report(2021, 8, cells=cells, texts=texts), "pipes"
    )

    # 09: the overview states more new applications than table 3 counts.
    cells = _cells(2024, 9)
    texts = narrative(FORMATS["2021"], 2024, AGENCY, cells)
    received = int(cells[CellRef("t3", "received", "total")] or 0)
    texts["overview"] = texts["overview"].replace(
        f"全年新收政府信息公开申请{received}件", f"全年新收政府信息公开申请{received + 5}件"
    )
    out["09-text-contradicts-table-paragraphs.txt"] = render_text(
        _report(2024, 9, cells=cells, texts=texts), "paragraphs"
    )
    assert set(out) == set(PLANTED)
    return out


def main() -> int:
    for name, text in generate().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"已生成 {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
