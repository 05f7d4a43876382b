"""The review queue as a clerk sees it: the orders waiting, filtered and sorted, with who holds each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.capture.services.review_locks import LockState, state_of
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, OrderState
from core.kernel.domain.users import User


@dataclass(frozen=True)
class QueueRow:
    order: Order
    lock: LockState
    codes: tuple[str, ...]


SORTS = {
    "age": lambda r: r.order.created_at,
    "-age": lambda r: -r.order.created_at.timestamp(),
    "confidence": lambda r: r.order.confidence,
    "customer": lambda r: r.order.customer_id or "~",
    "channel": lambda r: r.order.channel,
}


def queue(
    uow: CaptureUnitOfWork,
    user: User,
    now: datetime,
    *,
    channel: str | None = None,
    customer: str | None = None,
    code: str | None = None,
    sort: str = "age",
) -> list[QueueRow]:
    """Orders waiting for a clerk, oldest first unless asked otherwise, with who holds each."""
    orders = [o for o in uow.orders.list(state=OrderState.IN_REVIEW, limit=5000) if o.id is not None]
    locks = uow.review.locks([o.id for o in orders if o.id is not None])
    rows = []
    for order in orders:
        codes = tuple(sorted({str(p["code"]) for p in order.problems}))
        if channel and order.channel != channel:
            continue
        if customer and (order.customer_id or "") != customer:
            continue
        if code and code not in codes:
            continue
        rows.append(QueueRow(order, state_of(uow, locks.get(order.id or 0), user, now), codes))
    rows.sort(key=SORTS.get(sort, SORTS["age"]))
    return rows
