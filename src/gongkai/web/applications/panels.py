"""What the registers built on the request register show on a request's page.

The letters and the review/litigation registers depend on the request register, not the other
way round: each contributes the context of its part of the request page here when Django starts
(its :class:`RequestPanelConfig` registers its ``request_panel`` in ``ready``), and the page asks
:func:`detail_context` for all of it. Nothing here loads a model, so an ``apps.py`` may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from gongkai.web.applications.models import Application

Panel = Callable[[Any, "Application"], dict[str, Any]]
_PANELS: dict[str, Panel] = {}


def contribute(name: str, panel: Panel) -> None:
    """Register ``panel(user, application) -> context`` (once per name)."""
    _PANELS[name] = panel


def detail_context(user: Any, application: Application) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for panel in _PANELS.values():
        context |= panel(user, application)
    return context


class RequestPanelConfig(AppConfig):
    """The app of a register that shows its part of a request's page: ``request_panel`` gives
    that part's context, contributed under the app's label once the models are loaded."""

    def request_panel(self, user: Any, application: Application) -> dict[str, Any]:
        raise NotImplementedError

    def ready(self) -> None:
        contribute(self.label, self.request_panel)
