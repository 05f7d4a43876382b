"""What each event sets off: the one table of event -> handlers, and the jobs those handlers queue.

Every handler sees every event it subscribes to, in the order listed; a handler only queues a job
(ids in the message), the job makes one service call.  A `Batch` handler sees them all at once, per
publish (`oms.bus.Together`): a batch step's orders go in one job's list of ids.  Capture's, the
lifecycle's and billing's reactions are all entries here; `oms.bootstrap` binds them to the app's
jobs and settings and hands the table to the bus (`oms.bus`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from core.billing.domain.events import BillingNoticesQueued, GatewayCallQueued
from core.billing.services.billing import Billing
from core.capture.domain.events import DocumentDecided, DocumentStored, OrderRejected, OrdersAccepted
from core.fulfilment.domain.events import (
    NotificationsQueued,
    OrderApproved,
    OrderCancelled,
    ShipmentDelivered,
    ShipmentShipped,
    StockArrived,
)
from core.fulfilment.services.fulfilment import Fulfilment
from core.kernel.domain.events import AnswersDrafted, AnswersQueued, MessageQueued
from core.purchasing.domain.events import PurchaseOrderApproved
from core.purchasing.services.purchasing import Purchasing
from core.reporting.services.upkeep import Upkeep
from oms.bus import Together
from oms.tasks import Job


class Sends(Protocol):
    def send(self, name: str, ident: Any) -> None: ...


@dataclass(frozen=True)
class Deps:
    """What handlers are given: where jobs go, and whether accepted orders go on by themselves."""

    jobs: Sends
    auto_fulfil: bool = False


def queue(job: str, field: str) -> Callable[[Any, Deps], None]:
    """A handler that queues `job` with the event's `field` (an id: messages carry ids, not objects)."""

    def handler(event: Any, deps: Deps) -> None:
        deps.jobs.send(job, getattr(event, field))

    handler.__qualname__ = f"queue {job}"
    return handler


@dataclass(frozen=True)
class Batch:
    """A handler given every event of one publish it subscribed to, at once and in order."""

    handle: Callable[[list[Any], Deps], None]


Handler = Callable[[Any, Deps], None] | Batch


