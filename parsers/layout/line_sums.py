"""Lines adding up to a printed total or carried-forward subtotal, and whether an order's arithmetic pins
a line's value: quantity × price to the cent of its amount."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import line_net
from parsers.layout.numbers import Reading
from parsers.layout.solved_lines import CENT, EXACT, Solved, solved_values


def to_the_cent(quantity: Decimal, price: Decimal, amount: Decimal, discount: Decimal | None = None) -> bool:
    """Whether quantity × price, less the line's discount in percent, is the amount to the cent."""
    return abs(line_net(quantity, price, discount) - amount) <= EXACT


def adding_up(
    quantity: Decimal, prices: list[Reading], amounts: list[Reading], *, exactly: bool = False
) -> dict[Decimal, tuple[Reading, Reading]]:
    """The readings of a line's price and amount with which `quantity` makes the line add up, by the
    price's value (the last amount it fits kept): quantity × price the amount to the cent, or, where
    `exactly`, the amount itself (a whole quantity the price makes the amount with nothing to round).
    Where a quantity was read again in another way, this says whether the line still adds up with it."""
    return {
        p.value: (p, a)
        for p in prices
        for a in amounts
        if (quantity * p.value == a.value if exactly else to_the_cent(quantity, p.value, a.value))
    }


def pinned(solved: Solved, name: str, discount: Decimal | None = None) -> bool:
    """Whether quantity × price = amount leaves the number `name` of agreeing readings no other value
    at the places it has: its last figure other than a zero, one up or one down, would no longer agree
    to the cent.  An amount always is (another amount is a cent off); a price to four places on a line
    of a few units is not (12.5 × 3.1500 and 12.5 × 3.1504 both make 39.38), so the arithmetic cannot
    vouch for a figure it was repaired or worked out to fit."""
    return pins(solved_values(solved), name, discount)


def pins(values: tuple[Decimal | None, ...], name: str, discount: Decimal | None = None) -> bool:
    """`pinned` for a line's (quantity, price, amount) values."""
    if name == "amount" or any(v is None for v in values):
        return True
    quantity, price, amount = (v for v in values if v is not None)
    value = quantity if name == "quantity" else price
    # its last figure but a zero: "3,1500" is pinned where 3.15 is, its zeros stand as read
    exponent = value.normalize().as_tuple().exponent
    step = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    for nearby in (value - step, value + step):
        q, p = (nearby, price) if name == "quantity" else (quantity, nearby)
        if nearby > 0 and to_the_cent(q, p, amount, discount):
            return False
    return True


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
