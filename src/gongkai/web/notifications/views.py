from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.core import wallclock
from gongkai.web.notifications.selectors import notification_list


@login_required
def index(request: HttpRequest) -> HttpResponse:
    items = notification_list(user=request.user)[:200]
    return render(request, "notifications/index.html", {"items": items})


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    notification_list(user=request.user).filter(read_at__isnull=True).update(
        read_at=wallclock.now()
    )
    return redirect("notifications:index")
