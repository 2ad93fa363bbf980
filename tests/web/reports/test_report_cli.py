"""``gongkai report AGENCY YEAR --format … -o FILE`` on the installation's database."""

from __future__ import annotations

import json

import pytest

from gongkai.cli.main import main
from gongkai.core.parsing import read_path


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_report_by_code_writes_a_file_the_checker_reads(district, tmp_path, kind):
    out = tmp_path / f"r.{kind}"
    assert main(["report", "jyj", "2025", "--format", kind, "-o", str(out)]) == 0
    read = read_path(out)
    assert (read.year, read.agency, read.format_key) == (2025, "示例区教育局", "2021")


def test_report_by_name_as_json(district, tmp_path):
    out = tmp_path / "r.json"
    assert main(["report", "示例区卫生健康委员会", "2024", "--format", "json", "-o", str(out)]) == 0
    document = json.loads(out.read_text("utf-8"))
    assert document["year"] == 2024 and document["checks"]["ruleset"]


def test_an_unknown_or_ambiguous_agency_is_one_chinese_line(district, tmp_path, capsys):
    assert main(["report", "不存在的局", "2025", "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["report", "示例区", "2025", "-o", str(tmp_path / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert "没有找到机构“不存在的局”" in err and "对应多个机构" in err
