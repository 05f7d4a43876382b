"""The lines of the orders a collector's batch stores go into the database together
(`OrderRepository.lines_held`): one statement (a COPY on PostgreSQL) for the batch instead of one a
document, and never later than a read of the repository that could look for them.

The rule under test: an order's lines are in the database for every read of orders or lines through
the repository in the same transaction after the order was stored, and at its commit; a rollback
takes them away with their orders. The expectations are the lines as written in each test's own
orders and e-mails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Table, select, text

from core.capture.domain.documents import DocumentState
from core.kernel.adapters import bulk, order_repository, orm
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from oms.bootstrap import App
from tests.integration.helpers import orders_of, stored_email
from tests.integration.test_email_collector import order_mail, store

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def app(app_each_db: App) -> App:
    """The bare app on each database in turn."""
    return app_each_db


@contextlib.contextmanager
def lines_sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """One entry (the rows) each time order lines are sent to the database: a COPY on PostgreSQL, an
    `INSERT` executemany on SQLite; both paths start by offering the rows to `copy_in`."""
    sent: list[int] = []
    offered = bulk.copy_in  # what the repository calls

    def counting(session: Any, table: Table, rows: Any) -> bool:
        if table is orm.order_lines:
            sent.append(len(rows))
        return offered(session, table, rows)

    monkeypatch.setattr(order_repository, "copy_in", counting)
    yield sent


def _order(document_id: int, po: str, quantities: list[str]) -> Order:
    order = Order(
        document_id=document_id,
        message_index=0,
        channel="email",
        state=OrderState.ACCEPTED,
        decision=Decision.ACCEPT,
        confidence=0.9,
        created_at=NOW,
        po_number=po,
        customer_id="C1",
        currency="EUR",
    )
    order.lines = [
        OrderLine(position=n, sku=f"SKU-{n}", description="Tornillo cabeza allen, ñ", quantity=Decimal(q))
        for n, q in enumerate(quantities, start=1)
    ]
    return order


def _lines(app: App) -> list[tuple[int, int, str, Decimal]]:
    with app.engine.connect() as conn:
        rows = conn.execute(
            select(
                orm.order_lines.c.order_id,
                orm.order_lines.c.position,
                orm.order_lines.c.sku,
                orm.order_lines.c.quantity,
            ).order_by(orm.order_lines.c.order_id, orm.order_lines.c.position)
        )
        return [(r.order_id, r.position, r.sku, Decimal(r.quantity)) for r in rows]


def test_the_held_lines_go_in_at_once_before_the_first_read_that_looks_for_them(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_doc, second_doc = stored_email(app, 1, NOW), stored_email(app, 2, NOW)
    with lines_sent(monkeypatch) as sent, app.uow() as uow:
        with uow.orders.lines_held():
            first = _order(first_doc, "PO-1", ["12", "0.5"])
            second = _order(second_doc, "PO-2", ["3"])
            uow.orders.insert_new(first_doc, [first])
            uow.orders.insert_new(second_doc, [second])
            assert first.id is not None and second.id is not None  # the orders are in, with their ids
            assert sent == []  # nothing read yet: the lines wait
            assert uow.orders.has_orders_from("C1", exclude_document=0)  # a read of no lines
            assert sent == []  # ... says so, and they wait still
            # a read of lines finds every line stored before it: all three sent together, first
            earlier = uow.orders.recent_for_customer(
                "C1",
                Lookback(NOW - timedelta(days=1), lines_since=NOW - timedelta(days=1)),
                exclude_document=0,
            )
            assert {o.po_number: [(ln.sku, ln.quantity) for ln in o.lines] for o in earlier} == {
                "PO-1": [("SKU-1", Decimal("12")), ("SKU-2", Decimal("0.5"))],
                "PO-2": [("SKU-1", Decimal("3"))],
            }
            assert sent == [3]
        uow.commit()
    assert sent == [3]
    assert _lines(app) == [
        (first.id, 1, "SKU-1", Decimal("12")),
        (first.id, 2, "SKU-2", Decimal("0.5")),
        (second.id, 1, "SKU-1", Decimal("3")),
    ]


def test_a_read_around_the_repository_finds_the_held_lines_too(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any statement through the session that is not an insert sends the waiting lines first: a
    report, a check or a lazy load reading order lines its own way sees what was stored before."""
    first_doc, second_doc = stored_email(app, 1, NOW), stored_email(app, 2, NOW)
    ln = orm.order_lines.c
    with lines_sent(monkeypatch) as sent, app.uow() as uow:
        with uow.orders.lines_held():
            first = _order(first_doc, "PO-1", ["2", "1.25"])
            uow.orders.insert_new(first_doc, [first])
            assert sent == []
            found = uow.session.execute(select(ln.sku, ln.quantity).order_by(ln.position)).all()
            assert [(sku, Decimal(q)) for sku, q in found] == [
                ("SKU-1", Decimal("2")),
                ("SKU-2", Decimal("1.25")),
            ]
            second = _order(second_doc, "PO-2", ["40"])
            uow.orders.insert_new(second_doc, [second])
            (count,) = uow.session.execute(text("SELECT count(*) FROM order_lines")).one()
            assert count == 3
        assert sent == [2, 1]
        uow.commit()


