"""The online application (条例 第二十九条): 待确认 in the queue, the officer's confirmation fixes
the day of receipt (第三十一条第三项) and the 受理编号; the 查询码; ID checks; the PDF copy."""

from __future__ import annotations

import datetime as dt
import io
import re

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from portal_helpers import VALID_ID, form_data

from gongkai.core.idcard import check_resident_id
from gongkai.core.vocabulary import AuditAction
from gongkai.web.applications.confirmation import application_confirm
from gongkai.web.applications.enums import EventKind, Status
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import ApplicantData, FormErrors
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.models import AuditRecord
from gongkai.web.portal import codes
from gongkai.web.portal.models import OnlineRequest
from gongkai.web.portal.services import online_application_submit

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def submit(district, **kw):
    args = {
        "agency": district.dept_a,
        "applicant": ApplicantData(
            kind="natural",
            name="李四",
            id_type="居民身份证",
            id_number=VALID_ID,
            phone="13900000000",
        ),
        "subject": "招生划片方案",
        "requested_form": "电子数据",
        "delivery": "邮寄",
        "now": NOW,
    }
    args.update(kw)
    return online_application_submit(**args)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (VALID_ID, None),
        (VALID_ID.lower(), None),
        ("110105194912310021", "校验位"),
        ("11010519491231002", "18位"),
        ("110105194902300021", "出生日期"),
        ("1101051949123100AX", "前17位"),
    ],
)
def test_resident_id_numbers_are_checked_with_their_check_character(number, problem):
    message = check_resident_id(number)
    if problem is None:
        assert message is None
    else:
        assert message is not None and problem in message


def test_an_online_application_waits_unnumbered_in_the_queue_until_confirmed(
    district, time_machine
):
    time_machine.move_to(dt.datetime(2025, 3, 5, 9, 0, tzinfo=dt.UTC))
    result = submit(district)
    app = result.online.application
    assert app.status == Status.PENDING and app.number == "" and app.due_on is None
    assert app.channel == "online" and not app.events.exists()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", result.code)
    assert result.online.code_digest == codes.digest(result.code)
    assert result.code.replace("-", "") not in result.online.code_digest
    # Two pending applications of one agency coexist (no number clash).
    submit(district)
    assert Application.objects.filter(status=Status.PENDING).count() == 2

    confirmed = application_confirm(
        acting_user=district.officer_a, application=app, day=dt.date(2025, 3, 4)
    )
    assert confirmed.status == Status.REGISTERED
    assert confirmed.number == "jyj-2025-0001"
    assert confirmed.received_on == dt.date(2025, 3, 4) == confirmed.confirmed_on
    assert confirmed.due_on == dt.date(2025, 4, 1)  # 20 working days from the day after
    assert confirmed.events.get().kind == EventKind.RECEIVED
    assert AuditRecord.objects.filter(application=app, action=AuditAction.ONLINE_CONFIRM).exists()
    with pytest.raises(ApplicationError, match="不需要再确认"):
        application_confirm(
            acting_user=district.officer_a, application=app, day=dt.date(2025, 3, 4)
        )


def test_confirmation_cannot_precede_submission_nor_come_from_another_agency(
    district, time_machine
):
    time_machine.move_to(dt.datetime(2025, 3, 5, 9, 0, tzinfo=dt.UTC))
    app = submit(district).online.application
    with pytest.raises(ApplicationError, match="不能早于网上提交之日"):
        application_confirm(
            acting_user=district.officer_a, application=app, day=dt.date(2025, 3, 2)
        )
    with pytest.raises(ApplicationError, match="不能晚于今天"):
        application_confirm(
            acting_user=district.officer_a, application=app, day=dt.date(2025, 3, 6)
        )
    from gongkai.web.common.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        application_confirm(
            acting_user=district.officer_b, application=app, day=dt.date(2025, 3, 5)
        )


def test_pending_applications_are_not_counted_in_the_year_end_tables(district, time_machine):
    from gongkai.web.yearend.selectors import year_records

    time_machine.move_to(dt.datetime(2025, 3, 5, 9, 0, tzinfo=dt.UTC))
    submit(district)
    assert list(year_records(agency=district.dept_a, year=2025).requests) == []


