"""Wires the order lifecycle into the app: its service with the approval policy, the carriers'
booking interface and the channels' notifiers, and its two jobs (render notifications, serve
backorders when stock arrives).

The notifiers are the registered channels' (`app.channels`, by channel name); the approval policy
and the close gate are billing's, handed over by `oms.bootstrap`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dramatiq
from dramatiq.errors import Retry
from sqlalchemy.exc import OperationalError

from core.capture.domain.events import OrdersAccepted
from core.fulfilment.domain.events import NotificationsQueued, StockArrived
from core.fulfilment.services.approval import ApprovalPolicy
from core.fulfilment.services.fulfilment import Fulfilment
from core.fulfilment.services.lifecycle import CloseGate
from core.fulfilment.services.notifications import Notifier
from core.kernel.errors import TransientError
from oms.tasks import MAX_RETRIES, RETRY_MAX_MS, RETRY_MIN_MS
from outbound.carriers import FakeCarrier

if TYPE_CHECKING:
    from oms.bootstrap import App

log = logging.getLogger(__name__)
QUEUE = "lifecycle"


@dataclass(frozen=True)
class LifecycleActors:
    notify_order: dramatiq.Actor[..., Any]
    serve_backorders: dramatiq.Actor[..., Any]
    start_orders: dramatiq.Actor[..., Any]


def declare_lifecycle_actors(broker: dramatiq.Broker, service: Fulfilment) -> LifecycleActors:
    """The lifecycle's jobs: ids in, one service call, transient failures retried."""

    def notify_order(order_id: int) -> None:
        try:
            service.notify(int(order_id))
        except (TransientError, OperationalError) as exc:
            raise Retry(str(exc)) from exc

    def serve_backorders(sku: str) -> None:
        try:
            service.serve_backorders(str(sku))
        except (TransientError, OperationalError) as exc:
            raise Retry(str(exc)) from exc

    def start_orders(order_ids: list[int]) -> None:
        try:
            service.start_accepted([int(i) for i in order_ids], "system")
        except (TransientError, OperationalError) as exc:
            raise Retry(str(exc)) from exc

    options: dict[str, Any] = {
        "broker": broker,
        "queue_name": QUEUE,
        "max_retries": MAX_RETRIES,
        "min_backoff": RETRY_MIN_MS,
        "max_backoff": RETRY_MAX_MS,
    }
    return LifecycleActors(
        notify_order=dramatiq.actor(**options)(notify_order),
        serve_backorders=dramatiq.actor(**options)(serve_backorders),
        start_orders=dramatiq.actor(**options)(start_orders),
    )


class Lifecycle:
    """The lifecycle as the app wires it."""

    def __init__(self, app: App, *, policy: ApprovalPolicy, close_gate: CloseGate) -> None:
        self.carrier = FakeCarrier()
        self.notifiers: dict[str, Notifier] = dict(app.channels.notifiers())
        self.service = Fulfilment(
            uow_factory=app.uow,
            clock=app.clock,
            publish=app.publish,
            carriers={"*": self.carrier},
            notifiers=self.notifiers,
            policy=policy,
            close_gate=close_gate,
        )
        self.actors = declare_lifecycle_actors(app.broker, self.service)
        self.auto_fulfil = app.settings.auto_fulfil

    def dispatch(self, event: object) -> bool:
        """Queue the job an event asks for; False when the event is not the lifecycle's."""
        if isinstance(event, NotificationsQueued):
            self.actors.notify_order.send(event.order_id)
        elif isinstance(event, StockArrived):
            self.actors.serve_backorders.send(event.sku)
        elif isinstance(event, OrdersAccepted):
            if self.auto_fulfil:
                self.actors.start_orders.send(list(event.order_ids))
        else:
            return False
        return True

    def requeue(self) -> int:
        """Queue again every order with notifications still pending (start-up and the sweep)."""
        orders = self.service.orders_to_notify()
        for order_id in orders:
            self.actors.notify_order.send(order_id)
        return len(orders)
