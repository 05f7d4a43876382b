"""What Comanda learns when a clerk approves an order: the customer's own codes for our SKUs, and the
strong identifiers (tax id, GLN, e-mail, phone, fax, the sender) that name the customer from then on.

Every lesson is recorded (shown at /review/learned), said in the order's history, and undone by a
supervisor; undoing removes the mapping and keeps the record, marked undone.
"""

from __future__ import annotations

from datetime import datetime

from core.capture.domain.review import AuditEvent, LearnedIdentifier, LearnedItem
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.identity import KINDS, normalised
from core.kernel.domain.model import CustomerIdentifier, CustomerItem, Order
from core.kernel.domain.users import User
from core.kernel.errors import NotFound


def learn(uow: CaptureUnitOfWork, order: Order, user: User, now: datetime) -> list[LearnedItem]:
    """Record the customer's own code for each line a clerk mapped to a SKU by hand."""
    learned: list[LearnedItem] = []
    customer = order.customer_id
    if not customer:
        return learned
    for line in order.lines:
        code = line.buyer_item_code or line.item_code
        if not line.sku or not code or code == line.sku or code == line.gtin:
            continue
        if uow.master.product(line.sku) is None:
            continue
        if uow.master.sku_for_customer_code(customer, code) == line.sku:
            continue
        uow.master.upsert(CustomerItem(customer, code, line.sku))
        item = LearnedItem(customer, code, line.sku, now, user.id, order.id)
        uow.review.add(item)
        uow.review.add(AuditEvent(order.id or 0, now, "learn", user.id, "customer_item", code, line.sku))
        learned.append(item)
    return learned


def learn_identifiers(
    uow: CaptureUnitOfWork, order: Order, user: User, now: datetime
) -> list[LearnedIdentifier]:
    """Record, as the approved customer's, each identifier the order's document printed or was sent
    from (`Order.identifiers`: ours and our block's are never kept there) that does not name it yet.

    An identifier another customer has in its own master-data columns is not taken: master data
    wins over one document. One learned for another customer before is learned for this one too, so
    that it names neither any more (a number printed for both is nobody's in particular).
    """
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    if customer is None:
        return []
    learned: list[LearnedIdentifier] = []
    for row in order.identifiers:
        kind, value = str(row.get("kind") or ""), str(row.get("value") or "")
        stored = normalised(kind, value, customer.country) if kind in KINDS else None
        if stored is None:
            continue
        owners = {c.customer_id for c in uow.master.customers_by_identifier(kind, stored)}
        if customer.customer_id in owners:
            continue
        if any(
            c.customer_id != customer.customer_id
            for c in uow.master.customers_by_identifier(kind, stored, learned=False)
        ):
            continue
        if not uow.master.add_identifier(CustomerIdentifier(customer.customer_id, kind, stored)):
            continue
        item = LearnedIdentifier(customer.customer_id, kind, stored, now, user.id, order.id)
        uow.review.add(item)
        shared = f" (also {', '.join(sorted(owners))}'s: now it names none of them)" if owners else ""
        uow.review.add(
            AuditEvent(
                order.id or 0,
                now,
                "learn",
                user.id,
                "customer_identifier",
                f"{kind} {stored}",
                customer.customer_id + shared,
            )
        )
        learned.append(item)
    return learned


def unlearn(uow: CaptureUnitOfWork, item_id: int, user: User, now: datetime) -> LearnedItem:
    """A supervisor takes back a learned code: the mapping goes, the record stays, marked undone."""
    with uow:
        item = uow.review.learned_item(item_id)
        if item is None or item.undone_at is not None:
            raise NotFound(f"no learned code {item_id} to undo")
        uow.master.remove_customer_item(item.customer_id, item.customer_item_code, item.sku)
        _undone(uow, item, user, now, "customer_item", item.customer_item_code)
        uow.commit()
        return item


def unlearn_identifier(uow: CaptureUnitOfWork, item_id: int, user: User, now: datetime) -> LearnedIdentifier:
    """A supervisor takes back a learned identifier: it names the customer no more; the record stays."""
    with uow:
        item = uow.review.learned_identifier(item_id)
        if item is None or item.undone_at is not None:
            raise NotFound(f"no learned identifier {item_id} to undo")
        uow.master.remove_identifier(item.customer_id, item.kind, item.value)
        _undone(uow, item, user, now, "customer_identifier", f"{item.kind} {item.value}")
        uow.commit()
        return item


def _undone(
    uow: CaptureUnitOfWork,
    item: LearnedItem | LearnedIdentifier,
    user: User,
    now: datetime,
    field: str,
    what: str,
) -> None:
    """Mark the lesson undone and say so in the history of the order it was learned from."""
    item.undone_at = now
    if item.order_id is not None:
        uow.review.add(AuditEvent(item.order_id, now, "unlearn", user.id, field, what, None))
