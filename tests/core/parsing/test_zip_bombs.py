"""Hostile Word files (issue 13, item 4): a decompression bomb is refused before it is unpacked."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from gongkai.core.errors import UnreadableInput
from gongkai.core.parsing import read_report
from gongkai.core.zipguard import DOCX_LIMITS, MB, BrokenArchive, ZipLimits, check_archive


def docx_with_body(paragraphs: int, text: bytes = b"\xe5\x85\xac\xe5\xbc\x80" * 20) -> bytes:
    """A .docx whose document.xml holds ``paragraphs`` identical paragraphs, streamed."""
    document = docx.Document()
    plain = io.BytesIO()
    document.save(plain)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in source.infolist():
            if member.filename != "word/document.xml":
                target.writestr(member, source.read(member.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b"<w:body>"
            )
            block = (b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>") * 1000
            for _ in range(paragraphs // 1000):
                handle.write(block)
            handle.write(b"</w:body></w:document>")
    return out.getvalue()


def test_a_word_bomb_is_refused_with_a_chinese_reason():
    bomb = docx_with_body(600_000)  # ~86 MB of XML in a few hundred KB
    assert len(bomb) < 2 * MB
    with pytest.raises(UnreadableInput, match="Word 文件解压后过大"):
        read_report(bomb, "2024年报告.docx")


def test_an_ordinary_word_file_passes_the_guard():
    check_archive(docx_with_body(2_000), DOCX_LIMITS)


def test_the_limits_count_members_and_totals():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(5):
            archive.writestr(f"m{n}.txt", b"x" * 1000)
    data = out.getvalue()
    with pytest.raises(UnreadableInput, match="部件过多"):
        check_archive(data, ZipLimits(what="Excel 文件", max_members=4))
    with pytest.raises(UnreadableInput, match="解压后共4KB，上限3KB"):
        check_archive(data, ZipLimits(what="Excel 文件", max_total=4000))
    with pytest.raises(BrokenArchive, match="Word 文件已损坏"):
        check_archive(b"PK\x03\x04junk", DOCX_LIMITS)
