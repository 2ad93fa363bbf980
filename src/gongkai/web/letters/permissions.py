"""Who may do what with letters, built on the project's one permission module.

(These rules belong with the others in ``gongkai.web.accounts.permissions``; they live here
until the web engineer moves them, and they only combine the functions found there.)

* Reading letters, attachments and templates: whoever may view the application or agency;
  the selectors scope every read that way (:mod:`.selectors`), so there is no check here.
* Generating letters and uploading attachments: whoever may handle the application
  (经办人, 审核人, 公开办 of the agency).
* Editing an agency's templates and numbering: its 审核人 or 公开办, or the 系统管理员 and
  公开办 of its government — a template speaks for the agency, so a case officer does not
  change it alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkai.web.accounts import permissions
from gongkai.web.accounts.roles import Role

if TYPE_CHECKING:
    from gongkai.web.applications.models import Application
    from gongkai.web.orgs.models import Agency

TEMPLATE_EDITORS = frozenset({Role.REVIEWER, Role.OFFICE})


def can_generate_letter(user: Any, application: Application) -> bool:
    return permissions.can_handle(user, application)


def can_upload_attachment(user: Any, application: Application) -> bool:
    return permissions.can_handle(user, application)


def can_edit_templates(user: Any, agency: Agency) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    if permissions.roles_in(user, agency.pk) & TEMPLATE_EDITORS:
        return True
    return agency.government_id in permissions.overseen_government_ids(user)
