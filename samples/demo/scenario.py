"""`oms demo`: one order per channel from arrival to delivered and paid, printing each step.

A channel joins the demo by adding a function to `samples.demo.arrivals.ARRIVALS` that makes an
order arrive on it and returns the accepted order's id; the steps after acceptance are the same for
every channel.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from decimal import Decimal

from outbound.spool import FolderSpool
from samples.demo.arrivals import ARRIVALS
from samples.demo.books import SETUP as BILLING_SETUP
from samples.demo.books import settle
from samples.demo.host import ACTOR, SAMPLES, DemoApp, Printer, Say, Stage, rel
from samples.demo.seed import load_master_data

SETUP = SAMPLES / "fulfilment"


def ensure_setup(app: DemoApp, say: Say) -> None:
    """Master data, warehouses, carriers and stock, loaded once."""
    with app.uow() as uow:
        has_master, has_warehouses = uow.master.count() > 0, bool(uow.stock.warehouses())
    if not has_master:
        load_master_data(app)
        say("loaded the demo master data")
    if not has_warehouses:
        app.billing.service.load_setup(
            BILLING_SETUP, ACTOR
        )  # costs first: opening stock is valued on receipt
        say("loaded product costs and VAT classes, and the customers' payment terms")
        app.lifecycle.service.load_setup(SETUP, ACTOR)
        app.run_jobs()
        say("loaded warehouses MAD and BCN, carrier rate tables, shipping attributes and opening stock")


def restock(app: DemoApp, say: Say) -> None:
    """Goods in from the supplier where a location holds less than half its opening stock, back up
    to the opening stock: however often the demo runs, its orders find stock."""
    with (SETUP / "stock.csv").open(encoding="utf-8") as fh:
        opening = [
            (r["sku"], r["warehouse"], r["location"], Decimal(r["quantity"])) for r in csv.DictReader(fh)
        ]
    with app.uow() as uow:
        held = {(lv.sku, lv.warehouse, lv.location): lv.available for lv in uow.stock.levels()}
    for sku, warehouse, location, quantity in opening:
        available = held.get((sku, warehouse, location), Decimal(0))
        if available < quantity / 2:
            app.lifecycle.service.receive(
                sku, warehouse, location, quantity - available, ACTOR, "demo restock"
            )
            say(f"restocked {quantity - available} {sku} in {warehouse} {location}")
    app.run_jobs()


def run_demo(
    stage: Stage,
    printer: Printer,
    *,
    channels: Sequence[str] | None = None,
    say: Say = print,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Run the scenario for each channel; returns the orders it took to delivered and paid.
    `progress(done, total)` hears after each channel."""
    app = stage.app
    ensure_setup(app, say)
    restock(app, say)
    done = []
    chosen = list(channels or ARRIVALS)
    for channel in chosen:
        say(f"\n== {channel}: arrival ==")
        order_id = ARRIVALS[channel](stage, say)
        fulfil(app, printer, order_id, say)
        settle(app, order_id, say)
        done.append(order_id)
        if progress is not None:
            progress(len(done), len(chosen))
    return done


def fulfil(app: DemoApp, printer: Printer, order_id: int, say: Say) -> None:
    """Approve, allocate, release, pick, pack, ship and deliver one order, printing each step."""
    svc = app.lifecycle.service

    def state() -> str:
        with app.uow() as uow:
            order = uow.fulfilment.order(order_id)
            assert order is not None
            return str(order.state)

    report = svc.start([order_id], ACTOR)
    app.run_jobs()
    say(f"approved (credit policy) and allocated: {report.allocated.get(order_id)} -> {state()}")
    release = svc.release([order_id], ACTOR, strict=True)
    for pick_list in release.pick_lists:
        say(f"released on pick list {pick_list}: {rel(printer.picklist(pick_list))} -> {state()}")
        svc.confirm_pick(pick_list, None, ACTOR)
    say(f"picked -> {state()}")
    with app.uow() as uow:
        warehouses = sorted({a.warehouse for a in uow.fulfilment.allocations([order_id]).get(order_id, [])})
    for code in warehouses:
        shipment = svc.pack(order_id, code, ACTOR)
        parcels = ", ".join(f"{p.box} {p.weight_kg} kg" for p in shipment.parcels)
        say(f"packed in {code}: shipment {shipment.id}, parcels {parcels} -> {state()}")
        assert shipment.id is not None
        shipped = svc.ship(shipment.id, ACTOR)
        app.run_jobs()
        say(
            f"shipped with {shipped.carrier} {shipped.service} ({shipped.charge} {shipped.currency}),"
            f" tracking {shipped.tracking_number}, arrives {shipped.promised_date};"
            f" label {rel(printer.label(shipped))} -> {state()}"
        )
        svc.deliver(shipment.id, "carrier")
        app.run_jobs()
        say(f"delivered -> {state()}")
    document_id = _document_of(app, order_id)
    with app.uow() as uow:
        for n in uow.fulfilment.notifications(order_id):
            say(f"customer told: {n.kind} via {n.channel} [{n.state}]" + (f" {n.error}" if n.error else ""))
        for m in uow.outbound.for_document(document_id):
            if m.order_id == order_id:
                path = FolderSpool(app.settings.outbox / m.channel).path_for(m)
                say(f"outbox: {m.kind} {m.state} {rel(path)}")


def _document_of(app: DemoApp, order_id: int) -> int:
    with app.uow() as uow:
        order = uow.fulfilment.order(order_id)
        assert order is not None
        document_id: int = order.document_id
        return document_id
