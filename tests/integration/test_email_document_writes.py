"""While an e-mail is processed its document row is written twice: once when it is taken up (state and
attempt), once with what became of it (the format read, the final state, the time). Alone or in the
collector's batch, on both databases; what the row holds afterwards is unchanged."""

from __future__ import annotations

import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import answers_of, document, orders_of, rows_written
from tests.integration.test_email_collector import CUSTOMER, order_mail
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration


@pytest.fixture
def shop(collecting_shop: App) -> App:
    """The demo shop with the e-mails' collector on or off, on each database in turn."""
    return collecting_shop


def store(app: App, raw: bytes) -> int:
    return app.submit(InboundDocument(Channel.EMAIL, raw, fixed_clock(), sender=CUSTOMER))


def test_each_e_mail_row_is_written_once_taken_up_and_once_decided(shop: App) -> None:
    orders = [store(shop, order_mail(n)) for n in range(3)]
    chatter = store(shop, message("Hola Ana, ¿qué tal el fin de semana?\n", subject="Hola").as_bytes())
    ids = [*orders, chatter]
    shop.broker.flush_all()  # type: ignore[attr-defined]
    with rows_written(shop, "UPDATE DOCUMENTS") as writes:
        for doc_id in ids:  # with the collector on, the first job takes them all
            shop.process(doc_id)
    assert sum(writes) == 2 * len(ids)  # document rows written, an executemany's each counted
    for n, doc_id in enumerate(orders):
        row = document(shop, doc_id)
        assert row.state is DocumentState.PROCESSED and row.attempts == 1
        assert row.format == "email-text" and row.updated_at == fixed_clock()
        (order,) = orders_of(shop, doc_id)
        assert order.po_number == f"PO-2026-09{n:02d}"
    row = document(shop, chatter)
    assert row.state is DocumentState.QUARANTINED and row.error
    assert row.format == "email-text" and row.updated_at == fixed_clock()
    assert orders_of(shop, chatter) == []


@pytest.mark.parametrize("collect_documents", ["batch"], indirect=True)
def test_a_batchs_documents_are_concluded_in_one_statement_and_answered_in_arrival_order(shop: App) -> None:
    """Five e-mails in one job: the job's own row and the four collected taken up in one statement,
    then all five rows' outcomes written together at the commit (not each flushed by the next
    e-mail's first read)."""
    ids = [store(shop, order_mail(n)) for n in range(5)]
    shop.broker.flush_all()  # type: ignore[attr-defined]
    with rows_written(shop, "UPDATE DOCUMENTS") as statements:
        assert shop.process(ids[0]) is DocumentState.PROCESSED
    assert statements == [5, 5]  # taken up together, concluded together (before mail29: [1, 4, 5])
    replies = []
    for n, doc_id in enumerate(ids):
        row = document(shop, doc_id)
        assert row.state is DocumentState.PROCESSED and row.format == "email-text"
        (order,) = orders_of(shop, doc_id)
        assert order.po_number == f"PO-2026-09{n:02d}" and [ln.quantity for ln in order.lines] == [10, n + 1]
        (reply,) = answers_of(shop, doc_id)
        assert reply.draft is not None and reply.order_id == order.id
        replies.append(reply.id)
    assert replies == sorted(replies)  # the drafts numbered in the order the e-mails were stored
