"""Every write on the request register (style guide R5), one module per stage of the procedure.

Each service is keyword-only, takes the ``acting_user``, runs in one transaction, checks the
permission in :mod:`gongkai.web.accounts.permissions`, validates, and writes an
:class:`AuditRecord`. The due date is never set by hand: after every event the clock recomputes
it from the event log (:func:`gongkai.web.applications.clock.refresh_due`).

``register`` (登记) · ``handling`` (开始办理, 分配) · ``correction`` (补正) · ``consultation``
(征求意见) · ``fees`` (收费) · ``extension`` (延期, 第三十五条) · ``answer`` (答复, 终止, 逾期办结) ·
``signoff`` (签发) · ``amend`` (更正结果, 作废) · ``recompute`` (日历变更后重算) · ``common`` (the steps they share).
Callers import the services from this package.
"""

from gongkai.web.applications.services.amend import application_change_outcome, application_void
from gongkai.web.applications.services.answer import (
    application_answer,
    application_close_lapsed,
    application_terminate,
    lapsed_outcome,
)
from gongkai.web.applications.services.common import OPEN_ACTIVE
from gongkai.web.applications.services.consultation import (
    application_receive_consultation,
    application_send_consultation,
    open_consultations,
)
from gongkai.web.applications.services.correction import (
    application_receive_correction,
    application_request_correction,
)
from gongkai.web.applications.services.extension import (
    EXTENSION_WORKDAYS,
    application_approve_extension,
    application_decline_extension,
    application_request_extension,
    application_set_due_date,
    pending_extension_request,
)
from gongkai.web.applications.services.fees import (
    application_issue_computed_fee_notice,
    application_issue_fee_notice,
    application_record_payment,
)
from gongkai.web.applications.services.handling import application_assign, application_start
from gongkai.web.applications.services.recompute import Recomputed, application_due_dates_recompute
from gongkai.web.applications.services.register import (
    AlreadyRegistered,
    ApplicantData,
    FormErrors,
    application_register,
)
from gongkai.web.applications.services.signoff import (
    application_decline_answer,
    application_sign_answer,
    application_submit_answer,
    pending_signoff,
)

__all__ = [
    "EXTENSION_WORKDAYS",
    "OPEN_ACTIVE",
    "AlreadyRegistered",
    "ApplicantData",
    "FormErrors",
    "Recomputed",
    "application_answer",
    "application_approve_extension",
    "application_assign",
    "application_change_outcome",
    "application_close_lapsed",
    "application_decline_answer",
    "application_decline_extension",
    "application_due_dates_recompute",
    "application_issue_computed_fee_notice",
    "application_issue_fee_notice",
    "application_receive_consultation",
    "application_receive_correction",
    "application_record_payment",
    "application_register",
    "application_request_correction",
    "application_request_extension",
    "application_send_consultation",
    "application_set_due_date",
    "application_sign_answer",
    "application_start",
    "application_submit_answer",
    "application_terminate",
    "application_void",
    "lapsed_outcome",
    "open_consultations",
    "pending_extension_request",
    "pending_signoff",
]
