"""The government's 年报 column (issue 14 item 4): its own published reports, and its agencies'
published reports of a year summed cell by cell (tables 二–四 by the report-data.md keys), saying
who is included and who is missing and why."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from gongkai.web.portal.consolidated import consolidate
from gongkai.web.reports import services
from gongkai.web.reports.models import PublishedReport

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 20)
COLUMNS = ("natural", "commercial", "research", "nonprofit", "legal", "other", "total")


def publish(district, agency, officer, reviewer):
    draft = services.draft_open(acting_user=officer, agency=agency, year=2025)
    draft = services.draft_save(
        acting_user=officer,
        draft=draft,
        revision=draft.revision,
        problems="一是政策解读形式较为单一。下一步将加强培训，完善制度。",
        other="无其他需要报告的事项。",
    )
    draft = services.draft_submit(acting_user=officer, draft=draft, revision=draft.revision)
    draft = services.draft_approve(acting_user=reviewer, draft=draft)
    draft = services.draft_sign(acting_user=reviewer, draft=draft, leader="李局长")
    return services.draft_publish(
        acting_user=district.office, draft=draft, published_on=dt.date(2026, 1, 15), today=TODAY
    )


def by_hand(agency, *, version=1, tables=None, fmt="2021"):
    """A published version whose tables are set directly (the shape the reports app writes)."""
    return PublishedReport.objects.create(
        agency=agency,
        year=2025,
        version=version,
        published_on=dt.date(2026, 1, 10 + version),
        deadline=dt.date(2026, 1, 31),
        document={"format": fmt, "tables": tables} if tables is not None else {},
    )


def t3(received_natural, granted_natural):
    rows = {
        "received": dict.fromkeys(COLUMNS, 0),
        "granted": dict.fromkeys(COLUMNS, 0),
    }
    rows["received"].update(natural=received_natural, total=received_natural)
    rows["granted"].update(natural=granted_natural, total=granted_natural)
    return rows


def cell(result, table, label_part, column=0):
    grid = next(g for g in result.grids if g.key == table)
    line = next(line for line in grid.lines if label_part in line.label)
    return line.cells[column]


def test_the_tables_are_summed_cell_by_cell_and_the_missing_are_named(client, district):
    real = publish(district, district.dept_a, district.officer_a, district.reviewer_a)
    real_t3 = real.document["tables"]["t3"]
    # 卫健委: an older version and a correction; only the latest counts.
    by_hand(district.dept_b, version=1, tables={"t2": {}, "t3": t3(100, 100), "t4": {}})
    by_hand(
        district.dept_b,
        version=2,
        tables={
            "t2": {"normative_docs.issued": 2, "fees.amount_wan": 1.25},
            "t3": t3(5, 3),
            "t4": {"review.corrected": 1, "review.total": 1},
        },
    )
    # 东风街道: an imported earlier report without tables.
    by_hand(district.street, tables=None)

    result = consolidate(government=district.gov, year=2025)
    assert {m.agency for m in result.included} == {district.dept_a, district.dept_b}
    assert [(m.agency, "机器可读" in m.reason) for m in result.missing] == [(district.street, True)]
    natural = lambda row: real_t3[row]["natural"] or 0  # noqa: E731
    assert cell(result, "t3", "本年新收") == natural("received") + 5
    assert cell(result, "t3", "予以公开") == natural("granted") + 3
    assert cell(result, "t3", "本年新收", column=6) == (real_t3["received"]["total"] or 0) + 5
    assert cell(result, "t2", "行政规范性文件 · 本年制发件数") == 2 + (
        real.document["tables"]["t2"]["normative_docs.issued"] or 0
    )
    assert str(cell(result, "t2", "万元")).startswith("1.25")
    assert cell(result, "t4", "行政复议 · 结果纠正") == 1

    url = reverse("portal:consolidated", args=[district.gov.code, 2025])
    html = client.get(url).content.decode()
    assert "已计入（2个）" in html and "示例区卫生健康委员会（第2版" in html
    assert "未计入（1个）" in html and "示例区东风街道办事处：已发布的报告没有机器可读" in html
    assert '<meta name="ArticleTitle"' in html
    # The government's 年报 column links to it; a department's column has no consolidation.
    reports = client.get(reverse("portal:reports", args=[district.gov.code])).content.decode()
    assert url in reports
    assert (
        client.get(reverse("portal:consolidated", args=[district.dept_a.code, 2025])).status_code
        == 404
    )
    assert (
        client.get(reverse("portal:consolidated", args=[district.gov.code, 2010])).status_code
        == 404
    )


def test_a_year_without_any_report_lists_every_agency_as_missing(district):
    result = consolidate(government=district.gov, year=2025)
    assert result.included == []
    assert {m.agency for m in result.missing} == {district.dept_a, district.dept_b, district.street}
    assert all(m.reason == "未在本平台发布该年度报告" for m in result.missing)
    assert all(v == 0 for g in result.grids for line in g.lines for v in line.cells)


def test_the_governments_own_report_is_listed_and_not_added_in(client, district):
    own = publish(district, district.gov, district.officer_gov, district.office)
    by_hand(district.dept_b, tables={"t2": {}, "t3": t3(4, 4), "t4": {}})
    result = consolidate(government=district.gov, year=2025)
    assert district.gov not in [m.agency for m in result.members]
    html = client.get(reverse("portal:reports", args=[district.gov.code])).content.decode()
    assert own.files.get(kind="pdf").sha256 in html
    assert re.search(r"2025年度所属机关年度报告汇总表", html)
