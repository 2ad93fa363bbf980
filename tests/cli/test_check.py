"""`gongkai check` as a user meets it: files and folders in, findings out, the exit status of
report-data.md, one Chinese line per unreadable input, and no hang.

These tests stand the parser and the checker in with a small fake engine, so that they exercise
the command itself (collection, worker processes, time limit, output formats) whatever the
reader makes of a file; ``test_check_examples.py`` runs the real engine on real files.
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys
import threading
import time
import types
import warnings
from pathlib import Path

import pytest

from gongkai.cli import check as cli_check
from gongkai.cli.main import main
from gongkai.core.errors import UnreadableInput
from gongkai.core.export import csv_header
from gongkai.core.findings import Finding
from gongkai.core.render.synthetic import random_report
from gongkai.core.report import Report


def fake_read_path(path: str | os.PathLike[str], previous: Report | None = None) -> Report:
    """Reads the instructions a test wrote into the file instead of a report (``previous``, as
    ``read_path`` takes it, is not used by the fake)."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    if not text:
        raise UnreadableInput("文件是空的")
    if "HANG" in text:
        time.sleep(60)
    if "CRASH" in text:
        os._exit(7)
    if "BUG" in text:
        raise KeyError("bug")
    if "NOT-A-REPORT" in text:
        raise UnreadableInput("不是政府信息公开工作年度报告")
    return random_report(random.Random(len(text)), year=2022)


def fake_check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    text = Path(report.path).read_text(encoding="utf-8") if Path(report.path).exists() else ""
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("finding "):
            findings.append(Finding(line.split()[1], f"第{number}行的问题", line=number))
    if previous is not None:
        findings.append(Finding("carryover", "上年结转与上一年度报告不一致"))
    return findings


def install_fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    parsing = types.ModuleType("gongkai.core.parsing")
    parsing.read_path = fake_read_path  # type: ignore[attr-defined]
    checks = types.ModuleType("gongkai.core.checks")
    checks.check_report = fake_check_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.core.parsing", parsing)
    monkeypatch.setitem(sys.modules, "gongkai.core.checks", checks)


REAL_CHECK_FILE = cli_check.check_file
REAL_READ_ONLY = cli_check.read_only


def fake_check_file(name: str, path: str, previous: str | None) -> cli_check.Outcome:
    """The command's task with the fake engine, also in a worker that a fork server started
    (it does not inherit this process's patched modules; it imports this module by name)."""
    with pytest.MonkeyPatch.context() as patch:
        install_fakes(patch)
        return REAL_CHECK_FILE(name, path, previous)


