"""A service's refusal shown to the user (style guide R9): as a message on the page a POST
redirects to, or as an error on the form being shown again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from gongkai.web.common.errors import ApplicationError


@contextmanager
def refusal_as_message(request: HttpRequest, *, prefix: str = "") -> Iterator[None]:
    """Run the block; an :class:`ApplicationError` it raises becomes an error message for the
    next page (after ``prefix``) and the block's remaining lines (its success message) are
    skipped. For the POST-then-redirect actions that have no form to show again."""
    try:
        yield
    except ApplicationError as exc:
        messages.error(request, f"{prefix}{exc.message}")


def add_refusal(form: Any, exc: ApplicationError) -> None:
    """The refusal as the form's error: on the field it names when the form has that field,
    else above the whole form."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
