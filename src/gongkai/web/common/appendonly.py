"""Append-only rows: once written, an audit record can be neither changed nor deleted through the
ORM — not by a page, a service, a bulk ``update()``/``delete()`` nor a management shell slip
(issue 13, item 9)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models

REFUSED = "审计记录只能追加，不能修改或删除"


class AppendOnlyError(Exception):
    """An attempt to change or delete an append-only row."""


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise AppendOnlyError(REFUSED)


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[type-arg]
    update = _refuse
    delete = _refuse
    bulk_update = _refuse
    update_or_create = _refuse

    def _raw_delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()


class AppendOnlyModel(models.Model):
    """Mixin: ``save()`` inserts only; ``delete()`` is refused."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()
