"""Helpers for the lifecycle tests: a shop with warehouses, carriers and stock, and its orders."""

from __future__ import annotations

from decimal import Decimal

from core.fulfilment.domain.notifications import Notification
from core.fulfilment.domain.stock import Allocation
from core.fulfilment.domain.warehouse import Shipment
from core.kernel.domain.model import Order, OutboundMessage
from oms.bootstrap import App
from samples.demo.seed import DEMO_WRITTEN, shift_dates
from tests.conftest import SAMPLES
from tests.integration.helpers import arrive

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
SETUP = SAMPLES / "fulfilment"
D = Decimal


def drain_all(app: App) -> None:
    """Run every queued job, the lifecycle's included, until no queue has work left."""
    worker = app.worker()
    worker.start()
    try:
        for _ in range(5):
            for queue in ("documents", "lifecycle", "answers"):
                app.broker.join(queue, fail_fast=True)  # type: ignore[attr-defined]
            worker.join()
    finally:
        worker.stop()


def set_up_shop(app: App, *, stock: bool = True) -> None:
    app.lifecycle.service.load_setup(SETUP, "test", stock=stock)
    drain_all(app)


def demo_orders(app: App) -> list[int]:
    """Ingest the demo interchange (two accepted orders from Ferretería Núñez) and return their ids."""
    # its dates moved to the app's day, as `oms db seed` does, so its delivery dates never lie in the past
    days = (app.clock().date() - DEMO_WRITTEN).days
    doc_id = arrive(app, shift_dates(DEMO, days), "demo.edi")
    drain_all(app)
    with app.uow() as uow:
        return [o.id for o in uow.orders.for_document(doc_id) if o.id is not None]


def order(app: App, order_id: int) -> Order:
    with app.uow() as uow:
        found = uow.fulfilment.order(order_id)
        assert found is not None
        return found


def state(app: App, order_id: int) -> str:
    return str(order(app, order_id).state)


def allocations(app: App, order_id: int) -> list[Allocation]:
    with app.uow() as uow:
        return uow.fulfilment.allocations([order_id]).get(order_id, [])


def shipments(app: App, order_id: int) -> list[Shipment]:
    with app.uow() as uow:
        return sorted(uow.fulfilment.shipments(order_id=order_id), key=lambda s: s.id or 0)


def notifications(app: App, order_id: int) -> list[Notification]:
    with app.uow() as uow:
        return list(uow.fulfilment.notifications(order_id))


def outbound(app: App, order_id: int) -> list[OutboundMessage]:
    with app.uow() as uow:
        docs = {m.id: m for m in uow.outbound.for_document(order(app, order_id).document_id)}
    return [m for m in docs.values() if m.order_id == order_id]


def events(app: App, order_id: int) -> list[tuple[str, str, str]]:
    with app.uow() as uow:
        return [(e.step, str(e.from_state), str(e.to_state)) for e in uow.fulfilment.events(order_id)]


def level(app: App, sku: str, warehouse: str) -> tuple[Decimal, Decimal]:
    with app.uow() as uow:
        levels = uow.stock.levels(sku=sku, warehouse=warehouse)
    return sum((lv.on_hand for lv in levels), D(0)), sum((lv.allocated for lv in levels), D(0))


def assert_books_balance(app: App) -> None:
    """Every level equals the sum of its ledger lines, and none is negative or oversold."""
    with app.uow() as uow:
        totals = uow.stock.ledger_totals()
        for lv in uow.stock.levels():
            assert totals.get(lv.id, (D(0), D(0))) == (lv.on_hand, lv.allocated), lv
            assert D(0) <= lv.allocated <= lv.on_hand, lv
