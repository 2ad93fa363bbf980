"""DOCX letters: re-read with python-docx, every outcome of both formats, Chinese fonts set."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from letter_facts import facts_for

from gongkai.core.formats import FORMATS
from gongkai.core.letters import (
    Letter,
    LetterKind,
    compose_letter,
    default_template,
    render_docx,
    template_key,
)

OUTCOME_CASES = [(fmt.key, key) for fmt in FORMATS.values() for key in fmt.outcome_rows]
NOTICES = [LetterKind.CORRECTION, LetterKind.EXTENSION, LetterKind.CONSULTATION, LetterKind.FEE]


def answer(outcome: str) -> Letter:
    template = default_template(template_key(LetterKind.ANSWER, outcome))
    return compose_letter(template, facts_for(LetterKind.ANSWER))


def reread(letter: Letter) -> docx.document.Document:
    return docx.Document(BytesIO(render_docx(letter)))


def text_of(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(("fmt", "outcome"), OUTCOME_CASES)
def test_every_answer_renders_with_number_basis_and_remedy(fmt: str, outcome: str) -> None:
    letter = answer(outcome)
    text = text_of(reread(letter))
    assert "政府信息公开申请答复书" in text
    assert "定审交公开〔2025〕第12号" in text
    assert letter.legal_basis in text
    assert "60日内" in text and "向定海区人民政府申请行政复议" in text
    if outcome.startswith("withheld"):  # 复议前置 (行政复议法 第二十三条第一款第四项)
        assert "6个月" not in text and "行政复议决定书之日起15日内" in text
    else:
        assert "6个月内依法向人民法院提起行政诉讼" in text
    assert "王龘：" in text


@pytest.mark.parametrize("kind", NOTICES)
def test_every_notice_renders_with_its_number_and_basis(kind: LetterKind) -> None:
    letter = compose_letter(default_template(kind.value), facts_for(kind))
    text = text_of(reread(letter))
    assert f"定审交{kind.series}〔2025〕第12号" in text
    assert letter.legal_basis in text
    assert letter.title in text


@pytest.mark.parametrize("outcome", ["granted", "withheld.third_party", "other.no_fee_paid"])
def test_every_run_names_its_east_asian_font(outcome: str) -> None:
    document = reread(answer(outcome))
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [run for p in document.sections[0].footer.paragraphs for run in p.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert fonts is not None, run.text
        assert fonts.get(qn("w:eastAsia")), run.text
        lang = run._r.rPr.find(qn("w:lang"))
        assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_title_body_and_page_number_use_the_official_fonts() -> None:
    document = reread(answer("granted"))

    def east_asian(paragraph_text: str) -> str:
        for paragraph in document.paragraphs:
            if paragraph.text.startswith(paragraph_text):
                return str(paragraph.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")))
        raise AssertionError(paragraph_text)

    assert east_asian("政府信息公开申请答复书") == "方正小标宋简体"
    assert east_asian("2025年3月5日") == "仿宋_GB2312"
    assert east_asian("如对本答复不服") == "仿宋_GB2312"
    title = next(p for p in document.paragraphs if p.text == "政府信息公开申请答复书")
    assert title.runs[0].font.size.pt == 22
    footer = document.sections[0].footer.paragraphs[0]
    assert footer._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE"


def test_a_heading_line_is_set_in_heiti() -> None:
    from dataclasses import replace

    template = replace(
        default_template("answer:granted"), body="# 一、答复意见\n{decision}{legal_basis}"
    )
    document = reread(compose_letter(template, facts_for(LetterKind.ANSWER)))
    heading = next(p for p in document.paragraphs if p.text == "一、答复意见")
    assert heading.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_the_page_is_a4_with_official_margins() -> None:
    section = reread(answer("granted")).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1)


def test_the_document_language_is_simplified_chinese() -> None:
    document = reread(answer("granted"))
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:eastAsia")) == "zh-CN"
    assert document.core_properties.language == "zh-CN"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_core_properties_carry_the_number_and_the_letter_date() -> None:
    props = reread(answer("granted")).core_properties
    assert props.title == "政府信息公开申请答复书（定审交公开〔2025〕第12号）"
    assert props.author == "定海区审交办"
    assert props.created.date().isoformat() == "2025-03-20"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx_and_keeps_the_chinese_text(tmp_path: Path) -> None:
    source = tmp_path / "letter.docx"
    source.write_bytes(render_docx(answer("withheld.state_secret")))
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with pdfplumber.open(tmp_path / "letter.pdf") as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages)
    flat = "".join(text.split())
    assert "定审交公开〔2025〕第12号" in flat
    assert "已依法确定为国家秘密" in flat
    assert "王龘" in flat


# The order CT_RPr requires (ECMA-376 Part 1, 17.3.2.28), for the elements we write.
RPR_ORDER = ["rStyle", "rFonts", "b", "i", "color", "sz", "szCs", "u", "lang"]


def test_run_properties_keep_the_schema_order_word_insists_on() -> None:
    from docx.oxml.ns import nsmap

    document = reread(answer("granted"))
    parts = [document.element, document.sections[0].footer._element, document.styles.element]
    w = "{" + nsmap["w"] + "}"
    for part in parts:
        for rpr in part.iter(f"{w}rPr"):
            names = [child.tag.removeprefix(w) for child in rpr]
            known = [n for n in names if n in RPR_ORDER]
            assert known == sorted(known, key=RPR_ORDER.index), names
