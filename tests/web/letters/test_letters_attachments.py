"""Attachment uploads: accepted types, refused types, sizes and disguised files."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.letters import services

PDF = b"%PDF-1.7\n" + b"0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100


def upload(district, application, name, content, user=None, kind="application"):
    return services.attachment_upload(
        acting_user=user or district.officer_a,
        application=application,
        upload=SimpleUploadedFile(name, content),
        kind=kind,
        description="申请书扫描件",
    )


def test_a_pdf_is_stored_with_its_name_type_and_size(district, register):
    attachment = upload(district, register(), "申请书.pdf", PDF)
    assert attachment.original_name == "申请书.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF)
    with attachment.file.open("rb") as handle:
        assert handle.read() == PDF


def test_an_executable_is_refused_naming_the_allowed_types(district, register):
    with pytest.raises(ApplicationError) as caught:
        upload(district, register(), "setup.exe", b"MZ" + b"0" * 10)
    assert caught.value.message.startswith("不支持的文件类型（.exe）：只能上传PDF、OFD、Word")


def test_a_file_larger_than_the_limit_is_refused_with_its_size(district, register, settings):
    settings.GONGKAI_ATTACHMENT_MAX_MB = 1
    with pytest.raises(ApplicationError, match=r"“大图.png”过大（1.5 MB）：单个附件不能超过 1 MB"):
        upload(district, register(), "大图.png", PNG + b"0" * (1536 * 1024 - len(PNG)))


def test_a_file_whose_content_does_not_match_its_extension_is_refused(district, register):
    with pytest.raises(ApplicationError, match=r"内容不是PDF文件，与扩展名\.pdf不符"):
        upload(district, register(), "伪装.pdf", PNG)


def test_an_empty_file_is_refused(district, register):
    with pytest.raises(ApplicationError, match="是空文件"):
        upload(district, register(), "空.txt", b"")


def test_a_binary_file_named_txt_is_refused(district, register):
    with pytest.raises(ApplicationError, match="不是文本文件"):
        upload(district, register(), "说明.txt", b"abc\x00def")


def test_an_officer_of_another_agency_cannot_upload(district, register):
    with pytest.raises(PermissionDenied):
        upload(district, register(), "申请书.pdf", PDF, user=district.officer_b)


def test_an_attachment_is_voided_once_and_keeps_its_first_reason(district, register):
    attachment = upload(district, register(), "申请书.pdf", PDF)
    services.attachment_void(acting_user=district.officer_a, attachment=attachment, reason="传错")
    with pytest.raises(ApplicationError, match="该附件已作废"):
        services.attachment_void(
            acting_user=district.officer_a, attachment=attachment, reason="再次作废"
        )
    attachment.refresh_from_db()
    assert attachment.voided and attachment.void_reason == "传错"