def test_bad_ids_and_uploads_are_refused_with_what_to_fix(district):
    with pytest.raises(FormErrors) as caught:
        submit(
            district,
            applicant=ApplicantData(
                kind="natural", name="李四", id_type="居民身份证", id_number="110105194912310021"
            ),
            id_proof=SimpleUploadedFile("id.jpg", b"MZ\x90\x00 not an image", "image/jpeg"),
        )
    errors = caught.value.errors
    assert "校验位" in errors["id_number"]
    assert "联系方式" in errors["phone"]
    assert "内容不是这几种格式" in errors["id_proof"]
    big = SimpleUploadedFile("id.png", PNG + b"\x00" * (5 * 1024 * 1024), "image/png")
    with pytest.raises(FormErrors) as caught:
        submit(district, id_proof=big)
    assert "不能超过 5 MB" in caught.value.errors["id_proof"]
    assert not Application.objects.exists()


def test_an_organisation_gives_its_credit_code(district):
    with pytest.raises(FormErrors) as caught:
        submit(
            district,
            applicant=ApplicantData(
                kind="commercial",
                name="某公司",
                id_type="居民身份证",
                id_number=VALID_ID,
                phone="1",
            ),
        )
    assert "统一社会信用代码" in caught.value.errors["id_type"]


def test_applying_in_the_browser_form_gives_the_code_and_a_pdf_copy(client, district):
    proof = SimpleUploadedFile("身份证.png", PNG, "image/png")
    response = client.post(reverse("portal:apply"), {**form_data(district), "id_proof": proof})
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    code = re.search(r'id="query-code">([^<]+)<', html).group(1)
    assert codes.well_formed(code)
    assert "110***********002X" in html and VALID_ID not in html
    assert "no-store" in page["Cache-Control"]
    online = OnlineRequest.objects.get()
    assert online.id_proof_type == "PNG" and online.id_proof.name.endswith(".png")
    pdf = client.get(reverse("portal:copy_pdf", args=[online.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as doc:
        text = "".join(p.extract_text() or "" for p in doc.pages)
    assert "政府信息公开申请表" in text and code in text and "李四" in text
    assert VALID_ID not in text
    # Another browser without the session sees nothing.
    from django.test import Client

    other = Client()
    assert other.get(reverse("portal:copy_pdf", args=[online.pk])).status_code == 404
    assert other.get(reverse("portal:submitted", args=[online.pk])).status_code == 302


def test_a_bad_form_keeps_what_was_typed(client, district):
    response = client.post(
        reverse("portal:apply"), form_data(district, id_number="110105194912310021")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "校验位不正确" in html and "2024年义务教育阶段学校招生划片方案" in html
    assert not Application.objects.exists()


def test_the_officer_confirms_on_the_workbench(client, district, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 5, 9, 0, tzinfo=dt.UTC))
    app = submit(district).online.application
    client.force_login(district.officer_a)
    queue = client.get(reverse("applications:queue")).content.decode()
    assert "待确认" in queue
    detail = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "确认收到网上申请" in detail and "尚待确认" in detail
    assert "发出补正通知" not in detail  # nothing else until it is received
    response = client.post(
        reverse("applications:act", args=[app.pk, "confirm"]), {"cf-day": "2025-03-05"}
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.number == "jyj-2025-0001" and app.received_on == dt.date(2025, 3, 5)


def test_applying_is_rate_limited(client, district, settings):
    for _ in range(5):
        assert client.post(reverse("portal:apply"), form_data(district)).status_code == 302
    response = client.post(reverse("portal:apply"), form_data(district))
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()
    assert Application.objects.count() == 5


def test_the_officer_opens_the_id_proof_and_nobody_else_does(client, district):
    proof = SimpleUploadedFile("id.png", PNG, "image/png")
    response = client.post(reverse("portal:apply"), {**form_data(district), "id_proof": proof})
    assert response.status_code == 302
    app = Application.objects.get()
    url = reverse("portal:staff_proof", args=[app.pk])
    assert client.get(url).status_code == 302  # the applicant's browser: to the login page
    client.force_login(district.officer_b)  # another agency
    assert client.get(url).status_code == 404
    client.force_login(district.officer_a)
    detail = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert reverse("portal:staff_online", args=[app.pk]) in detail
    materials = client.get(reverse("portal:staff_online", args=[app.pk])).content.decode()
    assert "下载（PNG）" in materials
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG


def test_a_pending_application_is_reachable_from_the_queue(client, district):
    submit(district)
    client.force_login(district.officer_a)
    html = client.get(reverse("applications:queue")).content.decode()
    app = Application.objects.get()
    assert (
        f'<a href="{reverse("applications:detail", args=[app.pk])}">网上申请（待确认）</a>' in html
    )
    assert "确认后计算" in html
