"""Checks of the identity documents and phone numbers applicants give (issue 13, item 6).

A 居民身份证 number (GB 11643-1999) has 18 characters: six of region, the birth date, three of
sequence and a check character (ISO 7064 MOD 11-2). Phone numbers are Chinese mobile numbers,
landlines with an area code (extension allowed), 400/800 service numbers, or any of these with +86.
Each function returns the Chinese reason a value is wrong, or ``None``. This is the one
ID-number check of the project (the applicant register and the portal both use it).
"""

from __future__ import annotations

import datetime as dt
import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_PHONE = re.compile(
    r"(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:\s*(?:转|-)?\s*\d{1,6})?|[48]00[- ]?\d{3}[- ]?\d{4})"
)
_PHONE_SEPARATORS = re.compile(r"\s*[/、,，;；]\s*")
MAX_PHONE_NUMBERS = 3


def id_card_check_character(first17: str) -> str:
    """The check character of an 18-character 居民身份证 number from its first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def normalise_id(number: str) -> str:
    """A 居民身份证 number as stored: no spaces, upper-case X."""
    return "".join(number.split()).upper()


def id_card_problem(number: str, *, today: dt.date) -> str | None:
    """Why ``number`` is not a valid 居民身份证 number, or ``None`` (spaces and a lower-case x
    are accepted; store :func:`normalise_id` of it)."""
    text = normalise_id(number)
    if not _ID_SHAPE.fullmatch(text):
        return "居民身份证号码应为18位（前17位为数字，最后一位为数字或X），请核对"
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return f"居民身份证号码中的出生日期“{text[6:14]}”不存在，请核对"
    if birth > today or birth.year < 1900:
        return f"居民身份证号码中的出生日期“{text[6:14]}”不合理，请核对"
    if id_card_check_character(text[:17]) != text[17]:
        return "居民身份证号码校验位不正确（可能有数字录错），请核对"
    return None


def phone_problem(phone: str) -> str | None:
    """Why ``phone`` is not one to three valid phone numbers, or ``None`` (also when blank)."""
    text = phone.strip()
    if not text:
        return None
    numbers = [n for n in _PHONE_SEPARATORS.split(text) if n]
    if len(numbers) > MAX_PHONE_NUMBERS:
        return f"联系电话最多填写{MAX_PHONE_NUMBERS}个号码"
    for number in numbers:
        cleaned = number.replace("（", "(").replace("）", ")").replace("(", "").replace(")", "-")
        if not _PHONE.fullmatch(cleaned.strip("-")):
            return (
                f"联系电话“{number}”格式不正确：手机号为11位，固定电话请带区号"
                "（如 010-12345678），多个号码用“/”分隔"
            )
    return None
