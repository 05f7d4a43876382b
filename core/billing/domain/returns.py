"""Returns: a return authorisation (RMA) against an order, the goods received back, and how the
customer is made whole.

    authorised ──> received ──> settled          (cancelled: before anything was received)

A line may be authorised up to what was shipped of it less what earlier returns took back.  Goods
received are restocked (back on a shelf, sellable) or scrapped (taken in and written off).  Every
return that received goods is settled by a credit note for them at the invoiced prices and VAT;
`refund` then sends the money back (to the card, or by transfer), `credit` leaves it on the
customer's account for later invoices.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.kernel.domain.money import ZERO


class ReturnState(enum.StrEnum):
    AUTHORISED = "authorised"
    RECEIVED = "received"
    SETTLED = "settled"
    CANCELLED = "cancelled"


class Disposition(enum.StrEnum):
    RESTOCK = "restock"
    SCRAP = "scrap"


class Resolution(enum.StrEnum):
    REFUND = "refund"
    CREDIT = "credit"


@dataclass(eq=False)
class ReturnLine:
    order_line_id: int
    position: int
    sku: str
    description: str | None
    quantity: Decimal  # authorised
    received: Decimal = ZERO
    restocked: Decimal = ZERO
    scrapped: Decimal = ZERO
    return_id: int | None = None
    id: int | None = None


@dataclass(eq=False)
class ReturnRequest:
    order_id: int
    customer_id: str
    resolution: Resolution
    reason: str
    created_at: datetime
    created_by: str
    state: ReturnState = ReturnState.AUTHORISED
    received_at: datetime | None = None
    settled_at: datetime | None = None
    credit_note_id: int | None = None
    lines: list[ReturnLine] = field(default_factory=list)
    id: int | None = None

    @property
    def number(self) -> str:
        return f"RMA-{self.created_at.year}-{self.id or 0:06d}"


def returnable(shipped: Mapping[int, Decimal], returned: Mapping[int, Decimal]) -> dict[int, Decimal]:
    """Per order line: what was shipped and not yet taken back by an earlier (not cancelled) return."""
    return {
        line: qty - returned.get(line, ZERO)
        for line, qty in shipped.items()
        if qty - returned.get(line, ZERO) > 0
    }


@dataclass(frozen=True)
class Receipt:
    """What the warehouse found in a returned parcel for one return line."""

    position: int  # the order line's position
    quantity: Decimal
    disposition: Disposition = Disposition.RESTOCK
    warehouse: str | None = None  # where it is restocked; None: where it was shipped from
    location: str | None = None
