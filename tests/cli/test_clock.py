"""`gongkai deadline` and `gongkai calendar`, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.cli.main import main

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "src/gongkai/core/data/calendar-override.example.json"
)


@pytest.fixture(autouse=True)
def _no_override_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GONGKAI_CALENDAR_FILE", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse errors exit through parser.exit
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


RECEIVED = "2025-09-26"  # a Friday just before the 国庆节 holiday


def deadline(capsys: pytest.CaptureFixture[str], *options: str, as_of: str) -> tuple[int, str, str]:
    """`gongkai deadline` for a request received on ``RECEIVED``, seen on ``as_of``."""
    return run(capsys, "deadline", "--received", RECEIVED, *options, "--as-of", as_of)


def test_deadline_prints_the_due_date_and_how_it_was_computed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = deadline(capsys, as_of="2025-10-20")
    assert status == 0 and err == ""
    assert out.startswith("答复期限：2025年10月30日（周四）")
    assert "还剩8个工作日" in out
    assert "国庆节放假" in out and "调休上班日照常计入" in out


def test_deadline_json_has_the_due_date_the_flags_and_the_steps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = deadline(
        capsys,
        "--pause",
        "2025-10-13:2025-10-20",
        "--extend",
        "2025-10-21",
        "--json",
        as_of="2025-10-21",
    )
    assert status == 0
    document = json.loads(out)
    assert document["due"] == "2025-12-05"
    assert document["provisional"] is False
    assert document["workdays_left"] == 33  # 21 October itself is day 7 of 40
    assert document["limit"] == 40
    counted = sum(s["counted"] for s in document["steps"] if s["kind"] == "count")
    assert counted == 40
    assert any("第三十三条第二款" in s["text"] for s in document["steps"])


def test_deadline_restarts_after_a_correction_and_says_what_it_assumed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = deadline(capsys, "--correction-received", "2025-10-15", as_of="2025-10-16")
    assert status == 0
    assert "答复期限：2025年11月12日（周三）" in out
    assert "未指定 --correction-asked" in out


def test_deadline_by_online_channel_counts_from_the_confirmation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = deadline(
        capsys, "--channel", "网络", "--confirmed", "2025-09-28", as_of="2025-10-09"
    )
    assert status == 0 and "答复期限：2025年10月31日（周五）" in out


def test_deadline_with_a_fee_period_and_an_article_35_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = deadline(
        capsys, "--fee", "2025-10-13:2025-10-20", "--json", as_of="2025-10-21"
    )
    assert status == 0
    document = json.loads(out)
    assert document["due"] == "2025-11-07" and document["fee_payment_due"] == "2025-11-10"
    status, out, _ = deadline(capsys, "--custom-due", "2025-12-31", as_of="2025-10-21")
    assert status == 0 and "答复期限：2025年12月31日（周三）" in out and "第三十五条" in out


def test_a_deadline_in_an_unpublished_year_is_marked_provisional(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "deadline", "--received", "2026-12-20", "--as-of", "2026-12-21")
    assert status == 0 and "（暂定）" in out and "尚未公布放假安排" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["deadline"], "缺少 --received"),
        (["deadline", "--received", "2025-13-01"], "不是有效日期"),
        (
            ["deadline", "--received", "2025-09-26", "--pause", "2025-10-20:2025-10-13"],
            "开始之前结束",
        ),
        (["deadline", "--received", "2025-09-26", "--pause", "2025-10-20"], "开始日期:结束日期"),
        (["deadline", "--received", "2018-05-01"], "2019年1月1日"),
        (["deadline", "--received", "2025-09-26", "--channel", "飞鸽"], "取值无效"),
        (["deadline", "--received", "2025-09-26", "--bogus"], "无法识别的参数"),
        (["deadline", "--received", "2025-09-26", "--extend", "2025-11-20"], "第三十三条第二款"),
        (["calendar"], "请指定年份"),
        (["calendar", "1999"], "不在工作日历范围内"),
        (["calendar", "二〇二六"], "不是年份"),
    ],
)
def test_bad_arguments_get_one_chinese_line_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err and err.startswith("gongkai ")


def test_calendar_prints_a_year_month_by_month_with_holidays_and_makeup_days(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "calendar", "2026")
    assert status == 0
    assert out.startswith("2026年工作日历　来源：官方安排")
    assert "全年工作日248天" in out
    assert "  放假：10月1日至10月7日 国庆节" in out
    assert "  调休上班：1月4日（周日）元旦" in out
    assert " 4班" in out and " 1休" in out
    assert out.count("月（工作日") == 12


def test_calendar_of_a_provisional_year_warns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "2028")
    assert status == 0 and "尚未公布放假安排" in out


def test_calendar_check_reports_which_years_are_covered_and_how(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = run(capsys, "calendar", "--check")
    assert status == 0
    assert "2026年：官方安排" in out and "2027年至2050年：暂定" in out
    monkeypatch.setenv("GONGKAI_CALENDAR_FILE", str(EXAMPLE))
    status, out, _ = run(capsys, "calendar", "--check")
    assert "2027年：管理员录入" in out and "2028年至2050年：暂定" in out


def test_a_broken_override_file_is_one_chinese_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "calendar.json"
    broken.write_text(
        '{"years": {"2027": {"holidays": [{"name": "春节", "start": "2027-02-31"}]}}}'
    )
    status, _, err = run(capsys, "calendar", "--check", "--calendar-file", str(broken))
    assert status == 2 and "2027年第1个放假段" in err and len(err.strip().splitlines()) == 1
