"""The duplicate check of e-mails read and stored together by one job (the collector's batch) decides
exactly as one e-mail at a time would: an order repeats an earlier one of the customer with the same
order number (60 days, any channel) or the same lines from another channel (5 days), whether the earlier
one was stored before the batch or by an e-mail ahead of it in the same batch; and the customer's
earlier orders are read once for the batch, not once an e-mail."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.kernel.domain.model import Decision
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import document, ingest, orders_of
from tests.integration.test_duplicates_policy import DEMO
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration
CUSTOMER = "pedidos@ferreterianunez.es"  # C-1001, whose demo interchange (EDI) came first


@pytest.fixture
def shop(collecting_shop: App) -> App:
    """The demo shop with the e-mails' collector on or off, on each database in turn."""
    return collecting_shop


def mailed(body: str, po: str, message_id: str) -> bytes:
    return message(body, subject=f"Pedido {po}", message_id=f"<{message_id}@ferreterianunez.es>").as_bytes()


def store(app: App, raw: bytes) -> int:
    """The SMTP receiver's step: stored, not read yet."""
    return app.submit(InboundDocument(Channel.EMAIL, raw, fixed_clock(), sender=CUSTOMER))


def process_in_arrival_order(app: App, ids: list[int]) -> None:
    """Each e-mail's own job, in the order they arrived; with the collector on, the first takes them all."""
    app.broker.flush_all()  # type: ignore[attr-defined]
    for doc_id in ids:
        app.process(doc_id)


def test_a_batch_decides_its_duplicates_as_one_e_mail_at_a_time(shop: App) -> None:
    edi = orders_of(shop, ingest(shop, DEMO))
    assert edi[0].po_number == "PO-2026-00123" and edi[0].customer_id == "C-1001"
    demo_lines = "".join(f"{ln.quantity} x {ln.sku}\n" for ln in edi[0].lines)
    ids = [
        # 0: the EDI order's number again, by e-mail: repeats the order stored before the batch
        store(shop, mailed("10 x TOR-M8-40\n", "PO-2026-00123", "m0")),
        # 1: a new order
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0800", "m1")),
        # 2: the same order again as a new message (another Message-ID): repeats e-mail 1's order,
        # stored a moment earlier in the same transaction
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0800", "m2")),
        # 3: the EDI order's lines under a new number, from another channel within five days
        store(shop, mailed(demo_lines, "PO-2026-0801", "m3")),
        # 4: the same lines as e-mail 1 under a new number, on the same channel: a routine reorder
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0802", "m4")),
        # 5: the same bytes as e-mail 1: a copy of the message, no order at all
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0800", "m1")),
    ]
    process_in_arrival_order(shop, ids)

    orders = [orders_of(shop, i) for i in ids]
    assert [len(o) for o in orders] == [1, 1, 1, 1, 1, 0]
    first_mailed = orders[1][0].id
    assert [o[0].duplicate_of for o in orders[:5]] == [edi[0].id, None, first_mailed, edi[0].id, None]
    assert [o[0].decision for o in orders[:5]] == [
        Decision.REVIEW,
        Decision.ACCEPT,
        Decision.REVIEW,
        Decision.REVIEW,
        Decision.ACCEPT,
    ]
    assert document(shop, ids[5]).state is DocumentState.DUPLICATE
    assert document(shop, ids[5]).duplicate_of == ids[1]


_HEADS = re.compile(r"FROM orders\s+WHERE orders\.customer_id = ", re.IGNORECASE)


def test_a_batch_reads_its_customers_earlier_orders_once(shop: App) -> None:
    """Five e-mails of one customer stored together: its two months of orders are read once for the
    batch (one at a time: once an e-mail). On PostgreSQL the decisions are confirmed again with the
    customer held, just before the commit: one more read for the whole batch, one an e-mail alone."""
    ingest(shop, DEMO)
    ids = [store(shop, mailed(f"{n + 1} x TOR-M8-40\n", f"PO-2026-081{n}", f"h{n}")) for n in range(5)]
    read: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if _HEADS.search(statement):
            read.append(statement)

    event.listen(shop.engine, "before_cursor_execute", seen)
    try:
        process_in_arrival_order(shop, ids)
    finally:
        event.remove(shop.engine, "before_cursor_execute", seen)
    assert all(len(orders_of(shop, i)) == 1 for i in ids)
    batch = shop.collect_size > 1
    reads = 1 if batch else 5  # each transaction reads once to decide and, on PostgreSQL, once again
    assert len(read) == reads * (2 if shop.engine.dialect.name == "postgresql" else 1)
