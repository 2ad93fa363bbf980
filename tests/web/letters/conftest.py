"""Letters tests keep their files in memory: the app only uses Django's storage API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def memory_storage(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def answered(register: Callable[..., Any], answer: Callable[..., Any]) -> Callable[..., Any]:
    """A request of department A answered with ``outcome`` on 20 March 2025."""

    def make(outcome: str = "granted", summary: str = "现将该信息随本答复书一并提供给您") -> Any:
        return answer(register(), start=True, outcome=outcome, summary=summary)

    return make


@pytest.fixture
def save_template() -> Callable[..., Any]:
    """Save ``agency``'s own version of template ``key`` as ``user``: the default one, its body
    with ``edit`` = (old, new) replaced if given, and ``fields`` (title, body, basis, remedy)
    typed instead where given."""
    from gongkai.core.letters import default_template
    from gongkai.web.letters import services

    def save(
        user: Any, agency: Any, key: str, edit: tuple[str, str] | None = None, **fields: str
    ) -> Any:
        default = default_template(key)
        typed = {
            "title": default.title,
            "body": default.body.replace(*edit) if edit else default.body,
            "basis": default.basis,
            "remedy": default.remedy,
        }
        return services.letter_template_save(
            acting_user=user, agency=agency, key=key, **(typed | fields)
        )

    return save
