"""受理编号 patterns such as ``{agency_code}-{year}-{seq:04d}``.

A pattern is checked field by field (``string.Formatter.parse``), not by looking for a
substring: only ``{agency_code}``, ``{year}`` and ``{seq}`` with a plain width (``{seq:04d}``),
the sequence exactly once and not escaped, no attribute or index access, and the widest number it
can produce must fit the 受理编号 column.
"""

from __future__ import annotations

import re
import string

from django.conf import settings

from gongkai.web.common.errors import ApplicationError

NUMBER_MAX_LENGTH = 60  # Application.number
AGENCY_CODE_MAX_LENGTH = 40  # Agency.code
SEQ_MAX_DIGITS = 6  # up to 999999 requests an agency and year
FIELDS = {"agency_code": "机构代码", "year": "年度", "seq": "流水号"}
_WIDTH = re.compile(r"0?[1-9]?d?")
USE = "只能使用 {agency_code}、{year}、{seq}，流水号可写宽度，如 {seq:04d}"


def validate_pattern(pattern: str, *, agency_code: str | None = None) -> None:
    """Refuse a pattern that cannot produce distinct numbers within a year, or numbers longer
    than the column holds (for ``agency_code``, or the longest code when it is not given)."""
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ApplicationError(f"受理编号格式中的花括号不成对；{USE}") from None
    seqs = 0
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in FIELDS or conversion or (spec and not _WIDTH.fullmatch(spec)):
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            raise ApplicationError(f"受理编号格式中“{shown}”无效；{USE}")
        if name != "seq" and spec:
            raise ApplicationError(f"受理编号格式中“{{{name}:{spec}}}”无效：只有流水号可以写宽度")
        seqs += name == "seq"
    if seqs != 1:
        raise ApplicationError("受理编号格式必须包含流水号 {seq}（只能一次），否则编号会重复")
    code = agency_code if agency_code is not None else "x" * AGENCY_CODE_MAX_LENGTH
    widest = format_number(pattern, agency_code=code, year=9999, seq=10**SEQ_MAX_DIGITS - 1)
    if len(widest) > NUMBER_MAX_LENGTH:
        raise ApplicationError(
            f"受理编号格式生成的编号最长可达{len(widest)}个字符，超过上限{NUMBER_MAX_LENGTH}个字符，请缩短"
        )


def format_number(pattern: str, *, agency_code: str, year: int, seq: int) -> str:
    return pattern.format(agency_code=agency_code, year=year, seq=seq)


def pattern_for(agency_pattern: str) -> str:
    return agency_pattern or str(settings.GONGKAI_NUMBER_PATTERN)
