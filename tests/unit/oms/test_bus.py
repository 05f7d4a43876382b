"""The event -> handlers table and the bus: every handler sees every event it subscribed to, in order;
one that takes them together (`Batch`) sees all of a publish's at once, after the others."""

from __future__ import annotations

from typing import Any

from core.billing.domain.events import BillingNoticesQueued, GatewayCallQueued
from core.capture.domain.events import DocumentDecided, DocumentStored, OrderRejected, OrdersAccepted
from core.fulfilment.domain.events import (
    NotificationsQueued,
    OrderApproved,
    OrderCancelled,
    ShipmentDelivered,
    ShipmentShipped,
    StockArrived,
)
from core.kernel.domain.events import AnswersDrafted, AnswersQueued
from oms.bus import MessageBus
from oms.handlers import EVENT_HANDLERS, Batch, Deps, bind


class Recorded:
    """Where jobs go, written down instead of queued."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, Any]] = []

    def send(self, name: str, ident: Any) -> None:
        self.sent.append((name, ident))


def bus_with(jobs: Recorded, *, auto_fulfil: bool = False, table: Any = None) -> MessageBus:
    return MessageBus(bind(table or EVENT_HANDLERS, Deps(jobs, auto_fulfil=auto_fulfil)))


def test_an_event_the_lifecycle_and_billing_both_take_reaches_both_in_order() -> None:
    # the old dispatch asked the lifecycle first and stopped there: billing never saw such an event
    seen: list[str] = []

    def lifecycle_reaction(event: ShipmentShipped, deps: Deps) -> None:
        seen.append(f"lifecycle {event.shipment_id}")

    table = {**EVENT_HANDLERS, ShipmentShipped: [lifecycle_reaction, *EVENT_HANDLERS[ShipmentShipped]]}
    jobs = Recorded()
    bus_with(jobs, table=table).publish([ShipmentShipped(shipment_id=7, order_id=3)])
    assert seen == ["lifecycle 7"]
    # billing invoices the shipment all the same, and reporting counts it
    assert jobs.sent == [("invoice_shipment", 7), ("refresh_reports", [3])]


def test_a_failing_handler_stops_neither_the_next_nor_the_caller() -> None:
    def broken(event: object, deps: Deps) -> None:
        raise ConnectionError("the broker did not answer")

    jobs = Recorded()
    table = {OrderCancelled: [broken, *EVENT_HANDLERS[OrderCancelled]]}
    bus_with(jobs, table=table).publish([OrderCancelled(order_id=4), OrderCancelled(order_id=5)])
    # each cancellation is voided on its own; the summary is refreshed for both with one job
    assert jobs.sent == [("void_cancelled", 4), ("void_cancelled", 5), ("refresh_reports", [4, 5])]


def test_a_failing_batch_handler_stops_neither_the_next_nor_the_caller() -> None:
    def broken(events: list[object], deps: Deps) -> None:
        raise ConnectionError("the broker did not answer")

    jobs = Recorded()
    table = {OrderCancelled: [Batch(broken), *EVENT_HANDLERS[OrderCancelled]]}
    bus_with(jobs, table=table).publish([OrderCancelled(order_id=4), OrderCancelled(order_id=5)])
    assert jobs.sent == [("void_cancelled", 4), ("void_cancelled", 5), ("refresh_reports", [4, 5])]


def test_each_event_queues_the_job_the_business_asks_for() -> None:
    jobs = Recorded()
    bus_with(jobs).publish(
        [
            DocumentStored(1),  # an arrival is read
            DocumentDecided(1),  # its orders are decided
            AnswersQueued(1),  # its answers go out
            OrderRejected(4),  # a clerk rejects an order held for review
            NotificationsQueued(2),  # the customer is told of a step
            StockArrived("TOR-M8-40"),  # backorders of that SKU are served
            GatewayCallQueued(3),  # the card processor is called
            BillingNoticesQueued(2),  # billing notices are rendered
            ShipmentShipped(shipment_id=6, order_id=2),  # a shipment is invoiced
            ShipmentDelivered(shipment_id=6, order_id=2),  # a delivered, settled order is closed
            OrderCancelled(2),  # a cancelled order's authorisation is voided
        ]
    )
    # each event about an order also refreshes that order in the reporting summary (one job for the
    # publish, each order once); a document's orders are counted once, when they are decided: an
    # answer (an ORDRSP, a DESADV, an invoice sent for one of its orders) changes no figure, and
    # recounting a 1,000-order interchange for it is waste
    assert jobs.sent == [
        ("process_document", 1),
        ("deliver_answers", 1),
        ("serve_backorders", "TOR-M8-40"),
        ("execute_payment", 3),
        ("render_billing_notices", 2),
        ("invoice_shipment", 6),
        ("close_delivered", 2),
        ("void_cancelled", 2),
        ("refresh_report_document", [1]),  # one job for the publish's documents (below)
        ("refresh_reports", [4, 2]),
        ("notify_orders", [2]),
    ]


def test_the_documents_decided_in_one_publish_are_counted_and_answered_by_one_job_each() -> None:
    # what one processing job that collected three waiting e-mails publishes after its commit
    events: list[object] = []
    for document_id in (5, 8, 6):
        events += [
            AnswersDrafted(document_id),
            OrdersAccepted((document_id * 10,), True),
            DocumentDecided(document_id),
        ]
    jobs = Recorded()
    bus_with(jobs).publish(events)
    assert sorted(jobs.sent) == [("refresh_report_document", [5, 8, 6]), ("render_answers", [5, 8, 6])]


def test_a_batch_steps_orders_are_told_and_counted_by_one_job_each_naming_every_order() -> None:
    # what approving three orders publishes: approved, and a notice queued, per order
    events: list[object] = []
    for order_id in (7, 3, 9):
        events += [OrderApproved(order_id), NotificationsQueued(order_id)]
    jobs = Recorded()
    bus_with(jobs).publish(events)
    assert jobs.sent == [("refresh_reports", [7, 3, 9]), ("notify_orders", [7, 3, 9])]


def test_each_publish_queues_its_own_batch() -> None:
    jobs = Recorded()
    bus = bus_with(jobs)
    bus.publish([NotificationsQueued(1)])
    bus.publish([NotificationsQueued(2)])
    assert jobs.sent == [
        ("notify_orders", [1]),
        ("refresh_reports", [1]),
        ("notify_orders", [2]),
        ("refresh_reports", [2]),
    ]


def test_accepted_orders_go_on_by_themselves_only_when_asked() -> None:
    by_hand, automatic = Recorded(), Recorded()
    bus_with(by_hand).publish([OrdersAccepted((1, 2))])
    bus_with(automatic, auto_fulfil=True).publish([OrdersAccepted((1, 2))])
    assert by_hand.sent == [("refresh_reports", [1, 2])]  # counted in the reports either way
    assert automatic.sent == [("start_orders", [1, 2]), ("refresh_reports", [1, 2])]


def test_orders_accepted_at_capture_are_counted_with_their_document_once() -> None:
    jobs = Recorded()
    bus_with(jobs, auto_fulfil=True).publish([OrdersAccepted((1, 2), with_document=True), DocumentDecided(9)])
    # they go on, and the summary hears of them through the document only, not a second time
    assert jobs.sent == [("start_orders", [1, 2]), ("refresh_report_document", [9])]


def test_an_event_nobody_subscribed_to_is_nobodys_business() -> None:
    jobs = Recorded()
    bus_with(jobs).publish([object()])
    assert jobs.sent == []
