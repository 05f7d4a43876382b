"""An approved purchase order goes out on its supplier's channel: rendered into the outbox by the
channel's purchase-order writer, handed to the channel's sender, and only then marked sent. A failed
send leaves the order approved and its message pending; the job is retried."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from core.kernel.domain.model import OutboundMessage, OutboundState
from core.kernel.errors import TransientError
from core.kernel.services.delivery import Sender
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.orders import PoState
from core.purchasing.domain.outgoing import CHANNEL_OF, PoDocument
from core.purchasing.domain.suppliers import OrderChannel
from core.purchasing.services.orders import locked
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork


class PoWriter(Protocol):
    """Renders a purchase order for a supplier on one channel."""

    def compose(self, document: PoDocument, now: datetime) -> OutboundMessage: ...


def render(
    uow: PurchasingUnitOfWork, po_id: int, writers: Mapping[str, PoWriter], now: datetime
) -> OutboundMessage | None:
    """Put the order's message in the outbox once; None when the order is not waiting to go out."""
    po = locked(uow, po_id)
    if po.state is not PoState.APPROVED:
        return None
    if po.outbound_id is not None:
        return uow.outbound.get(po.outbound_id)
    supplier = uow.purchasing.supplier(po.supplier_id, lock=True)
    if supplier is None:
        raise PurchasingError(f"supplier {po.supplier_id} does not exist")
    channel = CHANNEL_OF[supplier.channel]
    writer = writers.get(channel)
    if writer is None:
        raise PurchasingError(f"no channel {channel!r} writes purchase orders")
    ref = supplier.take_control_ref() if supplier.channel is OrderChannel.EDIFACT else None
    names = dict(uow.supply.warehouse_names())
    message = writer.compose(PoDocument(po, supplier, names.get(po.warehouse, po.warehouse), ref), now)
    uow.outbound.add(message)
    uow.flush()
    po.outbound_id, po.control_ref = message.id, ref
    return message


def send(
    uow_factory: Callable[[], PurchasingUnitOfWork],
    po_id: int,
    writers: Mapping[str, PoWriter],
    senders: Mapping[str, Sender],
    clock: Callable[[], datetime],
    actor: str = "system:purchasing",
) -> PoState:
    """Render (once), send, and mark the order sent; TransientError when the channel failed for now."""
    with uow_factory() as uow:
        message = render(uow, po_id, writers, clock())
        uow.commit()
        state = locked(uow, po_id).state
    if message is None or message.state is not OutboundState.PENDING:
        return state
    sender = senders.get(message.channel)
    if sender is None:
        raise PurchasingError(f"no sender for channel {message.channel!r}")
    try:
        gone = sender.send(message) or OutboundState.SENT
    except OSError as exc:
        raise TransientError(f"purchase order {po_id} could not be sent: {exc}") from exc
    with uow_factory() as uow:
        po = locked(uow, po_id)
        assert message.id is not None
        uow.outbound.mark_sent([message.id], clock(), gone)
        if po.state is PoState.APPROVED:
            po.move(PoState.SENT, "send", actor, clock(), f"{message.channel} to {message.recipient}")
        uow.commit()
        return po.state
