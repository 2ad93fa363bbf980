"""The read-only sub-columns of the 专栏: 指南, 制度, 法定主动公开内容 (目录), 年报."""

from __future__ import annotations

from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from gongkai.core import wallclock
from gongkai.core.article20 import Article20
from gongkai.web.orgs.models import AgencyKind
from gongkai.web.portal import catalogue, consolidated, guide, reports, rules, selectors
from gongkai.web.portal.meta import column_meta
from gongkai.web.portal.views import _page
from gongkai.web.proactive.models import VALIDITY_CHOICES
from gongkai.web.proactive.search import query_terms


def _agency(code: str):  # type: ignore[no-untyped-def]
    agency = selectors.agency_by_code(code=code)
    if agency is None:
        raise Http404("没有找到该机关的政府信息公开专栏")
    return agency


@require_GET
def guide_page(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(code)
    g = guide.guide_for(agency=agency)
    today = wallclock.today()
    return _page(
        request,
        "portal/guide.html",
        {
            "agency": agency,
            "g": g,
            "stale": guide.guide_is_stale(g, today),
            "meta": column_meta(
                request,
                agency,
                "政府信息公开指南",
                "信息公开指南",
                title=f"{agency.name}政府信息公开指南",
                pub_date=g.dated,
            ),
        },
    )


@require_GET
def rules_page(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(code)
    page = rules.current(agency=agency)
    body = page.body if page else rules.DEFAULT_BODY.format(agency=agency.name)
    return _page(
        request,
        "portal/rules.html",
        {
            "agency": agency,
            "blocks": rules.blocks(body),
            "page_version": page,
            "meta": column_meta(
                request,
                agency,
                "政府信息公开制度",
                "信息公开制度",
                title=f"{agency.name}政府信息公开制度",
                pub_date=page.published_at.date() if page else None,
            ),
        },
    )


@require_GET
def catalogue_page(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(code)
    today = wallclock.today()
    g = request.GET
    category = g.get("category", "")
    year = g.get("year", "").strip()
    query = catalogue.CatalogueQuery(
        q=g.get("q", "")[:100],
        category=int(category) if category.isdigit() and len(category) < 10 else None,
        topic=g.get("topic", "")[:40],
        article20=g.get("a20", "")[:10],
        validity=g.get("validity", "")[:10],
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        agency=g.get("agency", "")[:40],
    )
    items = catalogue.search(agency=agency, query=query, today=today)
    page = Paginator(items, 20).get_page(g.get("page"))
    if query_terms(query.q) and page.paginator.count == 0:
        catalogue.log_zero_result(agency=agency, q=query.q, now=wallclock.now())
    params = g.copy()
    params.pop("page", None)
    counts = catalogue.counts(agency=agency, today=today)
    return _page(
        request,
        "portal/catalogue.html",
        {
            "agency": agency,
            "query": query,
            "page": page,
            "params": params.urlencode(),
            "counts": counts,
            "article20_choices": [(c.value, f"{c.item_mark}{c.label}") for c in Article20],
            "topic_choices": [name for name, _n in counts.topics],
            "validities": VALIDITY_CHOICES,
            "meta": column_meta(request, agency, "法定主动公开内容", "信息公开目录"),
        },
    )


@require_GET
def item_page(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    agency = _agency(code)
    item = catalogue.item_public(agency=agency, pk=pk, today=wallclock.today())
    if item is None:
        raise Http404("没有找到该信息")
    return _page(
        request,
        "portal/item.html",
        {
            "agency": agency,
            "item": item,
            "meta": column_meta(
                request,
                agency,
                "法定主动公开内容",
                "信息公开目录",
                title=item.title,
                pub_date=item.published_on,
                source=item.publisher,
            ),
        },
    )


@require_GET
def reports_page(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(code)
    return _page(
        request,
        "portal/reports.html",
        {
            "agency": agency,
            "versions": reports.published_reports(agency=agency),
            "consolidated_years": consolidated.years_available(agency)
            if agency.kind == AgencyKind.GOVERNMENT.value
            else [],
            "meta": column_meta(request, agency, "政府信息公开年报", "信息公开年报"),
        },
    )


@require_GET
def consolidated_page(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """A government's departments' published reports of ``year``, tables 二–四 summed."""
    agency = _agency(code)
    result = consolidated.consolidate(government=agency, year=year)
    if result is None:
        raise Http404("只有人民政府的专栏提供年度报告汇总表")
    return _page(
        request,
        "portal/consolidated.html",
        {
            "agency": agency,
            "c": result,
            "own": [v for v in reports.published_reports(agency=agency) if v.year == year],
            "meta": column_meta(
                request,
                agency,
                "政府信息公开年报",
                "信息公开年报",
                title=f"{agency.name}所属机关{year}年度政府信息公开工作年度报告汇总表",
                source=agency.name,
            ),
        },
    )


@require_GET
def report_file(request: HttpRequest, code: str, pk: int, kind: str) -> HttpResponse:
    """One published output of one version, as published (the bytes whose SHA-256 is listed);
    the page (HTML) opens in the browser, the others download."""
    agency = _agency(code)
    found = reports.public_file(agency=agency, pk=pk, kind=kind)
    if found is None:
        raise Http404("没有找到该年度报告文件")
    response = HttpResponse(bytes(found.content), content_type=reports.MEDIA_TYPES[kind])
    if kind != "html":
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(found.name)}"
    response["X-Content-SHA256"] = found.sha256
    response["Cache-Control"] = "max-age=3600"
    return response
