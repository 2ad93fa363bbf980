"""`gongkai check` on the machine-readable JSON gongkai publishes (issue 11: "downloads its DOCX,
PDF and JSON, and `gongkai check` on each gives 0 errors"): the JSON reads back as the same
report as the printed outputs, a broken table in it is found with its cell keys, and a JSON of
another shape is refused with a Chinese reason and exit status 2."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import json
import random
from pathlib import Path

import pytest

from gongkai.cli.main import main
from gongkai.core.annual import render
from gongkai.core.annual.json_render import render_json_bytes
from gongkai.core.checks import check_report
from gongkai.core.errors import UnreadableInput
from gongkai.core.parsing import read_path, read_report
from gongkai.core.parsing.json_report import read_json_report
from gongkai.core.report import CellRef

from .test_annual_roundtrip import DISTRICTS, _compose

# One report in the 2019 format (a department), one in the 2021 format (the district government).
CASES = ((DISTRICTS[0], "jyj", 2020), (DISTRICTS[1], "gov", 2025))


def _check_json(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, dict, str]:
    status = main(["check", "--json", "--timeout", "0", *map(str, files)])
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


@pytest.mark.parametrize(("years", "key", "year"), CASES)
def test_the_json_checks_as_the_same_report_as_the_printed_outputs_with_no_finding(
    years, key, year, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counted, report = _compose(years, key, year)
    kinds = ("json", "txt", "html") + (("docx", "pdf") if key == "gov" else ())
    files = []
    for kind in kinds:
        path = tmp_path / f"{key}-{year}.{kind}"
        path.write_bytes(render(report, kind))
        files.append(path)
    status, document, err = _check_json(capsys, *files)
    assert (status, err) == (0, "")
    records = document["reports"]
    assert [Path(r["path"]).suffix for r in records] == [f".{k}" for k in kinds]
    first = records[0]
    assert (first["year"], first["agency"], first["format"]) == (
        year,
        report.agency.name,
        counted.format.key,
    )
    assert first["findings"] == []
    for other in records[1:]:
        assert {k: other[k] for k in ("year", "agency", "format", "tables", "findings")} == {
            k: first[k] for k in ("year", "agency", "format", "tables", "findings")
        }, other["path"]
    read = read_path(files[0])
    assert {r: c.value for r, c in read.cells.items()} == {
        r: c.value for r, c in counted.report.cells.items()
    }


def test_the_json_narrative_is_read_in_reading_order_with_the_footnotes() -> None:
    _counted, composed = _compose(*CASES[1])
    note = CellRef("t3", "carried_in", "total")
    report = dataclasses.replace(composed, footnotes={note: "含上年度误计入的2件。"})
    publication = {"version": 1, "published_at": report.published.isoformat()}
    read = read_report(render_json_bytes(report, publication=publication), "gov.json")
    printed = read_report(render(report, "txt"), "gov.txt")
    assert (read.title, read.published) == (report.title, report.published)
    assert [s.key for s in read.sections] == [s.key for s in printed.sections]
    assert read.narrative == printed.narrative
    assert "含上年度误计入的2件。" in read.section("requests").text
    assert read.is_government_report


def test_the_publication_date_of_the_json_is_the_report_date_and_is_checked() -> None:
    _counted, report = _compose(*CASES[1])
    on_time = render_json_bytes(report, publication={"version": 1, "published_at": "2026-03-20"})
    assert read_report(on_time, "gov.json").published == dt.date(2026, 3, 20)
    late = render_json_bytes(report, publication={"version": 1, "published_at": "2026-04-08"})
    findings = check_report(read_report(late, "gov.json"))
    assert [f.code for f in findings] == ["late-publication"]


def test_a_row_that_no_longer_adds_up_is_reported_with_its_cell_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _counted, report = _compose(*CASES[1])
    document = json.loads(render(report, "json"))
    document["tables"]["t3"]["granted"]["natural"] += 3
    path = tmp_path / "gov-2025.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, result, _err = _check_json(capsys, path)
    assert status == 1
    findings = result["reports"][0]["findings"]
    row_sum = [f for f in findings if f["code"] == "t3-row-sum"]
    assert row_sum == [
        {
            "code": "t3-row-sum",
            "severity": "error",
            "table": "t3",
            "row": "granted",
            "column": "total",
            "message": row_sum[0]["message"],
        }
    ]
    natural = document["tables"]["t3"]["granted"]["natural"]
    assert f"自然人 {natural}" in row_sum[0]["message"]
    assert {"t3-outcome-sum", "t3-balance"} & {f["code"] for f in findings}


def test_a_generated_sentence_that_contradicts_its_table_is_found() -> None:
    _counted, report = _compose(*CASES[1])
    document = json.loads(render(report, "json"))
    total = document["tables"]["t3"]["received"]["total"]
    for heading in document["sections"]["overview"]["headings"]:
        for sentence in heading["generated_sentences"]:
            sentence["text"] = sentence["text"].replace(f"{total}件", f"{total + 7}件")
    data = json.dumps(document, ensure_ascii=False).encode()
    findings = check_report(read_report(data, "gov.json"))
    assert "text-table-mismatch" in {f.code for f in findings}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: {"reports": []}, "不是gongkai生成的年度报告JSON"),
        (lambda d: [d], "不是gongkai生成的年度报告JSON"),
        (lambda d: {**d, "year": "2025"}, "“year”类型应为整数"),
        (lambda d: {k: v for k, v in d.items() if k != "tables"}, "缺少字段“tables”"),
        (
            lambda d: {**d, "tables": {**d["tables"], "t4": {"review.won": 1}}},
            "“tables.t4”中的“review.won”不是本格式的单元格",
        ),
        # a cell of the 2021 format in a document that says it is printed in the 2019 format
        (lambda d: {**d, "format": "2019"}, "中的单元格（format为“2019”）"),
        (
            lambda d: {**d, "footnotes": [{"cell": "t4.review.upheld_x", "text": "说明"}]},
            "“footnotes[0].cell”指向的单元格“t4.review.upheld_x”不在表格中",
        ),
    ],
)
def test_a_json_of_another_shape_is_refused_with_a_chinese_reason(change, reason) -> None:
    _counted, report = _compose(*CASES[1])
    document = change(json.loads(render(report, "json")))
    with pytest.raises(UnreadableInput) as refused:
        read_json_report(json.dumps(document, ensure_ascii=False).encode(), "x.json")
    assert reason in str(refused.value)


def test_unreadable_json_exits_2_with_one_chinese_line_and_the_rest_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _counted, report = _compose(*CASES[1])
    good = tmp_path / "good.json"
    good.write_bytes(render(report, "json"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": ', encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"reports": []}', encoding="utf-8")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"标题": "年度报告"}'.encode("gb18030"))
    status = main(["check", "--timeout", "0", str(good), str(broken), str(other), str(gbk)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.splitlines() == [
        f"{broken}：JSON格式错误（第1行第12列），无法解析；请使用gongkai导出的年度报告JSON原文件",
        f"{other}：不是gongkai生成的年度报告JSON（缺少“schema”字段或其值不是"
        "“https://gongkai.example/schema/annual-report/1.json”），"
        "只能检查gongkai发布的年度报告机器可读版本",
        f"{gbk}：JSON文件应为UTF-8编码，无法按UTF-8读取",
    ]
    assert "检查了1份报告：0份有错误" in captured.out


def test_a_folder_holds_our_json_reports_and_skips_other_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _counted, report = _compose(*CASES[1])
    (tmp_path / "gov-2025.json").write_bytes(render(report, "json"))
    (tmp_path / "result.json").write_text('{"reports": []}', encoding="utf-8")
    status, document, err = _check_json(capsys, tmp_path)
    assert (status, err) == (0, "")
    assert [Path(r["path"]).name for r in document["reports"]] == ["gov-2025.json"]


def test_last_years_json_serves_as_previous_as_its_printed_text_does() -> None:
    years = DISTRICTS[1]
    read = {}
    for kind in ("json", "txt"):
        last = read_report(render(_compose(years, "jyj", 2024)[1], kind), f"2024.{kind}")
        this = read_report(render(_compose(years, "jyj", 2025)[1], kind), f"2025.{kind}")
        read[kind] = [(f.code, f.message) for f in check_report(this, last)]
    assert read["json"] == read["txt"]
    assert [code for code, _ in read["json"]] == ["reused-text"]  # the demo's 五 is the same


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*path, index)))
    return out


def test_a_damaged_json_is_read_or_refused_never_a_crash() -> None:
    """Random fields replaced by values of the wrong kind or removed: every document is either
    read and checked or refused with UnreadableInput (a fixed seed: the same documents each run)."""
    base = json.loads(render(_compose(*CASES[1])[1], "json"))
    paths = _paths(base)[1:]
    junk = [None, 0, -1, 1.5, "", "x", [], {}, True, 10**30, "2025-13-40", "t3.granted.total"]
    rng = random.Random(7)
    outcomes = {"read": 0, "refused": 0}
    for _ in range(400):
        document = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            *parents, last = rng.choice(paths)
            node = document
            with contextlib.suppress(KeyError, IndexError, TypeError):
                for key in parents:
                    node = node[key]
                if isinstance(node, dict) and rng.random() < 0.3:
                    node.pop(last, None)
                else:
                    node[last] = rng.choice(junk)
        data = json.dumps(document, ensure_ascii=False).encode()
        try:
            check_report(read_report(data, "damaged.json"))
        except UnreadableInput as refused:
            assert "JSON" in str(refused)
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["read"] and outcomes["refused"]
