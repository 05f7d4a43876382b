"""Promotions and the one function that applies them to an order's lines, whatever channel it came on.

A promotion is a percentage off, a fixed amount off each base unit, or "buy N get M" (of every N + M
units, M are free); it is for everyone, a product, a category, a customer group or one customer; it is
valid between two dates (inclusive, blank open) and may need a code the order quotes. Each line gets at
most one promotion, the one worth most to the customer (ties: the promotion whose id sorts first):
promotions never stack.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from core.kernel.domain.money import ZERO, round_money

HUNDRED = Decimal(100)


class PromotionKind(enum.StrEnum):
    PERCENT = "percent"  # `value` percent off the line
    FIXED = "fixed"  # `value` (in `currency`) off each base unit
    BUY_GET = "buy_get"  # of every `buy` + `get` units, `get` are free


class Scope(enum.StrEnum):
    """Whom a promotion is for; `target` names the product, category, group or customer."""

    ALL = "all"
    PRODUCT = "product"
    CATEGORY = "category"
    GROUP = "group"
    CUSTOMER = "customer"


@dataclass(eq=False)
class Promotion:
    """One promotion as `oms import promotions` stores it."""

    promotion_id: str
    kind: str
    scope: str
    target: str = ""  # "" for everyone
    value: Decimal | None = None
    buy: int | None = None
    get: int | None = None
    currency: str | None = None  # a fixed amount's currency; the other kinds apply in any currency
    valid_from: date | None = None
    valid_to: date | None = None
    code: str | None = None  # the code an order must quote; None: applies without one
    description: str = ""

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def describe(self) -> str:
        """The promotion in words for a confirmation, an invoice and the order's history."""
        what = {
            PromotionKind.PERCENT: f"{_plain(self.value)} % off",
            PromotionKind.FIXED: f"{_plain(self.value)} {self.currency or ''} off each unit".replace(
                "  ", " "
            ),
            PromotionKind.BUY_GET: f"buy {self.buy} get {self.get} free",
        }[PromotionKind(self.kind)]
        name = f"{self.promotion_id} ({self.description})" if self.description else self.promotion_id
        return f"promotion {name}: {what}"


def _plain(value: Decimal | None) -> str:
    return f"{(value or ZERO).normalize():f}"


@dataclass(frozen=True)
class PromoLine:
    """A line as promotions see it: the SKU, the quantity in base units and the price per base unit
    the customer pays before any promotion."""

    sku: str | None
    quantity: Decimal | None
    unit_price: Decimal | None


@dataclass(frozen=True)
class Buyer:
    """Who orders, when, in which currency and quoting which codes."""

    customer_id: str | None
    group: str | None
    on: date
    currency: str
    codes: Collection[str] = ()


@dataclass(frozen=True)
class LineDiscount:
    """What a promotion takes off one line: `amount` in the order's currency, rounded to its minor unit;
    `percent` for a percentage promotion, `free_units` for buy-get."""

    promotion_id: str
    description: str
    amount: Decimal
    percent: Decimal | None = None
    free_units: Decimal | None = None


def applies(promotion: Promotion, sku: str, buyer: Buyer, categories: Mapping[str, str]) -> bool:
    """Whether the promotion is for this buyer and this product, today, with the codes it quoted."""
    if not promotion.valid_on(buyer.on):
        return False
    if promotion.code and promotion.code.upper() not in {c.upper() for c in buyer.codes}:
        return False
    if promotion.kind == PromotionKind.FIXED and (promotion.currency or "").upper() != buyer.currency.upper():
        return False
    wanted = {
        Scope.ALL: None,
        Scope.PRODUCT: sku,
        Scope.CATEGORY: categories.get(sku),
        Scope.GROUP: buyer.group,
        Scope.CUSTOMER: buyer.customer_id,
    }[Scope(promotion.scope)]
    return promotion.scope == Scope.ALL or (wanted is not None and wanted == promotion.target)


def discount_of(promotion: Promotion, line: PromoLine, currency: str) -> LineDiscount | None:
    """What the promotion takes off the line (never more than the line is worth); None for nothing."""
    if line.quantity is None or line.unit_price is None or line.quantity <= 0 or line.unit_price <= 0:
        return None
    gross = line.quantity * line.unit_price
    percent = free = None
    if promotion.kind == PromotionKind.PERCENT:
        percent = promotion.value or ZERO
        amount = gross * percent / HUNDRED
    elif promotion.kind == PromotionKind.FIXED:
        amount = line.quantity * (promotion.value or ZERO)
    else:
        buy, get = promotion.buy or 0, promotion.get or 0
        if buy <= 0 or get <= 0:
            return None
        free = (line.quantity / (buy + get)).to_integral_value(rounding=ROUND_FLOOR) * get
        amount = free * line.unit_price
    amount = round_money(min(amount, gross), currency)
    if amount <= 0:
        return None
    return LineDiscount(promotion.promotion_id, promotion.describe(), amount, percent, free)


def apply_promotions(
    lines: Sequence[PromoLine],
    promotions: Sequence[Promotion],
    buyer: Buyer,
    categories: Mapping[str, str],
) -> tuple[LineDiscount | None, ...]:
    """One entry per line: the promotion worth most to the customer on it, or None."""
    out: list[LineDiscount | None] = []
    for line in lines:
        best: LineDiscount | None = None
        for promotion in sorted(promotions, key=lambda p: p.promotion_id):
            if line.sku is None or not applies(promotion, line.sku, buyer, categories):
                continue
            found = discount_of(promotion, line, buyer.currency)
            if found is not None and (best is None or found.amount > best.amount):
                best = found
        out.append(best)
    return tuple(out)
