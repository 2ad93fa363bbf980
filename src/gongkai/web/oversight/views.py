"""The 公开办's dashboard and 督办."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.core import wallclock
from gongkai.web.accounts import permissions
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.forms import ChineseErrorsMixin
from gongkai.web.oversight import selectors, services
from gongkai.web.workcalendar.snapshots import work_calendar

CHART_HEIGHT = 160


class SupervisionForm(ChineseErrorsMixin, forms.Form):
    agency = forms.IntegerField(widget=forms.HiddenInput)
    application = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label="督办事项", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


def _chart(board: selectors.Dashboard) -> list[dict[str, int]]:
    """Bar geometry for the year's received and closed requests by month (inline SVG)."""
    top = max([*board.received_by_month, *board.closed_by_month, 1])
    bars = []
    for m in board.months:
        received = round(CHART_HEIGHT * m["received"] / top)
        closed = round(CHART_HEIGHT * m["closed"] / top)
        x = 40 + (m["month"] - 1) * 50
        bars.append(
            m
            | {
                "x": x,
                "x2": x + 18,
                "label_x": x + 18,
                "h_received": received,
                "y_received": CHART_HEIGHT + 10 - received,
                "h_closed": closed,
                "y_closed": CHART_HEIGHT + 10 - closed,
            }
        )
    return bars


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied("只有公开办和系统管理员可以查看督办看板")
    board = selectors.dashboard(
        user=request.user, today=wallclock.today(), calendar=work_calendar()
    )
    can_supervise = any(permissions.can_supervise(request.user, r.agency) for r in board.rows)
    context = {
        "board": board,
        "chart": _chart(board),
        "chart_height": CHART_HEIGHT,
        "can_supervise": can_supervise,
    }
    return render(request, "oversight/dashboard.html", context)


@login_required
@require_POST
def supervise(request: HttpRequest) -> HttpResponse:
    form = SupervisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "督办未能保存：" + "；".join(str(e) for errors in form.errors.values() for e in errors),
        )
        return redirect("oversight:dashboard")
    d = form.cleaned_data
    agency = get_object_or_404(selectors.overseen_agencies(user=request.user), pk=d["agency"])
    application = None
    if d.get("application"):
        application = get_object_or_404(Application, pk=d["application"], agency=agency)
    try:
        services.supervision_record(
            acting_user=request.user,
            agency=agency,
            application=application,
            day=wallclock.today(),
            note=d["note"],
        )
    except ApplicationError as exc:  # includes the register's PermissionDenied
        messages.error(request, f"督办未能保存：{exc.message}")
    else:
        messages.success(request, f"已向{agency.name}督办，并提醒其经办人和审核人")
    return redirect("oversight:dashboard")
