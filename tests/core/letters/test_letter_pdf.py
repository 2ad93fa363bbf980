"""PDF letters: Chinese glyphs embedded and extractable (pdfplumber), rare characters included."""

from __future__ import annotations

import re
from io import BytesIO

import pdfplumber
import pytest
from letter_facts import facts_for

from gongkai.core.letters import (
    DEFAULT_TEMPLATES,
    Letter,
    LetterKind,
    Party,
    compose_letter,
    default_template,
    fonts_conf_path,
    parse_template_key,
    render_html,
    render_pdf,
)

SUBSET_FONT = re.compile(r"^[A-Z]{6}\+")


def letter_for(key: str, **changes: object) -> Letter:
    kind, _outcome = parse_template_key(key)
    return compose_letter(default_template(key), facts_for(kind, **changes))


def extract(data: bytes) -> tuple[str, set[str]]:
    """The text without white space (lines wrap anywhere in Chinese) and the font names."""
    with pdfplumber.open(BytesIO(data)) as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages)
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    return "".join(text.split()), fonts


@pytest.mark.parametrize("key", sorted(DEFAULT_TEMPLATES))
def test_every_letter_renders_to_a_pdf_whose_chinese_text_can_be_extracted(key: str) -> None:
    letter = letter_for(key)
    data = render_pdf(letter)
    assert data.startswith(b"%PDF-")
    text, fonts = extract(data)
    assert letter.title in text
    assert letter.number in text
    assert "".join(letter.legal_basis.split()) in text
    assert letter.addressee.name + "：" in text
    assert "定海区审交办" in text and "2025年3月20日" in text
    if letter.kind is LetterKind.ANSWER:
        assert "向定海区人民政府申请行政复议" in text
        if key.startswith("answer:withheld"):  # 复议前置: no direct lawsuit offered
            assert "6个月" not in text
        else:
            assert "6个月内依法向人民法院提起行政诉讼" in text
    assert all(SUBSET_FONT.match(name) for name in fonts), fonts


def test_rare_characters_in_a_name_are_embedded_and_extractable() -> None:
    letter = letter_for("answer:granted", applicant=Party("𠀀龘䶮"))
    text, fonts = extract(render_pdf(letter))
    assert "𠀀龘䶮：" in text
    assert any("HanaMin" in name for name in fonts), fonts


def test_rare_characters_are_never_taken_from_the_stand_in_with_empty_glyphs() -> None:
    # AR PL UKai maps U+4DAE 䶮 (and other Ext-A/B code points) to an empty glyph.
    letter = letter_for("answer:granted", applicant=Party("刘䶮"))
    with pdfplumber.open(BytesIO(render_pdf(letter))) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"] == "䶮"]
    assert chars
    assert all("UKai" not in c["fontname"] for c in chars), [c["fontname"] for c in chars]


def test_body_and_title_use_the_free_stand_ins_for_the_official_fonts() -> None:
    _text, fonts = extract(render_pdf(letter_for("answer:granted")))
    families = {SUBSET_FONT.sub("", name) for name in fonts}
    assert "Noto-Serif-CJK-SC" in families  # 方正小标宋简体 → Noto Serif CJK SC
    assert "gongkai-fangsong" in families  # 仿宋_GB2312, or AR PL UKai CN standing in for it


def test_the_html_declares_utf8_and_lists_the_official_fonts_first() -> None:
    html = render_html(letter_for("answer:granted"))
    assert '<meta charset="utf-8">' in html
    assert '<html lang="zh-CN">' in html
    assert 'font-family: "gongkai-fangsong", "Noto Serif CJK SC", "HanaMinA", "HanaMinB"' in html
    assert 'src: local("FangSong_GB2312"), local("FangSong"), local("UKaiCN")' in html
    assert '"方正小标宋简体", "Noto Serif CJK SC"' in html


def test_the_html_escapes_what_a_clerk_typed() -> None:
    html = render_html(letter_for("answer:granted", request_summary="<script>alert(1)</script>"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_the_fontconfig_file_ships_with_the_package_and_aliases_the_official_fonts() -> None:
    conf = fonts_conf_path().read_text(encoding="utf-8")
    for family in ("方正小标宋简体", "仿宋_GB2312", "黑体", "宋体"):
        assert f"<family>{family}</family>" in conf
    assert "<family>HanaMinB</family>" in conf


def test_the_pdf_metadata_names_the_letter_and_the_agency() -> None:
    letter = letter_for("answer:granted")
    with pdfplumber.open(BytesIO(render_pdf(letter))) as pdf:
        meta = pdf.metadata
    assert meta["Title"] == "政府信息公开申请答复书（定审交公开〔2025〕第12号）"
    assert meta["Author"] == "定海区审交办"
    assert str(meta["CreationDate"]).startswith("D:20250320")


def test_the_render_call_points_fontconfig_at_the_packaged_aliases(monkeypatch) -> None:
    import os

    import weasyprint

    seen: list[str | None] = []
    real = weasyprint.HTML

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(os.environ.get("FONTCONFIG_FILE"))
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", spy)
    monkeypatch.setenv("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    render_pdf(letter_for("correction"))
    assert seen == [str(fonts_conf_path())]
    assert os.environ["FONTCONFIG_FILE"] == "/etc/fonts/fonts.conf"  # restored afterwards
