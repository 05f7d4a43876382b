"""Orders made directly in the database, for the lifecycle's tests and benchmarks (no document to read)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from core.capture.domain.documents import Channel, DocumentRecord, DocumentState
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from core.unit_of_work import UnitOfWork

Lines = Sequence[tuple[str, Decimal]]


def make_orders(
    uow: UnitOfWork,
    specs: Sequence[Lines],
    now: datetime,
    *,
    state: OrderState = OrderState.APPROVED,
    customer_id: str = "C-1001",
    tag: str = "gen",
) -> list[int]:
    """One order per spec (a list of (sku, quantity)), all under one stored placeholder document.

    The caller commits.  Orders are created a microsecond apart, so "oldest first" is spec order.
    """
    content = f"generated orders {tag} {now.isoformat()}".encode()
    sha = hashlib.sha256(content).hexdigest()
    uow.blobs.put(sha, content)
    document = DocumentRecord(
        channel=Channel.UPLOAD, sha256=sha, size=len(content), received_at=now, state=DocumentState.PROCESSED
    )
    uow.documents.add(document)
    uow.flush()
    assert document.id is not None
    orders = []
    for index, lines in enumerate(specs):
        order = Order(
            document_id=document.id,
            message_index=index,
            channel="upload",
            state=state,
            decision=Decision.ACCEPT,
            confidence=1.0,
            created_at=now + timedelta(microseconds=index),
            po_number=f"{tag}-{index + 1}",
            customer_id=customer_id,
            currency="EUR",
        )
        for position, (sku, quantity) in enumerate(lines, start=1):
            order.lines.append(
                OrderLine(
                    position=position, sku=sku, quantity=quantity, unit="PCE", unit_price=Decimal("1.00")
                )
            )
        orders.append(order)
    uow.orders.insert_new(document.id, orders)
    return [o.id for o in orders if o.id is not None]
