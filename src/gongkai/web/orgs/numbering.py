"""受理编号 patterns such as ``{agency_code}-{year}-{seq:04d}``."""

from __future__ import annotations

from django.conf import settings

from gongkai.web.common.errors import ApplicationError


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern that cannot produce distinct numbers within a year."""
    if "{seq" not in pattern:
        raise ApplicationError("受理编号格式必须包含流水号 {seq}，否则编号会重复")
    try:
        format_number(pattern, agency_code="X", year=2025, seq=1)
    except (KeyError, ValueError, IndexError) as exc:
        raise ApplicationError(
            f"受理编号格式无效（{exc}），只能使用 {{agency_code}}、{{year}}、{{seq}}"
        ) from None


def format_number(pattern: str, *, agency_code: str, year: int, seq: int) -> str:
    return pattern.format(agency_code=agency_code, year=year, seq=seq)


def pattern_for(agency_pattern: str) -> str:
    return agency_pattern or str(settings.GONGKAI_NUMBER_PATTERN)
