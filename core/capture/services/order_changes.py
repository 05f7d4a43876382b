"""A buyer's change to an order they sent before (EDIFACT ORDCHG, or an ORDERS with BGM function 4
"change"), applied to that order by fulfilment's `modify` (`uow.lifecycle`, in the same transaction)
and answered by an ORDRSP "changed".

Lines are matched by the buyer's line number (LIN 1082): a matched line takes the new quantity
(0 or no quantity with BGM "change" deletes it) and date; a line number the order does not have
is a new line, resolved by our SKU or its GTIN.

Wiring, for whoever routes arrivals (see the note in the README): the EDIFACT reader reads ORDERS
only, so an ORDCHG arrives today as an "unsupported message".  To take it, the reader maps ORDCHG
like ORDERS with `function="change"`, and processing hands every captured order whose function is
"change" to `apply_captured_change` instead of creating a new order.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.capture.domain.order import CapturedOrder
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.changes import LineChange, OrderChange
from core.kernel.domain.model import Order, OrderLine
from core.kernel.errors import NotFound


def find_original(uow: CaptureUnitOfWork, captured: CapturedOrder, customer_id: str | None) -> Order | None:
    """The newest order with the same buyer's order number from the same customer."""
    if not captured.po_number:
        return None
    return uow.orders.latest_with_po_number(captured.po_number, customer_id)


def change_of(uow: CaptureUnitOfWork, order: Order, captured: CapturedOrder) -> OrderChange:
    by_number: dict[str | None, OrderLine] = {line.line_no: line for line in order.lines if line.line_no}
    changes = []
    for line in captured.lines:
        existing = by_number.get(line.line_no)
        if existing is not None:
            changes.append(
                LineChange(
                    position=existing.position,
                    quantity=line.quantity if line.quantity is not None else Decimal(0),
                    requested_delivery_date=line.requested_delivery_date,
                    unit_price=line.unit_price,
                )
            )
            continue
        product = None
        for code in (line.supplier_item_code, line.item_code):
            product = product or (uow.master.product(code) if code else None)
        if product is None and line.gtin:
            product = uow.master.product_by_gtin(line.gtin)
        if product is None:
            raise NotFound(f"line {line.line_no}: no product for codes {', '.join(line.codes) or '(none)'}")
        changes.append(
            LineChange(position=None, sku=product.sku, quantity=line.quantity, unit_price=line.unit_price)
        )
    note = "; ".join(captured.notes) or None
    return OrderChange(
        lines=tuple(changes), requested_delivery_date=captured.requested_delivery_date, note=note
    )


def apply_captured_change(
    uow: CaptureUnitOfWork, captured: CapturedOrder, customer_id: str | None, actor: str, now: datetime
) -> dict[str, str]:
    """Apply a captured change message to its original order; returns what changed per line."""
    original = find_original(uow, captured, customer_id)
    if original is None or original.id is None:
        raise NotFound(f"no order {captured.po_number!r} to change")
    return uow.lifecycle.modify(original.id, change_of(uow, original, captured), actor, now)
