"""Every output of every demo agency's generated report, for both closed years of a district in
the 2019 format's years and of one in the 2021 format's, read back by the checker: the same year,
agency and format, identical cells, and no finding at all."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache

import jsonschema
import pytest

from gongkai.core.annual import AgencyInfo, OfficerText, ProactiveFacts, RequestFees, compose, render
from gongkai.core.annual.json_render import schema
from gongkai.core.checks import check_report
from gongkai.core.demo import AgencyLevel, generate_district
from gongkai.core.demo.facts import agency_records
from gongkai.core.export import json_number
from gongkai.core.parsing import read_report
from gongkai.core.yearend import count_year

DISTRICTS = ((2020, 2021), (2024, 2025))  # 2019 format, then 2019 → 2021; 2021 format twice
TEXT = OfficerText(
    overview={"platform": "本机关依托政府门户网站政府信息公开专栏集中发布法定主动公开内容。"},
    problems="一是政策解读形式较为单一。二是答复文书规范化水平有待提升。下一步将加强业务培训，完善工作制度。",
    other="无其他需要报告的事项。",
)


@cache
def _district(years: tuple[int, int]):
    return generate_district(seed=0, years=years)


def _reports():
    for years in DISTRICTS:
        district = _district(years)
        for agency in district.agencies:
            for year in years:
                yield years, agency.key, year


@cache
def _compose(years: tuple[int, int], key: str, year: int):
    district = _district(years)
    agency = district.agency(key)
    government = agency.level is AgencyLevel.GOVERNMENT
    counted = count_year(
        agency_records(district, key), year=year, agency=agency.name, is_government_report=government
    )
    report = compose(
        counted,
        agency=AgencyInfo(
            name=agency.name,
            is_government=government,
            office_name=agency.office.name,
            address=agency.office.address,
            phone=agency.office.phone,
            email=agency.office.email,
        ),
        proactive=ProactiveFacts(total=12, by_channel=(("政府门户网站", 12), ("政务新媒体", 5))),
        fees=RequestFees(notices=2, paid=1, amount=Decimal("150")),
        text=TEXT,
        published=dt.date(year + 1, 1, 20),
    )
    return counted, report


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "pdf"])
def test_every_output_reads_back_identical_with_no_finding(kind):
    for years, key, year in _reports():
        counted, report = _compose(years, key, year)
        read = read_report(render(report, kind), f"{key}-{year}.{kind}")
        where = f"{report.agency.name} {year} {kind}"
        assert (read.year, read.agency, read.format_key) == (
            year,
            report.agency.name,
            counted.format.key,
        ), where
        assert {r: c.value for r, c in read.cells.items()} == {
            r: c.value for r, c in counted.report.cells.items()
        }, where
        assert check_report(read) == [], where


def test_the_json_document_is_valid_against_the_published_schema_and_holds_the_cells():
    for years, key, year in _reports():
        counted, report = _compose(years, key, year)
        document = json.loads(render(report, "json"))
        jsonschema.validate(document, schema())
        for ref, cell in counted.report.cells.items():
            table = document["tables"][ref.table]
            value = table[ref.row][ref.column] if ref.table == "t3" else table[ref.key]
            assert value == json_number(cell.value), (key, year, ref)


def test_the_schema_rejects_a_document_with_an_unknown_cell():
    _counted, report = _compose(DISTRICTS[1], "gov", 2025)
    document = json.loads(render(report, "json"))
    document["tables"]["t4"]["review.won"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema())
