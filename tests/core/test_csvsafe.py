"""CSV/formula injection (issue 13, item 5): no exported cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from gongkai.core.csvsafe import SafeWriter, neutralise


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("x")'],
)
def test_text_a_spreadsheet_would_evaluate_gets_a_leading_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["张三", "a=b", "", "-3", "+1.5", "2025-03-03", 7, None])
def test_ordinary_values_and_plain_numbers_pass_unchanged(value):
    assert neutralise(value) == value


def test_the_safe_writer_neutralises_every_field():
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(["=1+1", "李四", -5])
    writer.writerows([["@x", "-4"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["'=1+1", "李四", "-5"],
        ["'@x", "-4"],
    ]
