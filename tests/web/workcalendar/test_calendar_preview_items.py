"""The calendar preview lists the proactive items whose 公开期限 (条例第二十六条) would move, as the
save does, before anything is saved."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from gongkai.web.workcalendar.services import calendar_year_preview

D = dt.date


def test_the_preview_lists_the_items_that_would_move_and_saves_nothing(
    district, unpublished_item, extra_holiday_form
):
    item = unpublished_item
    assert item.due_on == D(2025, 3, 31)
    preview = calendar_year_preview(acting_user=district.admin, year=2025, **extra_holiday_form)
    (change,) = preview.item_changes
    assert (change.item.pk, change.old, change.new) == (item.pk, D(2025, 3, 31), D(2025, 4, 1))
    item.refresh_from_db()
    assert item.due_on == D(2025, 3, 31)


def test_the_preview_page_shows_them_before_confirmation(
    client, district, unpublished_item, extra_holiday_form
):
    client.force_login(district.admin)
    page = client.post(reverse("workcalendar:year", args=[2025]), extra_holiday_form)
    assert "0件在办申请的答复期限、1条主动公开信息的公开期限将随之变化" in page.text
    section = page.text.split('id="preview-item-changes"')[1].split("</table>")[0]
    assert "JYJ/2025-00001" in section and "2025-03-31" in section and "2025-04-01" in section
