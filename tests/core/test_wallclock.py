"""The product's one wall clock (issue 8): Beijing time, and movable by time-machine."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from gongkai.core import wallclock


def test_today_is_the_date_in_beijing_not_in_utc(time_machine):
    # 17:30 UTC on 31 January is already 1 February in China: a report published then is on time
    # only by China's date, which is what the 条例 counts.
    time_machine.move_to(dt.datetime(2027, 1, 31, 17, 30, tzinfo=dt.UTC), tick=False)
    assert wallclock.today() == dt.date(2027, 2, 1)
    assert wallclock.now().utcoffset() == dt.timedelta(hours=8)


def test_the_suite_runs_at_the_pinned_date(request):
    """With --today (or GONGKAI_TEST_TODAY), the whole product sees that day."""
    pinned = request.config.getoption("--today") or os.environ.get("GONGKAI_TEST_TODAY", "")
    if not pinned:
        pytest.skip("the suite runs on the real date (pass --today=YYYY-MM-DD to pin it)")
    assert wallclock.today() == dt.date.fromisoformat(pinned)
