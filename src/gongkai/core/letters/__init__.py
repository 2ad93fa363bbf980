"""Letters to applicants and third parties (条例 第三十条 to 第三十九条; 国办函〔2020〕109号).

A template (title, body, legal basis, remedy clause) is plain text with placeholders that each
agency may edit (:mod:`.template`, :func:`validate_template`); :func:`compose_letter` fills it
with one application's :class:`LetterFacts`; :func:`render_docx` and :func:`render_pdf` turn the
:class:`Letter` into bytes::

    template = default_template(template_key(LetterKind.ANSWER, "withheld.state_secret"))
    letter = compose_letter(template, facts)
    data = render_pdf(letter)

There is one 答复书 per outcome row of table 3 in either national format, and the four notices:
补正通知书, 延期答复告知书, 征求第三方意见书, 收费通知书.
"""

from __future__ import annotations

from gongkai.core.letters.compose import (
    DEFAULT_NUMBER_PATTERN,
    NUMBER_PLACEHOLDERS,
    LetterError,
    amount_in_words,
    compose_letter,
    format_letter_number,
    number_pattern_problems,
)
from gongkai.core.letters.defaults import DEFAULT_TEMPLATES, default_template
from gongkai.core.letters.kinds import (
    OUTCOMES,
    LetterKind,
    parse_template_key,
    placeholders_for,
    template_key,
    template_keys,
    template_label,
)
from gongkai.core.letters.library import LetterTemplate, template_problems, validate_template
from gongkai.core.letters.model import (
    AgencyContact,
    FeeItem,
    Letter,
    LetterFacts,
    Paragraph,
    ParagraphStyle,
    Party,
    date_text,
)
from gongkai.core.letters.pdf_render import fonts_conf_path, render_html, render_pdf
from gongkai.core.letters.recorded import cited_basis, consultation_statement
from gongkai.core.letters.template import TemplateError


def render_docx(letter: Letter) -> bytes:
    """The letter as a Word document (see :mod:`.docx_render`).

    Deferred like WeasyPrint in :func:`render_pdf`: importing python-docx takes about a tenth
    of a second, and only a DOCX needs it, not every process that reads the templates.
    """
    from gongkai.core.letters.docx_render import render_docx as render

    return render(letter)


__all__ = [
    "DEFAULT_NUMBER_PATTERN",
    "DEFAULT_TEMPLATES",
    "NUMBER_PLACEHOLDERS",
    "OUTCOMES",
    "AgencyContact",
    "FeeItem",
    "Letter",
    "LetterError",
    "LetterFacts",
    "LetterKind",
    "LetterTemplate",
    "Paragraph",
    "ParagraphStyle",
    "Party",
    "TemplateError",
    "amount_in_words",
    "cited_basis",
    "compose_letter",
    "consultation_statement",
    "date_text",
    "default_template",
    "fonts_conf_path",
    "format_letter_number",
    "number_pattern_problems",
    "parse_template_key",
    "placeholders_for",
    "render_docx",
    "render_html",
    "render_pdf",
    "template_key",
    "template_keys",
    "template_label",
    "template_problems",
    "validate_template",
]
