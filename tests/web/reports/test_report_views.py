"""The workspace's pages through Django's test client: diff between versions, import by upload,
downloads scoped by permission."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.annual import AgencyInfo, compose, render
from gongkai.core.yearend import YearRecords, count_year
from gongkai.web.reports.job_models import ReportJobStatus
from gongkai.web.reports.models import PublishedReport, ReportImportJob


def _sign_in(client, username: str) -> None:
    # force_login: django-axes' backend refuses client.login(), which passes no request.
    client.force_login(User.objects.get(username=username))


def _docx(name: str, year: int, day: dt.date, other: str = "") -> bytes:
    from gongkai.core.annual import OfficerText

    counted = count_year(YearRecords(), year=year, agency=name)
    report = compose(
        counted, agency=AgencyInfo(name=name), text=OfficerText(other=other), published=day
    )
    return render(report, "docx")


def test_import_upload_then_diff_and_scoped_download(client, district):
    _sign_in(client, "gkb")
    for other in ("第一版说明。", "第二版更正后的说明。"):
        upload = SimpleUploadedFile(
            "2024.docx", _docx(district.dept_a.name, 2024, dt.date(2025, 1, 20), other)
        )
        response = client.post(
            "/reports/import/", {"agency": district.dept_a.pk, "file": upload}, follow=True
        )
        assert response.status_code == 200 and "已导入2024年度报告" in response.content.decode()
    first, second = PublishedReport.objects.filter(agency=district.dept_a).order_by("version")
    assert (first.version, second.version, second.supersedes_id) == (1, 2, first.pk)
    page = client.get(f"/reports/{district.dept_a.pk}/2024/").content.decode()
    assert first.files.get(kind="original").sha256 in page and "与第1版比较" in page
    diff = client.get(f"/reports/diff/{first.pk}/{second.pk}/").content.decode()
    assert "第二版更正后的说明" in diff and "diff-add" in diff
    download = client.get(f"/reports/version/{first.pk}/original/")
    assert (
        download.status_code == 200
        and download["X-Content-SHA256"] == first.files.get(kind="original").sha256
    )
    client.logout()
    _sign_in(client, "other_jbr")
    assert client.get(f"/reports/version/{first.pk}/original/").status_code == 404


def test_an_unreadable_upload_fails_its_job_with_a_chinese_message_and_stores_nothing(
    client, district
):
    _sign_in(client, "gkb")
    upload = SimpleUploadedFile("x.txt", b"not a report")
    response = client.post("/reports/import/", {"agency": district.dept_a.pk, "file": upload})
    job = ReportImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/import/{job.pk}/"
    # The test settings run tasks at once: the job has read the file and failed already.
    page = client.get(response["Location"]).content.decode()
    assert job.status == ReportJobStatus.FAILED and "无法读取该文件" in page
    assert "Refresh" not in client.get(response["Location"])
    assert not PublishedReport.objects.exists()


def test_a_wrong_file_type_or_year_is_refused_at_upload_without_a_job(client, district):
    _sign_in(client, "gkb")
    for data, fields, message in (
        ({"file": SimpleUploadedFile("x.xlsx", b"PK")}, {}, "只能导入"),
        ({"file": SimpleUploadedFile("x.txt", b"x")}, {"year": "二〇二四"}, "年度应填写四位数字"),
        ({"file": SimpleUploadedFile("x.txt", b"x")}, {"year": "1999"}, "年度应在2008至"),
    ):
        response = client.post("/reports/import/", {"agency": district.dept_a.pk, **data, **fields})
        assert response.status_code == 400 and message in response.content.decode()
    assert not ReportImportJob.objects.exists()