def fake_read_only(name: str, path: str) -> cli_check.Outcome:
    with pytest.MonkeyPatch.context() as patch:
        install_fakes(patch)
        return REAL_READ_ONLY(name, path)


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fakes(monkeypatch)
    monkeypatch.setattr(cli_check, "check_file", fake_check_file)
    monkeypatch.setattr(cli_check, "read_only", fake_read_only)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_report_exits_0_and_says_so(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\n")
    assert main(["check", "a.txt"]) == 0
    out = capsys.readouterr().out
    assert "a.txt" in out and "未发现问题" in out
    assert out.rstrip().endswith("检查了1份报告：0份有错误，共0个错误、0个警告")


def test_findings_are_grouped_by_file_with_line_severity_and_code(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\nfinding t3-row-sum\nfinding blank-cell\n")
    write(folder / "b.txt", "report\nfinding duplicate-paragraph\n")
    assert main(["check", "a.txt", "b.txt"]) == 1
    out = capsys.readouterr().out
    a, b = out.index("a.txt"), out.index("b.txt")
    assert a < out.index("[t3-row-sum]") < b < out.index("[duplicate-paragraph]")
    assert "第2行" in out and "错误" in out and "警告" in out
    assert "检查了2份报告：1份有错误，共1个错误、2个警告" in out


def test_a_folder_is_searched_recursively_for_report_files_only(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("r/a.txt", "r/sub/b.HTML", "r/sub/deeper/c.htm", "r/d.docx", "r/e.pdf"):
        write(folder / name, "report\n")
    write(folder / "r/notes.md", "finding t3-row-sum\n")
    assert main(["check", "r"]) == 0
    out = capsys.readouterr().out
    assert "检查了5份报告" in out and "notes.md" not in out
    assert out.index("a.txt") < out.index("d.docx") < out.index("b.HTML")  # sorted paths


def test_an_empty_folder_and_a_missing_file_are_each_one_line_on_stderr(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "nothing").mkdir()
    write(folder / "a.txt", "report\n")
    assert main(["check", "nothing", "missing.txt", "a.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "nothing：目录中没有可检查的报告文件（.txt、.htm、.html、.docx、.pdf、.json）",
        "missing.txt：文件不存在，请检查路径",
    ]
    assert "检查了1份报告" in captured.out  # the readable file is still checked


def test_unreadable_inputs_give_one_chinese_line_each_and_the_rest_is_still_checked(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "empty.txt", "")
    write(folder / "bug.txt", "BUG\n")
    write(folder / "crash.txt", "CRASH\n")
    write(folder / "other.txt", "NOT-A-REPORT\n")
    write(folder / "good.txt", "report\nfinding t4-sum\n")
    status = main(["check", "empty.txt", "bug.txt", "crash.txt", "other.txt", "good.txt"])
    captured = capsys.readouterr()
    assert status == 2
    lines = captured.err.splitlines()
    assert len(lines) == 4 and "Traceback" not in captured.err
    assert lines[0] == "empty.txt：文件是空的"
    assert lines[1].startswith("bug.txt：读取或检查时出错（KeyError）")
    assert lines[2].startswith("crash.txt：") and "意外退出" in lines[2]
    assert lines[3] == "other.txt：不是政府信息公开工作年度报告"
    assert "[t4-sum]" in captured.out and "4个文件无法读取" in captured.out


def test_a_file_that_hangs_is_given_up_after_the_time_limit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "hang.txt", "HANG\n")
    write(folder / "good.txt", "report\n")
    started = time.monotonic()
    assert main(["check", "hang.txt", "good.txt", "--timeout", "1"]) == 2
    assert time.monotonic() - started < 20
    captured = capsys.readouterr()
    assert captured.err.startswith("hang.txt：处理超过1秒仍未完成")
    assert "检查了1份报告" in captured.out


def test_a_file_far_larger_than_any_report_is_refused_before_reading(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50_000_000)
    assert main(["check", "huge.txt"]) == 2
    assert capsys.readouterr().err.startswith("huge.txt：文件过大（50.0 MB")


def test_json_is_exactly_the_document_of_the_contract(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\nfinding year-mismatch\n")
    write(folder / "empty.txt", "")
    assert main(["check", "a.txt", "empty.txt", "--json"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["reports"] and len(document["reports"]) == 1
    report = document["reports"][0]
    assert list(report) == ["path", "year", "agency", "format", "tables", "findings"]
    assert report["path"] == "a.txt" and report["year"] == 2022 and report["format"] == "2021"
    assert set(report["tables"]) == {"t2", "t3", "t4"}
    assert isinstance(report["tables"]["t3"]["received"]["total"], int)
    assert report["findings"] == [
        {"code": "year-mismatch", "severity": "error", "line": 2, "message": "第2行的问题"}
    ]


def test_csv_has_one_row_per_readable_report_under_the_full_header(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\nfinding t3-balance\nfinding t3-balance\n")
    write(folder / "b.txt", "report\n")
    assert main(["check", "a.txt", "b.txt", "--csv", "out.csv"]) == 1
    with open(folder / "out.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == csv_header()
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["path"] for r in table] == ["a.txt", "b.txt"]
    assert table[0]["t3-balance"] == "2" and table[0]["errors"] == "2"
    assert table[0]["t3.received.total"].isdigit() and table[0]["t2.rules.made"] == ""
    assert "检查了2份报告" in capsys.readouterr().out  # the CSV comes in addition to the listing


def test_an_unwritable_csv_is_one_line_and_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\n")
    assert main(["check", "a.txt", "--csv", "no/such/dir/out.csv"]) == 2
    assert capsys.readouterr().err.startswith("no/such/dir/out.csv：无法写入CSV文件")


def test_two_jobs_check_everything_and_keep_the_input_order(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [f"r{i:02}.txt" for i in range(12)]
    for i, name in enumerate(names):
        write(folder / name, "report\n" + ("finding t4-sum\n" if i % 3 == 0 else ""))
    write(folder / "hang.txt", "HANG\n")
    assert main(["check", *names, "hang.txt", "--jobs", "2", "--timeout", "2", "--json"]) == 2
    paths = [r["path"] for r in json.loads(capsys.readouterr().out)["reports"]]
    assert paths == names


def test_jobs_0_means_one_process_per_core_and_negative_jobs_are_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\n")
    assert main(["check", "a.txt", "--jobs", "0"]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["check", "a.txt", "--jobs", "-1"])
    assert exc.value.code == 2
    assert "进程数不能为负数" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("last", "status", "err", "carried_over"),
    [
        pytest.param("last year\n", 0, "", True, id="read-once-and-passed-to-the-checker"),
        pytest.param(
            "", 2, "last.txt（上一年度报告）：文件是空的\n", False, id="unreadable-is-reported"
        ),
    ],
)
def test_the_previous_report_is_passed_to_the_checker_or_reported_and_left_out(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    last: str,
    status: int,
    err: str,
    carried_over: bool,
) -> None:
    """A readable previous report is read once and passed to the checker; an unreadable one is
    reported and the check goes on without it."""
    write(folder / "this.txt", "report\n")
    write(folder / "last.txt", last)
    assert main(["check", "this.txt", "--previous", "last.txt"]) == status
    captured = capsys.readouterr()
    assert captured.err == err
    assert "检查了1份报告" in captured.out
    assert ("[carryover]" in captured.out) is carried_over


def test_without_a_time_limit_a_single_job_runs_in_this_process(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(folder / "a.txt", "report\nfinding t3-row-sum\n")
    assert main(["check", "a.txt", "--timeout", "0"]) == 1
    assert "[t3-row-sum]" in capsys.readouterr().out


def test_no_progress_bar_when_standard_error_is_not_a_terminal(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(25):
        write(folder / f"r/{i:02}.txt", "report\n")
    assert main(["check", "r"]) == 0
    assert capsys.readouterr().err == ""


def test_csv_cells_cannot_run_as_formulas(folder: Path) -> None:
    write(folder / "=1+2.txt", "report\n")
    main(["check", "=1+2.txt", "--csv", "out.csv"])
    with open(folder / "out.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "'=1+2.txt"


def test_workers_are_not_forked_from_a_process_that_runs_other_threads(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Python warns (DeprecationWarning) when a multi-threaded process forks: the child may
    # deadlock on a lock another thread held. The runner then starts its workers otherwise,
    # and the check still reads every file, in order, with its time limit.
    names = [f"r{i:02}.txt" for i in range(6)]
    for i, name in enumerate(names):
        write(folder / name, "report\n" + ("finding t4-sum\n" if i % 2 else ""))
    write(folder / "hang.txt", "HANG\n")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DeprecationWarning)
            status = main(["check", *names, "hang.txt", "--jobs", "2", "--timeout", "3", "--json"])
    finally:
        stop.set()
        other.join()
    assert not [w for w in caught if "fork()" in str(w.message)]
    assert status == 2
    captured = capsys.readouterr()
    reports = json.loads(captured.out)["reports"]
    assert [r["path"] for r in reports] == names, captured.err
    assert [bool(r["findings"]) for r in reports] == [bool(i % 2) for i in range(6)]
    assert captured.err.startswith("hang.txt：处理超过3秒仍未完成")
