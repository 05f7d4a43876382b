"""A change to an order before its goods are released, however it arrives: a buyer's ORDCHG that
capture reads, or a person's edit; fulfilment applies it (`core.fulfilment.services.lifecycle.modify`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class LineChange:
    """A change to one line: `position` None adds a line; quantity 0 removes one."""

    position: int | None
    quantity: Decimal | None = None
    sku: str | None = None  # for a new line
    requested_delivery_date: date | None = None
    unit_price: Decimal | None = None


@dataclass(frozen=True)
class OrderChange:
    """What a buyer (or a person on their behalf, or their ORDCHG) changes before release."""

    lines: tuple[LineChange, ...] = ()
    requested_delivery_date: date | None = None
    note: str | None = None
