"""``gongkai check``: check published annual reports (条例第四十九条、第五十条).

Thin on purpose: reading is ``gongkai.core.parsing.read_path``, checking is
``gongkai.core.checks.check_report``, the JSON and CSV come from ``gongkai.core.export``. This
module finds the files, runs them in worker processes under a time limit, and prints.

Exit status (report-data.md): 0 when no report has an error finding, 1 when at least one has,
2 when an input could not be read at all (one line "文件名：原因" on standard error; every other
input is still checked).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from gongkai.core.csvsafe import SafeWriter
from gongkai.core.errors import GongkaiError
from gongkai.core.export import csv_header, csv_row, json_document, report_json
from gongkai.core.findings import Finding, Severity
from gongkai.core.report import Report

SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf", ".json")
# Larger than any real report: text and HTML reports are a few hundred KB, Word and PDF files
# with pictures a few dozen MB.
MAX_BYTES = {".txt": 20_000_000, ".htm": 20_000_000, ".html": 20_000_000, ".json": 20_000_000}
MAX_BYTES_DEFAULT = 200_000_000
DEFAULT_TIMEOUT = 30.0
PROGRESS_MIN_FILES = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="检查政府信息公开工作年度报告",
        description=(
            "检查政府信息公开工作年度报告（.txt、.htm、.html、.docx、.pdf，以及gongkai发布的"
            "机器可读版本.json）：表格勾稽关系、年度、格式版本、正文与表格是否一致等。"
            "目录会递归查找其中的报告文件（.json只取gongkai年度报告JSON）。"
            "退出状态：0 没有错误；1 至少一份报告有错误；2 有文件无法读取。"
        ),
    )
    parser.add_argument("files", nargs="+", metavar="文件", help="报告文件或目录")
    parser.add_argument(
        "--previous",
        metavar="文件",
        help="上一年度的报告：核对上年结转、现行有效件数和文字雷同",
    )
    parser.add_argument(
        "--json", action="store_true", help="在标准输出打印JSON（格式见 report-data.md）"
    )
    parser.add_argument(
        "--csv", metavar="输出文件", help="另存一份CSV：每份报告一行，含全部单元格和问题数"
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="并行检查的进程数（默认1；0表示CPU核数）",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="秒",
        help=f"每个文件的时限，超时按无法读取处理（默认{DEFAULT_TIMEOUT:g}秒）",
    )
    parser.set_defaults(handler=run)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError("进程数不能为负数")
    if value == 0:
        affinity = getattr(os, "sched_getaffinity", None)
        return len(affinity(0)) if affinity else os.cpu_count() or 1
    return value


# --- Finding the inputs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    name: str  # as shown to the user (the argument, or the path found under a directory)
    path: Path | None
    error: str | None = None  # why it cannot even be opened


def collect(arguments: Sequence[str]) -> list[Input]:
    """Files named on the command line, and report files found under directories."""
    inputs: list[Input] = []
    seen: set[Path] = set()

    def add(name: str, path: Path) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        inputs.append(_checked_input(name, path))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and _report_file(p)
            )
            if not found:
                inputs.append(
                    Input(argument, None, f"目录中没有可检查的报告文件（{'、'.join(SUFFIXES)}）")
                )
            for file in found:
                add(str(file), file)
        elif path.exists():
            add(argument, path)
        else:
            inputs.append(Input(argument, None, "文件不存在，请检查路径"))
    return inputs


def _report_file(path: Path) -> bool:
    """Under a directory, a ``.json`` file is a report only when it is gongkai's annual-report
    JSON (its ``schema`` field comes first); other JSON files (a ``--json`` result) are skipped.
    A ``.json`` file named on the command line is always read, and refused with a reason."""
    if path.suffix.lower() != ".json":
        return True
    from gongkai.core.annual.json_render import SCHEMA_ID

    try:
        with path.open("rb") as handle:
            return SCHEMA_ID.encode() in handle.read(4096)
    except OSError:
        return True  # let the reader give its reason


def _checked_input(name: str, path: Path) -> Input:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Input(name, None, f"无法打开文件（{exc.strerror}）")
    limit = MAX_BYTES.get(path.suffix.lower(), MAX_BYTES_DEFAULT)
    if size > limit:
        return Input(
            name,
            None,
            f"文件过大（{size / 1_000_000:.1f} MB，上限{limit // 1_000_000} MB），"
            "不像一份年度报告，请确认文件是否正确",
        )
    return Input(name, path)


# --- Checking one file (runs in a worker process) ----------------------------------------------


@dataclass(frozen=True)
class Outcome:
    name: str
    error: str | None = None  # the one-line reason when the file could not be read
    year: int | None = None
    agency: str | None = None
    format_key: str | None = None
    findings: tuple[Finding, ...] = ()
    record: dict[str, object] | None = None  # report_json
    row: list[str] | None = None  # csv_row

    @property
    def has_error(self) -> bool:
        return any(f.level is Severity.ERROR for f in self.findings)


@functools.lru_cache(maxsize=1)
def _previous_report(path: str) -> Report:
    from gongkai.core.parsing import read_path

    report: Report = read_path(path)
    return report


def check_file(name: str, path: str, previous: str | None) -> Outcome:
    """Read and check one file; every failure becomes a Chinese one-line reason."""
    from gongkai.core.checks import check_report
    from gongkai.core.parsing import read_path

    try:
        last_year = _previous_report(previous) if previous else None
        read = read_path(path) if last_year is None else read_path(path, last_year)
        report = dataclasses.replace(read, path=name)
        findings = tuple(check_report(report, last_year))
    except GongkaiError as exc:
        return Outcome(name, error=str(exc) or "无法读取为年度报告")
    except PermissionError:
        return Outcome(name, error="没有读取该文件的权限")
    except OSError as exc:
        return Outcome(name, error=f"无法读取文件（{exc.strerror or exc}）")
    except MemoryError:
        return Outcome(name, error="文件过大，内存不足，无法读取")
    except RecursionError:
        return Outcome(name, error="文件结构嵌套过深，无法读取")
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        return Outcome(
            name,
            error=f"读取或检查时出错（{type(exc).__name__}），请把这个文件报告给gongkai的维护者",
        )
    return Outcome(
        name,
        year=report.year,
        agency=report.agency,
        format_key=report.format_key,
        findings=findings,
        record=report_json(report, findings),
        row=csv_row(report, findings),
    )


def read_only(name: str, path: str) -> Outcome:
    """Read a file without checking it (the --previous report)."""
    try:
        _previous_report(path)
    except GongkaiError as exc:
        return Outcome(name, error=str(exc) or "无法读取为年度报告")
    except OSError as exc:
        return Outcome(name, error=f"无法读取文件（{exc.strerror or exc}）")
    except Exception as exc:
        return Outcome(name, error=f"读取时出错（{type(exc).__name__}）")
    return Outcome(name)


# --- Running many files under a time limit -----------------------------------------------------

Task = tuple[Callable[..., Outcome], tuple[Any, ...]]


def _worker(conn: Connection) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if message is None:
            return
        index, (function, arguments) = message
        conn.send((index, _STARTED))  # the task is unpickled (its modules imported): time it now
        conn.send((index, function(*arguments)))


_STARTED = "started"
# A worker that has not even taken its task after this long (plus the time limit) is stuck
# starting: a fork server's worker imports the task's modules before it can start the clock.
_STARTUP_GRACE = 60.0


@dataclass
class _Process:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: tuple[int, float] | None = None  # (index, start time)
    started: bool = False  # the worker has taken the task: its time limit runs from then


def _threads() -> int:
    """This process's threads as the operating system counts them (as Python's warning about
    fork() in a multi-threaded process does), else as Python counts them."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[17])
    except (OSError, IndexError, ValueError):
        return threading.active_count()


