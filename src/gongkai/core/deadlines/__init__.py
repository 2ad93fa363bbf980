"""Statutory deadlines of the 《政府信息公开条例》 (国务院令第711号), computed from an event log.

Stable API (the web side calls these; time is always an argument)
-----------------------------------------------------------------
::

    deadline = compute_deadline(events, as_of=today, calendar=None)   # -> Deadline
    deadline.due, .workdays_left, .overdue, .provisional, .state, .outcome, .steps
    deadline.as_dict()                                                  # JSON-ready

    due_date(received, pauses=((start, end), …), extended=False)       # the fast path -> date
    publication_deadline(formed_or_changed, as_of=today)               # Art. 26 -> Deadline
    annual_report_deadline(year, government_report=False)              # Art. 49 -> AnnualReportDeadline

Events are immutable dataclasses, given in the order they happened (same-day events keep their
order): :class:`Received` (first, exactly once), :class:`CorrectionRequested`,
:class:`CorrectionReceived`, :class:`ThirdPartyConsulted` / :class:`ThirdPartyAnswered`,
:class:`AgencyConsulted` / :class:`AgencyAnswered`, :class:`FeeNoticeSent` / :class:`FeePaid`,
:class:`Paused` (a closed pause in one event), :class:`ExtensionApproved`,
:class:`CustomDueDateSet`. The due date is never stored by hand:
recompute it whenever an event is added or the calendar changes.

The rules
---------
* Art. 31 — the day of receipt: in person, the day of submission; by mail, the day the agency
  signs for it (registered mail) or, for ordinary mail, the day it confirms receipt with the
  applicant (``confirmed_on``); online or by fax, the day both sides confirm (``confirmed_on``,
  else the day it arrived, taken as confirmed that day); e-mail, the day the agency's mail system
  receives it (国办公开办函〔2015〕207号).
* Art. 33 ¶2 — answer within 20 working days of receipt; the day of receipt is not counted, day 1
  is the first working day after it (《民法典》 Art. 201). An extension approved by the head of the
  工作机构 adds at most 20 working days, once, and must be approved before the period runs out.
* Art. 30 — a request for 补正 must be made within 7 working days of receipt, once; the period
  restarts from the day the corrected application is received. No correction by the applicant's
  deadline: the request ends (Table 3 （六）1, ``other.no_correction``).
* Art. 32, Art. 33 ¶3, Art. 34 — time spent consulting a third party or another agency is not
  counted. A third party (and, for co-produced information, an agency) has 15 working days to
  reply; the date is shown (counted from sending, as the agency rarely knows the day of delivery).
* 国办函〔2020〕109号 — time from the fee notice to payment is not counted; payment is due within
  20 working days from the day after the applicant receives the notice. Unpaid by then: the
  request ends (Table 3 （六）2, ``other.no_fee_paid`` in the 2021 format).
* Art. 35 — for a request of excessive volume or frequency with reasonable grounds the agency may
  set a later, reasonable due date (:class:`CustomDueDateSet`); it replaces the statutory one.
* Pauses: the days from the day a pause starts to the day it ends, both inclusive, are not
  counted (自…之日起至…之日止). Overlapping pauses count once. A pause that begins after the
  period has run out does not revive it.
* Art. 26 — proactive information is published within 20 working days of being formed or changed.
* Art. 49 — annual reports are published by 31 January (a department's report); the report of a
  people's government at county level or above, by 31 March.

The package, a pipeline of pure functions
-----------------------------------------
rules (the periods) · events (the input) · results (the output) ·
receipt (Art. 31: the day of receipt per channel) · replay (stage 1: check and fold the
log) · open_state (stage 2: awaiting 补正, or ended unpaid/uncorrected) · count (stage 3:
the working days and pauses) · conclude (stage 4: Art. 35, provisional, days left, the DUE
line) · explainer (writing the steps) · clock (compute_deadline and the fast path) ·
publication (Art. 26, Art. 49).

Bad input raises :class:`~gongkai.core.errors.RuleError` with a Chinese message naming the rule:
events out of order, a pause that ends before it starts, a 补正 after its window or a second one,
a second extension, a late payment, a date the calendar does not cover. Never a wrong date.
"""

from .clock import compute_deadline, due_date
from .events import (
    AgencyAnswered,
    AgencyConsulted,
    Channel,
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    Event,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    Paused,
    Received,
    ThirdPartyAnswered,
    ThirdPartyConsulted,
)
from .publication import annual_report_deadline, publication_deadline
from .results import (
    AnnualReportDeadline,
    Consultation,
    Deadline,
    RequestState,
    SkippedDay,
    Step,
    StepKind,
)
from .rules import (
    ANSWER_DAYS,
    CONSULTATION_REPLY_DAYS,
    CORRECTION_WINDOW,
    EXTENSION_DAYS,
    FEE_PAYMENT_DAYS,
    PUBLICATION_DAYS,
)

__all__ = [
    "ANSWER_DAYS",
    "CONSULTATION_REPLY_DAYS",
    "CORRECTION_WINDOW",
    "EXTENSION_DAYS",
    "FEE_PAYMENT_DAYS",
    "PUBLICATION_DAYS",
    "AgencyAnswered",
    "AgencyConsulted",
    "AnnualReportDeadline",
    "Channel",
    "Consultation",
    "CorrectionReceived",
    "CorrectionRequested",
    "CustomDueDateSet",
    "Deadline",
    "Event",
    "ExtensionApproved",
    "FeeNoticeSent",
    "FeePaid",
    "Paused",
    "Received",
    "RequestState",
    "SkippedDay",
    "Step",
    "StepKind",
    "ThirdPartyAnswered",
    "ThirdPartyConsulted",
    "annual_report_deadline",
    "compute_deadline",
    "due_date",
    "publication_deadline",
]