def test_an_order_loaded_in_the_block_comes_with_its_held_lines(app: App) -> None:
    doc = stored_email(app, 1, NOW)
    with app.uow() as uow:
        with uow.orders.lines_held():
            order = _order(doc, "PO-1", ["7", "8"])
            uow.orders.insert_new(doc, [order])
            assert order.id is not None
            loaded = uow.orders.by_ids([order.id])[order.id]
            assert [(ln.position, ln.quantity) for ln in loaded.lines] == [
                (1, Decimal("7")),
                (2, Decimal("8")),
            ]
            (count,) = uow.session.execute(text("SELECT count(*) FROM order_lines")).one()
            assert count == 2
        uow.commit()


def test_a_savepoint_rolled_back_keeps_the_lines_stored_before_it(app: App) -> None:
    doc = stored_email(app, 1, NOW)
    with app.uow() as uow:
        with uow.orders.lines_held():
            order = _order(doc, "PO-1", ["5", "6"])
            uow.orders.insert_new(doc, [order])
            with contextlib.suppress(RuntimeError), uow.savepoint():
                raise RuntimeError("a change not applied")
        uow.commit()
    assert order.id is not None
    assert _lines(app) == [(order.id, 1, "SKU-1", Decimal("5")), (order.id, 2, "SKU-2", Decimal("6"))]


def test_lines_held_when_the_block_fails_go_with_the_transaction(app: App) -> None:
    kept_doc, dropped_doc = stored_email(app, 1, NOW), stored_email(app, 2, NOW)
    with app.uow() as uow:  # the commit after a failure inserts them
        with contextlib.suppress(ValueError), uow.orders.lines_held():
            kept = _order(kept_doc, "PO-1", ["4"])
            uow.orders.insert_new(kept_doc, [kept])
            raise ValueError("the batch failed after this order")
        uow.commit()
    with app.uow() as uow:  # a rollback drops them with their order
        with contextlib.suppress(ValueError), uow.orders.lines_held():
            uow.orders.insert_new(dropped_doc, [_order(dropped_doc, "PO-2", ["9"])])
            raise ValueError("the batch failed")
        uow.rollback()
        uow.commit()
    assert kept.id is not None
    assert _lines(app) == [(kept.id, 1, "SKU-1", Decimal("4"))]
    with app.uow() as uow:
        assert [o.po_number for o in uow.orders.list()] == ["PO-1"]


def test_a_batch_of_e_mails_sends_its_order_lines_once_each_under_its_order(
    demo_app_each_db: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(4)]
    app.broker.flush_all()  # type: ignore[attr-defined]  # the first e-mail's job collects the others
    with lines_sent(monkeypatch) as sent:
        assert app.process(ids[0]) is DocumentState.PROCESSED
    assert sent == [8]  # two lines an e-mail, in one statement (main: four, one an e-mail)
    for n, doc_id in enumerate(ids):
        assert app.process(doc_id) is DocumentState.PROCESSED
        (order,) = orders_of(app, doc_id)
        # as written: "10 x TOR-M8-40", then "n + 1 cajas de TAC-6"
        assert [(ln.position, ln.sku, ln.quantity) for ln in order.lines] == [
            (1, "TOR-M8-40", Decimal("10")),
            (2, "TAC-6", Decimal(n + 1)),
        ]
