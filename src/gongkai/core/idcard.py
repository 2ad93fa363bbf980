"""居民身份证号码 (GB 11643-1999): 18 characters, the last a check character (ISO 7064 MOD 11-2).

Pure functions: the web side validates applicants' numbers with :func:`check_resident_id`.
"""

from __future__ import annotations

import datetime as dt

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """The check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def check_resident_id(number: str) -> str | None:
    """None when ``number`` is a well-formed 18-digit 居民身份证号码; else a Chinese message
    saying what is wrong. A lower-case x is accepted (normalise with :func:`normalise`)."""
    n = normalise(number)
    if len(n) != 18:
        return f"居民身份证号码应为18位，您填写的是{len(n)}位"
    if not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        return "居民身份证号码前17位应为数字，最后一位为数字或X"
    try:
        dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return "居民身份证号码中的出生日期（第7至14位）不是有效日期"
    if int(n[6:10]) < 1900:
        return "居民身份证号码中的出生年份不正确"
    if check_char(n[:17]) != n[17]:
        return "居民身份证号码校验位不正确，请核对后重新填写"
    return None


def normalise(number: str) -> str:
    return number.strip().replace(" ", "").upper()
