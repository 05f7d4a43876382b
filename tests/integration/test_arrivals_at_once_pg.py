"""The same arrival delivered twice at the same moment, on PostgreSQL: both stored, one read.

Two receivers (two SMTP sessions, a watcher and an upload) can store the same message at once.  Every
arrival is on record, and the later copy is a duplicate document that makes no orders.  Here the first
copy's storing transaction is held open after its row has its number and before it commits, while
the second is stored (and, in the second test, read) meanwhile.
"""

from __future__ import annotations

import threading
import time
from email import policy
from email.message import EmailMessage

import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.domain.events import DocumentStored
from core.kernel.services.unit_of_work import UnitOfWork
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.helpers import all_orders, document, someone_waits_for_a_lock

pytestmark = pytest.mark.integration

CUSTOMER_MAIL = "pedidos@ferreterianunez.es"


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


def test_the_same_bytes_stored_twice_at_once_are_both_on_record(
    pg_demo_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = order_mail("mx1.comanda.example")
    hold = HeldOpen(monkeypatch)
    first, first_id = hold.submit(pg_demo_app, arrival(content))
    second_id: list[int] = []
    errors: list[BaseException] = []

    def second_copy() -> None:
        try:
            second_id.append(pg_demo_app.submit(arrival(content)))
        except Exception as exc:  # the assertion below shows it
            errors.append(exc)

    other = threading.Thread(target=second_copy)
    other.start()
    deadline = time.monotonic() + 60
    engine = pg_demo_app.engine
    while other.is_alive() and not someone_waits_for_a_lock(engine) and time.monotonic() < deadline:
        time.sleep(0.02)  # the second copy's bytes wait for the first's to be committed, or not
    hold.resume.set()
    first.join(120)
    other.join(120)
    assert not errors, errors
    assert len(first_id) == len(second_id) == 1
    states = {doc_id: pg_demo_app.process(doc_id) for doc_id in (*first_id, *second_id)}
    assert states == {first_id[0]: DocumentState.PROCESSED, second_id[0]: DocumentState.DUPLICATE}
    assert len(all_orders(pg_demo_app)) == 1


def test_a_message_stored_by_two_receivers_is_read_once_whichever_commits_first(
    pg_demo_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold = HeldOpen(monkeypatch)
    first, first_id = hold.submit(pg_demo_app, arrival(order_mail("mx1.comanda.example")))
    # the other receiver's copy (other bytes: its own Received line) is stored, committed and read
    # while the first copy's row, numbered before it, is not yet committed
    second_id = pg_demo_app.submit(arrival(order_mail("mx2.comanda.example")))
    assert pg_demo_app.process(second_id) is DocumentState.PROCESSED
    hold.resume.set()
    first.join(120)
    [first_id_] = first_id
    assert first_id_ < second_id
    assert pg_demo_app.process(first_id_) is DocumentState.DUPLICATE
    assert document(pg_demo_app, first_id_).duplicate_of == second_id
    [order] = all_orders(pg_demo_app)
    assert order.document_id == second_id and order.duplicate_of is None
