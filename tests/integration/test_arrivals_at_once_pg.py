"""The same arrival delivered twice at the same moment, on PostgreSQL: both stored, one read.

Two receivers (two SMTP sessions, a watcher and an upload) can store the same message at once.  Every
arrival is on record, and the later copy is a duplicate document that makes no orders.  Here the first
copy's storing transaction is held open after its row has its number and before it commits, while
the second is stored (and, in the second test, read) meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.domain.events import DocumentStored
from core.kernel.services.unit_of_work import UnitOfWork
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import all_orders, document

pytestmark = pytest.mark.integration

CUSTOMER_MAIL = "pedidos@ferreterianunez.es"


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    yield app
    app.close()


def order_mail(received_by: str) -> bytes:
    """One message (one Message-ID) as one of two receivers stored it: its own Received line first."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Received"] = f"from mx.ferreterianunez.es by {received_by}; Thu, 26 Nov 2026 10:00:02 +0100"
    msg["From"] = f"Ana Núñez <{CUSTOMER_MAIL}>"
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = "Pedido PO-2026-0950 – tacos y tornillos"
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = "<po950@ferreterianunez.es>"
    msg.set_content("Hola,\n\n* 12 x TOR-M8-40\n* 2 cajas de TAC-6\n\nGracias,\nAna Núñez\n")
    return msg.as_bytes()


def arrival(content: bytes) -> InboundDocument:
    return InboundDocument(
        Channel.EMAIL, content, DEMO_DAY, sender=CUSTOMER_MAIL, external_id="<po950@ferreterianunez.es>"
    )


class HeldOpen:
    """The first `submit` on `thread` stops after its document row has its number, before the commit."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.numbered, self.resume = threading.Event(), threading.Event()
        self.thread: threading.Thread | None = None
        emit = UnitOfWork.emit

        def held(uow: UnitOfWork, event: object) -> None:
            emit(uow, event)
            if isinstance(event, DocumentStored) and threading.current_thread() is self.thread:
                self.numbered.set()
                assert self.resume.wait(120)

        monkeypatch.setattr(UnitOfWork, "emit", held)

    def submit(self, app: App, doc: InboundDocument) -> tuple[threading.Thread, list[int]]:
        ids: list[int] = []
        self.thread = threading.Thread(target=lambda: ids.append(app.submit(doc)))
        self.thread.start()
        assert self.numbered.wait(120)
        return self.thread, ids


def someone_waits_for_a_lock(app: App) -> bool:
    engine = create_engine(app.settings.database_url)
    try:
        with engine.connect() as conn:
            query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            return bool(conn.execute(text(query + " AND wait_event_type = 'Lock'")).scalar_one())
    finally:
        engine.dispose()


def test_the_same_bytes_stored_twice_at_once_are_both_on_record(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = order_mail("mx1.comanda.example")
    hold = HeldOpen(monkeypatch)
    first, first_id = hold.submit(shop, arrival(content))
    second_id: list[int] = []
    errors: list[BaseException] = []

    def second_copy() -> None:
        try:
            second_id.append(shop.submit(arrival(content)))
        except Exception as exc:  # the assertion below shows it
            errors.append(exc)

    other = threading.Thread(target=second_copy)
    other.start()
    deadline = time.monotonic() + 60
    while other.is_alive() and not someone_waits_for_a_lock(shop) and time.monotonic() < deadline:
        time.sleep(0.02)  # the second copy's bytes wait for the first's to be committed, or not
    hold.resume.set()
    first.join(120)
    other.join(120)
    assert not errors, errors
    assert len(first_id) == len(second_id) == 1
    states = {doc_id: shop.process(doc_id) for doc_id in (*first_id, *second_id)}
    assert states == {first_id[0]: DocumentState.PROCESSED, second_id[0]: DocumentState.DUPLICATE}
    assert len(all_orders(shop)) == 1


def test_a_message_stored_by_two_receivers_is_read_once_whichever_commits_first(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold = HeldOpen(monkeypatch)
    first, first_id = hold.submit(shop, arrival(order_mail("mx1.comanda.example")))
    # the other receiver's copy (other bytes: its own Received line) is stored, committed and read
    # while the first copy's row, numbered before it, is not yet committed
    second_id = shop.submit(arrival(order_mail("mx2.comanda.example")))
    assert shop.process(second_id) is DocumentState.PROCESSED
    hold.resume.set()
    first.join(120)
    [first_id_] = first_id
    assert first_id_ < second_id
    assert shop.process(first_id_) is DocumentState.DUPLICATE
    assert document(shop, first_id_).duplicate_of == second_id
    [order] = all_orders(shop)
    assert order.document_id == second_id and order.duplicate_of is None
