"""Template context shared by every page: the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from gongkai.web.accounts import permissions
from gongkai.web.applications.inbox import approval_inbox_count, reviewer_agency_ids
from gongkai.web.notifications.selectors import notification_unread_count


def _link(name: str, label: str) -> dict[str, str] | None:
    try:
        return {"url": reverse(name), "label": label}
    except NoReverseMatch:
        return None


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_links": []}
    candidates = [
        ("applications:queue", "工作台"),
        ("applications:register", "登记申请"),
        ("proactive:index", "主动公开"),
        ("litigation:index", "复议诉讼"),
        ("yearend:index", "年度统计"),
        ("reports:index", "年度报告"),
        ("letters:index", "文书"),
        ("orgs:index", "机构"),
    ]
    if permissions.can_view_dashboard(user):
        candidates.insert(1, ("oversight:dashboard", "督办看板"))
    if permissions.can_view_calendar(user):
        candidates.append(("workcalendar:index", "工作日历"))
    if permissions.is_administrator(user):
        candidates.append(("accounts:members", "工作人员"))
    from gongkai.web.orgs.auditlog import can_read_audit

    if can_read_audit(user):
        candidates.append(("accounts:audit", "审计记录"))
    if reviewer_agency_ids(user):
        candidates.insert(1, ("applications:inbox", "待我审批"))
    links = [link for name, label in candidates if (link := _link(name, label))]
    return {
        "nav_links": links,
        "unread_notifications": notification_unread_count(user=user),
        "inbox_count": approval_inbox_count(user=user) if reviewer_agency_ids(user) else 0,
    }
