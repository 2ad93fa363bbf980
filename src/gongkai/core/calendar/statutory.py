"""The fixed statutory holidays, used for years whose holiday notice is not published yet.

《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (in force 2025-01-01), Art. 2 —
holidays for all citizens:

* 元旦 1 day (1月1日);
* 春节 4 days (农历除夕、正月初一至初三);
* 清明节 1 day (农历清明当日);
* 劳动节 2 days (5月1日、2日);
* 端午节 1 day (农历端午当日);
* 中秋节 1 day (农历中秋当日);
* 国庆节 3 days (10月1日至3日).

A provisional year is these days plus Saturdays and Sundays. It knows nothing of the 调休 the
State Council will announce (make-up workdays, bridged days), which is why every answer that
touches such a year says it is provisional.

The lunar dates below (正月初一, 清明, 端午, 中秋) were generated once from the Chinese lunisolar
calendar of the ``holidays`` package (``_ChineseLunisolar``); the tests cross-check every entry.
"""

from __future__ import annotations

from datetime import date, timedelta

FIRST_YEAR = 2019
"""The first year the calendar covers: the revised 条例 took effect on 2019-05-15."""

LAST_YEAR = 2050
"""The last year the calendar can answer (provisionally) without an arrangement for it."""

# year: (正月初一, 清明, 端午, 中秋) as (month, day)
_LUNAR: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    2019: ((2, 5), (4, 5), (6, 7), (9, 13)),
    2020: ((1, 25), (4, 4), (6, 25), (10, 1)),
    2021: ((2, 12), (4, 4), (6, 14), (9, 21)),
    2022: ((2, 1), (4, 5), (6, 3), (9, 10)),
    2023: ((1, 22), (4, 5), (6, 22), (9, 29)),
    2024: ((2, 10), (4, 4), (6, 10), (9, 17)),
    2025: ((1, 29), (4, 4), (5, 31), (10, 6)),
    2026: ((2, 17), (4, 5), (6, 19), (9, 25)),
    2027: ((2, 6), (4, 5), (6, 9), (9, 15)),
    2028: ((1, 26), (4, 4), (5, 28), (10, 3)),
    2029: ((2, 13), (4, 4), (6, 16), (9, 22)),
    2030: ((2, 3), (4, 5), (6, 5), (9, 12)),
    2031: ((1, 23), (4, 5), (6, 24), (10, 1)),
    2032: ((2, 11), (4, 4), (6, 12), (9, 19)),
    2033: ((1, 31), (4, 4), (6, 1), (9, 8)),
    2034: ((2, 19), (4, 5), (6, 20), (9, 27)),
    2035: ((2, 8), (4, 5), (6, 10), (9, 16)),
    2036: ((1, 28), (4, 4), (5, 30), (10, 4)),
    2037: ((2, 15), (4, 4), (6, 18), (9, 24)),
    2038: ((2, 4), (4, 5), (6, 7), (9, 13)),
    2039: ((1, 24), (4, 5), (5, 27), (10, 2)),
    2040: ((2, 12), (4, 4), (6, 14), (9, 20)),
    2041: ((2, 1), (4, 4), (6, 3), (9, 10)),
    2042: ((1, 22), (4, 4), (6, 22), (9, 28)),
    2043: ((2, 10), (4, 5), (6, 11), (9, 17)),
    2044: ((1, 30), (4, 4), (5, 31), (10, 5)),
    2045: ((2, 17), (4, 4), (6, 19), (9, 25)),
    2046: ((2, 6), (4, 4), (6, 8), (9, 15)),
    2047: ((1, 26), (4, 5), (5, 29), (10, 4)),
    2048: ((2, 14), (4, 4), (6, 15), (9, 22)),
    2049: ((2, 2), (4, 4), (6, 4), (9, 11)),
    2050: ((1, 23), (4, 4), (6, 23), (9, 30)),
}


def lunar_dates(year: int) -> tuple[date, date, date, date]:
    """正月初一, 清明, 端午 and 中秋 of ``year`` (Gregorian dates)."""
    spring, qingming, dragon, autumn = _LUNAR[year]
    return (
        date(year, *spring),
        date(year, *qingming),
        date(year, *dragon),
        date(year, *autumn),
    )


def statutory_holidays(year: int) -> list[tuple[str, date, date]]:
    """The statutory holidays of ``year`` as ``(name, first day, last day)`` blocks.

    Per the 2025 revision of 《全国年节及纪念日放假办法》 (Art. 2); a block may overlap a weekend.
    The 春节 block starts on 除夕 (the day before 正月初一) and can begin in the previous
    Gregorian year only in theory (正月初一 is never before 1月21日).
    """
    spring, qingming, dragon, autumn = lunar_dates(year)
    return [
        ("元旦", date(year, 1, 1), date(year, 1, 1)),
        ("春节", spring - timedelta(days=1), spring + timedelta(days=2)),
        ("清明节", qingming, qingming),
        ("劳动节", date(year, 5, 1), date(year, 5, 2)),
        ("端午节", dragon, dragon),
        ("中秋节", autumn, autumn),
        ("国庆节", date(year, 10, 1), date(year, 10, 3)),
    ]
