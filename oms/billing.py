"""Wires payments, invoicing, returns and the books into the app: the card processor (the sandbox by
default), the billing notifiers of the registered channels, the service, and its jobs.

The credit/payment policy is built by `oms.bootstrap`, which gives it to the lifecycle too.  Jobs run
on the lifecycle's queue: invoicing follows `ShipmentShipped`, closing follows `ShipmentDelivered`,
a void follows `OrderCancelled`; processor calls and billing notices are jobs of their own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dramatiq
from dramatiq.errors import Retry
from sqlalchemy.exc import OperationalError

from core.billing.domain.events import BillingNoticesQueued, GatewayCallQueued
from core.billing.services.billing import Billing as BillingService
from core.billing.services.credit import PaymentPolicy
from core.billing.services.notices import BillingNotifier
from core.fulfilment.domain.events import OrderCancelled, ShipmentDelivered, ShipmentShipped
from core.kernel.errors import TransientError
from oms.lifecycle import QUEUE
from oms.tasks import MAX_RETRIES, RETRY_MAX_MS, RETRY_MIN_MS
from outbound.payments.sandbox import SandboxProcessor

if TYPE_CHECKING:
    from oms.bootstrap import App

log = logging.getLogger(__name__)
SANDBOX_FILE = "payments-sandbox.db"


@dataclass(frozen=True)
class BillingActors:
    execute_payment: dramatiq.Actor[..., Any]
    invoice_shipment: dramatiq.Actor[..., Any]
    render_billing_notices: dramatiq.Actor[..., Any]
    void_cancelled: dramatiq.Actor[..., Any]
    close_delivered: dramatiq.Actor[..., Any]


def declare_billing_actors(broker: dramatiq.Broker, service: BillingService) -> BillingActors:
    """Ids in, one service call, transient failures (a processor that did not answer) retried."""

    def retried(work: Any) -> Any:
        def actor(ident: Any) -> None:
            try:
                work(ident)
            except (TransientError, OperationalError) as exc:
                raise Retry(str(exc)) from exc

        actor.__name__ = work.__name__
        return actor

    def execute_payment(transaction_id: int) -> None:
        service.execute(int(transaction_id))

    def invoice_shipment(shipment_id: int) -> None:
        service.invoice_shipment(int(shipment_id))

    def render_billing_notices(order_id: int) -> None:
        service.notify(int(order_id))

    def void_cancelled(order_id: int) -> None:
        service.void_for_cancelled(int(order_id))

    def close_delivered(order_id: int) -> None:
        service.close_if_settled(int(order_id))

    options: dict[str, Any] = {
        "broker": broker,
        "queue_name": QUEUE,
        "max_retries": MAX_RETRIES,
        "min_backoff": RETRY_MIN_MS,
        "max_backoff": RETRY_MAX_MS,
    }
    jobs = (execute_payment, invoice_shipment, render_billing_notices, void_cancelled, close_delivered)
    return BillingActors(*(dramatiq.actor(**options)(retried(job)) for job in jobs))


class Billing:
    """Payments, invoices, returns and the books as the app wires them."""

    def __init__(self, app: App, policy: PaymentPolicy) -> None:
        self.gateway = SandboxProcessor(app.settings.data_dir / SANDBOX_FILE, clock=app.clock)
        self.notifiers: dict[str, BillingNotifier] = dict(app.channels.billing_notifiers())
        self.service = BillingService(
            uow_factory=app.uow,
            clock=app.clock,
            publish=app.publish,
            gateway=self.gateway,
            policy=policy,
            notifiers=self.notifiers,
        )
        self.actors = declare_billing_actors(app.broker, self.service)

    def dispatch(self, event: object) -> bool:
        """Queue the job an event asks for; False when the event is not billing's."""
        if isinstance(event, GatewayCallQueued):
            self.actors.execute_payment.send(event.transaction_id)
        elif isinstance(event, BillingNoticesQueued):
            self.actors.render_billing_notices.send(event.order_id)
        elif isinstance(event, ShipmentShipped):
            self.actors.invoice_shipment.send(event.shipment_id)
        elif isinstance(event, ShipmentDelivered):
            self.actors.close_delivered.send(event.order_id)
        elif isinstance(event, OrderCancelled):
            self.actors.void_cancelled.send(event.order_id)
        else:
            return False
        return True

    def requeue(self) -> int:
        """Queue again processor calls left pending, notices not rendered, shipments not invoiced."""
        calls, orders, shipments = self.service.unfinished()
        for txn in calls:
            self.actors.execute_payment.send(txn)
        for order_id in orders:
            self.actors.render_billing_notices.send(order_id)
        for shipment_id in shipments:
            self.actors.invoice_shipment.send(shipment_id)
        return len(calls) + len(orders) + len(shipments)
