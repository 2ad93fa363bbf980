"""The letters pages through the test client: template editing with preview, generating and
downloading letters, uploading attachments, and what another agency's user cannot do."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import docx
import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.letters import default_template
from gongkai.web.letters.models import Attachment, Letter, LetterTemplate

KEY = "answer:granted"


def edit_url(district, key=KEY):
    return reverse("letters:template_edit", kwargs={"agency_id": district.dept_a.pk, "key": key})


def template_post(**changes):
    t = default_template(KEY)
    data = {
        "title": t.title,
        "body": t.body,
        "basis": t.basis,
        "remedy": t.remedy,
        "action": "save",
    }
    data.update(changes)
    return data


def test_the_index_lists_every_template_of_the_agency(client, district):
    client.force_login(district.officer_a)
    page = client.get(reverse("letters:index")).content.decode()
    assert "答复书：（三）不予公开 1.属于国家秘密" in page
    assert "征求第三方意见书" in page
    assert "示例区教育局公开〔" in page  # the example number


def test_the_edit_page_previews_the_template_with_sample_facts(client, district):
    client.force_login(district.reviewer_a)
    page = client.get(edit_url(district)).content.decode()
    assert 'id="preview"' in page
    assert "张三（示例）：" in page
    assert "第三十六条第二项" in page
    assert "{applicant_name}" in page  # the placeholder list


def test_a_preview_of_a_broken_template_names_the_unknown_placeholder_and_keeps_the_text(
    client, district
):
    client.force_login(district.reviewer_a)
    body = "{legal_basis}{申请人}"
    page = client.post(
        edit_url(district), template_post(body=body, action="preview")
    ).content.decode()
    assert "名称无效" in page
    assert "{legal_basis}{申请人}" in page  # what was typed is still in the form
    body = "{legal_basis}{applicant}"
    page = client.post(edit_url(district), template_post(body=body, action="save")).content.decode()
    assert "正文中有未知的占位符：{applicant}" in page
    assert not LetterTemplate.objects.exists()


def test_saving_a_template_makes_a_new_version_and_reset_returns_to_the_default(client, district):
    client.force_login(district.reviewer_a)
    body = default_template(KEY).body.replace("特此告知。", "特此答复。")
    response = client.post(edit_url(district), template_post(body=body))
    assert response.status_code == 302
    row = LetterTemplate.objects.get()
    assert row.version == 1 and "特此答复。" in row.body
    page = client.get(edit_url(district)).content.decode()
    assert "本机关第1版" in page and "特此答复。" in page
    client.post(edit_url(district), {"action": "reset"})
    assert LetterTemplate.objects.order_by("-version").first().is_default


def test_a_case_officer_may_preview_but_not_save(client, district):
    client.force_login(district.officer_a)
    page = client.post(edit_url(district), template_post()).content.decode()
    assert "审核人或公开办" in page
    assert not LetterTemplate.objects.exists()


def test_another_governments_user_cannot_open_the_agency_templates(client, district):
    client.force_login(district.outsider)
    assert client.get(edit_url(district)).status_code == 404


def test_a_letter_is_generated_and_downloaded_as_docx_and_pdf(client, district, answered):
    app = answered()
    client.force_login(district.officer_a)
    page = client.get(reverse("letters:application", kwargs={"pk": app.pk})).content.decode()
    assert "答复书：（一）予以公开" in page
    new = reverse("letters:letter_new", kwargs={"pk": app.pk, "key": KEY})
    form = client.get(new).content.decode()
    assert "现将该信息随本答复书一并提供给您" in form  # prefilled from the register
    data = {"issued_on": "2025-03-20", "decision": "现将该信息随本答复书一并提供给您（共3页）"}
    preview = client.post(new, {**data, "action": "preview"}).content.decode()
    assert "（生成时编号）" in preview and not Letter.objects.exists()
    response = client.post(new, {**data, "action": "generate"})
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.number == "示例区教育局公开〔2025〕第1号"

    docx_response = client.get(
        reverse("letters:letter_download", kwargs={"pk": letter.pk, "fmt": "docx"})
    )
    assert docx_response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in docx_response["Content-Disposition"]
    document = docx.Document(BytesIO(b"".join(docx_response.streaming_content)))
    assert any(p.text == letter.number for p in document.paragraphs)

    pdf_url = reverse("letters:letter_download", kwargs={"pk": letter.pk, "fmt": "pdf"})
    assert client.get(pdf_url + "?inline=1")["Content-Disposition"].startswith("inline")
    pdf_response = client.get(pdf_url)
    assert pdf_response["Content-Disposition"].startswith("attachment")
    assert pdf_response["Content-Type"] == "application/pdf"
    with pdfplumber.open(BytesIO(b"".join(pdf_response.streaming_content))) as pdf:
        text = "".join("".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert letter.number in text and "张三：" in text


def test_a_generation_with_missing_facts_shows_the_chinese_error_and_keeps_the_input(
    client, district, answered
):
    app = answered(outcome="withheld.state_secret")
    client.force_login(district.officer_a)
    new = reverse(
        "letters:letter_new", kwargs={"pk": app.pk, "key": "answer:withheld.state_secret"}
    )
    page = client.post(
        new, {"issued_on": "2025-03-20", "decision": "保留的文字", "action": "generate"}
    ).content.decode()
    assert "生成文书前请填写：理由说明" in page
    assert "保留的文字" in page
    assert not Letter.objects.exists()


def test_another_agency_cannot_see_or_download_the_letters(client, district, answered):
    from gongkai.web.letters import services
    from gongkai.web.letters.snapshots import LetterInput

    app = answered()
    letter = services.letter_generate(
        acting_user=district.officer_a,
        application=app,
        key=KEY,
        data=LetterInput(issued_on=dt.date(2025, 3, 20), decision="现予公开"),
    )
    client.force_login(district.officer_b)
    assert client.get(reverse("letters:application", kwargs={"pk": app.pk})).status_code == 404
    for fmt in ("docx", "pdf"):
        url = reverse("letters:letter_download", kwargs={"pk": letter.pk, "fmt": fmt})
        assert client.get(url).status_code == 404
    new = reverse("letters:letter_new", kwargs={"pk": app.pk, "key": KEY})
    assert client.post(new, {"issued_on": "2025-03-20"}).status_code == 404


def test_the_government_office_can_read_but_not_generate(client, district, answered):
    app = answered()
    client.force_login(district.office)
    page = client.get(reverse("letters:application", kwargs={"pk": app.pk})).content.decode()
    assert 'id="offered"' not in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("申请书.pdf", b"%PDF-1.4 scanned", "已上传附件“申请书.pdf”"),
        ("病毒.exe", b"MZ....", "不支持的文件类型（.exe）"),
    ],
)
def test_uploading_an_attachment_reports_the_result_in_chinese(
    client, district, register, name, content, message
):
    app = register()
    client.force_login(district.officer_a)
    url = reverse("letters:attachment_upload", kwargs={"pk": app.pk})
    page = client.post(
        url, {"kind": "application", "file": SimpleUploadedFile(name, content)}, follow=True
    ).content.decode()
    assert message in page


def test_an_oversized_upload_is_refused_and_nothing_is_stored(client, district, register, settings):
    settings.GONGKAI_ATTACHMENT_MAX_MB = 1
    app = register()
    client.force_login(district.officer_a)
    url = reverse("letters:attachment_upload", kwargs={"pk": app.pk})
    big = SimpleUploadedFile("扫描件.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024))
    page = client.post(url, {"kind": "application", "file": big}, follow=True).content.decode()
    assert "过大（2.0 MB）：单个附件不能超过 1 MB" in page
    assert not Attachment.objects.exists()


def test_an_attachment_is_downloaded_by_its_agency_only(client, district, register):
    app = register()
    client.force_login(district.officer_a)
    client.post(
        reverse("letters:attachment_upload", kwargs={"pk": app.pk}),
        {"kind": "correction", "file": SimpleUploadedFile("补正.txt", "补正内容".encode())},
    )
    attachment = Attachment.objects.get()
    url = reverse("letters:attachment_download", kwargs={"pk": attachment.pk})
    response = client.get(url)
    assert b"".join(response.streaming_content).decode() == "补正内容"
    client.force_login(district.officer_b)
    assert client.get(url).status_code == 404


def test_the_application_page_links_to_its_letters(client, district, register):
    app = register()
    client.force_login(district.officer_a)
    page = client.get(reverse("applications:detail", kwargs={"pk": app.pk})).content.decode()
    assert reverse("letters:application", kwargs={"pk": app.pk}) in page


def form_value(page: str, name: str) -> str:
    import re

    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page) or re.search(
        rf'name="{name}"[^>]*>([^<]*)</textarea>', page
    )
    return found.group(1).strip() if found else ""


def test_the_correction_notice_is_prefilled_from_the_register_and_linked_to_its_event(
    client, district, register, steps
):
    app = steps.start(register())
    steps.ask_correction(
        app, dt.date(2025, 3, 5), note="请写明所需文件的名称或文号", reply_by=dt.date(2025, 3, 20)
    )
    client.force_login(district.officer_a)
    url = reverse("letters:letter_new", kwargs={"pk": app.pk, "key": "correction"})
    page = client.get(url).content.decode()
    assert form_value(page, "correction_items") == "请写明所需文件的名称或文号"
    assert form_value(page, "correction_deadline") == "2025-03-20"
    assert form_value(page, "issued_on") == "2025-03-05"
    client.post(
        url,
        {
            "issued_on": "2025-03-05",
            "correction_items": "请写明所需文件的名称或文号",
            "correction_deadline": "2025-03-20",
            "action": "generate",
        },
    )
    letter = Letter.objects.get()
    assert letter.event.kind == "correction_requested"
    assert "请您于2025年3月20日前" in letter.text


def test_the_extension_notice_is_prefilled_with_both_due_dates_from_the_clock(
    client, district, register, steps
):
    app = steps.start(register())
    steps.ask_extension(app, dt.date(2025, 3, 25), "需调取档案")
    steps.approve_extension(app, dt.date(2025, 3, 26))
    client.force_login(district.officer_a)
    url = reverse("letters:letter_new", kwargs={"pk": app.pk, "key": "extension"})
    page = client.get(url).content.decode()
    assert form_value(page, "extension_days") == "20"
    assert form_value(page, "original_due_on") == "2025-03-31"  # 20 working days after 3 March
    # 20 more working days: 清明 (4-4 to 4-6) is off, Sunday 4-27 is a 调休 working day.
    assert form_value(page, "new_due_on") == "2025-04-28"
    assert form_value(page, "extension_reason") == "需调取档案"


def test_a_delivery_is_recorded_on_the_application_page(client, district, answered):
    from gongkai.web.letters import services
    from gongkai.web.letters.snapshots import LetterInput

    letter = services.letter_generate(
        acting_user=district.officer_a,
        application=answered(),
        key=KEY,
        data=LetterInput(issued_on=dt.date(2025, 3, 20), decision="现予公开"),
    )
    client.force_login(district.officer_a)
    url = reverse("letters:letter_delivery", kwargs={"pk": letter.pk})
    page = client.post(url, {"delivered_on": "2025/3/24", "method": "mail"}, follow=True)
    assert "送达日期“2025/3/24”无效" in page.content.decode()
    page = client.post(
        url,
        {"delivered_on": "2025-03-24", "method": "in_person", "note": "申请人本人签收"},
        follow=True,
    ).content.decode()
    assert "送达：2025-03-24 直接送达（申请人本人签收）" in page


def test_the_index_shows_which_templates_a_department_inherits(client, district, save_template):
    save_template(district.office, district.gov, "fee")
    client.force_login(district.officer_a)
    page = client.get(reverse("letters:index")).content.decode()
    assert "沿用示例区人民政府第1版" in page
    edit = client.get(edit_url(district, "fee")).content.decode()
    assert "沿用示例区人民政府第1版" in edit


def test_a_letter_dated_in_a_year_without_a_holiday_notice_warns_provisional(
    client, district, register, steps, time_machine
):
    """The dated fields are shown from the clock, disabled; a provisional (暂定) date warns."""
    import datetime as dt

    from gongkai.core.wallclock import CHINA

    time_machine.move_to(dt.datetime(2027, 3, 10, 10, tzinfo=CHINA), tick=False)
    asked = steps.ask_correction(
        register(arrived_on=dt.date(2027, 3, 1)),
        dt.date(2027, 3, 3),
        note="请写明年份",
        reply_by=dt.date(2027, 3, 24),
    )
    client.force_login(district.officer_a)
    page = client.get(reverse("letters:letter_new", args=[asked.pk, "correction"])).text
    assert 'id="provisional-warning"' in page and "2027年的放假安排尚未公布" in page
    assert "由办理记录按法定期限自动计算" in page
    assert 'name="correction_deadline" value="2027-03-24"' in page and "disabled" in page
