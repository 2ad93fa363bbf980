"""THE one place where permission rules live (style guide R6; issue 4 §2).

* 系统管理员 (admin): administers its government — agencies and users — and reads everything
  below its government. The working calendar is the installation's: only a superuser or a user
  granted ``CALENDAR_PERMISSION`` edits it.
* 公开办 (office): reads everything below its government; acts on its own agency's requests.
* 经办人 (officer): registers and handles its agency's requests.
* 审核人 (reviewer): everything an officer does, plus approving extensions (条例 第三十三条第二款:
  an extension needs the approval of the 工作机构's responsible person).

Every selector and view asks these functions; no view checks a role itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkai.web.accounts.roles import Role
from gongkai.web.common.errors import PermissionDenied

if TYPE_CHECKING:
    from gongkai.web.applications.models import Application
    from gongkai.web.orgs.models import Agency

ACTING_ROLES = frozenset({Role.OFFICE, Role.OFFICER, Role.REVIEWER})
OVERSEEING_ROLES = frozenset({Role.OFFICE, Role.ADMIN})


def _memberships(user: Any) -> list[tuple[int, int | None, Role]]:
    """(agency id, government id, role) for each membership, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_gongkai_memberships", None)
    if cached is None:
        cached = [
            (agency_id, government_id, Role(role))
            for agency_id, government_id, role in user.memberships.values_list(
                "agency_id", "agency__government_id", "role"
            )
        ]
        user._gongkai_memberships = cached
    return cached


def roles_in(user: Any, agency_id: int) -> set[Role]:
    return {role for a, _g, role in _memberships(user) if a == agency_id}


def overseen_government_ids(user: Any) -> set[int]:
    """Governments whose whole tree this user may read (公开办 and 系统管理员)."""
    return {g for _a, g, role in _memberships(user) if role in OVERSEEING_ROLES and g is not None}


def _role_in_government(user: Any, role: Role, agency: Agency) -> bool:
    """Whether ``user`` holds ``role`` in ``agency``'s government (the 系统管理员 and the 公开办
    act for the government, over every agency below it)."""
    return any(r is role and g == agency.government_id for _a, g, r in _memberships(user))


def own_agency_ids(user: Any) -> set[int]:
    return {a for a, _g, _role in _memberships(user)}


def acting_agency_ids(user: Any) -> set[int]:
    """Agencies whose requests this user may register and handle."""
    return {a for a, _g, role in _memberships(user) if role in ACTING_ROLES}


def can_view_agency(user: Any, agency: Agency) -> bool:
    return agency.pk in own_agency_ids(user) or agency.government_id in overseen_government_ids(
        user
    )


def can_view_application(user: Any, application: Application) -> bool:
    return can_view_agency(user, application.agency)


def can_register_for(user: Any, agency: Agency) -> bool:
    return agency.pk in acting_agency_ids(user)


def can_handle(user: Any, application: Application) -> bool:
    """Start, ask for 补正, consult, charge, answer, terminate (条例 第三十条 to 第三十七条)."""
    return application.agency_id in acting_agency_ids(user)


def can_approve_extension(user: Any, application: Application) -> bool:
    """条例 第三十三条第二款: only the 工作机构's responsible person (审核人) approves an extension."""
    return Role.REVIEWER in roles_in(user, application.agency_id)


def can_change_outcome(user: Any, application: Application) -> bool:
    """Correcting a closed request's outcome is a reviewer's decision, recorded with a reason."""
    return Role.REVIEWER in roles_in(user, application.agency_id)


def can_void(user: Any, application: Application) -> bool:
    return Role.REVIEWER in roles_in(user, application.agency_id) or can_handle(user, application)


# Holding this Django permission (or being a superuser) makes an installation-wide administrator.
CALENDAR_PERMISSION = "workcalendar.change_yearoverride"
CALENDAR_REFUSED = (
    "工作日历由本系统中的所有人民政府共用，只有全系统管理员（超级用户或被授予日历管理权限的用户）"
    "可以修改"
)


def can_admin_calendar(user: Any) -> bool:
    """The national working calendar is shared by every government of the installation, so only
    an installation-wide administrator edits it — a superuser (``gongkai manage createsuperuser``)
    or a user granted ``CALENDAR_PERMISSION`` — never one government's 系统管理员 as such, who
    would move every other government's deadlines (issue 13, item 2)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.has_perm(CALENDAR_PERMISSION))


def can_edit_agency_settings(user: Any, agency: Agency) -> bool:
    """An agency's letter templates and numbering speak for the agency: its 审核人 or 公开办,
    or the 系统管理员 and 公开办 of its government, may edit them (not a case officer alone)."""
    if getattr(user, "is_superuser", False):
        return True
    if roles_in(user, agency.pk) & {Role.REVIEWER, Role.OFFICE}:
        return True
    return agency.government_id in overseen_government_ids(user)


def can_manage_members(user: Any, agency: Agency) -> bool:
    """The 系统管理员 of a government manages the people of every agency below it."""
    if getattr(user, "is_superuser", False):
        return True
    return _role_in_government(user, Role.ADMIN, agency)


def is_administrator(user: Any) -> bool:
    return getattr(user, "is_superuser", False) or any(
        role is Role.ADMIN for _a, _g, role in _memberships(user)
    )


def can_view_dashboard(user: Any) -> bool:
    """The 公开办's dashboard of its government's agencies (系统管理员 may read it too)."""
    return getattr(user, "is_superuser", False) or bool(overseen_government_ids(user))


def can_supervise(user: Any, agency: Agency) -> bool:
    """督办: the 公开办 of the agency's government (条例 第四条: the 主管部门 推进、指导、协调、监督
    its government's agencies; 第四十七条)."""
    if getattr(user, "is_superuser", False):
        return True
    return _role_in_government(user, Role.OFFICE, agency)


def can_view_calendar(user: Any) -> bool:
    """Who may read the working calendar and its arrangements: whoever may edit it, and the
    公开办 (its due dates rest on it). Editing stays with :func:`can_admin_calendar`."""
    return can_admin_calendar(user) or any(
        role is Role.OFFICE for _a, _g, role in _memberships(user)
    )


def require_writer(user: Any, agency: Agency) -> None:
    """Only the agency's own 经办人, 审核人 and 公开办 write its registers (the proactive
    register, the 第二十条 records, review and litigation cases)."""
    if not can_view_agency(user, agency):
        raise PermissionDenied("无权查看该机构的登记簿")
    if not can_register_for(user, agency):
        raise PermissionDenied(f"只有{agency.name}的经办人、审核人或公开办可以登记")


# --- The annual report (条例第四十九条、第五十条) -------------------------------------------------


def can_draft_report(user: Any, agency: Agency) -> bool:
    """Drafting the report: the agency's own staff, or the 公开办 of its government."""
    if agency.pk in acting_agency_ids(user):
        return True
    return _role_in_government(user, Role.OFFICE, agency)


def can_review_report(user: Any, agency: Agency) -> bool:
    """Returning, approving and recording the signing: the agency's 审核人 or the 公开办."""
    if Role.REVIEWER in roles_in(user, agency.pk) or Role.OFFICE in roles_in(user, agency.pk):
        return True
    return _role_in_government(user, Role.OFFICE, agency)


def can_publish_report(user: Any, agency: Agency) -> bool:
    """Publishing, correcting and importing: the 公开办 (条例第四条: the 工作机构 publishes)."""
    if Role.OFFICE in roles_in(user, agency.pk):
        return True
    return _role_in_government(user, Role.OFFICE, agency)
