"""Rendering queued notifications into the outbox, once each, through one notifier per channel.

`Notifier` is the interface the channels plug into, one per registered channel by its name (each
channel's own, e.g. ORDRSP and DESADV for EDIFACT, a message in the customer's language by e-mail or
fax; the composition root hands them over).  The rendered message is an `OutboundMessage`
row, delivered and retried by the answers job like every other answer; its file name comes from
the notification's unique key, so neither rendering twice nor sending twice can duplicate it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from core.fulfilment.domain.contact import is_structured
from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind, NoticeLine, Notification
from core.fulfilment.domain.progress import progress
from core.fulfilment.domain.stock import AllocationState
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.model import Order, OutboundMessage
from core.kernel.domain.notices import NotificationState
from core.kernel.services.outbox import (
    RenderReport,
    hold_row,
    partner_hold,
    partner_to_write,
    render_order_rows,
    render_row,
    told_by_decision,
    was_held,
)

ZERO = Decimal(0)


class Notifier(Protocol):
    """Renders customer notices for one channel.

    Returns the outbox message to send, or None when this channel has nothing to say for this
    kind of notice (it is then marked skipped, with the notifier's reason from `skip_reason`).
    Must not send anything itself: delivery is the channel sender's job, after commit.
    """

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None: ...


def render_pending(
    uow: FulfilmentUnitOfWork, order_id: int, notifiers: Mapping[str, Notifier], now: datetime
) -> RenderReport:
    """Render every pending notification of an order into the outbox (rows locked while doing it)."""
    return render_order_rows(
        uow,
        order_id,
        uow.fulfilment.order(order_id),
        lambda: uow.fulfilment.pending_notifications(order_id),
        lambda order, notification, report: _render_one(uow, order, notification, notifiers, now, report),
    )


def _render_one(
    uow: FulfilmentUnitOfWork,
    order: Order,
    notification: Notification,
    notifiers: Mapping[str, Notifier],
    now: datetime,
    report: RenderReport,
) -> None:
    structured = is_structured(uow.channels, notification.channel)
    if notification.kind is NoticeKind.ACCEPTED and notification.channel == order.channel:
        held = partner_hold(uow, order, structured)
        if held:  # the decision's ORDRSP was withheld (no agreed address): the partner is told nothing yet
            hold_row(notification, held, report)
            return
        if not was_held(notification) and told_by_decision(uow, order, structured):
            # the answer queued when the order was decided (ORDRSP, e-mail or fax reply) said so already
            notification.state = NotificationState.SKIPPED
            notification.error = "told by the answer sent when the order was decided"
            report.skipped += 1
            return
        # held, or the partner configured only after the decision: nobody has told it yet, so it is sent now
    notifier = notifiers.get(notification.channel)
    if notifier is None or not notification.recipient:
        notification.error = (
            f"no notifier for channel {notification.channel!r} yet"
            if notifier is None
            else f"no {notification.channel} address for the customer"
        )
        report.waiting += 1
        return
    held = partner_hold(uow, order, structured)
    if held:
        hold_row(notification, held, report)
        return
    built: list[CustomerNotice] = []

    def compose() -> OutboundMessage | None:
        built.append(build_notice(uow, order, notification))
        return notifier.compose(built[0], now)

    def skipped() -> str:
        return getattr(notifier, "skip_reason", lambda _n: None)(built[0]) or "nothing to send"

    render_row(uow, order, notification, compose, skipped, now, report, what="notification")


def build_notice(uow: FulfilmentUnitOfWork, order: Order, notification: Notification) -> CustomerNotice:
    """Everything a notifier needs; for EDIFACT also the partner and a fresh control reference."""
    assert order.id is not None
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    shipment = uow.fulfilment.shipment(notification.shipment_id) if notification.shipment_id else None
    allocations = uow.fulfilment.allocations([order.id]).get(order.id, [])
    waiting = {p.line_id: p.waiting for p in progress(order, allocations)}
    in_shipment: dict[int, Decimal] = {}
    if shipment is not None:
        for a in allocations:
            if a.shipment_id == shipment.id and a.state in (AllocationState.SHIPPED, AllocationState.PACKED):
                in_shipment[a.line_id] = in_shipment.get(a.line_id, ZERO) + a.quantity
    lines = tuple(
        NoticeLine(
            position=line.position,
            line_no=line.line_no,
            sku=line.sku,
            description=line.description,
            ordered=line.stock_quantity or ZERO,  # in the unit stock counts, as waiting and shipped are
            unit=line.base_unit or line.unit,
            waiting=waiting.get(line.id or 0, ZERO),
            shipped=in_shipment.get(line.id or 0, ZERO),
        )
        for line in order.lines
    )
    partner, control_ref = partner_to_write(uow, order, is_structured(uow.channels, notification.channel))
    assert notification.id is not None
    return CustomerNotice(
        notification=notification,
        order=order,
        customer=customer,
        lines=lines,
        reference=f"N{notification.id}",
        shipment=shipment,
        partner=partner,
        control_ref=control_ref,
    )
