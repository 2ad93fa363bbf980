"""What the registers built on the request register show on a request's page.

The letters and the review/litigation registers depend on the request register, not the other
way round: each contributes the context of its part of the request page here when Django starts
(its ``AppConfig.ready``), and the page asks :func:`detail_context` for all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gongkai.web.applications.models import Application

Panel = Callable[[Any, Application], dict[str, Any]]
_PANELS: dict[str, Panel] = {}


def contribute(name: str, panel: Panel) -> None:
    """Register ``panel(user, application) -> context`` (once per name)."""
    _PANELS[name] = panel


def detail_context(user: Any, application: Application) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for panel in _PANELS.values():
        context |= panel(user, application)
    return context
