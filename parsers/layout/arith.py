"""Cross-checks that choose between readings: quantity × unit price = amount on a line, and the lines
adding up to a printed total or carried-forward subtotal."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from parsers.layout.numbers import Reading

TOP = 4  # readings of each number tried against each other
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Solved:
    """The readings chosen for one line and what the cross-check said about them."""

    quantity: Reading | None
    unit_price: Reading | None
    amount: Reading | None
    check: str  # "agrees" | "disagrees" | "unchecked" | "derived"

    @property
    def cost(self) -> int:
        return sum(r.cost for r in (self.quantity, self.unit_price, self.amount) if r is not None)


def tolerance(quantity: Decimal, price: Decimal) -> Decimal:
    """How far quantity × price may be from a printed amount: cent rounding plus the price's own rounding."""
    exponent = price.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal("0.006") + abs(quantity) * Decimal(5).scaleb(-places - 1)


def agrees(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return abs(quantity * price - amount) <= tolerance(quantity, price)


def _derive(known: Reading, amount: Reading, what: str) -> Reading | None:
    if known.value == 0:
        return None
    value = amount.value / known.value
    rounded = value.quantize(Decimal(1)) if what == "quantity" else value.quantize(Decimal("0.0001"))
    if abs(rounded * known.value - amount.value) > CENT:
        return None
    return Reading(rounded, 3, f"{what} computed from the amount")


def solve(qty: list[Reading], price: list[Reading], amount: list[Reading]) -> Solved:
    """The cheapest readings for which quantity × price = amount; the plain ones when none agree."""
    q0, p0, a0 = (r[0] if r else None for r in (qty, price, amount))
    if qty and price and amount:
        best: Solved | None = None
        for q, p, a in itertools.product(qty[:TOP], price[:TOP], amount[:TOP]):
            if q.value > 0 and agrees(q.value, p.value, a.value):
                found = Solved(q, p, a, "agrees")
                if best is None or found.cost < best.cost:
                    best = found
        return best or Solved(q0, p0, a0, "disagrees")
    if amount and (qty or price) and not (qty and price):
        known = qty[0] if qty else price[0]
        derived = _derive(known, amount[0], "unit_price" if qty else "quantity")
        if derived is not None:
            return Solved(known if qty else derived, derived if qty else known, amount[0], "derived")
    return Solved(q0, p0, a0, "unchecked")


def line_value(solved: Solved) -> Decimal | None:
    """What a line contributes to the total: its amount, else quantity × price rounded to cents."""
    if solved.amount is not None:
        return solved.amount.value
    if solved.quantity is not None and solved.unit_price is not None:
        return (solved.quantity.value * solved.unit_price.value).quantize(CENT)
    return None


def matching(readings: list[Reading], target: Decimal) -> Reading | None:
    """The cheapest reading equal to `target` (to the cent)."""
    return next((r for r in readings if abs(r.value - target) <= CENT), None)
