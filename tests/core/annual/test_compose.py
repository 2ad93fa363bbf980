"""Composition: every number of a generated sentence is the number of the cells it names, the
officer's text stays apart, section 五's reused sentences are flagged, carry-over differences are
found against last year's table 四, footnotes are tied to cells."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from gongkai.core.annual import AgencyInfo, OfficerText, RequestFees, compose, reused_sentences
from gongkai.core.annual.layout import document
from gongkai.core.report import CellRef, Report, cells_from
from gongkai.core.yearend import CaseFacts, RequestFacts, YearRecords, count_year

AGENCY = AgencyInfo(name="示例区教育局", office_name="区教育局办公室", phone="0999-1234567")


def _year_end(year=2025):
    d = dt.date
    requests = [
        RequestFacts(1, d(year, 3, 3), "natural", d(year, 3, 20), "granted"),
        RequestFacts(2, d(year, 4, 3), "natural", d(year, 4, 20), "partial"),
        RequestFacts(3, d(year, 5, 6), "commercial", d(year, 5, 26), "unable.not_held"),
        RequestFacts(4, d(year, 12, 20), "legal"),
        RequestFacts(5, d(year - 1, 12, 22), "natural", d(year, 1, 10), "other.no_fee_paid"),
    ]
    cases = [CaseFacts(1, "review", d(year, 6, 1), "upheld", d(year, 8, 1))]
    return count_year(YearRecords(requests=requests, cases=cases), year=year, agency=AGENCY.name)


def test_each_number_of_a_generated_sentence_is_the_sum_of_the_cells_it_names():
    counted = _year_end()
    report = compose(counted, agency=AGENCY)
    requests = next(h for h in report.overview if h.key == "requests")
    first = requests.generated[0]
    assert first.text == "本年度新收政府信息公开申请4件，上年结转政府信息公开申请1件。"
    assert first.cells == (CellRef("t3", "received", "total"), CellRef("t3", "carried_in", "total"))
    second = requests.generated[1]
    assert "本年度办结政府信息公开申请4件" in second.text
    assert "予以公开1件（占25.0%）" in second.text and "无法提供1件（占25.0%）" in second.text
    assert "其他处理1件（占25.0%）" in second.text and "结转下年度继续办理1件" in second.text
    # The first two sentences state their cells' numbers in order: none is typed.
    numbers = [int(n) for n in re.findall(r"(\d+)件", first.text)]
    assert numbers == [counted.report.cells[ref].number for ref in first.cells]
    assert second.cells[0] == CellRef("t3", "closed_total", "total")
    assert CellRef("t3", "carried_out", "total") in second.cells
    assert "行政复议1件（结果维持1件" in requests.generated[2].text


def test_officer_text_is_kept_apart_from_generated_sentences():
    report = compose(
        _year_end(),
        agency=AGENCY,
        text=OfficerText(overview={"requests": "我局畅通申请渠道。"}, problems="问题一。"),
    )
    parts = [(p.kind, p.text, p.generated) for p in document(report)]
    requests = parts.index(("heading", "（二）依申请公开", False))
    assert parts[requests + 1][2] is True  # the generated paragraph
    assert parts[requests + 2] == ("paragraph", "我局畅通申请渠道。", False)


def test_fees_in_section_six_come_from_the_fee_records_and_table_three():
    report = compose(
        _year_end(), agency=AGENCY, fees=RequestFees(notices=3, paid=2, amount=Decimal("230"))
    )
    text = "".join(s.text for s in report.other_generated)
    assert "收费通知3份，申请人按期缴费2份，共收取信息处理费230.00元" in text
    assert "因申请人逾期未缴纳信息处理费而不再处理的申请1份" in text
    none = compose(_year_end(), agency=AGENCY)
    assert "未收取信息处理费" in none.other_generated[0].text


def test_reused_sentences_of_section_five_are_flagged():
    last = "一是政策解读形式较为单一。二是队伍建设有待加强。"
    now = "一是政策解读形式较为单一。二是平台栏目设置需要优化调整。"
    assert reused_sentences(now, last) == ("一是政策解读形式较为单一。",)
    report = compose(
        _year_end(), agency=AGENCY, text=OfficerText(problems=now), previous_problems=last
    )
    assert report.reused == ("一是政策解读形式较为单一。",)
    assert report.previous_problems == last


def test_carry_over_is_compared_with_last_years_table_four_and_footnotes_explain_it():
    counted = _year_end()

    def last_year(total: int) -> Report:
        # Last year's table 四 as this year's 上年结转, with 总计 as given.
        carried = {
            CellRef("t3", "carried_out", ref.column): cell.value
            for ref, cell in counted.report.cells.items()
            if ref.row == "carried_in"
        }
        carried[CellRef("t3", "carried_out", "total")] = total
        return Report(
            path="last",
            year=2024,
            agency=AGENCY.name,
            published=None,
            format_key="2021",
            cells=cells_from(carried),
        )

    report = compose(counted, agency=AGENCY, previous=last_year(1))
    assert report.carryover_checked and report.carryover == ()
    changed = last_year(3)
    report = compose(counted, agency=AGENCY, previous=changed)
    assert [(c.column, c.this_year, c.last_year) for c in report.carryover] == [("total", 1, 3)]
    assert report.unexplained_carryover == report.carryover
    noted = compose(
        counted,
        agency=AGENCY,
        previous=changed,
        footnotes={CellRef("t3", "carried_in", "total"): "两件申请随职能划转移交"},
    )
    assert noted.unexplained_carryover == ()
    assert noted.footnote_lines("t3") == (
        "注①：表三“二、上年结转政府信息公开申请数量”“总计”栏：两件申请随职能划转移交",
    )


def test_opening_states_basis_period_and_contact():
    report = compose(_year_end(), agency=AGENCY)
    assert "国办公开办函〔2021〕30号" in report.opening
    assert "自2025年1月1日起至2025年12月31日止" in report.opening
    assert "请与区教育局办公室联系（电话：0999-1234567）" in report.opening
    assert report.title == "示例区教育局2025年政府信息公开工作年度报告"


def test_the_html_page_of_a_draft_has_no_empty_publication_date():
    from gongkai.core.annual.html_render import render_html

    draft = render_html(compose(_year_end(), agency=AGENCY))
    assert 'name="dcterms.created"' not in draft  # WeasyPrint warned of an invalid ''
    published = render_html(compose(_year_end(), agency=AGENCY, published=dt.date(2026, 1, 20)))
    assert '<meta name="dcterms.created" content="2026-01-20">' in published
