"""Events of payments, invoicing and returns, published after the transaction that raised them commits.

The composition root (`oms.billing`) turns each into a job; the lifecycle's `ShipmentShipped`,
`ShipmentDelivered` and `OrderCancelled` are subscribed to there as well.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GatewayCallQueued:
    """A processor call is written down and waits to be made (authorise, capture, void, refund)."""

    transaction_id: int


@dataclass(frozen=True)
class BillingNoticesQueued:
    """An order has billing notices waiting to be rendered and sent."""

    order_id: int
