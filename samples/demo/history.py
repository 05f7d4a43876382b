"""`oms demo history`: months of order history played through the real services on a clock that walks
through past days, so every order, shipment, invoice and return carries its own past date.

Each working day: the morning's goods in where stock ran low, the day's orders arriving one by one
(EDIFACT interchanges and typed e-mails, some misprinted ones settled by the demo clerk), in the
afternoon all accepted orders approved, allocated, released, picked, packed and shipped together,
and the shipments of earlier days delivered on their promised date; invoices are paid by transfer a
few weeks later, and now and then a customer sends goods back. Seeded: the same seed and dates make
the same history."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from core.billing.domain.payments import PaymentMethod
from core.billing.domain.returns import Receipt, Resolution
from core.billing.services.returns import returnable_now
from core.capture.domain.documents import Channel, InboundDocument
from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import OrderState
from samples.demo.clerk import settle_in_review
from samples.demo.documents import DemoDocument
from samples.demo.history_profiles import PROFILES, Planned, days, plan_day
from samples.demo.host import ACTOR, DemoApp, Say, Stage
from samples.demo.scenario import SETUP, ensure_setup
from samples.edifact_gen import UNIT_CODES
from samples.mail_gen import typed_order
from samples.orders_gen.master import products

DATA = Path(__file__).resolve().parent / "history_data"
RETURN_SHARE = 0.02
PAY_AFTER = timedelta(days=21)
REVIEW_MINUTES = (2.0, 9.0)  # from arrival to the demo clerk's approval


class WalkingClock:
    """The clock the app is built with for a history run: it says whatever time the run has reached."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Tally:
    """What a history run made."""

    orders: int = 0
    reviewed: int = 0
    shipments: int = 0
    delivered: int = 0
    returns: int = 0
    paid: int = 0
    by_month: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class _Open:
    """Work the run still owes: shipments to deliver on a day, orders to pay on a day."""

    deliveries: dict[date, list[int]] = field(default_factory=lambda: defaultdict(list))
    payments: dict[date, list[int]] = field(default_factory=lambda: defaultdict(list))


def run_history(
    stage: Stage,
    clock: WalkingClock,
    first: date,
    last: date,
    *,
    seed: int = 2026,
    scale: float = 1.0,
    say: Say = print,
    progress: Callable[[int, int], None] | None = None,
) -> Tally:
    """Play `first`..`last` through the app (whose clock is `clock`); returns what was made.
    `progress(done, total)` hears after each day played."""
    app = stage.app
    ensure_setup(app, lambda _: None)
    _customers(app)
    rng, tally, owed = random.Random(seed), Tally(), _Open()
    played = days(first, last)
    for done, day in enumerate(played, start=1):
        clock.now = datetime.combine(day, time(6, 0), tzinfo=UTC)
        _restock(app)
        accepted = [_arrive(stage, clock, p, tally) for p in plan_day(rng, day, UTC, scale)]
        clock.now = datetime.combine(day, time(16, 0), tzinfo=UTC)
        _ship_all(app, [o for o in accepted if o is not None], day, tally, owed)
        clock.now = datetime.combine(day, time(19, 0), tzinfo=UTC)
        _deliver_due(app, rng, owed.deliveries.pop(day, []), day, tally, owed)
        _pay_due(app, owed.payments.pop(day, []), tally)
        app.run_jobs()  # the day's answers, notices and invoices, dated the day
        if day.day == 1 or day == last:
            say(f"{day:%Y-%m}: {tally.orders} orders so far")
        if progress is not None:
            progress(done, len(played))
    return tally


def _customers(app: DemoApp) -> None:
    """The history's two customers beyond the demo's (samples/demo/history_data), and every history
    customer on account with no limit: a card or a credit line would stop orders for reasons the
    history is not about."""
    with app.uow() as uow:
        known = uow.master.customer("C-3001") is not None
    if not known:
        import_csv(app.uow(), "customers", (DATA / "customers.csv").read_text(encoding="utf-8"))
        import_partners(app.uow(), (DATA / "partners.csv").read_text(encoding="utf-8"))
    for customer in sorted({p.customer_id for p in PROFILES}):
        app.billing.service.set_terms(customer, method=PaymentMethod.ON_ACCOUNT, terms_days=30, no_limit=True)


