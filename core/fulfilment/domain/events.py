"""Events of the order lifecycle, published after the transaction that raised them commits.

The composition root turns `NotificationsQueued` and `StockArrived` into jobs; the others are there
for whoever needs them (issue 7: authorise on approval, capture and invoice on shipment, void on
cancel).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NotificationsQueued:
    """An order has notifications waiting to be rendered and sent."""

    order_id: int


@dataclass(frozen=True)
class StockArrived:
    """Stock of a SKU went up: orders waiting for it may now be allocated."""

    sku: str


@dataclass(frozen=True)
class OrderApproved:
    order_id: int


@dataclass(frozen=True)
class OrderCancelled:
    order_id: int


@dataclass(frozen=True)
class ShipmentShipped:
    shipment_id: int
    order_id: int


@dataclass(frozen=True)
class ShipmentDelivered:
    shipment_id: int
    order_id: int
