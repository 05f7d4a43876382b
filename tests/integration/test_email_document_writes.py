"""While an e-mail is processed its document row is written twice: once when it is taken up (state and
attempt), once with what became of it (the format read, the final state, the time). Alone or in the
collector's batch, on both databases; what the row holds afterwards is unchanged."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import answers_of, document, orders_of
from tests.integration.test_email_collector import CUSTOMER, order_mail
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite-batch", "sqlite-alone", "postgresql-batch", "postgresql-alone"])
def shop(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    """The demo shop with the e-mails' collector on (a batch of up to eight) or off (one at a time)."""
    database, mode = request.param.split("-")
    url = request.getfixturevalue("pg_url") if database == "postgresql" else None
    app = make_app(tmp_path, url, clock=fixed_clock, collect_documents=8 if mode == "batch" else 1)
    load_demo_master_data(app)
    yield app
    app.close()


@contextlib.contextmanager
def document_writes(app: App) -> Iterator[list[int]]:
    """One entry per document row an `UPDATE documents` wrote (an executemany counts each row)."""
    writes: list[int] = []

    def seen(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("UPDATE DOCUMENTS"):
            writes.extend([0] * (len(params) if many else 1))

    event.listen(app.engine, "before_cursor_execute", seen)
    try:
        yield writes
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)


def store(app: App, raw: bytes) -> int:
    return app.submit(InboundDocument(Channel.EMAIL, raw, fixed_clock(), sender=CUSTOMER))


def test_each_e_mail_row_is_written_once_taken_up_and_once_decided(shop: App) -> None:
    orders = [store(shop, order_mail(n)) for n in range(3)]
    chatter = store(shop, message("Hola Ana, ¿qué tal el fin de semana?\n", subject="Hola").as_bytes())
    ids = [*orders, chatter]
    shop.broker.flush_all()  # type: ignore[attr-defined]
    with document_writes(shop) as writes:
        for doc_id in ids:  # with the collector on, the first job takes them all
            shop.process(doc_id)
    assert len(writes) == 2 * len(ids)
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


@contextlib.contextmanager
def document_updates(app: App) -> Iterator[list[int]]:
    """The rows each `UPDATE documents` statement wrote, one entry a statement."""
    statements: list[int] = []

    def seen(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("UPDATE DOCUMENTS"):
            statements.append(len(params) if many else 1)

    event.listen(app.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)


@pytest.mark.parametrize("shop", ["sqlite-batch", "postgresql-batch"], indirect=True)
def test_a_batchs_documents_are_concluded_in_one_statement_and_answered_in_arrival_order(shop: App) -> None:
    """Five e-mails in one job: the job's own row and the four collected taken up in one statement,
    then all five rows' outcomes written together at the commit (not each flushed by the next
    e-mail's first read)."""
    ids = [store(shop, order_mail(n)) for n in range(5)]
    shop.broker.flush_all()  # type: ignore[attr-defined]
    with document_updates(shop) as statements:
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
