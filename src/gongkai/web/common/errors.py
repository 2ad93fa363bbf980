"""The one exception the web layer shows to users (style guide R9).

Services raise :class:`ApplicationError` with a one-line Chinese message saying what to fix;
views turn it into a form error or a message, never a traceback. Besides the message, each
error carries a machine ``code`` (ASCII, stable) that programs — the tests, an API — can
branch on without reading Chinese text.
"""

from __future__ import annotations


class ApplicationError(Exception):
    """A refused action, with a Chinese message for the user and a machine code."""

    default_code = "refused"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code or (f"invalid.{field}" if field else self.default_code)


class PermissionDenied(ApplicationError):
    """The acting user may not do this to this record."""

    default_code = "permission_denied"


def required_text(text: str, message: str, *, field: str | None = None) -> str:
    """``text`` stripped; refused with ``message`` (on ``field``) when nothing is left — a reason,
    a title, a name a service cannot do without."""
    if not text.strip():
        raise ApplicationError(message, field=field)
    return text.strip()
