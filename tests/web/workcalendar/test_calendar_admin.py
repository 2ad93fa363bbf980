"""Calendar administration: the 系统管理员 edits a year's holidays, every open due date moves
at once and the changes are listed; nobody else may edit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.workcalendar.services import calendar_year_save

D = dt.date


def save_2025(district, arrangement, **changes):
    """Save the 2025 ``arrangement`` (the form's fields) as the 系统管理员, with ``changes``."""
    return calendar_year_save(acting_user=district.admin, year=2025, **(arrangement | changes))


def test_a_new_holiday_moves_every_open_due_date_and_lists_the_changes(
    register, district, answer, arrangement_2025
):
    open_app = register()  # due 2025-03-31
    closed = answer(register(), day=D(2025, 3, 10), legal_basis="条例第三十六条")
    holidays = arrangement_2025["holidays"] + "\n临时假日 2025-03-14 2025-03-14"
    saved = save_2025(district, arrangement_2025, holidays=holidays)
    assert saved.failed == []
    assert [(c.application.number, c.old, c.new) for c in saved.changes] == [
        (open_app.number, D(2025, 3, 31), D(2025, 4, 1))
    ]
    open_app.refresh_from_db()
    closed.refresh_from_db()
    assert open_app.due_on == D(2025, 4, 1)
    assert closed.due_on == D(2025, 3, 31)  # closed requests keep the date they were judged by
    assert AuditRecord.objects.filter(action=AuditAction.DUE_DATES_RECOMPUTE).count() == 1
    assert AuditRecord.objects.filter(entity="calendar", entity_id="2025").count() == 1


def test_a_weekday_listed_as_a_makeup_workday_is_refused_in_chinese(district, arrangement_2025):
    with pytest.raises(ApplicationError, match="2025"):
        save_2025(district, arrangement_2025, workdays="2025-03-12 春节")


def test_a_malformed_line_names_its_number(district):
    with pytest.raises(ApplicationError, match="放假安排第1行"):
        calendar_year_save(
            acting_user=district.admin, year=2025, notice="", holidays="春节", workdays=""
        )


def test_only_an_administrator_may_edit_the_calendar(client, district):
    with pytest.raises(PermissionDenied):
        calendar_year_save(
            acting_user=district.reviewer_a, year=2025, notice="", holidays="", workdays=""
        )
    client.force_login(district.officer_a)
    assert client.get(reverse("workcalendar:index")).status_code == 403
    assert client.post(reverse("workcalendar:year", args=[2025]), {}).status_code == 403


def test_the_calendar_page_lists_the_moved_due_dates(
    client, district, register, extra_holiday_form
):
    app = register()
    client.force_login(district.admin)
    page = client.post(
        reverse("workcalendar:year", args=[2025]), extra_holiday_form | {"confirm": "1"}
    )
    assert page.status_code == 200
    assert "答复期限变化（1件）" in page.text
    assert "当前来源：管理员录入" in page.text
    assert app.number in page.text
    assert "2025-04-01" in page.text


def test_a_bad_calendar_form_keeps_what_was_typed(client, district):
    client.force_login(district.admin)
    page = client.post(
        reverse("workcalendar:year", args=[2025]),
        {"notice": "通知", "holidays": "春节 2025-02-30 2025-03-02", "workdays": ""},
    )
    assert page.status_code == 400
    assert "春节 2025-02-30 2025-03-02" in page.text


def test_a_request_the_clock_refuses_under_the_new_calendar_keeps_its_date_and_is_listed(
    register, district, steps, arrangement_2025
):
    app = register(arrived_on=D(2025, 3, 31))
    assert app.due_on == D(2025, 4, 28)
    app = steps.approve_extension(steps.ask_extension(app, D(2025, 4, 28)), D(2025, 4, 28))
    extended_due = app.due_on
    workdays = arrangement_2025["workdays"] + "\n2025-04-12 清明节"
    saved = save_2025(district, arrangement_2025, workdays=workdays)
    # With Saturday 12 April a working day the period ends on 27 April, before the extension
    # was approved.
    assert [(a.number, "届满前" in reason or "延长" in reason) for a, reason in saved.failed] == [
        (app.number, True)
    ]
    app.refresh_from_db()
    assert app.due_on == extended_due


def test_a_new_holiday_also_moves_the_proactive_publication_due_dates_and_lists_them(
    client, district, unpublished_item, extra_holiday_form
):
    item = unpublished_item
    assert item.due_on == D(2025, 3, 31)  # 条例第二十六条: 20 working days
    client.force_login(district.admin)
    page = client.post(
        reverse("workcalendar:year", args=[2025]), extra_holiday_form | {"confirm": "1"}
    )
    item.refresh_from_db()
    assert item.due_on == D(2025, 4, 1)
    assert "主动公开期限变化（1条）" in page.text
    assert "JYJ/2025-00001" in page.text
    assert "1条主动公开信息的公开期限随之变化" in page.text


def test_an_arrangement_that_removes_a_statutory_holiday_is_refused(district, arrangement_2025):
    """《全国年节及纪念日放假办法》第二条: 清明节 is a holiday for all citizens."""
    holidays = arrangement_2025["holidays"].splitlines()
    without_qingming = "\n".join(line for line in holidays if "清明" not in line)
    with pytest.raises(ApplicationError, match="缺少法定节假日：清明节（2025-04-04）"):
        save_2025(district, arrangement_2025, holidays=without_qingming)
    assert not AuditRecord.objects.filter(entity="calendar").exists()


@pytest.mark.parametrize("holidays", ["", "元旦 2027-01-01 2027-01-01"])
def test_an_empty_or_partial_arrangement_is_refused_on_the_page(client, district, holidays):
    from gongkai.web.workcalendar.models import YearOverride

    client.force_login(district.admin)
    page = client.post(
        reverse("workcalendar:year", args=[2027]),
        {"notice": "通知", "holidays": holidays, "workdays": "", "confirm": "1"},
    )
    assert page.status_code == 400
    assert ("放假安排为空" if not holidays else "缺少法定节假日：春节") in page.text
    assert not YearOverride.objects.exists()


def test_the_effect_is_shown_and_nothing_is_saved_before_confirmation(
    client, district, register, extra_holiday_form
):
    from gongkai.web.workcalendar.models import YearOverride

    app = register()  # due 2025-03-31
    client.force_login(district.admin)
    form = extra_holiday_form
    page = client.post(reverse("workcalendar:year", args=[2025]), form)
    assert "确认保存：1件在办申请的答复期限、0条主动公开信息的公开期限将随之变化" in page.text
    assert app.number in page.text and "2025-03-31" in page.text and "2025-04-01" in page.text
    assert not YearOverride.objects.exists()
    app.refresh_from_db()
    assert app.due_on == D(2025, 3, 31)
    client.post(reverse("workcalendar:year", args=[2025]), form | {"confirm": "1"})
    app.refresh_from_db()
    assert app.due_on == D(2025, 4, 1) and YearOverride.objects.filter(year=2025).exists()


def test_the_office_can_read_the_calendar_but_not_change_it(client, district, arrangement_2025):
    client.force_login(district.office)
    assert client.get(reverse("workcalendar:index")).status_code == 200
    page = client.get(reverse("workcalendar:year", args=[2025]))
    assert page.status_code == 200 and "放假安排（只读）" in page.text and "清明节" in page.text
    assert "检查并预览" not in page.text
    refused = client.post(
        reverse("workcalendar:year", args=[2025]), arrangement_2025 | {"confirm": "1"}
    )
    assert refused.status_code == 403
