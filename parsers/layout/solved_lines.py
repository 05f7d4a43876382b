"""A line's quantity, unit price and amount as the cross-checks settled them, with what each reading
cost, and the figures every check shares (a cent, agreeing to the cent)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from parsers.layout.numbers import Reading

REPAIR_PARTNERS = 3  # readings of the other two numbers a repaired one is tried against
EXACT = Decimal("0.0051")  # quantity × price within this of the amount: agreeing to the cent
CENT = Decimal("0.01")
COMPUTED = "computed"  # what a reading's note says of a value worked out from the line's other numbers


@dataclass(frozen=True)
class Solved:
    """The readings chosen for one line and what the cross-check said about them."""

    quantity: Reading | None
    unit_price: Reading | None
    amount: Reading | None
    check: str  # "agrees" | "disagrees" | "unchecked" | "derived"
    options: tuple[Solved, ...] = ()  # readings that agree, when one line alone cannot choose between them
    # the quantity's and the price's own reading costs, where a mend raised every cost to a repaired
    # digit's only to keep the line short of sure unless the total vouches (item_discounts.fitted_by_discount)
    own_costs: tuple[int, int] | None = None

    @property
    def cost(self) -> int:
        return sum(r.cost for r in (self.quantity, self.unit_price, self.amount) if r is not None)


def solved_values(s: Solved) -> tuple[Decimal | None, ...]:
    return tuple(r.value if r else None for r in (s.quantity, s.unit_price, s.amount))