def _restock(app: DemoApp) -> None:
    """Goods in, before the day's orders, wherever a location holds less than its opening stock: up to
    three times the opening stock (a purchaser ordering ahead)."""
    with (SETUP / "stock.csv").open(encoding="utf-8") as fh:
        opening = [
            (r["sku"], r["warehouse"], r["location"], Decimal(r["quantity"])) for r in csv.DictReader(fh)
        ]
    with app.uow() as uow:
        held = {(lv.sku, lv.warehouse, lv.location): lv.available for lv in uow.stock.levels()}
    for sku, warehouse, location, quantity in opening:
        available = held.get((sku, warehouse, location), Decimal(0))
        if available < quantity:
            app.lifecycle.service.receive(
                sku, warehouse, location, 3 * quantity - available, ACTOR, "history"
            )


def _arrive(stage: Stage, clock: WalkingClock, planned: Planned, tally: Tally) -> int | None:
    """One order comes in on its customer's channel at its time; returns the accepted order's id."""
    app = stage.app
    clock.now = planned.at
    tag = f"H{planned.at:%y%m%d%H%M%S}{planned.profile.customer_id[-4:]}"
    if planned.profile.channel == "edi":
        doc_id = app.submit(
            InboundDocument(Channel.EDI, _interchange(planned, tag), planned.at, f"{tag}.edi")
        )
        truth = None
    else:
        doc_id, truth = _mail(stage, planned, tag)
    # read and decided at its arrival by the job its arrival queued, as `oms run` does (reading it
    # here as well had that job race this thread: both read it, one of them for nothing)
    app.run_jobs()
    with app.uow() as uow:
        orders = uow.orders.for_document(doc_id)
    if not orders:
        return None
    order = orders[0]
    if order.state is OrderState.IN_REVIEW and truth is not None:
        # the clerk gets to it a few minutes later (the workload forecast measures this time); drawn
        # from the order's own tag so the day's plan stays the same
        clock.now = planned.at + timedelta(minutes=random.Random(tag).uniform(*REVIEW_MINUTES))
        settle_in_review(app, order.id, truth, lambda _: None)
        tally.reviewed += 1
        with app.uow() as uow:
            order = uow.orders.get(order.id)
    if order is None or order.state is not OrderState.ACCEPTED:
        return None
    tally.orders += 1
    tally.by_month[f"{planned.at:%Y-%m}"] += 1
    return int(order.id)


def _interchange(planned: Planned, tag: str) -> bytes:
    """An ORDERS interchange from the customer's EDI system: its GLN, our GTINs and list prices."""
    catalogue = products()
    day = planned.at.date()
    gln = planned.profile.gln
    out = ["UNA:+.? '", f"UNB+UNOC:3+{gln}:14+8437000999997:14+{day:%y%m%d}:0800+{tag[-14:]}'"]
    body = [
        "UNH+1+ORDERS:D:96A:UN:EAN008'",
        f"BGM+220+PO-{tag}+9'",
        f"DTM+137:{day:%Y%m%d}:102'",
        f"DTM+2:{day + timedelta(days=5):%Y%m%d}:102'",
        f"NAD+BY+{gln}::9++{planned.profile.name}'",
        "NAD+SU+8437000999997::9'",
        "CUX+2:EUR:9'",
    ]
    for n, (sku, quantity) in enumerate(planned.lines, start=1):
        product = catalogue[sku]
        unit = UNIT_CODES.get(product.unit, "PCE")
        body += [f"LIN+{n}++{product.gtin}:EN'", f"QTY+21:{quantity}:{unit}'", f"PRI+AAA:{product.price}'"]
    body += ["UNS+S'", f"CNT+2:{len(planned.lines)}'"]
    out += [*body, f"UNT+{len(body) + 1}+1'", f"UNZ+1+{tag[-14:]}'"]
    return ("\r\n".join(out) + "\r\n").encode("latin-1")


