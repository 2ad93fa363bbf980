"""Optimistic versioning for edit forms: no lost updates (issue 13, item 1).

When an edit form is shown it carries, in a hidden field, a signed copy of the record's editable
values as they were. On save the service compares that copy with the record as it is now (inside
the transaction, the row locked): if someone changed it meanwhile, the save is refused with a
Chinese message listing each field that changed (before → now); the form keeps what the user
typed and carries the current version, so submitting again, after checking, saves knowingly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.core import signing
from django.http import QueryDict

FIELD = "_version"
_SALT = "gongkai.versioning"
SHOWN = 60  # characters of a value shown in the message


class StaleEdit(Exception):
    """The record changed after the form was opened; ``message`` says what changed."""

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.message = message
        self.token = token  # the current version, for the form to carry on


def _plain(values: Mapping[str, Any]) -> dict[str, str]:
    return {name: "" if value is None else str(value) for name, value in values.items()}


def version_token(values: Mapping[str, Any]) -> str:
    """The hidden field's value for a record whose editable values are ``values``."""
    return signing.dumps(_plain(values), salt=_SALT, compress=True)


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return "（空）" if not text else text if len(text) <= SHOWN else text[:SHOWN] + "…"


def check_version(token: str | None, current: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    """Raise :class:`StaleEdit` if ``current`` differs from the values ``token`` was made from.
    ``None`` (a caller without a form, such as a script) is not checked."""
    if token is None:
        return
    now = _plain(current)
    fresh = version_token(current)
    try:
        before = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise StaleEdit("表单已失效，请核对当前内容后重新提交", fresh) from None
    changed = [name for name in now if before.get(name, "") != now[name]]
    if changed:
        lines = "；".join(
            f"“{labels.get(n, n)}”由“{_short(before.get(n, ''))}”改为“{_short(now[n])}”"
            for n in changed
        )
        raise StaleEdit(
            f"您打开此页面后，他人已修改了这条记录：{lines}。您填写的内容尚未保存，"
            "请核对后再次提交（再次提交将以您填写的内容为准）",
            fresh,
        )


def carry_version(form: forms.Form, field: str, token: str) -> None:
    """Show a refused form again as the user typed it, but carrying the current version in its
    hidden ``field``, so that submitting it again saves knowingly."""
    data = cast(QueryDict, form.data).copy()
    data[form.add_prefix(field)] = token
    form.data = data
