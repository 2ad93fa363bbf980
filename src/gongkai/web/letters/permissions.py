"""Who may do what with letters, built on the project's one permission module.

(Each rule only names the function of ``gongkai.web.accounts.permissions`` that decides it, so
the letters' vocabulary reads well in views while the rules themselves live in one place.)

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

if TYPE_CHECKING:
    from gongkai.web.applications.models import Application
    from gongkai.web.orgs.models import Agency


def can_generate_letter(user: Any, application: Application) -> bool:
    return permissions.can_handle(user, application)


def can_upload_attachment(user: Any, application: Application) -> bool:
    return permissions.can_handle(user, application)


def can_edit_templates(user: Any, agency: Agency) -> bool:
    return permissions.can_edit_agency_settings(user, agency)
