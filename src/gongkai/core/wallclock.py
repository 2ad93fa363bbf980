"""The product's one reading of the wall clock.

Every "today" and "now" in gongkai — due dates and working days left, overdue and lapsed cases,
reminders, the reports due by 31 January, the demo district, the command line's ``--as-of``
default, timestamps of records — comes from these two functions. Nothing else in ``src/`` reads
the clock (``tests/test_code_quality.py`` enforces it), so a test or a demo fixes the date in one
place (``time_machine.travel``) and the suite passes on any day.

The domain logic itself never calls them: it takes ``today`` as an argument. Only the edges
(services, selectors, views, tasks, the demo loader and the CLI) supply it from here.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def now() -> dt.datetime:
    """The current moment, timezone-aware, in China Standard Time."""
    return dt.datetime.now(CHINA)


def today() -> dt.date:
    """Today's date in China (the statutory clock counts Beijing-time days)."""
    return now().date()
