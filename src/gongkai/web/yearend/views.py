"""The year-end view: tables 2, 3 and 4 of one agency and year as they will be counted, each
number a link to the records behind it (条例第五十条; annual-report-formats.md §2–3)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from gongkai.core import wallclock
from gongkai.core.formats import Format, UnknownYearError, format_for_year
from gongkai.core.report import CellRef
from gongkai.core.yearend import UncountableRecord, YearEnd
from gongkai.web.accounts import permissions
from gongkai.web.common.listing import query_without
from gongkai.web.common.params import parse_int, parse_year
from gongkai.web.orgs.selectors import agency_list_visible
from gongkai.web.yearend import aggregate, selectors

T3_IDENTITY = "一 + 二 = 三（七）总计 + 四"
DRILL_PAGE_SIZE = 100


def _cell_url(agency: int, year: int, ref: CellRef) -> str:
    params: dict[str, str | int] = {
        "agency": agency,
        "year": year,
        "table": ref.table,
        "row": ref.row,
        "col": ref.column,
    }
    query = urlencode(params)
    return f"{reverse('yearend:cell')}?{query}"


def _display(value: Any) -> str:
    """Counts as integers; amounts (万元, at most four decimals) without trailing zeros."""
    return str(value) if isinstance(value, int) else format(value.normalize(), "f")


def _tables(result: YearEnd, agency: int, year: int) -> list[dict[str, Any]]:
    """Each table as blocks of rows of linked cells, labelled from the format declaration."""
    tables = []
    for table in result.format.tables:
        blocks = []
        for block in table.blocks:
            rows = []
            for row in block.rows:
                cells = []
                for column in block.columns:
                    ref = CellRef(table.key, row.key, column.key)
                    value = result.report.cells[ref].number
                    cells.append(
                        {
                            "value": _display(value),
                            "url": _cell_url(agency, year, ref),
                            "id": f"{table.key}-{row.key}-{column.key}",
                            "zero": value == 0,
                        }
                    )
                rows.append({"label": row.label, "group": row.group, "cells": cells})
            blocks.append(
                {
                    "label": block.label,
                    "header": block.header,
                    "columns": block.columns,
                    "rows": rows,
                }
            )
        tables.append(
            {
                "key": table.key,
                "number": table.number,
                "title": table.title,
                "note": table.note,
                "blocks": blocks,
            }
        )
    return tables


def _findings(result: YearEnd) -> list[Any] | None:
    """What the checker says about the tables (None while the checker is not installed)."""
    try:
        from gongkai.core.checks import check_report
    except ImportError:
        return None
    return [f for f in check_report(result.report) if f.table in ("t2", "t3", "t4")]


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    today = wallclock.today()
    agencies = list(agency_list_visible(user=request.user))
    if not agencies:
        raise Http404("没有可以查看的机构")
    # By default the user's own agency (a 公开办 of the government sees the government first).
    own = permissions.own_agency_ids(request.user)
    pk = parse_int(request.GET.get("agency")) or next(
        (a.pk for a in agencies if a.pk in own), agencies[0].pk
    )
    agency = selectors.agency_for(user=request.user, pk=pk)
    year = parse_year(request.GET.get("year")) or today.year - 1
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "agencies": agencies,
        "years": list(range(today.year, 2018, -1)),
    }
    try:
        fmt: Format = format_for_year(year)
    except UnknownYearError as exc:
        context["error"] = str(exc)
        return render(request, "yearend/index.html", context, status=400)
    context["fmt"] = fmt
    try:
        result = selectors.year_end(agency=agency, year=year)
    except UncountableRecord as exc:
        context["error"] = str(exc)
        return render(request, "yearend/index.html", context, status=409)
    context.update(
        tables=_tables(result, agency.pk, year),
        findings=_findings(result),
        proactive=selectors.proactive_summary(agency=agency, year=year),
        identity=T3_IDENTITY,
        open_year=year >= today.year,
    )
    return render(request, "yearend/index.html", context)


@login_required
@require_GET
def cell(request: HttpRequest) -> HttpResponse:
    agency = selectors.agency_for(user=request.user, pk=parse_int(request.GET.get("agency")) or 0)
    year = parse_year(request.GET.get("year"))
    table, row, column = (request.GET.get(k, "") for k in ("table", "row", "col"))
    if year is None:
        raise Http404("请指定年度")
    try:
        fmt = format_for_year(year)
        t = fmt.table(table)
        r = t.row(row)
        c = t.column(row, column)
    except (UnknownYearError, KeyError):
        raise Http404("没有这个单元格") from None
    if table == "t3":
        # Only this cell's requests, by the cell's own conditions: the agency is not recounted.
        requests = aggregate.cell_requests(
            agency=agency, year=year, fmt=fmt, row=row, column=column
        )
        if requests is None:
            raise Http404("没有这个单元格")
        page: Page[Any] = Paginator(requests, DRILL_PAGE_SIZE).get_page(request.GET.get("page"))
        drill = selectors.Drill("applications", page.object_list)
        count = page.paginator.count
        value = str(count)
    else:
        try:
            result = selectors.year_end_without_requests(agency=agency, year=year)
        except UncountableRecord as exc:
            return render(
                request,
                "yearend/index.html",
                {"agency": agency, "year": year, "error": str(exc), "agencies": [], "years": []},
                status=409,
            )
        ids = result.records(table, row, column)
        # Page through the ids first, so a big cell reads only one page of rows.
        page = Paginator(ids, DRILL_PAGE_SIZE).get_page(request.GET.get("page"))
        drill = selectors.drill(table=table, row=row, column=column, ids=tuple(page.object_list))
        count = len(ids)
        value = _display(result.report.cells[CellRef(table, row, column)].number)
    return render(
        request,
        "yearend/cell.html",
        {
            "agency": agency,
            "year": year,
            "table": t,
            "row": r,
            "column": c,
            "value": value,
            "drill": drill,
            "page": page,
            "query": query_without(request, "page"),
            "count": count,
            "back": f"{reverse('yearend:index')}?{urlencode({'agency': agency.pk, 'year': year})}",
        },
    )
