"""No lost updates on the registers' edit forms (issue 13, item 1): the publication form of a
目录 item and the result form of a review/litigation case. Two clerks open the same form; the
one who saves second is refused with a Chinese message saying what changed, keeps what they
typed, and saves knowingly on a second submission."""

from __future__ import annotations

import datetime as dt
import re

import proactive_records as records
import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.litigation.models import Case
from gongkai.web.proactive.models import Channel, Item

D = dt.date


def version_of(page, name: str = "_version") -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', page.text)
    assert match, "the form carries its version"
    return match.group(1)


def clerks(*users):
    """A signed-in test client for each of ``users`` (the same user twice: two browser tabs)."""
    clients = [Client() for _ in users]
    for client, user in zip(clients, users, strict=True):
        client.force_login(user)
    return clients


def two_clerks(district):
    return clerks(district.officer_a, district.reviewer_a)


def race(first, second, page, action, saved, stale, version="_version"):
    """Both clerks open ``page``; the first sends ``saved`` to ``action`` and it is saved, then the
    second sends ``stale`` from the form they opened before and is refused, told the record
    changed. Returns that refusal (its form carries the new version)."""
    opened_first, opened_second = first.get(page), second.get(page)
    answer = first.post(action, saved | {version: version_of(opened_first, version)})
    assert answer.status_code == 302
    refused = second.post(action, stale | {version: version_of(opened_second, version)})
    assert refused.status_code == 400
    assert "他人已修改了这条记录" in refused.text
    return refused


@pytest.fixture
def item(district):
    records.channel(district)
    records.channel(district, "new_media", "示例教育")
    return records.register_item(
        district,
        records.category(district),
        index_number="A-1",
        title="区教育局召开工作会",
        published_on=None,
        today=D(2025, 12, 31),
    )


def test_a_stale_publication_form_is_refused_with_what_changed(district, item):
    portal, media = (
        Channel.objects.filter(agency=item.agency).order_by("id").values_list("pk", flat=True)
    )
    first, second = two_clerks(district)
    url = reverse("proactive:item", args=[item.pk])
    publish = reverse("proactive:publish", args=[item.pk])
    mine = {"published_on": "2025-03-04", "channels": [media]}
    stale = race(
        first, second, url, publish, {"published_on": "2025-03-05", "channels": [portal]}, mine
    )
    assert "“公开日期”由“（空）”改为“2025-03-05”" in stale.text
    assert "“发布渠道”由“（空）”改为“示例区门户网站”" in stale.text
    assert 'value="2025-03-04"' in stale.text  # what the second clerk typed is kept
    item.refresh_from_db()
    assert item.published_on == D(2025, 3, 5)
    # Submitting again after seeing the change saves it, knowingly.
    again = second.post(publish, mine | {"_version": version_of(stale)})
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
    mine = {"result": "corrected", "decided_on": "2025-07-02"}
    stale = race(first, second, url, result, {"result": "upheld", "decided_on": "2025-07-01"}, mine)
    assert "“审结结果”由“（空）”改为“结果维持”" in stale.text
    assert "“审结日期”由“（空）”改为“2025-07-01”" in stale.text
    assert 'value="2025-07-02"' in stale.text  # what the second clerk typed is kept
    assert Case.objects.get(pk=case.pk).result == "upheld"
    # The case now has a result: correcting it needs a reason, and the new version.
    again = second.post(
        result, mine | {"reason": "复议决定书载明为纠正", "_version": version_of(stale)}
    )
    assert again.status_code == 302
    case.refresh_from_db()
    assert (case.result, case.decided_on) == ("corrected", D(2025, 7, 2))


def test_a_stale_outcome_correction_is_refused_with_what_changed(district, register, answer):
    from gongkai.web.applications.models import Application

    application = answer(register(), day=D(2025, 3, 20), legal_basis="条例第二十七条")
    # the same 审核人 in two browser tabs, or two of them
    first, second = clerks(district.reviewer_a, district.reviewer_a)
    url = reverse("applications:detail", args=[application.pk])
    act = reverse("applications:act", args=[application.pk, "change_outcome"])
    assert ">Version<" not in first.get(url).text  # hidden, without a label
    mine = {"co-outcome": "unable.not_held", "co-reason": "应为信息不存在"}
    saved = {"co-outcome": "partial", "co-reason": "录入有误"}
    stale = race(first, second, url, act, saved, mine, version="co-version")
    assert "“办理结果”由“（一）予以公开”改为“（二）部分公开" in stale.text
    assert "应为信息不存在" in stale.text  # the reason typed is kept
    assert Application.objects.get(pk=application.pk).outcome == "partial"
    again = second.post(act, mine | {"co-version": version_of(stale, "co-version")})
    assert again.status_code == 302
    assert Application.objects.get(pk=application.pk).outcome == "unable.not_held"


def test_a_stale_letter_numbering_form_is_refused_with_what_changed(district):
    from gongkai.web.letters.models import LetterSettings

    first, second = clerks(district.reviewer_a, district.office)
    page = reverse("letters:index") + f"?agency={district.dept_a.pk}"
    url = reverse("letters:settings_edit", args=[district.dept_a.pk])
    mine = {"short_name": "区教育局", "number_pattern": ""}
    saved = {"short_name": "教", "number_pattern": ""}
    stale = race(first, second, page, url, saved, mine, version="version")
    assert "“机关代字”由“（空）”改为“教”" in stale.text
    assert 'value="区教育局"' in stale.text  # what the user typed is kept
    assert LetterSettings.objects.get(agency=district.dept_a).short_name == "教"
    again = second.post(url, mine | {"version": version_of(stale, "version")})
    assert again.status_code == 302
    assert LetterSettings.objects.get(agency=district.dept_a).short_name == "区教育局"
