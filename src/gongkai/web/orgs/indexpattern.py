"""目录 索引号 patterns (条例第十二条), set on the agency record (``Agency.index_pattern``).

A pattern such as ``{机构代码}/{年}-{序号:5}`` (the shape seen on government sites, e.g.
``0142768-8/2022-00185``). Fields: ``{机构代码}``, ``{年}`` (the year of the item's 生成日期) and
``{序号}`` — exactly once, with an optional zero-padded width ``{序号:5}``; the ASCII names
``{agency_code}``, ``{year}``, ``{seq}`` are accepted too. The widest number a pattern can produce
must fit the 索引号 column (60 characters). Allocation lives in ``proactive/indexnumbers.py``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from gongkai.web.common.errors import ApplicationError

DEFAULT_PATTERN = "{机构代码}/{年}-{序号:5}"
NUMBER_MAX_LENGTH = 60  # Item.index_number
AGENCY_CODE_MAX_LENGTH = 40  # Agency.code
SEQ_MAX_DIGITS = 6  # up to 999999 items an agency and year
MAX_WIDTH = 8
FIELDS = {
    "机构代码": "code",
    "agency_code": "code",
    "年": "year",
    "year": "year",
    "序号": "seq",
    "seq": "seq",
}
USE = "只能使用 {机构代码}、{年}、{序号}，序号可写位数，如 {序号:5}"


@dataclass(frozen=True)
class Part:
    literal: str
    field: str | None  # "code", "year", "seq" or None
    width: int = 0


def parse_pattern(pattern: str) -> list[Part]:
    """The pattern's parts, or an ApplicationError (field ``index_pattern``) saying what to fix."""
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ApplicationError(
            f"索引号格式中的花括号不成对；{USE}", field="index_pattern"
        ) from None
    parts: list[Part] = []
    for literal, name, spec, conversion in fields:
        if name is None:
            parts.append(Part(literal, None))
            continue
        kind = FIELDS.get(name)
        if kind is None or conversion:
            raise ApplicationError(f"索引号格式中“{{{name}}}”无效；{USE}", field="index_pattern")
        width = 0
        if spec:
            digits = spec.lstrip("0").removesuffix("d")
            if kind != "seq" or not digits.isdigit():
                raise ApplicationError(
                    f"索引号格式中“{{{name}:{spec}}}”无效：只有序号可以写位数，如 {{序号:5}}",
                    field="index_pattern",
                )
            width = int(digits)
            if not 1 <= width <= MAX_WIDTH:
                raise ApplicationError(f"序号位数应在1到{MAX_WIDTH}之间", field="index_pattern")
        parts.append(Part(literal, kind, width))
    return parts


def validate_pattern(pattern: str, *, agency_code: str | None = None) -> None:
    """Refuse a pattern without exactly one 序号 (numbers would repeat) or whose widest number
    does not fit the 索引号 column."""
    parts = parse_pattern(pattern)
    seqs = sum(p.field == "seq" for p in parts)
    if seqs != 1:
        raise ApplicationError(
            "索引号格式必须包含序号 {序号}（只能一次），否则索引号会重复", field="index_pattern"
        )
    code = agency_code if agency_code is not None else "x" * AGENCY_CODE_MAX_LENGTH
    width = max(p.width for p in parts if p.field == "seq")
    widest = render(parts, code=code, year=9999, seq=10 ** max(SEQ_MAX_DIGITS, width) - 1)
    if len(widest) > NUMBER_MAX_LENGTH:
        raise ApplicationError(
            f"索引号格式生成的索引号最长可达{len(widest)}个字符，超过上限{NUMBER_MAX_LENGTH}个字符，请缩短",
            field="index_pattern",
        )


def render(parts: list[Part], *, code: str, year: int, seq: int) -> str:
    out = []
    for part in parts:
        out.append(part.literal)
        if part.field == "code":
            out.append(code)
        elif part.field == "year":
            out.append(f"{year:04d}")
        elif part.field == "seq":
            out.append(str(seq).zfill(part.width))
    return "".join(out)


def example(pattern: str, *, agency_code: str, year: int) -> str:
    """The first number ``pattern`` gives (shown beside the setting)."""
    return render(parse_pattern(pattern or DEFAULT_PATTERN), code=agency_code, year=year, seq=1)
