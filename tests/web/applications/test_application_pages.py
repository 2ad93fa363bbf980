"""The register's pages through the test client: login, queue, registration, detail, actions,
CSV export."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from request_steps import request_form

from gongkai.core import wallclock
from gongkai.web.applications import services
from gongkai.web.applications.models import Application

D = dt.date
PASSWORD = "gongkai-test-pass"

FORM = request_form(
    applicant_name="李四",
    phone="13900000000",
    subject="2024年区级财政预算执行情况",
    requested_form="电子数据",
    delivery="电子邮件",
)


@pytest.fixture
def officer_client(client, district):
    client.force_login(district.officer_a)
    return client


def test_the_login_page_is_in_chinese_and_refuses_a_wrong_password(client, district):
    page = client.get(reverse("login"))
    assert "登录" in page.text
    answer = client.post(reverse("login"), {"username": "jyj_jbr", "password": "wrong"})
    assert "用户名或密码不正确" in answer.text


def test_logging_in_leads_to_the_work_queue(client, district):
    answer = client.post(reverse("login"), {"username": "jyj_jbr", "password": PASSWORD})
    assert answer.status_code == 302
    assert answer["Location"] == reverse("applications:queue")


def test_pages_need_a_login(client):
    answer = client.get(reverse("applications:queue"))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("login"))


def test_an_empty_queue_says_so(officer_client):
    page = officer_client.get(reverse("applications:queue"))
    assert "没有符合条件的申请" in page.text


def test_registering_through_the_form_shows_the_new_request(officer_client, district):
    answer = officer_client.post(
        reverse("applications:register"), {**FORM, "agency": district.dept_a.pk}, follow=True
    )
    app = Application.objects.get()
    assert answer.redirect_chain[-1][0] == reverse("applications:detail", args=[app.pk])
    assert "已登记，受理编号 jyj-2025-0001" in answer.text
    assert "2025-03-31" in answer.text  # the due date
    assert "当面提交申请，提交之日即为收到申请之日" in answer.text  # the clock's explanation


def test_bad_input_re_renders_the_form_with_chinese_errors_and_keeps_what_was_typed(
    officer_client, district
):
    data = {**FORM, "agency": district.dept_a.pk, "arrived_on": "2025-13-45", "id_number": ""}
    answer = officer_client.post(reverse("applications:register"), data)
    assert answer.status_code == 200
    assert "“申请到达/签收日期”应为日期" in answer.text
    assert "请填写“证件号码”" in answer.text
    assert 'value="李四"' in answer.text
    assert "2024年区级财政预算执行情况" in answer.text
    assert Application.objects.count() == 0


def test_service_errors_land_on_their_fields(officer_client, district):
    data = {**FORM, "agency": district.dept_a.pk, "phone": "", "email": "", "address": ""}
    answer = officer_client.post(reverse("applications:register"), data)
    assert "请至少填写一种联系方式" in answer.text
    assert Application.objects.count() == 0


def test_a_user_cannot_register_for_an_agency_that_is_not_theirs(officer_client, district):
    data = {**FORM, "agency": district.dept_b.pk}
    answer = officer_client.post(reverse("applications:register"), data)
    assert "请从列表中选择" in answer.text
    assert Application.objects.count() == 0


def test_actions_move_the_due_date_on_the_page(officer_client, register, district):
    app = register()
    url = reverse("applications:act", args=[app.pk, "request_correction"])
    officer_client.post(url, {"rc-day": "2025-03-05", "rc-note": "请写明文件名称"})
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert "补正中" in page.text
    assert "暂停计算" in page.text
    url = reverse("applications:act", args=[app.pk, "receive_correction"])
    page = officer_client.post(url, {"cr-day": "2025-03-10"}, follow=True)
    assert "2025-04-08" in page.text


def test_a_refused_action_shows_the_reason_and_keeps_the_input(officer_client, register):
    app = register()
    url = reverse("applications:act", args=[app.pk, "request_correction"])
    page = officer_client.post(url, {"rc-day": "2025-03-20", "rc-note": "请补充材料"})
    assert page.status_code == 400
    assert "7个工作日内" in page.text
    assert "请补充材料" in page.text
    assert app.events.count() == 1


def test_an_officer_cannot_approve_an_extension_through_the_page(officer_client, register, steps):
    app = register()
    steps.ask_extension(app, D(2025, 3, 20))
    url = reverse("applications:act", args=[app.pk, "approve_extension"])
    answer = officer_client.post(url, {"ea-day": "2025-03-21"})
    assert answer.status_code == 403
    assert app.events.filter(kind="extension").count() == 0


def test_the_detail_page_shows_the_audit_trail_and_fees(officer_client, register):
    app = register()
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert "审计记录" in page.text
    assert "登记申请" in page.text
    assert "按件合计" in page.text
    assert "110***********1237" in page.text
    assert "110101199001011237" not in page.text


def test_the_queue_lists_overdue_and_waiting_requests(officer_client, register, steps):
    overdue = register()  # due 2025-03-31, long past
    waiting = steps.ask_correction(register(), D(2025, 3, 4))
    page = officer_client.get(reverse("applications:queue"), {"view": "overdue"})
    assert overdue.number in page.text
    assert waiting.number not in page.text
    page = officer_client.get(reverse("applications:queue"), {"view": "waiting"})
    assert waiting.number in page.text
    assert overdue.number not in page.text


def test_queue_filters_by_applicant_type(officer_client, register):
    register()
    company = register(
        applicant=services.ApplicantData(
            kind="commercial", name="某某公司", id_number="91110000000000000X", phone="13800000000"
        )
    )
    page = officer_client.get(
        reverse("applications:queue"), {"view": "all", "applicant_kind": "commercial"}
    )
    assert company.number in page.text
    assert "jyj-2025-0001" not in page.text


def test_htmx_gets_only_the_table(officer_client, register):
    register()
    page = officer_client.get(reverse("applications:queue"), headers={"HX-Request": "true"})
    assert "<table" in page.text
    assert "<html" not in page.text


def test_the_csv_export_masks_id_numbers(officer_client, register):
    register()
    answer = officer_client.get(reverse("applications:queue_csv"), {"view": "all"})
    text = b"".join(answer.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("受理编号,受理机关,申请人")
    assert "110***********1237" in row
    assert "110101199001011237" not in text


def test_the_audit_trail_is_shown_in_chinese(officer_client, register, steps):
    app = steps.ask_correction(register(), D(2025, 3, 5))
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert "状态：登记 → 补正中" in page.text
    assert "答复期限：2025-03-31 → （空）" in page.text


def test_an_answer_dated_in_a_2019_format_year_can_use_that_formats_row(officer_client, register):
    app = register(arrived_on=D(2020, 6, 1))
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert "（六）其他处理（2019—2020年度格式）" in page.text
    officer_client.post(
        reverse("applications:act", args=[app.pk, "answer"]),
        {"an-day": "2020-06-10", "an-outcome": "other", "an-legal_basis": "条例第三十条"},
    )
    app.refresh_from_db()
    assert (app.status, app.outcome) == ("answered", "other")


def test_an_art_35_due_date_set_on_the_page_replaces_the_statutory_one(officer_client, register):
    app = register()
    page = officer_client.post(
        reverse("applications:act", args=[app.pk, "set_due_date"]),
        {"dd-day": "2025-03-06", "dd-due": "2025-05-30", "dd-reason": "一个月内提出50件申请"},
        follow=True,
    )
    assert "2025-05-30" in page.text
    assert "确定答复期限" not in page.text.split("办理</h2>", 1)[1].split("信息处理费")[0]


def test_a_request_is_reassigned_on_the_page(officer_client, register, district):
    app = register()
    page = officer_client.post(
        reverse("applications:act", args=[app.pk, "assign"]),
        {"as-assignee": district.reviewer_a.pk},
        follow=True,
    )
    assert "已分配经办人" in page.text
    app.refresh_from_db()
    assert app.assigned_to == district.reviewer_a


def test_requests_due_within_three_working_days_are_flagged(officer_client, register):

    from gongkai.web.workcalendar.snapshots import work_calendar

    calendar, today = work_calendar(), wallclock.today()
    soon_until = calendar.add_workdays(today, 3)
    arrived = today
    while calendar.add_workdays(arrived, 20) > soon_until:
        arrived -= dt.timedelta(days=1)
    app = register(arrived_on=arrived)
    page = officer_client.get(reverse("applications:queue"), {"view": "soon"})
    assert app.number in page.text
    assert "即将到期" in page.text


def test_the_detail_page_lists_the_reviews_of_the_request_and_links_to_register_one(
    officer_client, register, answer, steps
):
    app = answer(register(), day=D(2025, 3, 10), legal_basis="条例第三十六条第一项")
    steps.review(app, D(2025, 4, 1), number="云溪复〔2025〕1号", today=D(2025, 4, 2))
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert "云溪复〔2025〕1号" in page.text
    assert "行政复议" in page.text and "尚未审结" in page.text
    assert f"{reverse('litigation:new')}?application={app.pk}" in page.text
    # The case's audit record on the request's trail reads in Chinese, not in field names.
    assert "申请复议/起诉日期：2025-04-01" in page.text
    assert "本机关作为复议机关为共同被告：否" in page.text
    assert "filed_on" not in page.text and "False" not in page.text


def test_a_request_without_cases_says_so(officer_client, register):
    page = officer_client.get(reverse("applications:detail", args=[register().pk]))
    assert "本申请没有登记行政复议或行政诉讼案件" in page.text


def test_the_detail_page_offers_the_letter_the_last_event_calls_for(
    officer_client, steps, register
):
    app = steps.ask_correction(register(), D(2025, 3, 4), note="请说明所需信息的具体名称")
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert 'id="suggested-letters"' in page.text
    assert "补正通知书" in page.text
    assert reverse("letters:letter_new", kwargs={"pk": app.pk, "key": "correction"}) in page.text


def test_someone_who_only_reads_is_offered_no_letter_and_no_case_form(
    client, district, register, steps
):
    app = steps.ask_correction(register(), D(2025, 3, 4))
    client.force_login(district.admin)  # reads the whole government, handles nothing
    page = client.get(reverse("applications:detail", args=[app.pk]))
    assert page.status_code == 200
    assert 'id="suggested-letters"' not in page.text
    assert "登记复议诉讼</a>" not in page.text


def test_a_request_closed_while_waiting_for_a_correction_shows_its_end_not_a_paused_clock(
    officer_client, district, register, steps
):
    app = steps.ask_correction(
        register(), D(2025, 3, 4), note="请写明所需信息的名称", reply_by=D(2025, 3, 18)
    )
    app = services.application_close_lapsed(
        acting_user=district.officer_a, application=app, day=D(2025, 3, 20)
    )
    page = officer_client.get(reverse("applications:detail", args=[app.pk]))
    assert '<p class="due-big" id="due-date">已终止</p>' in page.text
    assert "暂停计算" not in page.text
    assert "补正期限 2025-03-18" in page.text  # the event's date says what it is


def test_the_csv_export_neutralises_formulas_in_every_field(officer_client, register):
    from gongkai.web.applications import services as s

    register(
        applicant=s.ApplicantData(
            kind="natural",
            name='=HYPERLINK("http://evil/","点我")',
            id_type="居民身份证",
            id_number="110101199001011237",
            phone="13800000000",
        ),
        subject="@SUM(1+1)*cmd|' /C calc'!A0",
    )
    answer = officer_client.get(reverse("applications:queue_csv"), {"view": "all"})
    text = b"".join(answer.streaming_content).decode("utf-8-sig")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][2] == '\'=HYPERLINK("http://evil/","点我")'
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in row)
