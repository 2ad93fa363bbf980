"""The day of receipt (条例 Art. 31): the rule for each channel, with the sentence explaining it."""

from __future__ import annotations

from datetime import date

from ..calendar import cn_date
from ..errors import RuleError
from .events import Channel, Received


def receipt_day(event: Received) -> tuple[date, str]:
    """The day of receipt under Art. 31 and the sentence explaining it."""
    on, confirmed = event.on, event.confirmed_on
    if confirmed is not None and confirmed < on:
        raise RuleError(
            f"确认日期 {confirmed.isoformat()} 早于申请到达日期 {on.isoformat()}："
            "条例第三十一条的确认只能在收到申请之后"
        )
    channel = event.channel
    if channel is Channel.IN_PERSON:
        if confirmed is not None and confirmed != on:
            raise RuleError(
                "当面提交的申请以提交之日为收到申请之日（条例第三十一条第一项），不需要确认日期"
            )
        return on, f"{cn_date(on)}当面提交申请，提交之日即为收到申请之日（条例第三十一条第一项）"
    if channel is Channel.MAIL:
        if confirmed is not None:
            return confirmed, (
                f"{cn_date(on)}收到平常信函，{cn_date(confirmed)}与申请人确认，"
                "确认之日为收到申请之日（条例第三十一条第二项）"
            )
        return on, f"{cn_date(on)}签收邮寄的申请，签收之日为收到申请之日（条例第三十一条第二项）"
    if channel is Channel.EMAIL:
        return on, (
            f"{cn_date(on)}电子邮件到达本机关邮件系统，以该日为收到申请之日"
            "（条例第三十一条，国办公开办函〔2015〕207号）"
        )
    how = "通过互联网渠道" if channel is Channel.ONLINE else "通过传真"
    if confirmed is not None:
        return confirmed, (
            f"{cn_date(on)}{how}提交申请，{cn_date(confirmed)}双方确认，"
            "确认之日为收到申请之日（条例第三十一条第三项）"
        )
    return on, (
        f"{cn_date(on)}{how}提交申请，当日双方确认，以该日为收到申请之日（条例第三十一条第三项）"
    )
