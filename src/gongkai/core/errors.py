"""Errors raised by gongkai.core.

* GongkaiError            base of everything the core raises on purpose; ``str(e)`` is Chinese
  * UnreadableInput       a file that could not be read as an annual report (exit status 2)
  * RuleError             a request event log that breaks a rule of the 条例 (names the rule)
  * CalendarUnavailable   no working-day data for a date, and provisional answers were refused
"""

from __future__ import annotations


class GongkaiError(Exception):
    """Base class; the message is user-facing Chinese that says what to fix."""


class UnreadableInput(GongkaiError):
    """The input cannot be read as an annual report at all."""


class RuleError(GongkaiError):
    """An event or parameter violates a rule of the 条例 or of 国办函〔2020〕109号."""


class CalendarUnavailable(GongkaiError):
    """The working-day calendar has no data for the date asked about."""
