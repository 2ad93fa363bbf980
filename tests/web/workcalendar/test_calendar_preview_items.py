"""The calendar preview lists the proactive items whose 公开期限 (条例第二十六条) would move, as the
save does, before anything is saved."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from gongkai.web.workcalendar.services import arrangement_text, calendar_year_preview
from gongkai.web.workcalendar.snapshots import work_calendar

D = dt.date


def proactive_item(district):
    from gongkai.web.proactive import services as proactive
    from gongkai.web.proactive.models import Category

    proactive.categories_ensure_defaults(agency=district.dept_a)
    category = Category.objects.get(agency=district.dept_a, name="工作动态")
    return proactive.item_register(
        acting_user=district.officer_a,
        agency=district.dept_a,
        data=proactive.ItemData(
            index_number="JYJ/2025-00001",
            title="区教育局召开安全生产工作推进会",
            formed_on=D(2025, 3, 3),
            category=category,
            published_on=None,
            channels=(),
        ),
        today=D(2025, 3, 4),
    )


def form_with_extra_holiday() -> dict[str, str]:
    arrangement = work_calendar().arrangements[2025]
    holidays, workdays = arrangement_text(arrangement)
    return {
        "notice": arrangement.notice,
        "holidays": holidays + "\n临时假日 2025-03-14",
        "workdays": workdays,
    }


def test_the_preview_lists_the_items_that_would_move_and_saves_nothing(district):
    item = proactive_item(district)
    assert item.due_on == D(2025, 3, 31)
    preview = calendar_year_preview(
        acting_user=district.admin, year=2025, **form_with_extra_holiday()
    )
    (change,) = preview.item_changes
    assert (change.item.pk, change.old, change.new) == (item.pk, D(2025, 3, 31), D(2025, 4, 1))
    item.refresh_from_db()
    assert item.due_on == D(2025, 3, 31)


def test_the_preview_page_shows_them_before_confirmation(client, district):
    proactive_item(district)
    client.force_login(district.admin)
    page = client.post(reverse("workcalendar:year", args=[2025]), form_with_extra_holiday())
    assert "0件在办申请的答复期限、1条主动公开信息的公开期限将随之变化" in page.text
    section = page.text.split('id="preview-item-changes"')[1].split("</table>")[0]
    assert "JYJ/2025-00001" in section and "2025-03-31" in section and "2025-04-01" in section
