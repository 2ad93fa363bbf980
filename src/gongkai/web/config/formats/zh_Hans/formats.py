"""Dates are printed one way everywhere on the workbench: 2025-03-31 (and 2025-03-31 14:05).
Overrides Django's zh-Hans default ("2025年3月31日") for dates printed without a format; the
templates use the same two formats. Letters keep the formal Chinese date (core.letters)."""

DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
