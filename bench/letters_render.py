"""Benchmark: time to compose and render one letter as DOCX and as PDF (issue 4, item 4).

    uv run python bench/letters_render.py             # every default template, 5 rounds
    uv run python bench/letters_render.py --rounds 20

The first PDF of a process pays for loading Pango and the CJK fonts; it is reported apart.
Each rendered file is checked (DOCX re-read with python-docx, PDF text with pdfplumber) so that
a fast wrong answer cannot pass as a result.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from io import BytesIO

import docx
import pdfplumber

from gongkai.core.letters import (
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_TEMPLATES,
    AgencyContact,
    FeeItem,
    LetterFacts,
    Party,
    compose_letter,
    format_letter_number,
    parse_template_key,
    render_docx,
    render_pdf,
)

AGENCY = AgencyContact(
    name="定海区审交办",
    short_name="定审交",
    office_name="定海区审交办政府信息公开工作机构",
    address="定海区人民北路1号",
    phone="0580-2021001",
    review_body="定海区人民政府",
)


def facts(key: str, seq: int) -> LetterFacts:
    kind, _outcome = parse_template_key(key)
    return LetterFacts(
        number=format_letter_number(
            DEFAULT_NUMBER_PATTERN, agency_short="定审交", kind=kind, year=2025, seq=seq
        ),
        agency=AGENCY,
        applicant=Party("王龘"),
        application_number=f"DSJ-2025-{seq:04d}",
        received_on=date(2025, 3, 5),
        request_summary="2024年度定海区道路交通整治工作方案及其编制说明",
        issued_on=date(2025, 3, 20),
        decision="现将该信息随本答复书一并提供给您（共5页）",
        reasons="该信息公开后可能损害第三方合法权益",
        previous_reply="定审交公开〔2025〕第3号",
        correction_items="请写明所需政府信息的名称、文号或者其他特征性描述",
        correction_deadline=date(2025, 3, 31),
        extension_days=20,
        original_due_on=date(2025, 4, 2),
        new_due_on=date(2025, 4, 30),
        extension_reason="需要调取大量档案",
        third_party=Party("定海某某建材有限公司"),
        consulted_information="该公司排污许可申请材料",
        consultation_matter="贵方的商业秘密",
        fee_method="按量",
        fee_items=(FeeItem("第31—100页", 70, "页", Decimal(10)),),
        payment_method="通过非税收入缴款码缴入国库",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    keys = sorted(DEFAULT_TEMPLATES)
    start = time.perf_counter()
    render_pdf(compose_letter(DEFAULT_TEMPLATES[keys[0]], facts(keys[0], 1)))
    first_pdf = time.perf_counter() - start

    composes: list[float] = []
    docx_times: list[float] = []
    pdf_times: list[float] = []
    seq = 1
    for _round in range(args.rounds):
        for key in keys:
            seq += 1
            t0 = time.perf_counter()
            letter = compose_letter(DEFAULT_TEMPLATES[key], facts(key, seq))
            t1 = time.perf_counter()
            docx_bytes = render_docx(letter)
            t2 = time.perf_counter()
            pdf_bytes = render_pdf(letter)
            t3 = time.perf_counter()
            composes.append(t1 - t0)
            docx_times.append(t2 - t1)
            pdf_times.append(t3 - t2)
            if seq % 7 == 0:  # spot checks, not timed
                document = docx.Document(BytesIO(docx_bytes))
                assert any(letter.number in p.text for p in document.paragraphs), key
                with pdfplumber.open(BytesIO(pdf_bytes)) as pdf:
                    text = "".join("".join((p.extract_text() or "").split()) for p in pdf.pages)
                assert letter.number in text, key

    def line(name: str, values: list[float]) -> str:
        ms = sorted(v * 1000 for v in values)
        p95 = ms[int(len(ms) * 0.95) - 1]
        return (
            f"{name:<8} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   "
            f"p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms"
        )

    print(f"{len(keys)} templates × {args.rounds} rounds")
    print(f"first PDF in the process (loads Pango and fonts): {first_pdf * 1000:.0f} ms")
    print(line("compose", composes))
    print(line("DOCX", docx_times))
    print(line("PDF", pdf_times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
