"""A CAPTCHA that works offline (no third-party service): a small sum written in Chinese
numerals, answered in digits. Readable by screen readers (Art. 43), so it slows scripted
guessing without shutting out people who cannot see an image. The question travels signed and
time-limited in the form; each one can be answered once.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core import signing

from gongkai.web.portal.models import RateEvent

NUMERALS = "零一二三四五六七八九十"
MAX_AGE = 600  # seconds
SALT = "gongkai.portal.captcha"


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n]
    return "十" + NUMERALS[n - 10]


def new_challenge() -> tuple[str, str]:
    """(question, signed token)."""
    a, b = secrets.randbelow(9) + 2, secrets.randbelow(9) + 2
    token = signing.dumps({"s": a + b, "n": secrets.token_hex(8)}, salt=SALT)
    return f"{_numeral(a)}加{_numeral(b)}等于多少？（请填写阿拉伯数字）", token


def check(token: str, answer: str, now: dt.datetime) -> bool:
    """True once for a right answer to a fresh, unused question."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    if answer.strip() != str(data.get("s")):
        return False
    used = f"captcha:{data.get('n')}"
    if RateEvent.objects.filter(bucket="captcha", key=used).exists():
        return False
    RateEvent.objects.create(bucket="captcha", key=used, at=now)
    return True