def _mail(stage: Stage, planned: Planned, tag: str) -> tuple[int, DemoDocument | None]:
    """A typed e-mail order; a misprinted one names its first item by a code nobody knows."""
    customer, day = planned.profile.customer_id, planned.at.date()
    items = [(sku, sku, qty) for sku, qty in planned.lines]
    if planned.misprinted:
        items[0] = (f"X{items[0][0][:-1]}", items[0][1], items[0][2])
    po = f"PED-{tag}"
    mail = typed_order(
        customer, items, po, day=day, delivery=day + timedelta(days=6), message_id=f"<{tag}@h>"
    )
    doc_id = stage.doors.mail(mail.raw, mail.envelope_sender)
    if not planned.misprinted:
        return doc_id, None
    catalogue = products()
    lines = tuple((sku, Decimal(q)) for sku, q in planned.lines)
    prices = tuple(catalogue[sku].price for sku, _ in lines)
    return doc_id, DemoDocument(mail.raw, mail.envelope_sender, customer, po, lines, prices)


def _ship_all(app: DemoApp, order_ids: list[int], day: date, tally: Tally, owed: _Open) -> None:
    """The afternoon's run: every order of the day approved, allocated, released, picked, packed and
    shipped (in one go where the services take a list); deliveries booked for the promised day."""
    if not order_ids:
        return
    svc = app.lifecycle.service
    svc.start(order_ids, ACTOR)
    for pick_list in svc.release(order_ids, ACTOR).pick_lists:
        svc.confirm_pick(pick_list, None, ACTOR)
    for order_id in order_ids:
        with app.uow() as uow:
            allocations = uow.fulfilment.allocations([order_id]).get(order_id, [])
            warehouses = sorted({a.warehouse for a in allocations if a.pick_list_id is not None})
        for code in warehouses:
            shipment = svc.pack(order_id, code, ACTOR)
            shipped = svc.ship(shipment.id, ACTOR)
            tally.shipments += 1
            due = max(shipped.promised_date or day, day + timedelta(days=1))
            owed.deliveries[due].append(int(shipment.id))


def _deliver_due(
    app: DemoApp, rng: random.Random, shipment_ids: list[int], day: date, tally: Tally, owed: _Open
) -> None:
    """The carrier's deliveries of the day; the order is paid three weeks on, now and then sent back."""
    for shipment_id in shipment_ids:
        shipment = app.lifecycle.service.deliver(shipment_id, "carrier")
        tally.delivered += 1
        owed.payments[day + PAY_AFTER].append(int(shipment.order_id))
        if rng.random() < RETURN_SHARE:
            _send_back(app, int(shipment.order_id), tally)


def _send_back(app: DemoApp, order_id: int, tally: Tally) -> None:
    """The customer returns the goods of the first line that reached them and are not back yet (damaged
    in transit), at most the line's quantity: authorised and received. The first line may not have
    been shipped (short, or in a parcel still on its way) or already be back (an order of two
    parcels, each unlucky); with nothing left to send back, nothing is."""
    with app.uow() as uow:
        order = uow.fulfilment.order(order_id)
        held = returnable_now(uow, order_id)
    lines = sorted(order.lines, key=lambda line: line.position)
    first = next((line for line in lines if line.id in held), None)
    if first is None:
        return
    quantity = min(Decimal(first.quantity), held[first.id])
    svc = app.billing.service
    request = svc.authorise_return(
        order_id, {first.position: quantity}, "dañado en transporte", Resolution.CREDIT, ACTOR
    )
    svc.receive_return(request.id, [Receipt(first.position, quantity)], ACTOR)
    tally.returns += 1


def _pay_due(app: DemoApp, order_ids: list[int], tally: Tally) -> None:
    """Transfers for what the delivered orders still owe, each naming the invoice it pays.  A transfer
    naming none is applied to the customer's oldest due invoice, and between invoices due the same day
    to the one made first: the job workers make a day's invoices in whatever order their threads run,
    so an unnamed transfer paid another order's invoice in one run and this one in the next, and the
    count of payments changed from run to run."""
    for order_id in order_ids:
        with app.uow() as uow:
            invoices = [d for d in uow.billing.invoices(order_id=order_id) if d.open_amount > 0]
        for invoice in invoices:
            app.billing.service.receive_payment(
                invoice.customer_id,
                invoice.open_amount,
                invoice.currency,
                f"history {invoice.code}",
                ACTOR,
                invoices=(invoice.code,),
            )
            tally.paid += 1
