"""The annual report composed from records and rendered in every output (issue 11).

* :mod:`.model` — :class:`AnnualReport`, the one value every output is made from;
* :mod:`.compose` — :func:`compose`: the whole report of an agency and a year from its counted
  tables and record facts, with generated sentences tied to table cells, carry-over verified
  against last year's table 四 and reused sentences of section 五 flagged;
* :mod:`.layout` — the document in reading order and the tables as grids with merged headers;
* :mod:`.text_render`, :mod:`.html_render`, :mod:`.docx_render`, :mod:`.pdf_render`,
  :mod:`.json_render` — the outputs; :func:`render` picks one by name.
"""

from __future__ import annotations

from .compose import compose, reused_sentences
from .model import (
    AgencyInfo,
    AnnualReport,
    CarryOver,
    Heading,
    OfficerText,
    ProactiveFacts,
    RequestFees,
    Sentence,
)
from .outputs import FORMATS, MEDIA_TYPES, render

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "AgencyInfo",
    "AnnualReport",
    "CarryOver",
    "Heading",
    "OfficerText",
    "ProactiveFacts",
    "RequestFees",
    "Sentence",
    "compose",
    "render",
    "reused_sentences",
]
