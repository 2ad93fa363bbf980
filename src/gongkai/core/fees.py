"""信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), with 条例 Art. 42.

Stable API::

    per_application(count) -> FeeResult   # 按件: one applicant, `count` applications in one natural month
    application_share(position) -> FeeResult  # 按件: what the `position`-th application of the month adds
    per_page(pages) -> FeeResult          # 按量: one application, `pages` pages
    result.total                          # Decimal, 元
    result.items                          # one FeeItem per tier used: range, count, unit price, subtotal
    result.as_dict()                      # JSON-ready

Both methods are 超额累进 (charged on the excess, in progressive tiers; 109号 Art. 3); an agency
picks one per application and never applies both.

* 按件 (Art. 4): per applicant, cumulative within one natural month — applications 1–10 free,
  11–30 at 100元/件, and from the 31st in steps of 10 applications each step 100元/件 more
  (31–40 at 200元, 41–50 at 300元 …). 35 applications → 20×100 + 5×200 = 3000元.
* 按量 (Art. 5): per application — pages 1–30 free, 31–100 at 10元/页, 101–200 at 20元/页,
  from page 201 at 40元/页. 150 pages → 70×10 + 50×20 = 1700元.

The month's 按件 fee is owed once. It is charged application by application: the application
that is the k-th of the applicant's month carries exactly the tier unit k falls in
(``application_share(k)``), so the notices of a month add up to ``per_application(n)`` and the
month's fee is never put on every notice (12 applications owe 200元, not 12 × 200元).

How e-mail or electronic data converts into pages is not settled by the 办法 as we read it; the
caller passes a page count.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import RuleError

FREE_APPLICATIONS = 10
FREE_PAGES = 30
MAX_APPLICATIONS = 10_000
"""More applications than this in one month is a typing error, not a fee to itemise."""
MAX_PAGES = 1_000_000
"""More pages than this for one application is a typing error, not a fee to itemise."""


@dataclass(frozen=True)
class FeeItem:
    """One tier: units ``first``..``last`` (inclusive) at ``unit_price`` 元 each."""

    first: int
    last: int
    count: int
    unit_price: Decimal
    subtotal: Decimal
    description: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "first": self.first,
            "last": self.last,
            "count": self.count,
            "unit_price": str(self.unit_price),
            "subtotal": str(self.subtotal),
            "description": self.description,
        }


@dataclass(frozen=True)
class FeeResult:
    """The fee and how it was computed."""

    method: str  # "per_application" (按件) or "per_page" (按量)
    quantity: int
    total: Decimal
    items: tuple[FeeItem, ...]
    basis: str

    @property
    def explanation(self) -> str:
        lines = [item.description for item in self.items]
        lines.append(f"合计{_yuan(self.total)}（{self.basis}）")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "quantity": self.quantity,
            "total": str(self.total),
            "items": [item.as_dict() for item in self.items],
            "basis": self.basis,
        }


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.0f}元" if amount == amount.to_integral_value() else f"{amount:,.2f}元"


def _check(quantity: int, what: str) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise RuleError(f"{what}必须是整数，收到的是“{quantity}”")
    if quantity < 0:
        raise RuleError(f"{what}不能是负数（收到 {quantity}）")


def _tiered(
    method: str, quantity: int, tiers: list[tuple[int, int, int]], unit: str, basis: str
) -> FeeResult:
    """超额累进 (109号 Art. 3): each tier ``(first, last, price)`` charges the units of
    ``quantity`` that fall in it; tiers the quantity does not reach are left out."""
    items: list[FeeItem] = []
    for first, last, price in tiers:
        upto = min(last, quantity)
        count = upto - first + 1
        if count <= 0:
            continue
        unit_price = Decimal(price)
        subtotal = unit_price * count
        rng = f"第{first}{unit}" if first == upto else f"第{first}至第{upto}{unit}"
        if price == 0:
            text = f"{rng}：{count}{unit}，免费"
        else:
            text = f"{rng}：{count}{unit} × {price}元/{unit} = {_yuan(subtotal)}"
        items.append(FeeItem(first, upto, count, unit_price, subtotal, text))
    total = sum((i.subtotal for i in items), Decimal(0))
    return FeeResult(method, quantity, total, tuple(items), basis)


def _application_tiers(count: int) -> list[tuple[int, int, int]]:
    """109号 Art. 4: 1–10 free, 11–30 at 100元, from the 31st steps of 10 each 100元/件 more."""
    _check(count, "申请件数")
    if count > MAX_APPLICATIONS:
        raise RuleError(
            f"一个月内申请件数 {count} 超出合理范围（最多 {MAX_APPLICATIONS} 件），请检查输入"
        )
    tiers = [(1, FREE_APPLICATIONS, 0), (FREE_APPLICATIONS + 1, 30, 100)]
    first, price = 31, 200
    while first <= count:  # from the 31st: steps of 10, each 100元/件 more
        tiers.append((first, first + 9, price))
        first, price = first + 10, price + 100
    return tiers


PER_APPLICATION_BASIS = (
    "按件计收，同一申请人一个自然月内累计申请件数超额累进，国办函〔2020〕109号第四条"
)


def per_application(count: int) -> FeeResult:
    """按件: what one applicant owes for ``count`` applications in one natural month
    (国办函〔2020〕109号 Art. 4)."""
    tiers = _application_tiers(count)
    return _tiered("per_application", count, tiers, "件", PER_APPLICATION_BASIS)


def application_share(position: int) -> FeeResult:
    """按件: what the ``position``-th application of one applicant's natural month owes on its
    own notice — the single unit of the tier ``position`` falls in (109号 Art. 4: the charge is
    on 累计 applications "的部分", so the month's fee is owed once, spread over the applications
    beyond the 10th, never the whole month's fee on each)."""
    if isinstance(position, int) and not isinstance(position, bool) and position < 1:
        raise RuleError(f"申请在本月的序号必须从1开始（收到 {position}）")
    tiers = [
        (max(first, position), min(last, position), price)
        for first, last, price in _application_tiers(position)
        if first <= position <= last
    ]
    return _tiered(  # quantity = position: _tiered charges units first..min(last, quantity)
        "per_application",
        position,
        tiers,
        "件",
        f"{PER_APPLICATION_BASIS}；本申请为申请人本月第{position}件",
    )


def per_page(pages: int) -> FeeResult:
    """按量: what one application owes for ``pages`` pages (国办函〔2020〕109号 Art. 5)."""
    _check(pages, "页数")
    if pages > MAX_PAGES:
        raise RuleError(f"页数 {pages} 超出合理范围（最多 {MAX_PAGES} 页），请检查输入")
    tiers = [(1, FREE_PAGES, 0), (FREE_PAGES + 1, 100, 10), (101, 200, 20), (201, pages, 40)]
    return _tiered(
        "per_page", pages, tiers, "页", "按量计收，同一申请超额累进，国办函〔2020〕109号第五条"
    )


__all__ = [
    "FREE_APPLICATIONS",
    "FREE_PAGES",
    "MAX_APPLICATIONS",
    "MAX_PAGES",
    "PER_APPLICATION_BASIS",
    "FeeItem",
    "FeeResult",
    "application_share",
    "per_application",
    "per_page",
]
