"""Telling the customer: one notification row per customer-visible change, keyed by order and event.

A notification is written in the same transaction as the change it reports (an outbox), so a
rollback tells nobody and a commit cannot lose it.  Its `key` is unique: the same change can never
be announced twice.  A job then renders it for its channel into an outbound message (EDIFACT,
e-mail, fax), which the channel's sender delivers and retries.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.fulfilment.domain.warehouse import Shipment
from core.kernel.domain.model import Customer, Order, Partner
from core.kernel.domain.notices import NotificationState


class NoticeKind(enum.StrEnum):
    """The changes a customer hears about."""

    ACCEPTED = "accepted"
    CHANGED = "changed"  # the order was modified (by us or by their ORDCHG)
    BACKORDERED = "backordered"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


@dataclass(eq=False)
class Notification:
    """One customer-visible change to announce, on one channel."""

    order_id: int
    kind: NoticeKind
    key: str  # unique: order, kind and the thing announced (a shipment, a change number)
    channel: str  # a registered channel's name (edi, email, fax, as2)
    created_at: datetime
    recipient: str | None = None  # partner id, address or fax number; None: not known yet
    language: str = "es"
    state: NotificationState = NotificationState.PENDING
    detail: dict[str, object] = field(default_factory=dict)  # lines backordered, what changed, ...
    shipment_id: int | None = None
    attempts: int = 0
    error: str | None = None
    outbound_id: int | None = None
    queued_at: datetime | None = None
    id: int | None = None


def notification_key(order_id: int, kind: NoticeKind, ref: str | int | None = None) -> str:
    """The unique key: `order:<id>:<kind>[:<ref>]`."""
    base = f"order:{order_id}:{kind}"
    return f"{base}:{ref}" if ref is not None else base


@dataclass(frozen=True)
class NoticeLine:
    """A line as the notice shows it."""

    position: int
    line_no: str | None
    sku: str | None
    description: str | None
    ordered: Decimal
    unit: str | None = None
    waiting: Decimal = Decimal(0)  # backordered units
    shipped: Decimal = Decimal(0)  # in this shipment


@dataclass(frozen=True)
class CustomerNotice:
    """Everything a notifier needs to render one notification, whatever its channel.

    For EDIFACT the service adds the partner and the control reference it took for the message.
    """

    notification: Notification
    order: Order
    customer: Customer | None
    lines: tuple[NoticeLine, ...]
    reference: str  # unique per notification, safe in a file name
    shipment: Shipment | None = None
    partner: Partner | None = None
    control_ref: str | None = None

    @property
    def kind(self) -> NoticeKind:
        return self.notification.kind

    @property
    def language(self) -> str:
        return self.notification.language
