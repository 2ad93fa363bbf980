"""签发 in 待我审批: where the agency wants it, an answer goes to the agency's 审核人 before it is
issued — 签发 (recorded with the signer and the date, which is the answer date), 不予签发 or 退回
with reasons; the 审核人 are notified; nobody signs their own; the clock is not paused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.vocabulary import AuditAction
from gongkai.core.wallclock import CHINA
from gongkai.web.applications import services
from gongkai.web.applications.inbox import approval_inbox_count, signoff_inbox
from gongkai.web.applications.models import SignoffState
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.models import AuditRecord
from gongkai.web.notifications.models import Notification
from gongkai.web.workcalendar.snapshots import work_calendar

D = dt.date
ANSWER = {"outcome": "granted", "legal_basis": "条例第三十六条第二项", "summary": "予以公开"}


@pytest.fixture
def signing_agency(district):
    district.dept_a.answers_need_signoff = True
    district.dept_a.save(update_fields=["answers_need_signoff"])
    return district.dept_a


@pytest.fixture
def april(time_machine):
    time_machine.move_to(dt.datetime(2025, 4, 3, 10, tzinfo=CHINA), tick=False)
    return D(2025, 4, 3)


SUBMITTED = D(2025, 3, 28)


def submitted(district, register, by=None, day=SUBMITTED):
    app = register()  # received 2025-03-03, due 2025-03-31
    services.application_submit_answer(
        acting_user=by or district.officer_a, application=app, day=day, **ANSWER
    )
    return app


def test_an_agency_requiring_signoff_refuses_a_direct_answer(district, register, signing_agency):
    with pytest.raises(ApplicationError, match="须经审核人签发"):
        services.application_answer(
            acting_user=district.officer_a, application=register(), day=D(2025, 3, 20), **ANSWER
        )


def test_a_submitted_answer_reaches_the_reviewer_and_notifies_them(
    district, register, signing_agency, april
):
    app = submitted(district, register)
    app.refresh_from_db()
    assert app.status == "registered" and app.closed_on is None  # not answered yet
    (item,) = signoff_inbox(user=district.reviewer_a, calendar=work_calendar(), today=april)
    assert item.application.pk == app.pk and item.signoff.legal_basis == ANSWER["legal_basis"]
    assert item.workdays_left < 0  # due 2025-03-31: the reviewer sees it is late
    assert approval_inbox_count(user=district.reviewer_a) == 1
    assert signoff_inbox(user=district.reviewer_b, calendar=work_calendar(), today=april) == []
    note = Notification.objects.get(user=district.reviewer_a, kind="approval")
    assert "待您签发" in note.message and app.number in note.message
    assert AuditRecord.objects.filter(application=app, action=AuditAction.ANSWER_SUBMIT).exists()


def test_signing_answers_on_the_day_of_signing_and_the_clock_was_not_paused(
    district, register, signing_agency, april
):
    app = submitted(district, register)
    services.application_sign_answer(acting_user=district.reviewer_a, application=app, day=april)
    app.refresh_from_db()
    assert app.status == "answered" and app.closed_on == april  # the answer date is 签发's
    assert app.due_on == D(2025, 3, 31)  # unchanged: waiting for 签发 does not pause the clock
    assert app.outcome == "granted" and app.legal_basis == ANSWER["legal_basis"]
    signoff = app.signoffs.get()
    assert signoff.state == SignoffState.SIGNED
    assert (signoff.decided_by, signoff.decided_on) == (district.reviewer_a, april)
    record = AuditRecord.objects.get(application=app, action=AuditAction.ANSWER_SIGN)
    assert record.actor == district.reviewer_a and record.changes["signed_on"] == "2025-04-03"
    assert AuditAction.ANSWER_SIGN.label == "签发答复"
    told = Notification.objects.get(user=district.officer_a, kind="approval_decided")
    assert "已于2025-04-03签发" in told.message and "已超过答复期限" in told.message
    assert approval_inbox_count(user=district.reviewer_a) == 0


def test_nobody_signs_their_own_answer(district, register, signing_agency, april):
    app = submitted(district, register, by=district.reviewer_a)
    assert signoff_inbox(user=district.reviewer_a, calendar=work_calendar(), today=april) == []
    assert approval_inbox_count(user=district.reviewer_a) == 0
    with pytest.raises(PermissionDenied, match="不能签发自己提交的答复"):
        services.application_sign_answer(
            acting_user=district.reviewer_a, application=app, day=april
        )
    with pytest.raises(PermissionDenied, match="审核人签发"):
        services.application_sign_answer(acting_user=district.officer_a, application=app, day=april)


@pytest.mark.parametrize(
    ("returned", "state", "what"), [(True, "returned", "退回"), (False, "rejected", "不予签发")]
)
def test_return_or_reject_needs_reasons_and_tells_the_officer(
    district, register, signing_agency, april, returned, state, what
):
    app = submitted(district, register)

    def decline(reason: str) -> None:
        services.application_decline_answer(
            acting_user=district.reviewer_a,
            application=app,
            day=april,
            reason=reason,
            returned=returned,
        )

    with pytest.raises(ApplicationError, match=f"请写明{what}的理由"):
        decline(" ")
    decline("依据不准确")
    app.refresh_from_db()
    assert app.status == "registered" and app.signoffs.get().state == state
    assert app.signoffs.get().reason == "依据不准确"
    told = Notification.objects.get(user=district.officer_a, kind="approval_decided")
    assert what in told.message and "依据不准确" in told.message
    # submitted again after revision
    services.application_submit_answer(
        acting_user=district.officer_a, application=app, day=april, **ANSWER
    )
    assert app.signoffs.filter(state="pending").count() == 1


def test_one_answer_at_a_time_waits_for_signoff(district, register, signing_agency, april):
    app = submitted(district, register)
    with pytest.raises(ApplicationError, match="已有待签发的答复"):
        services.application_submit_answer(
            acting_user=district.officer_a, application=app, day=april, **ANSWER
        )


def test_the_page_offers_submit_instead_of_answer_and_the_inbox_signs(
    client, district, register, signing_agency, april
):
    app = register()
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "提交签发" in page and 'name="an-outcome"' not in page
    client.post(
        reverse("applications:act", args=[app.pk, "submit_answer"]),
        {"sa-day": "2025-03-28", "sa-outcome": "granted", "sa-legal_basis": "条例第三十六条第二项"},
    )
    assert app.signoffs.filter(state="pending").exists()
    client.force_login(district.reviewer_a)
    inbox = client.get(reverse("applications:inbox")).content.decode()
    assert app.number in inbox and "条例第三十六条第二项" in inbox
    response = client.post(
        reverse("applications:act", args=[app.pk, "sign_answer"]),
        {"sg-day": "2025-04-03", "next": "inbox"},
    )
    assert response.status_code == 302 and response.url == reverse("applications:inbox")
    app.refresh_from_db()
    assert app.closed_on == april


def test_the_agency_setting_is_edited_on_the_agency_page(client, district):
    client.force_login(district.reviewer_a)
    form = client.get(reverse("orgs:edit", args=[district.dept_a.pk]))
    assert "答复须经审核人签发" in form.content.decode()


def test_the_agency_setting_is_saved_and_audited(district):
    from gongkai.web.orgs.services import agency_update_office

    agency = agency_update_office(
        acting_user=district.reviewer_a, agency=district.dept_a, answers_need_signoff=True
    )
    assert agency.answers_need_signoff is True
    record = AuditRecord.objects.filter(entity="agency", entity_id=str(agency.pk)).last()
    assert record.changes["answers_need_signoff"] == [False, True]


def test_no_answer_letter_is_issued_before_signoff(
    district, register, signing_agency, april, settings
):
    from gongkai.web.letters import services as letters

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    from gongkai.web.letters.snapshots import LetterInput

    app = submitted(district, register)
    data = LetterInput(issued_on=april, decision="现予公开")
    with pytest.raises(ApplicationError, match="签发后再出具答复书"):
        letters.letter_generate(
            acting_user=district.officer_a, application=app, key="answer:granted", data=data
        )
    services.application_sign_answer(acting_user=district.reviewer_a, application=app, day=april)
    app.refresh_from_db()
    letter = letters.letter_generate(
        acting_user=district.officer_a, application=app, key="answer:granted", data=data
    )
    assert letter.issued_on == april


def test_the_reviewer_previews_the_answer_letter_from_the_inbox(
    client, district, register, signing_agency, april, settings
):
    app = submitted(district, register)
    client.force_login(district.reviewer_a)
    inbox = client.get(reverse("applications:inbox")).content.decode()
    url = reverse("letters:letter_new", args=[app.pk, "answer:granted"])
    assert f'href="{url}"' in inbox
    form = client.get(url).content.decode()
    assert "《中华人民共和国政府信息公开条例》第三十六条第二项" in form  # the submitted basis
    assert "予以公开" in form  # the submitted summary
    data = {"issued_on": "2025-04-03", "decision": "予以公开", "action": "preview"}
    preview = client.post(url, data).content.decode()
    assert "根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定" in preview
