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
from io import BytesIO
from pathlib import Path

import docx
import pdfplumber

from gongkai.core.letters import (
    DEFAULT_TEMPLATES,
    LetterFacts,
    compose_letter,
    parse_template_key,
    render_docx,
    render_pdf,
)

# The letter tests' facts (tests/core/letters/letter_facts.py), so that the benchmark renders
# what the tests check.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "core" / "letters"))
from letter_facts import facts_for


def facts(key: str, seq: int) -> LetterFacts:
    """The facts the letter tests check (every field any default template prints), numbered
    ``seq``."""
    kind, _outcome = parse_template_key(key)
    return facts_for(kind, seq=seq)


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