# Imported once by the fork server, so that each worker it starts has the reader and checker.
_PRELOAD = ["gongkai.cli.check", "gongkai.core.parsing", "gongkai.core.checks"]


def _context() -> Any:  # a multiprocessing context (its Process class is not in the stubs)
    """Fork (fast) from a single-threaded process, as the command is when it starts its workers.
    A process that already runs other threads (a program embedding the runner, a test runner)
    must not fork: a thread holding a lock at the fork leaves the child deadlocked, and Python
    warns. Its workers come from a fork server (started single-threaded), else are spawned; the
    tasks are then pickled by reference, so they must be module-level functions."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def run_tasks(
    tasks: Sequence[Task],
    names: Sequence[str],
    *,
    jobs: int,
    timeout: float,
    done: Callable[[int, Outcome], None],
) -> None:
    """Run ``tasks`` in ``jobs`` worker processes; a task over ``timeout`` seconds is killed.

    With ``timeout <= 0`` and one job the tasks run in this process, without a time limit.
    """
    if not tasks:
        return
    if timeout <= 0 and jobs <= 1:
        for index, (function, arguments) in enumerate(tasks):
            done(index, function(*arguments))
        return
    limit = timeout if timeout > 0 else float("inf")
    context = _context()

    def start() -> _Process:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        child.close()
        return _Process(process, parent)

    pending = deque(enumerate(tasks))
    workers = [start() for _ in range(max(1, min(jobs, len(tasks))))]
    try:
        while pending or any(w.task for w in workers):
            for worker in workers:
                if worker.task is None and pending:
                    index, task = pending.popleft()
                    worker.conn.send((index, task))
                    worker.task = (index, time.monotonic())
                    worker.started = False
            busy = {w.conn: w for w in workers if w.task is not None}
            for conn in wait(list(busy), timeout=0.1):
                worker = busy[conn]  # type: ignore[index]
                assert worker.task is not None
                index = worker.task[0]
                try:
                    _, outcome = worker.conn.recv()
                    if outcome == _STARTED:
                        worker.task = (index, time.monotonic())
                        worker.started = True
                        continue
                except (EOFError, OSError):
                    outcome = Outcome(names[index], error="读取时处理进程意外退出，文件可能已损坏")
                    workers[workers.index(worker)] = _replace(worker, start)
                else:
                    worker.task = None
                done(index, outcome)
            now = time.monotonic()
            for position, worker in enumerate(workers):
                grace = 0.0 if worker.started else _STARTUP_GRACE
                if worker.task is not None and now - worker.task[1] > limit + grace:
                    index = worker.task[0]
                    workers[position] = _replace(worker, start)
                    done(
                        index,
                        Outcome(
                            names[index],
                            error=f"处理超过{timeout:g}秒仍未完成，已跳过"
                            "（文件可能损坏或过于复杂；可用 --timeout 放宽时限）",
                        ),
                    )
    finally:
        for worker in workers:
            _stop(worker)


def _replace(worker: _Process, start: Callable[[], _Process]) -> _Process:
    worker.process.kill()
    worker.process.join()
    worker.conn.close()
    return start()


def _stop(worker: _Process) -> None:
    with contextlib.suppress(OSError, ValueError):  # the worker may already be gone
        worker.conn.send(None)
    worker.process.join(timeout=1)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


# --- Output ------------------------------------------------------------------------------------

_LEVELS = {
    Severity.ERROR: ("✗ 错误", "bold red"),
    Severity.WARNING: ("! 警告", "yellow"),
    Severity.INFO: ("i 提示", "cyan"),
}


_TABLES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def _describe(outcome: Outcome) -> str:
    parts = []
    if outcome.agency:
        parts.append(outcome.agency)
    if outcome.year is not None:
        parts.append(f"{outcome.year}年度")
    if outcome.format_key:
        parts.append(f"{outcome.format_key}年版格式")
    return "，".join(parts) if parts else "年度、机关和格式均未识别"


def print_human(outcomes: Sequence[Outcome], unreadable: int) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    console = Console(file=sys.stdout, highlight=False, soft_wrap=True, emoji=False)
    for outcome in outcomes:
        head = Text(outcome.name, style="bold")
        head.append(f"（{_describe(outcome)}）", style="dim")
        console.print(head)
        if not outcome.findings:
            console.print(Text("  未发现问题", style="green"))
        for finding in outcome.findings:
            label, style = _LEVELS[finding.level]
            where = (
                f"第{finding.line}行"
                if finding.line is not None
                else _TABLES.get(finding.table or "", "—")
            )
            line = Text("  ")
            line.append(where + " " * max(1, 9 - cell_len(where)), style="dim")
            line.append(f"{label}  ", style=style)
            line.append(f"[{finding.code}] ", style="dim")
            line.append(finding.message)
            console.print(line)
        console.print()
    console.print(Text(summary(outcomes, unreadable), style="bold"))


def summary(outcomes: Sequence[Outcome], unreadable: int) -> str:
    """The summary line: 检查了N份报告：X份有错误，共E个错误、W个警告 (and unreadable files)."""
    errors = sum(f.level is Severity.ERROR for o in outcomes for f in o.findings)
    warnings = sum(f.level is Severity.WARNING for o in outcomes for f in o.findings)
    with_errors = sum(o.has_error for o in outcomes)
    text = f"检查了{len(outcomes)}份报告：{with_errors}份有错误，共{errors}个错误、{warnings}个警告"
    if unreadable:
        text += f"；{unreadable}个文件无法读取"
    return text


def _write_csv(target: str, outcomes: Sequence[Outcome]) -> str | None:
    try:
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = SafeWriter(handle)
            writer.writerow(csv_header())
            writer.writerows(o.row for o in outcomes if o.row is not None)
    except OSError as exc:
        return f"无法写入CSV文件（{exc.strerror or exc}）"
    return None


# --- The command -------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    inputs = collect(args.files)
    status = 0

    def complain(name: str, reason: str) -> None:
        nonlocal status
        print(f"{name}：{reason}", file=sys.stderr)
        status = 2

    previous: str | None = None
    if args.previous:
        previous_inputs = collect([args.previous])
        prev = previous_inputs[0]
        if prev.path is None or len(previous_inputs) != 1:
            complain(args.previous, prev.error or "--previous 只能是一个文件")
        else:
            results: list[Outcome] = []
            run_tasks(
                [(read_only, (prev.name, str(prev.path)))],
                [prev.name],
                jobs=1,
                timeout=args.timeout,
                done=lambda _, outcome: results.append(outcome),
            )
            if results[0].error:
                complain(f"{prev.name}（上一年度报告）", results[0].error)
            else:
                previous = str(prev.path)

    readable = [i for i in inputs if i.path is not None]
    tasks: list[Task] = [(check_file, (i.name, str(i.path), previous)) for i in readable]
    results_by_index: list[Outcome | None] = [None] * len(tasks)
    progress = _progress(len(tasks))

    def done(index: int, outcome: Outcome) -> None:
        results_by_index[index] = outcome
        if progress is not None:
            progress.advance()

    try:
        run_tasks(
            tasks, [i.name for i in readable], jobs=args.jobs, timeout=args.timeout, done=done
        )
    finally:
        if progress is not None:
            progress.close()

    outcomes = iter(results_by_index)
    checked: list[Outcome] = []
    unreadable = 0
    for item in inputs:
        outcome = next(outcomes) if item.path is not None else None
        reason = item.error or (outcome.error if outcome else None)
        if outcome is None and reason is None:
            reason = "未能完成检查"
        if reason is not None or outcome is None:
            complain(item.name, reason or "未能完成检查")
            unreadable += 1
        else:
            checked.append(outcome)

    if args.csv:
        problem = _write_csv(args.csv, checked)
        if problem:
            complain(args.csv, problem)
    try:
        if args.json:
            document = json_document(o.record for o in checked if o.record is not None)
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print_human(checked, unreadable)
        sys.stdout.flush()
    except BrokenPipeError:  # `gongkai check … | head`: the reader has gone, nothing to report
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    if status:
        return status
    return 1 if any(o.has_error for o in checked) else 0


class _Progress:
    """A rich progress bar on standard error."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._progress.add_task("检查中", total=total)
        self._started = False

    def advance(self) -> None:
        # Started on the first result, after the worker processes were forked: the bar's
        # refresh thread must not be running when a process forks.
        if not self._started:
            self._progress.start()
            self._started = True
        self._progress.advance(self._task)

    def close(self) -> None:
        if self._started:
            self._progress.stop()


def _progress(total: int) -> _Progress | None:
    if total > PROGRESS_MIN_FILES and sys.stderr.isatty():
        return _Progress(total)
    return None
