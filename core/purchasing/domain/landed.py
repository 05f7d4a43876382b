"""Landed cost: carriage, duties and other charges on a supplier's invoice spread over the goods the
order brought in, by their value (the default), their quantity or their weight. Each line's share is
rounded to the cent and whatever rounding leaves over goes to the last line, so the shares add up
to the charges exactly."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.orders import ZERO, PoLine

CENT = Decimal("0.01")


class Basis(enum.StrEnum):
    """What the charges are spread in proportion to."""

    VALUE = "value"  # received units x the order's price
    QUANTITY = "quantity"  # received units
    WEIGHT = "weight"  # received units x the product's weight


@dataclass(frozen=True)
class Charge:
    """One charge of an invoice that is no goods: carriage, duties, insurance…"""

    kind: str
    amount: Decimal


def spread(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """`amount` in cents over `weights`, the rounding remainder on the last one."""
    total = sum(weights, ZERO)
    if not weights or total <= 0:
        raise PurchasingError("there is nothing received to spread the charges over")
    shares = [(amount * w / total).quantize(CENT, rounding=ROUND_HALF_UP) for w in weights[:-1]]
    return [*shares, amount - sum(shares, ZERO)]


def shares(
    lines: Sequence[PoLine], amount: Decimal, basis: Basis, weights: Mapping[str, Decimal] | None = None
) -> dict[int, Decimal]:
    """Per line number, its share of `amount` over the lines that received goods, good or damaged
    (damaged units wait in quarantine on hand and valued: released or written off later, they
    carry their part of the charges)."""
    received = [line for line in lines if landed_units(line) > 0]
    if basis is Basis.VALUE:
        measure = [landed_units(line) * line.unit_price for line in received]
    elif basis is Basis.QUANTITY:
        measure = [landed_units(line) for line in received]
    else:
        missing = [line.sku for line in received if not (weights or {}).get(line.sku)]
        if missing:
            raise PurchasingError(f"no weight is known for {', '.join(missing)}: spread by value or quantity")
        measure = [landed_units(line) * (weights or {})[line.sku] for line in received]
    return {line.line_no: share for line, share in zip(received, spread(amount, measure), strict=True)}


def landed_units(line: PoLine) -> Decimal:
    """The units a line brought into our stock: good ones and those in quarantine."""
    return line.received + line.damaged


def total(charges: Sequence[Charge]) -> Decimal:
    return sum((c.amount for c in charges), ZERO)
