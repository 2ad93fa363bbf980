"""The 系统管理员 edits a year's holiday arrangement; every open due date moves at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.calendar import (
    CalendarFileError,
    WorkCalendar,
    YearArrangement,
    arrangement_from_mapping,
    arrangement_problems,
    bundled_arrangements,
)
from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.versioning import check_version
from gongkai.web.workcalendar.models import YearOverride
from gongkai.web.workcalendar.signals import (
    CalendarEffect,
    DueDateChange,
    calendar_changed,
    calendar_preview,
)
from gongkai.web.workcalendar.snapshots import override_arrangements, work_calendar


@dataclass(frozen=True)
class CalendarSaved:
    changes: list[DueDateChange]
    failed: list[tuple[Any, str]]
    item_changes: list[Any] = field(default_factory=list)


def parse_arrangement_text(year: int, notice: str, holidays: str, workdays: str) -> dict[str, Any]:
    """Lines ``名称 开始日期 [结束日期]`` and ``日期 名称`` → the calendar's document form."""
    data: dict[str, Any] = {"notice": notice.strip(), "holidays": [], "workdays": []}
    for number, line in enumerate(holidays.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) not in (2, 3):
            raise ApplicationError(
                f"放假安排第{number}行应为“名称 开始日期 结束日期”，如“国庆节 {year}-10-01 {year}-10-08”",
                field="holidays",
            )
        entry = {"name": parts[0], "start": parts[1]}
        if len(parts) == 3:
            entry["end"] = parts[2]
        data["holidays"].append(entry)
    for number, line in enumerate(workdays.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 2:
            raise ApplicationError(
                f"调休上班第{number}行应为“日期 名称”，如“{year}-09-28 国庆节”", field="workdays"
            )
        data["workdays"].append({"date": parts[0], "name": parts[1]})
    return data


def arrangement_text(arrangement: YearArrangement) -> tuple[str, str]:
    holidays = "\n".join(
        f"{h.name} {h.start.isoformat()} {h.end.isoformat()}" for h in arrangement.holidays
    )
    workdays = "\n".join(f"{w.day.isoformat()} {w.name}" for w in arrangement.workdays)
    return holidays, workdays


YEAR_LABELS = {"notice": "依据的通知", "holidays": "放假安排", "workdays": "调休上班的周末"}


def year_values(year: int) -> dict[str, str]:
    """The year's arrangement as the edit form shows it."""
    arrangement = work_calendar().arrangements.get(year)
    holidays, workdays = arrangement_text(arrangement) if arrangement else ("", "")
    return {
        "notice": arrangement.notice if arrangement else "",
        "holidays": holidays,
        "workdays": workdays,
    }


def _require_editable(acting_user: Any, year: int, version: str | None) -> None:
    """Only a 系统管理员 edits the calendar, and only the year as the form showed it: a stale
    form is refused at preview already, and again at save (no lost updates, issue 13)."""
    if not permissions.can_admin_calendar(acting_user):
        raise PermissionDenied(permissions.CALENDAR_REFUSED)
    check_version(version, year_values(year), YEAR_LABELS)


def _gathered(responses: list[tuple[Any, Any]]) -> CalendarSaved:
    """What the registers' receivers of a calendar signal returned, one list of each."""
    gathered = CalendarSaved(changes=[], failed=[], item_changes=[])
    for _receiver, response in responses:
        effect = cast(CalendarEffect, response)  # every receiver returns one (signals.py)
        gathered.changes.extend(effect.changes)
        gathered.failed.extend(effect.failed)
        gathered.item_changes.extend(effect.item_changes)
    return gathered


def _lawful_arrangement(
    year: int, notice: str, holidays: str, workdays: str
) -> tuple[dict[str, Any], YearArrangement]:
    """The arrangement as entered, refused when it is malformed, empty, partial or drops a
    statutory holiday (《全国年节及纪念日放假办法》第二条; gongkai.core.calendar.lawful)."""
    data = parse_arrangement_text(year, notice, holidays, workdays)
    try:
        arrangement = arrangement_from_mapping(year, data)
    except CalendarFileError as exc:
        raise ApplicationError(str(exc), code="calendar_invalid") from None
    problems = arrangement_problems(arrangement)
    if problems:
        raise ApplicationError("；".join(problems), field="holidays")
    return data, arrangement


def calendar_year_preview(
    *,
    acting_user: Any,
    year: int,
    notice: str,
    holidays: str,
    workdays: str,
    version: str | None = None,
) -> CalendarSaved:
    """What saving this arrangement would do, nothing saved: the open requests whose due date
    would move and the proactive items whose 公开期限 would (条例第二十六条), from what to what
    (shown for confirmation before :func:`calendar_year_save`)."""
    _require_editable(acting_user, year, version)
    _data, arrangement = _lawful_arrangement(year, notice, holidays, workdays)
    others = [a for a in override_arrangements() if a.year != year]
    calendar = WorkCalendar.from_sources(bundled_arrangements(), [*others, arrangement])
    return _gathered(calendar_preview.send(sender=YearOverride, calendar=calendar))


@transaction.atomic
def calendar_year_save(
    *,
    acting_user: User,
    year: int,
    notice: str,
    holidays: str,
    workdays: str,
    version: str | None = None,
) -> CalendarSaved:
    """Store the arrangement (validated by the core calendar) and recompute every open
    request's due date (条例第三十三条) and every proactive item's publication due date
    (条例第二十六条) through :data:`~gongkai.web.workcalendar.signals.calendar_changed`; returns
    the requests and items whose due date moved."""
    _require_editable(acting_user, year, version)
    data, _arrangement = _lawful_arrangement(year, notice, holidays, workdays)
    row, created = YearOverride.objects.select_for_update().get_or_create(
        year=year, defaults={"arrangement": data, "updated_by": acting_user}
    )
    old = None if created else row.arrangement
    if not created:
        row.arrangement = data
        row.updated_by = acting_user
        row.save(update_fields=["arrangement", "updated_by", "updated_at"])
    audit_record(
        entity="calendar",
        entity_id=year,
        action=AuditAction.CALENDAR_SAVE,
        actor=acting_user,
        changes={"before": old, "after": data},
    )
    responses = calendar_changed.send(
        sender=YearOverride, acting_user=acting_user, reason=f"{year}年放假安排已修改"
    )
    return _gathered(responses)
