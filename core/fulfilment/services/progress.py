"""Shared steps of the lifecycle services: where an order's units are, settling its headline state
with an event, and queueing the customer's notification in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from core.fulfilment.domain.contact import choose_channel, is_structured
from core.fulfilment.domain.events import NotificationsQueued
from core.fulfilment.domain.lifecycle import FULFILMENT, LineProgress, OrderEvent, Step, derive, move
from core.fulfilment.domain.notifications import NoticeKind, Notification, notification_key
from core.fulfilment.domain.progress import Reserved, progress
from core.fulfilment.domain.warehouse import ShipmentState
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.adapters.orm import made
from core.kernel.domain.model import Customer, Order, OrderState
from core.kernel.domain.notices import NotificationState
from core.kernel.services.outbox import partner_hold, told_by_decision

ZERO = Decimal(0)


def notice_channel(
    uow: FulfilmentUnitOfWork, order: Order, customer: Customer | None, *, structured: bool
) -> tuple[str, str | None]:
    """The channel to tell the customer on, and the address there (see `choose_channel`)."""
    preferred = uow.stock.preferences(order.customer_id).notify_channel
    return choose_channel(order, customer, preferred, uow.channels, structured=structured)


def all_delivered(uow: FulfilmentUnitOfWork, order_id: int) -> bool:
    gone = (ShipmentState.SHIPPED, ShipmentState.DELIVERED)
    states = [s for _, s in uow.fulfilment.shipment_states(order_id) if s in gone]
    return all(s is ShipmentState.DELIVERED for s in states)


def settle(
    uow: FulfilmentUnitOfWork,
    order: Order,
    step: Step,
    actor: str,
    now: datetime,
    allocations: Sequence[Reserved],
    detail: dict[str, object] | None = None,
    *,
    delivered: bool | None = None,
    lines: Sequence[LineProgress] | None = None,
) -> OrderEvent:
    """Move an order to the state its units say it is in, and record the step as an event.

    An order on hold stays on hold (the step is still recorded); the state it returns to is
    worked out when the hold is released.  `lines`: `progress(order, allocations)`, when the
    caller worked it out already.
    """
    assert order.id is not None
    if order.state is OrderState.ON_HOLD:
        target = OrderState.ON_HOLD
    else:
        done = delivered if delivered is not None else all_delivered(uow, order.id)
        units = lines if lines is not None else progress(order, allocations)
        target = derive(units, all_delivered=done)
    event = move(order, target, step, actor, now, detail)
    uow.fulfilment.add_events([event])
    return event


def record(
    uow: FulfilmentUnitOfWork,
    order: Order,
    to: OrderState,
    step: Step,
    actor: str,
    now: datetime,
    detail: dict[str, object] | None = None,
) -> OrderEvent:
    """Move an order to an explicit state (approval, hold, cancel, close) and record the event."""
    event = move(order, to, step, actor, now, detail)
    uow.fulfilment.add_events([event])
    return event


def in_fulfilment(state: OrderState) -> bool:
    return state in FULFILMENT


def announce(
    uow: FulfilmentUnitOfWork,
    order: Order,
    kind: NoticeKind,
    now: datetime,
    *,
    ref: str | int | None = None,
    detail: dict[str, object] | None = None,
    shipment_id: int | None = None,
) -> Notification | None:
    """Queue a notification of this change for the customer, once: its key is order + kind + ref.

    The channel is the customer's preferred one, else the one the order came on, else whatever
    contact master data has (e-mail, then fax).  Returns None when it was queued before.
    """
    assert order.id is not None
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    channel, recipient = notice_channel(uow, order, customer, structured=True)
    notification = made(  # one per order of a batch, written in bulk: no attribute event per field
        Notification,
        order_id=order.id,
        kind=kind,
        key=notification_key(order.id, kind, ref),
        channel=channel,
        created_at=now,
        recipient=recipient,
        language=(customer.language if customer and customer.language else "es")[:8],
        detail=dict(detail or {}),
        shipment_id=shipment_id,
    )
    if kind is NoticeKind.ACCEPTED and channel == order.channel:
        structured = is_structured(uow.channels, channel)
        held = partner_hold(uow, order, structured)
        if held:  # the decision's ORDRSP was withheld (no agreed address): pending until it is configured
            notification.error = held
        elif told_by_decision(uow, order, structured):
            # the answer queued when the order was decided (ORDRSP, e-mail or fax reply) said so already
            notification.state = NotificationState.SKIPPED
            notification.error = "told by the answer sent when the order was decided"
        # else the partner was configured only after the decision, whose ORDRSP was withheld: this tells it
    elif recipient is None:
        notification.state = NotificationState.SKIPPED
        notification.error = f"no {channel} address for the customer in master data"
    if not uow.fulfilment.add_notification(notification):
        return None
    if notification.state is NotificationState.PENDING:
        uow.emit(NotificationsQueued(order.id))
    return notification


def count_notices(uow: FulfilmentUnitOfWork, order_id: int, kind: NoticeKind) -> int:
    return sum(1 for n in uow.fulfilment.notifications(order_id) if n.kind is kind)
