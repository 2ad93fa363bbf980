"""The dates with a legal effect that a letter states, taken from the register's clock — never
from what was typed on the generation form.

* 补正通知书: the 补正 period recorded with the 补正 notice (条例 第三十条).
* 延期答复告知书: the original due date, the extended one and the 20 working days, from the event
  log with the approved extension (条例 第三十三条第二款); no letter before the approval.
* 征求第三方意见书: the reply date only when the party's receipt is recorded: 15 working days from
  receipt (条例 第三十二条, 第三十四条), never from sending; otherwise the letter states the
  period ("自收到之日起15个工作日内") without a date.

A date that rests on a year whose holiday notice is not published is provisional (暂定): the
letter may still be made, and :func:`provisional_warning` says so on the form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from gongkai.core import letters as core
from gongkai.web.applications.clock import deadline_for
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import Application
from gongkai.web.common.errors import ApplicationError
from gongkai.web.workcalendar.snapshots import work_calendar

# The form fields whose values the clock supplies, by letter kind.
CLOCK_FIELDS: dict[core.LetterKind, tuple[str, ...]] = {
    core.LetterKind.CORRECTION: ("correction_deadline",),
    core.LetterKind.EXTENSION: ("extension_days", "original_due_on", "new_due_on"),
    core.LetterKind.CONSULTATION: ("reply_by",),
}


def _last(application: Application, kind: EventKind) -> Any:
    return application.events.filter(kind=kind.value).order_by("day", "id").last()


def clock_values(application: Application, kind: core.LetterKind) -> dict[str, Any]:
    """The clock's values for the letter's dated fields (ApplicationError when the register
    does not hold what the letter must state)."""
    from gongkai.web.letters.snapshots import extension_due_dates

    if kind is core.LetterKind.CORRECTION:
        asked = _last(application, EventKind.CORRECTION_REQUESTED)
        if asked is None or asked.due is None:
            raise ApplicationError(
                "补正期限取自办理记录：请先在申请中登记补正通知并写明补正期限（条例第三十条）"
            )
        return {"correction_deadline": asked.due}
    if kind is core.LetterKind.EXTENSION:
        approved = _last(application, EventKind.EXTENSION)
        original, extended = extension_due_dates(application)
        if approved is None or original is None or extended is None:
            raise ApplicationError(
                "延长后的答复期限取自办理记录：延期须先经审核人批准（条例第三十三条第二款）"
            )
        return {
            "extension_days": approved.workdays,
            "original_due_on": original,
            "new_due_on": extended,
        }
    if kind is core.LetterKind.CONSULTATION:
        sent = _last(application, EventKind.CONSULTATION_STARTED)
        if sent is None or sent.due is None:
            return {"reply_by": None}  # receipt unknown: the period, not a date
        for c in deadline_for(application).consultations:
            if c.name == sent.party_name and c.sent == sent.day:
                return {"reply_by": c.reply_due}
        return {"reply_by": None}
    return {}


def with_clock_dates(application: Application, kind: core.LetterKind, data: Any) -> Any:
    """``data`` (a LetterInput) with its dated fields replaced by the clock's."""
    values = clock_values(application, kind)
    return dataclasses.replace(data, **values) if values else data


def provisional_warning(application: Application, kind: core.LetterKind) -> str:
    """A Chinese warning when a date the letter states is provisional (暂定)."""
    try:
        values = clock_values(application, kind)
    except ApplicationError:
        return ""
    days = [v for v in values.values() if isinstance(v, dt.date)]
    calendar = work_calendar()
    shaky = sorted({d.year for d in days if calendar.is_provisional(d, d)})
    if not shaky and kind is not core.LetterKind.EXTENSION:
        return ""
    if kind is core.LetterKind.EXTENSION:
        try:
            if deadline_for(application).provisional:
                shaky = shaky or sorted({d.year for d in days})
        except ApplicationError:
            pass
    if not shaky:
        return ""
    years = "、".join(f"{y}年" for y in shaky)
    return (
        f"注意：{years}的放假安排尚未公布，文书中的日期按法定节假日暂定（暂定），"
        "国务院办公厅通知公布后可能变化，请在送达前核对。"
    )