def _distinct(ids: Iterable[Any]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def queue_together(job: str, field: str) -> Batch:
    """A handler that queues one `job` per publish with the events' `field`s, each once, in order."""

    def handler(events: list[Any], deps: Deps) -> None:
        deps.jobs.send(job, _distinct(getattr(e, field) for e in events))

    handler.__qualname__ = f"queue {job}"
    return Batch(handler)


def start_accepted(event: OrdersAccepted, deps: Deps) -> None:
    """Accepted orders go on to approval and allocation by themselves where the settings say so."""
    if deps.auto_fulfil:
        deps.jobs.send("start_orders", list(event.order_ids))


def _refresh_reports(events: list[Any], deps: Deps) -> None:
    """Reporting's summary follows the orders the events are about (an idempotent refresh per order),
    one job for a publish's orders; orders accepted at capture are counted with their document
    instead (`DocumentDecided`)."""
    about = (e for e in events if not getattr(e, "with_document", False))
    ids = _distinct(i for e in about for i in (getattr(e, "order_ids", None) or [e.order_id]))
    if ids:
        deps.jobs.send("refresh_reports", ids)


refresh_reports = Batch(_refresh_reports)

EVENT_HANDLERS: dict[type, list[Handler]] = {
    # capture: an arrival is read, the orders it held are counted once; its answers go out
    DocumentStored: [queue("process_document", "document_id")],
    # a publish of several documents (the collector's batch) refreshes and renders them in one job each
    DocumentDecided: [queue_together("refresh_report_document", "document_id")],
    AnswersQueued: [queue("deliver_answers", "document_id")],
    AnswersDrafted: [queue_together("render_answers", "document_id")],
    MessageQueued: [queue("deliver_message", "message_id")],
    # the lifecycle: accepted orders start (when automatic), customers are told, backorders served
    OrdersAccepted: [start_accepted, refresh_reports],
    OrderApproved: [refresh_reports],
    OrderRejected: [refresh_reports],
    NotificationsQueued: [queue_together("notify_orders", "order_id"), refresh_reports],
    StockArrived: [queue("serve_backorders", "sku")],
    # billing: processor calls, notices, invoicing on shipment, closing on delivery, a void on cancel
    GatewayCallQueued: [queue("execute_payment", "transaction_id")],
    BillingNoticesQueued: [queue("render_billing_notices", "order_id"), refresh_reports],
    ShipmentShipped: [queue("invoice_shipment", "shipment_id"), refresh_reports],
    ShipmentDelivered: [queue("close_delivered", "order_id"), refresh_reports],
    OrderCancelled: [queue("void_cancelled", "order_id"), refresh_reports],
    # purchasing: an approved purchase order goes out on its supplier's channel
    PurchaseOrderApproved: [queue("send_purchase_order", "po_id")],
}


def bind(table: Mapping[type, Sequence[Handler]], deps: Deps) -> dict[type, list[Callable[[Any], None]]]:
    """The table with its dependencies given, as the bus takes it: a handler listed under several
    events is bound once, so that a `Batch` one gets all their events of a publish together."""
    bound: dict[Handler, Callable[[Any], None]] = {}

    def once(handler: Handler) -> Callable[[Any], None]:
        if handler not in bound:
            if isinstance(handler, Batch):
                bound[handler] = Together(_bound(handler.handle, deps))
            else:
                bound[handler] = _bound(handler, deps)
        return bound[handler]

    return {kind: [once(h) for h in chain] for kind, chain in table.items()}


def _bound(handler: Callable[[Any, Deps], None], deps: Deps) -> Callable[[Any], None]:
    def run(event: Any) -> None:
        handler(event, deps)

    run.__qualname__ = handler.__qualname__
    return run


# -- the jobs the handlers queue ----------------------------------------------------------------------
LIFECYCLE_QUEUE = "lifecycle"  # billing's jobs run on it too
DOCUMENT_TIME_LIMIT_MS = 30 * 60_000  # reading a long scanned document takes a while
RENDER_PRIORITY = 10  # after every other job a worker holds (dramatiq: lower numbers run first)


def _ids(ident: Any) -> list[int]:
    """A job's one id, or its list of them (one job for a publish's documents; messages queued before
    carry one id)."""
    return [int(i) for i in ident] if isinstance(ident, list | tuple) else [int(ident)]


def job_table(
    process: Callable[[int], object],
    deliver: Callable[[int], object],
    fulfilment: Fulfilment,
    billing: Billing,
    purchasing: Purchasing,
    deliver_message: Callable[[int], object],
    upkeep: Upkeep,
    render: Callable[[list[int]], object],
    refresh_documents: Callable[[list[int]], object],
) -> dict[str, Job]:
    """Each job's queue and service call, given the services bootstrap built."""

    def lifecycle(work: Callable[[Any], object], subject: str | None = "order_id") -> Job:
        return Job(LIFECYCLE_QUEUE, work, subject=subject)

    document = "document_id"
    return {
        "process_document": Job("documents", lambda i: process(int(i)), DOCUMENT_TIME_LIMIT_MS, document),
        "deliver_answers": Job("answers", lambda i: deliver(int(i)), DOCUMENT_TIME_LIMIT_MS, document),
        "deliver_message": Job("answers", lambda i: deliver_message(int(i)), subject="message_id"),
        # drafted answers (the e-mail reply and its PDF) rendered, then sent, off the intake path:
        # a worker holding both takes arrivals in first, the replies follow when it has time
        "render_answers": Job(
            "answers", lambda i: render(_ids(i)), DOCUMENT_TIME_LIMIT_MS, document, RENDER_PRIORITY
        ),
        "notify_order": lifecycle(lambda i: fulfilment.notify(int(i))),  # the sweep's, one order
        "notify_orders": lifecycle(lambda ids: fulfilment.notify_each([int(i) for i in ids]), None),
        "serve_backorders": lifecycle(lambda sku: fulfilment.serve_backorders(str(sku)), "sku"),
        "start_orders": lifecycle(
            lambda ids: fulfilment.start_accepted([int(i) for i in ids], "system"), None
        ),
        "execute_payment": lifecycle(lambda i: billing.execute(int(i)), "payment_transaction_id"),
        "invoice_shipment": lifecycle(lambda i: billing.invoice_shipment(int(i)), "shipment_id"),
        "render_billing_notices": lifecycle(lambda i: billing.notify(int(i))),
        "void_cancelled": lifecycle(lambda i: billing.void_for_cancelled(int(i))),
        "close_delivered": lifecycle(lambda i: billing.close_if_settled(int(i))),
        "send_purchase_order": lifecycle(lambda i: purchasing.send(int(i))),
        "refresh_reports": lifecycle(lambda ids: upkeep.refresh([int(i) for i in ids])),
        "refresh_report_document": lifecycle(lambda i: refresh_documents(_ids(i)), "document_id"),
    }
