"""The same order in two documents decided at the same time makes one order, on PostgreSQL and SQLite.

A customer who sends an order again (a second interchange with the same order numbers, a second e-mail
with the same order) gets one order: whichever document is decided second finds the first's order and
goes to review as its duplicate, as it does when they arrive one after the other.  Here the two are
decided by two workers at once: each worker, having decided its orders and about to store them, waits
until the other has decided too, or is held waiting in the database, before storing.  Which document
wins is up to the scheduler; the test holds whichever it is.  On PostgreSQL the loser finds, holding its
customers just before its commit, that the winner's order was committed since it looked: it gives up
with a transient failure and is processed again (as the job queue does), now seeing that order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from email import policy
from email.message import EmailMessage

import pytest
from sqlalchemy import create_engine

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.services.processing import DocumentProcessor
from core.kernel.adapters.repository import OrderRepository
from core.kernel.domain.model import Decision, Order, OrderState
from core.kernel.errors import TransientError
from oms.bootstrap import App
from samples.edifact_gen import BUYER, orders_interchange
from tests.conftest import DEMO_DAY, fixed_clock
from tests.integration.helpers import AppOnEachDb, all_orders, arrive, someone_waits_for_a_lock

pytestmark = [
    pytest.mark.integration,
    # PostgreSQL first: the order this file has always run its databases in
    pytest.mark.parametrize("each_db_url", ["postgresql", "sqlite"], indirect=True),
]

GALICIA_GLN = "8437000200017"  # customer C-1002 in the demo master data
CUSTOMER_MAIL = "pedidos@ferreterianunez.es"  # customer C-1001's address


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> App:
    # two workers, each taking its own document: a job collecting the other's waiting e-mail would turn
    # the race into one worker reading both (test_email_collector.py holds that case)
    return app_on_each_db(clock=fixed_clock, demo=True, collect_documents=1)


class Rendezvous:
    """Both workers start deciding together; each, about to store its orders, waits until the other is
    about to store too or is waiting for a lock in the database.  SQLite's waits are not visible from
    outside (its writers queue in the driver): there it waits `patience` seconds at most, then goes on."""

    def __init__(self, app: App, patience: float) -> None:
        self.start = threading.Barrier(2, timeout=120)
        self.storing = 0
        self.over = False  # the race is run: what is processed again goes straight through
        self.met: list[bool] = []  # per worker: whether it saw the other store too, or held waiting
        self.patience = patience
        self.guard = threading.Lock()
        url = app.settings.database_url
        self.watch = create_engine(url) if url.startswith("postgresql") else None

    def other_blocked(self) -> bool:
        return self.watch is not None and someone_waits_for_a_lock(self.watch)

    def about_to_store(self) -> None:
        with self.guard:
            self.storing += 1
        deadline = time.monotonic() + self.patience
        while time.monotonic() < deadline:
            if self.storing >= 2 or self.other_blocked():
                self.met.append(True)
                return
            time.sleep(0.01)
        self.met.append(False)

    def close(self) -> None:
        if self.watch is not None:
            self.watch.dispose()


def race(
    app: App, monkeypatch: pytest.MonkeyPatch, docs: Sequence[int], *, retry: bool = False
) -> list[DocumentState]:
    """Process the documents on two threads at once, through the real processing path; with `retry`,
    a document whose worker gave up on a transient failure is processed again afterwards, as the
    job queue does."""
    patience = 60.0 if app.settings.database_url.startswith("postgresql") else 5.0
    meet = Rendezvous(app, patience)
    read, insert = DocumentProcessor._read_safely, OrderRepository.insert_new

    def read_then_meet(self, envelope):  # type: ignore[no-untyped-def]
        result = read(self, envelope)
        if not meet.over:
            meet.start.wait()  # both have read their document; both now decide
        return result

    def meet_then_insert(self, document_id, orders):  # type: ignore[no-untyped-def]
        if not meet.over:
            meet.about_to_store()
        insert(self, document_id, orders)

    monkeypatch.setattr(DocumentProcessor, "_read_safely", read_then_meet)
    monkeypatch.setattr(OrderRepository, "insert_new", meet_then_insert)
    states: list[DocumentState] = []
    errors: list[BaseException] = []
    again: list[int] = []

    def work(doc_id: int) -> None:
        try:
            states.append(app.process(doc_id))
        except TransientError as exc:
            if retry:
                again.append(doc_id)
            else:
                errors.append(exc)
        except BaseException as exc:  # the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in docs]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
    finally:
        meet.close()
    assert not errors, errors
    meet.over = True
    states.extend(app.process(doc_id) for doc_id in again)
    if meet.watch is not None:  # the first to store did meet the other: they did decide at the same time
        assert meet.met[0], "the two workers did not decide at the same time"
    return states


def assert_one_order_each(orders: Sequence[Order], po_numbers: set[str]) -> None:
    """Per order number: one order flows on, the other waits in review as its duplicate."""
    assert {o.po_number for o in orders} == po_numbers
    for po in po_numbers:
        same = sorted((o for o in orders if o.po_number == po), key=lambda o: o.duplicate_of or 0)
        assert len(same) == 2, po
        first, again = same
        assert first.duplicate_of is None, po
        assert again.duplicate_of == first.id, po
        assert again.state is OrderState.IN_REVIEW and again.decision is Decision.REVIEW, po
        assert "duplicate_order" in {p["code"] for p in again.problems}, po
        assert again.document_id != first.document_id, po


def test_one_interchange_sent_twice_under_two_references_makes_one_set_of_orders(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = DEMO_DAY.date()
    docs = [
        arrive(
            shop,
            orders_interchange(3, 2, control_ref=ref, order_day=day, po_prefix="PO-RESENT"),
            f"{ref}.edi",
        )
        for ref in ("710001", "710002")  # the partner re-sent it under a new reference: other bytes
    ]
    assert race(shop, monkeypatch, docs, retry=True) == [DocumentState.PROCESSED] * 2
    orders = all_orders(shop)
    assert_one_order_each(orders, {f"PO-RESENT-{m:06d}" for m in (1, 2, 3)})
    firsts = [o for o in orders if o.duplicate_of is None]
    assert all(o.state is OrderState.ACCEPTED for o in firsts)


def order_mail(message_id: str) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"Ana Núñez <{CUSTOMER_MAIL}>"
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = "Pedido PO-2026-0931 – tornillería"
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = message_id
    msg.set_content("Hola,\n\n* 10 x TOR-M8-40\n* 3 cajas de TAC-6\n\nGracias,\nAna Núñez\n")
    return msg.as_bytes()


def test_one_order_mailed_twice_makes_one_order(shop: App, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [
        shop.submit(InboundDocument(Channel.EMAIL, order_mail(mid), DEMO_DAY, sender=CUSTOMER_MAIL))
        for mid in ("<po931@ferreterianunez.es>", "<po931-otra-vez@ferreterianunez.es>")  # two messages
    ]
    assert race(shop, monkeypatch, docs, retry=True) == [DocumentState.PROCESSED] * 2
    orders = all_orders(shop)
    assert {o.customer_id for o in orders} == {"C-1001"}
    assert_one_order_each(orders, {"PO-2026-0931"})


def two_customers(control_ref: str, first: str, second: str) -> bytes:
    """Two ORDERS in one interchange: PO-MIX-1 for `first` (a buyer's GLN), then PO-MIX-2 for `second`."""
    content = orders_interchange(2, 2, control_ref=control_ref, order_day=DEMO_DAY.date(), po_prefix="PO-MIX")
    head, one, two = content.split(b"UNH+")
    one = one.replace(f"NAD+BY+{BUYER}".encode(), f"NAD+BY+{first}".encode())
    two = two.replace(f"NAD+BY+{BUYER}".encode(), f"NAD+BY+{second}".encode())
    return b"UNH+".join((head, one, two))


def test_two_documents_for_the_same_two_customers_in_opposite_order_make_one_order_each(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document decides orders of two customers, in opposite orders: whatever each worker holds
    while it decides, neither waits for the other for ever, and each customer's order is made once."""
    there = two_customers("720001", BUYER, GALICIA_GLN)
    # the same two orders again, the other customer's first: PO-MIX-2 for C-1002, then PO-MIX-1 for C-1001
    back = two_customers("720002", GALICIA_GLN, BUYER).replace(b"PO-MIX-000001", b"PO-MIX-X")
    back = back.replace(b"PO-MIX-000002", b"PO-MIX-000001").replace(b"PO-MIX-X", b"PO-MIX-000002")
    docs = [arrive(shop, there, "720001.edi"), arrive(shop, back, "720002.edi")]
    assert race(shop, monkeypatch, docs, retry=True) == [DocumentState.PROCESSED] * 2
    orders = all_orders(shop)
    for customer, po in (("C-1001", "PO-MIX-000001"), ("C-1002", "PO-MIX-000002")):
        theirs = [o for o in orders if o.customer_id == customer]
        assert_one_order_each(theirs, {po})


def test_one_interchange_on_two_workers_is_taken_once(shop: App, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same interchange (sender and control reference) in two documents of other bytes, decided
    at once: one document's orders are taken, the other is a duplicate interchange with no orders
    (when its worker lost the race to record the interchange it fails, and its retry finds it taken)."""
    content = orders_interchange(2, 2, control_ref="740001", order_day=DEMO_DAY.date(), po_prefix="PO-TWICE")
    resent = content.replace(b":0800+740001", b":0815+740001")  # sent again a quarter of an hour later
    assert resent != content
    docs = [arrive(shop, content, "a.edi"), arrive(shop, resent, "b.edi")]
    states = race(shop, monkeypatch, docs, retry=True)
    assert sorted(states) == sorted([DocumentState.PROCESSED, DocumentState.DUPLICATE])
    orders = all_orders(shop)
    assert sorted(o.po_number or "" for o in orders) == ["PO-TWICE-000001", "PO-TWICE-000002"]
    assert len({o.document_id for o in orders}) == 1
    assert all(o.state is OrderState.ACCEPTED and o.duplicate_of is None for o in orders)
