"""The 查询码: an unguessable code the applicant keeps; the database keeps only a keyed digest.

16 characters of Crockford's base32 (no I, L, O, U): 80 random bits, shown as four groups of
four (``7K3M-Q9TX-2D4H-PW8B``). Typing is forgiving: case, spaces, dashes and the look-alikes
O/I/L are normalised before the digest is taken.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_LOOKALIKES)
    return cleaned


def digest(code: str) -> str:
    """Keyed digest of the normalised code (HMAC-SHA256 under SECRET_KEY)."""
    key = ("gongkai-portal-code:" + settings.SECRET_KEY).encode()
    return hmac.new(key, normalise(code).encode(), hashlib.sha256).hexdigest()


def well_formed(code: str) -> bool:
    n = normalise(code)
    return len(n) == LENGTH and all(ch in ALPHABET for ch in n)


def same(given: str, stored: str) -> bool:
    """Constant-time comparison of two strings (name or phone against the record)."""
    return hmac.compare_digest(given.encode(), stored.encode())
