"""No lost updates on the registers' edit forms (issue 13, item 1): the publication form of a
目录 item and the result form of a review/litigation case. Two clerks open the same form; the
one who saves second is refused with a Chinese message saying what changed, keeps what they
typed, and saves knowingly on a second submission."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.litigation.models import Case
from gongkai.web.proactive import services as proactive
from gongkai.web.proactive.models import Category, Channel, Item

D = dt.date


def version_of(page, name: str = "_version") -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', page.text)
    assert match, "the form carries its version"
    return match.group(1)


def two_clerks(district):
    first, second = Client(), Client()
    first.force_login(district.officer_a)
    second.force_login(district.reviewer_a)
    return first, second


@pytest.fixture
def item(district):
    agency = district.dept_a
    proactive.categories_ensure_defaults(agency=agency)
    for kind, name in (("portal", "示例区门户网站"), ("new_media", "示例教育")):
        proactive.channel_create(
            acting_user=district.reviewer_a, agency=agency, kind=kind, name=name
        )
    return proactive.item_register(
        acting_user=district.officer_a,
        agency=agency,
        data=proactive.ItemData(
            index_number="A-1",
            title="区教育局召开工作会",
            formed_on=D(2025, 3, 3),
            category=Category.objects.get(agency=agency, name="工作动态"),
        ),
        today=D(2025, 12, 31),
    )


def test_a_stale_publication_form_is_refused_with_what_changed(district, item):
    portal, media = (
        Channel.objects.filter(agency=item.agency).order_by("id").values_list("pk", flat=True)
    )
    first, second = two_clerks(district)
    url = reverse("proactive:item", args=[item.pk])
    publish = reverse("proactive:publish", args=[item.pk])
    opened_first, opened_second = first.get(url), second.get(url)

    saved = first.post(
        publish,
        {"published_on": "2025-03-05", "channels": [portal], "_version": version_of(opened_first)},
    )
    assert saved.status_code == 302
    stale = second.post(
        publish,
        {"published_on": "2025-03-04", "channels": [media], "_version": version_of(opened_second)},
    )
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text
    assert "“公开日期”由“（空）”改为“2025-03-05”" in stale.text
    assert "“发布渠道”由“（空）”改为“示例区门户网站”" in stale.text
    assert 'value="2025-03-04"' in stale.text  # what the second clerk typed is kept
    item.refresh_from_db()
    assert item.published_on == D(2025, 3, 5)
    # Submitting again after seeing the change saves it, knowingly.
    again = second.post(
        publish, {"published_on": "2025-03-04", "channels": [media], "_version": version_of(stale)}
    )
    assert again.status_code == 302
    item = Item.objects.get(pk=item.pk)
    assert item.published_on == D(2025, 3, 4)
    assert [c.name for c in item.channels.all()] == ["示例教育"]


def test_a_forged_publication_version_is_refused(district, item, client):
    client.force_login(district.officer_a)
    channel = Channel.objects.filter(agency=item.agency).first()
    answer = client.post(
        reverse("proactive:publish", args=[item.pk]),
        {"published_on": "2025-03-05", "channels": [channel.pk], "_version": "forged"},
    )
    assert answer.status_code == 400 and "表单已失效" in answer.text
    item.refresh_from_db()
    assert item.published_on is None


def test_a_stale_case_result_form_is_refused_with_what_changed(district, register, steps):
    application = register()
    case = steps.review(application, D(2025, 5, 6), today=D(2025, 12, 31))
    first, second = two_clerks(district)
    url = reverse("litigation:case", args=[case.pk])
    result = reverse("litigation:result", args=[case.pk])
    opened_first, opened_second = first.get(url), second.get(url)

    saved = first.post(
        result,
        {"result": "upheld", "decided_on": "2025-07-01", "_version": version_of(opened_first)},
    )
    assert saved.status_code == 302
    stale = second.post(
        result,
        {"result": "corrected", "decided_on": "2025-07-02", "_version": version_of(opened_second)},
    )
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text
    assert "“审结结果”由“（空）”改为“结果维持”" in stale.text
    assert "“审结日期”由“（空）”改为“2025-07-01”" in stale.text
    assert 'value="2025-07-02"' in stale.text  # what the second clerk typed is kept
    assert Case.objects.get(pk=case.pk).result == "upheld"
    # The case now has a result: correcting it needs a reason, and the new version.
    again = second.post(
        result,
        {
            "result": "corrected",
            "decided_on": "2025-07-02",
            "reason": "复议决定书载明为纠正",
            "_version": version_of(stale),
        },
    )
    assert again.status_code == 302
    case.refresh_from_db()
    assert (case.result, case.decided_on) == ("corrected", D(2025, 7, 2))


def test_a_stale_outcome_correction_is_refused_with_what_changed(district, register, answer):
    from gongkai.web.applications.models import Application

    application = answer(register(), day=D(2025, 3, 20), legal_basis="条例第二十七条")
    first, second = Client(), Client()
    first.force_login(district.reviewer_a)
    second.force_login(district.reviewer_a)  # the same 审核人 in two browser tabs, or two of them
    url = reverse("applications:detail", args=[application.pk])
    act = reverse("applications:act", args=[application.pk, "change_outcome"])

    def correction(outcome: str, reason: str, opened) -> dict[str, str]:
        """The 更正办理结果 form as sent from the page ``opened`` (with its version)."""
        version = version_of(opened, "co-version")
        return {"co-outcome": outcome, "co-reason": reason, "co-version": version}

    opened_first, opened_second = first.get(url), second.get(url)
    assert ">Version<" not in opened_first.text  # hidden, without a label
    saved = first.post(act, correction("partial", "录入有误", opened_first))
    assert saved.status_code == 302
    stale = second.post(act, correction("unable.not_held", "应为信息不存在", opened_second))
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text
    assert "“办理结果”由“（一）予以公开”改为“（二）部分公开" in stale.text
    assert "应为信息不存在" in stale.text  # the reason typed is kept
    assert Application.objects.get(pk=application.pk).outcome == "partial"
    again = second.post(act, correction("unable.not_held", "应为信息不存在", stale))
    assert again.status_code == 302
    assert Application.objects.get(pk=application.pk).outcome == "unable.not_held"


def test_a_stale_letter_numbering_form_is_refused_with_what_changed(district):
    from gongkai.web.letters.models import LetterSettings

    first, second = Client(), Client()
    first.force_login(district.reviewer_a)
    second.force_login(district.office)
    page = reverse("letters:index") + f"?agency={district.dept_a.pk}"
    url = reverse("letters:settings_edit", args=[district.dept_a.pk])

    def token(page) -> str:
        return version_of(page, "version")

    opened_first, opened_second = first.get(page), second.get(page)
    saved = first.post(
        url, {"short_name": "教", "number_pattern": "", "version": token(opened_first)}
    )
    assert saved.status_code == 302
    stale = second.post(
        url, {"short_name": "区教育局", "number_pattern": "", "version": token(opened_second)}
    )
    assert stale.status_code == 400
    assert "他人已修改了这条记录" in stale.text and "“机关代字”由“（空）”改为“教”" in stale.text
    assert 'value="区教育局"' in stale.text  # what the user typed is kept
    assert LetterSettings.objects.get(agency=district.dept_a).short_name == "教"
    again = second.post(
        url, {"short_name": "区教育局", "number_pattern": "", "version": token(stale)}
    )
    assert again.status_code == 302
    assert LetterSettings.objects.get(agency=district.dept_a).short_name == "区教育局"
