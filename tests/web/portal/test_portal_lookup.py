"""Status look-up by 查询码: what the applicant sees (stage, dates, explanation, letters, the
answer), what nobody sees (officers, notes, other requests), 补正 online, notifications, and the
guards (one answer for every failure, CAPTCHA after failures, rate limit)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from portal_helpers import VALID_ID

from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications import services as app_services
from gongkai.web.applications.confirmation import application_confirm
from gongkai.web.common.models import AuditRecord
from gongkai.web.portal import captcha, selectors
from gongkai.web.portal.models import CorrectionUpload
from gongkai.web.portal.services import online_application_submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def online(district, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 3, 2, 0, tzinfo=dt.UTC))
    return online_application_submit(
        agency=district.dept_a,
        applicant=app_services.ApplicantData(
            kind="natural",
            name="李四",
            id_type="居民身份证",
            id_number=VALID_ID,
            phone="13900000000",
            email="lisi@example.com",
        ),
        subject="招生划片方案",
        requested_form="电子数据",
        delivery="电子邮件",
        now=dt.datetime(2025, 3, 3, 2, 0, tzinfo=dt.UTC),
    )


def look_up(client, code, who="李四", **extra):
    return client.post(reverse("portal:lookup"), {"code": code, "name_or_phone": who, **extra})


def see(client, code):
    """Look up again (a session lasts 8 hours; the tests jump days) and read the status page."""
    response = look_up(client, code)
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_a_wrong_code_and_a_wrong_name_get_the_same_answer(online):
    assert selectors.online_request_lookup(code=online.code, name_or_phone="李四") is not None
    assert selectors.online_request_lookup(code=online.code, name_or_phone="13900000000")
    assert selectors.online_request_lookup(code=online.code.lower(), name_or_phone=" 李四 ")
    assert selectors.online_request_lookup(code=online.code, name_or_phone="张三") is None
    assert selectors.online_request_lookup(code="0000-0000-0000-0000", name_or_phone="李四") is None
    assert selectors.online_request_lookup(code=online.code, name_or_phone="") is None
    wrong_name = look_up(Client(), online.code, "张三")
    wrong_code = look_up(Client(), "0000-0000-0000-0000", "李四")
    assert wrong_name.status_code == wrong_code.status_code == 400

    def message(r):
        return re.search(r'class="p-alert" role="alert"><p>([^<]+)<', r.content.decode()).group(1)

    assert (
        message(wrong_name)
        == message(wrong_code)
        == "查询码与姓名（名称）或联系电话不匹配，请核对后重试"
    )


def test_the_applicant_follows_the_request_to_the_answer_and_its_letter(
    client, district, online, time_machine
):
    response = look_up(client, online.code)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "等待受理机关确认收到" in page and "待受理机关确认后给出" in page
    assert "确认收到后计算" in page

    time_machine.move_to(dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC))
    app = application_confirm(
        acting_user=district.officer_a,
        application=online.online.application,
        day=dt.date(2025, 3, 4),
    )
    page = see(client, online.code)
    assert "jyj-2025-0001" in page and "2025年3月4日" in page and "2025年4月1日" in page
    assert "第三十一条" in page  # the explanation of the due date
    assert len(mail.outbox) == 0  # no SMTP configured

    time_machine.move_to(dt.datetime(2025, 3, 20, 2, 0, tzinfo=dt.UTC))
    app = app_services.application_start(acting_user=district.officer_a, application=app)
    app = app_services.application_answer(
        acting_user=district.officer_a,
        application=app,
        day=dt.date(2025, 3, 20),
        outcome="granted",
        legal_basis="条例第三十六条第二项",
        summary="现将该信息随本答复书一并提供给您。",
    )
    from gongkai.web.letters import services as letter_services
    from gongkai.web.letters.snapshots import LetterInput

    letter = letter_services.letter_generate(
        acting_user=district.officer_a,
        application=app,
        key="answer:granted",
        data=LetterInput(issued_on=dt.date(2025, 3, 20), decision="现将该信息提供给您"),
    )
    page = see(client, online.code)
    assert "已答复" in page and "予以公开" in page and "现将该信息随本答复书一并提供给您" in page
    assert letter.number in page
    # Officers' names and internal records stay inside.
    for secret in ("教育经办", "jyj_jbr", "审计"):
        assert secret not in page
    download = client.get(reverse("portal:status_letter", args=[online.online.pk, letter.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content)[:5] == b"%PDF-"
    # Without the look-up in this session: nothing.
    stranger = Client()
    assert (
        stranger.get(
            reverse("portal:status_letter", args=[online.online.pk, letter.pk])
        ).status_code
        == 404
    )
    assert stranger.get(response["Location"]).status_code == 302


def test_the_applicant_sends_a_correction_online(client, district, online, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC))
    app = application_confirm(
        acting_user=district.officer_a,
        application=online.online.application,
        day=dt.date(2025, 3, 4),
    )
    app_services.application_request_correction(
        acting_user=district.officer_a,
        application=app,
        day=dt.date(2025, 3, 4),
        note="请写明所需信息的年份",
        reply_by=dt.date(2025, 3, 18),
    )
    status_url = look_up(client, online.code)["Location"]
    page = see(client, online.code)
    assert "请写明所需信息的年份" in page and "2025年3月18日" in page
    assert client.post(status_url, {"text": ""}).status_code == 400
    response = client.post(status_url, {"text": "2024年度"})
    assert response.status_code == 302
    assert CorrectionUpload.objects.get().text == "2024年度"
    assert AuditRecord.objects.filter(
        application=app, action=AuditAction.ONLINE_CORRECTION
    ).exists()
    assert "您已于2025-03-04在线提交补正" in client.get(status_url).content.decode()


def test_the_applicant_is_mailed_when_smtp_is_configured(district, online, settings, time_machine):
    settings.USE_SMTP = True
    time_machine.move_to(dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC))
    application_confirm(
        acting_user=district.officer_a,
        application=online.online.application,
        day=dt.date(2025, 3, 4),
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lisi@example.com"] and "已确认收到" in message.subject
    assert "jyj-2025-0001" in message.body and online.code not in message.body
    assert "教育经办" not in message.body


def test_a_captcha_is_asked_after_three_failures_and_lookups_stop_after_twenty(online):
    client = Client()
    for _ in range(3):
        assert look_up(client, online.code, "王五").status_code == 400
    page = client.get(reverse("portal:lookup")).content.decode()
    assert "验证问题" in page
    # The right code and name without answering the question: refused.
    assert look_up(client, online.code).status_code == 400
    question = re.search(r"验证问题：([^（]+)等于多少", page).group(1)
    token = re.search(r'name="captcha_token" value="([^"]+)"', page).group(1)
    digits = "零一二三四五六七八九十"

    def value(text):
        if text.startswith("十"):
            return 10 + (digits.index(text[1]) if len(text) > 1 else 0)
        return digits.index(text)

    a, b = question.split("加")
    answer = str(value(a) + value(b))
    ok = look_up(client, online.code, captcha_token=token, captcha_answer=answer)
    assert ok.status_code == 302
    # A question is answered once only.
    assert not captcha.check(token, answer, dt.datetime(2025, 3, 3, 2, 1, tzinfo=dt.UTC))
    blocked = Client()
    for _ in range(20):
        look_up(blocked, online.code, "王五")
    refused = look_up(blocked, online.code)
    assert refused.status_code == 429 and "查询过于频繁" in refused.content.decode()


def test_no_public_page_lists_requests(client, online):
    for name in ("portal:index", "portal:apply_index", "portal:lookup"):
        html = client.get(reverse(name)).content.decode()
        assert "李四" not in html and "招生划片方案" not in html


def test_a_consultation_past_its_limit_is_not_shown_as_a_pause(
    client, district, online, time_machine
):
    """The applicant is not told the clock is paused once the consulted party's 15 working days
    (条例第三十二条) have passed: the agency must decide, and the answer period runs again."""
    time_machine.move_to(dt.datetime(2025, 3, 4, 2, 0, tzinfo=dt.UTC))
    app = application_confirm(
        acting_user=district.officer_a,
        application=online.online.application,
        day=dt.date(2025, 3, 4),
    )
    app = app_services.application_start(acting_user=district.officer_a, application=app)
    time_machine.move_to(dt.datetime(2025, 3, 7, 2, 0, tzinfo=dt.UTC))
    app_services.application_send_consultation(
        acting_user=district.officer_a,
        application=app,
        day=dt.date(2025, 3, 6),
        party="third_party",
        party_name="甲公司",
        delivered_on=dt.date(2025, 3, 7),  # reply due 15 working days later: 2025-03-28
    )
    assert "征求意见中（答复期限暂停计算）" in see(client, online.code)
    time_machine.move_to(dt.datetime(2025, 4, 1, 2, 0, tzinfo=dt.UTC))
    page = see(client, online.code)
    assert "征求意见期限已过，答复期限恢复计算" in page
    assert "征求意见中（答复期限暂停计算）" not in page
