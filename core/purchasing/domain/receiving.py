"""Goods in against a purchase order: what arrived per line, what of it was damaged (kept in
quarantine, never available), and how the order stands afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError
from core.purchasing.domain.orders import RECEIVABLE, ZERO, PurchaseOrder


@dataclass(frozen=True)
class Counted:
    """What the warehouse counted of one product: good units and damaged ones."""

    sku: str
    good: Decimal
    damaged: Decimal = ZERO


@dataclass(eq=False)
class Receipt:
    """One delivery taken in against a purchase order."""

    po_id: int
    warehouse: str
    location: str
    quarantine_location: str
    received_at: datetime
    actor: str
    reference: str
    lines: list[dict[str, str]] = field(default_factory=list)  # sku, good, damaged, over
    id: int | None = None


def apply_counts(po: PurchaseOrder, counts: list[Counted]) -> list[dict[str, str]]:
    """Add the counts to the order's lines; over and short deliveries are taken as counted.

    Returns the receipt's lines; refuses a product the order does not have, or a count below zero.
    """
    if po.state not in RECEIVABLE:
        raise IllegalPoTransition(f"purchase order {po.number} is {po.state}; goods cannot be received on it")
    rows: list[dict[str, str]] = []
    for count in counts:
        line = po.line_for(count.sku)
        if line is None:
            raise PurchasingError(f"{count.sku} is not on purchase order {po.number}")
        if count.good < 0 or count.damaged < 0 or count.good + count.damaged == 0:
            raise PurchasingError(f"{count.sku}: counts must be positive, not {count.good}/{count.damaged}")
        over = max(count.good + count.damaged - line.outstanding, ZERO)
        line.received += count.good
        line.damaged += count.damaged
        rows.append(
            {"sku": count.sku, "good": str(count.good), "damaged": str(count.damaged), "over": str(over)}
        )
    return rows
