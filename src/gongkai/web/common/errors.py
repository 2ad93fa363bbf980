"""The one exception the web layer shows to users (style guide R9).

Services raise :class:`ApplicationError` with a one-line Chinese message saying what to fix;
views turn it into a form error or a message, never a traceback.
"""

from __future__ import annotations


class ApplicationError(Exception):
    """A refused action, with a Chinese message for the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(ApplicationError):
    """The acting user may not do this to this record."""
