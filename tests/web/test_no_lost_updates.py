"""No lost updates (issue 13, item 1): an edit form opened before someone else saved is refused
with a Chinese message showing what changed; what the user typed is kept; submitting again after
checking saves."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from gongkai.web.letters.models import LetterTemplate
from gongkai.web.orgs.models import Agency

KEY = "answer:granted"


def version_of(page) -> str:
    match = re.search(r'name="_version" value="([^"]+)"', page.text)
    assert match, "the form carries its version"
    return match.group(1)


def office_form(agency: Agency, **changes: str) -> dict[str, str]:
    from gongkai.web.orgs.services import OFFICE_FIELDS

    values = {name: getattr(agency, name) for name in OFFICE_FIELDS}
    return values | changes


def test_a_stale_agency_form_is_refused_with_what_changed(district):
    first, second = Client(), Client()
    first.force_login(district.reviewer_a)
    second.force_login(district.office)
    url = reverse("orgs:edit", args=[district.dept_a.pk])
    opened_first, opened_second = first.get(url), second.get(url)
    agency = Agency.objects.get(pk=district.dept_a.pk)

    saved = first.post(
        url, office_form(agency, office_phone="0999-1111111", _version=version_of(opened_first))
    )
    assert saved.status_code == 302
    stale = second.post(
        url,
        office_form(agency, office_address="云溪路1号", _version=version_of(opened_second)),
    )
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text
    assert "“联系电话”由“（空）”改为“0999-1111111”" in stale.text
    assert 'value="云溪路1号"' in stale.text  # what the user typed is kept
    agency.refresh_from_db()
    assert agency.office_phone == "0999-1111111" and agency.office_address == ""
    # Submitting again after seeing the change saves, on top of the other edit.
    again = second.post(
        url,
        office_form(agency, office_address="云溪路1号", _version=version_of(stale)),
    )
    assert again.status_code == 302
    agency.refresh_from_db()
    assert (agency.office_phone, agency.office_address) == ("0999-1111111", "云溪路1号")


def test_a_forged_version_is_refused(district, client):
    client.force_login(district.reviewer_a)
    url = reverse("orgs:edit", args=[district.dept_a.pk])
    answer = client.post(url, office_form(district.dept_a, office_phone="1", _version="forged"))
    assert answer.status_code == 400 and "表单已失效" in answer.text


def test_a_stale_letter_template_form_is_refused_with_what_changed(district):
    from gongkai.core.letters import default_template

    first, second = Client(), Client()
    first.force_login(district.reviewer_a)
    second.force_login(district.office)
    url = reverse("letters:template_edit", kwargs={"agency_id": district.dept_a.pk, "key": KEY})
    opened_first, opened_second = first.get(url), second.get(url)
    t = default_template(KEY)
    form = {"title": t.title, "body": t.body, "basis": t.basis, "remedy": t.remedy}
    saved = first.post(
        url,
        form | {"title": "第一人的标题", "action": "save", "_version": version_of(opened_first)},
    )
    assert saved.status_code == 302
    # A preview keeps the version the form was opened with …
    previewed = second.post(
        url,
        form
        | {"basis": "第二人的依据", "action": "preview", "_version": version_of(opened_second)},
    )
    assert version_of(previewed) == version_of(opened_second)
    # … so the save after it is refused, showing the other edit, keeping the typed text.
    stale = second.post(
        url, form | {"basis": "第二人的依据", "action": "save", "_version": version_of(previewed)}
    )
    assert "他人已修改了这条记录" in stale.text
    assert "“标题”由“" in stale.text and "第一人的标题" in stale.text
    assert "第二人的依据" in stale.text
    assert LetterTemplate.objects.filter(agency=district.dept_a, key=KEY).count() == 1
    again = second.post(
        url,
        form
        | {
            "title": "第一人的标题",
            "basis": "第二人的依据",
            "action": "save",
            "_version": version_of(stale),
        },
    )
    assert again.status_code == 302
    latest = LetterTemplate.objects.filter(agency=district.dept_a, key=KEY).order_by("-version")[0]
    assert (latest.title, latest.basis) == ("第一人的标题", "第二人的依据")


def test_a_stale_calendar_form_is_refused_with_what_changed(district):
    from django.contrib.auth import get_user_model

    from gongkai.web.accounts.services import calendar_admin_grant
    from gongkai.web.workcalendar.services import year_values
    from gongkai.web.workcalendar.snapshots import work_calendar

    calendar_admin_grant(acting_user=None, user=district.admin)
    root = get_user_model().objects.create_superuser(username="root", password="x" * 12)
    first, second = Client(), Client()
    first.force_login(district.admin)
    second.force_login(root)
    url = reverse("workcalendar:year", args=[2025])
    opened_first, opened_second = first.get(url), second.get(url)
    form = year_values(2025)
    saved = first.post(
        url,
        form
        | {
            "holidays": form["holidays"] + "\n临时假日 2025-03-14 2025-03-14",
            "_version": version_of(opened_first),
            "confirm": "1",  # confirmed after the preview of moved due dates (issue 10)
        },
    )
    assert saved.status_code == 200 and "已保存" in saved.text
    stale = second.post(
        url,
        form | {"notice": "国办发明电〔2024〕12号（更正）", "_version": version_of(opened_second)},
    )
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text and "“放假安排”由" in stale.text
    assert "国办发明电〔2024〕12号（更正）" in stale.text  # typed text kept
    assert "临时假日" in "".join(
        h.name for h in work_calendar().arrangements[2025].holidays
    )  # the first edit stands
