"""A document's new orders stored in bulk (`OrderRepository.insert_new`): COPY on PostgreSQL, one
`executemany` per table on SQLite; either way each stored row says what the order said.

The expectations are the orders as written below, read back column by column: every line under its
own order in its own position, quantities and prices to the last digit, text with tabs, line breaks,
backslashes and quotes as typed, a missing price missing (not zero), the decision and state as their
names, the problems as the list they were.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DataError

from core.capture.domain.documents import Channel, InboundDocument
from core.kernel.adapters.orm import unsaved
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from oms.bootstrap import App
from tests.conftest import make_app

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def app(app_each_db: App) -> App:
    """The bare app on each database in turn."""
    return app_each_db


def _document(app: App) -> int:
    return app.submit(
        InboundDocument(
            channel=Channel.EDI, content=b"UNA:+.? 'UNB+UNOC:3'", received_at=NOW, original_name="x"
        )
    )


def _orders(document_id: int) -> list[Order]:
    first = Order(
        document_id=document_id,
        message_index=0,
        channel="edi",
        state=OrderState.ACCEPTED,
        decision=Decision.ACCEPT,
        confidence=0.975,
        created_at=NOW,
        po_number="PO-1",
        customer_id="C1",
        order_date=date(2026, 11, 25),
        currency="EUR",
        buyer_name='Ferretería "Núñez"\tS.L.\\Madrid',
        total=Decimal("1234.50"),
        partner_id="8437000100010",
        problems=[{"code": "price_mismatch", "message": "line 2: 9.99 \u2260 10.00", "field": "unit_price"}],
        identifiers=[{"kind": "gln", "value": "8437000100010", "role": None}],
    )
    first.lines = [
        OrderLine(position=1, sku="SKU-A", description="Tornillo 4x40\nzincado", quantity=Decimal("12.5")),
        OrderLine(
            position=2,
            sku="SKU-B",
            quantity=Decimal("0.001"),
            unit="KGM",
            unit_price=Decimal("9.990000"),
            amount=Decimal("0.00999"),
            requested_delivery_date=date(2026, 12, 1),
            discount=Decimal("0.10"),
            promotion="10 % \\ otoño",
        ),
    ]
    second = Order(
        document_id=document_id,
        message_index=1,
        channel="edi",
        state=OrderState.IN_REVIEW,
        decision=Decision.REVIEW,
        confidence=0.5,
        created_at=NOW,
        po_number=None,
    )
    second.lines = [OrderLine(position=1, item_code="X", quantity=Decimal("3"))]
    return [first, second]


def test_each_order_and_line_is_stored_as_it_was_given(app: App) -> None:
    document_id = _document(app)
    with app.uow() as uow:
        orders = _orders(document_id)
        uow.orders.insert_new(document_id, orders)
        uow.commit()
    first_id, second_id = orders[0].id, orders[1].id
    assert first_id is not None and second_id is not None and first_id != second_id  # ids are set

    with app.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, message_index, state, decision, po_number, buyer_name, total, problems"
                " FROM orders WHERE document_id = :d ORDER BY message_index"
            ),
            {"d": document_id},
        ).all()
        lines = conn.execute(
            text(
                "SELECT order_id, position, sku, item_code, description, quantity, unit, unit_price, amount,"
                " requested_delivery_date, discount, promotion FROM order_lines ORDER BY order_id, position"
            )
        ).all()
    assert [(r.id, r.message_index, r.state, r.decision, r.po_number) for r in rows] == [
        (first_id, 0, "accepted", "accept", "PO-1"),
        (second_id, 1, "in_review", "review", None),
    ]
    assert rows[0].buyer_name == 'Ferretería "Núñez"\tS.L.\\Madrid'
    assert Decimal(str(rows[0].total)) == Decimal("1234.5")
    assert rows[1].total is None

    assert [(line.order_id, line.position, line.sku, line.item_code) for line in lines] == [
        (first_id, 1, "SKU-A", None),
        (first_id, 2, "SKU-B", None),
        (second_id, 1, None, "X"),
    ]
    a, b, c = lines
    assert a.description == "Tornillo 4x40\nzincado"
    assert a.unit_price is None and a.amount is None and a.discount is None  # no price printed: none stored
    assert Decimal(str(b.quantity)) == Decimal("0.001")
    assert Decimal(str(b.unit_price)) == Decimal("9.99")
    assert Decimal(str(b.amount)) == Decimal("0.00999")
    assert Decimal(str(b.discount)) == Decimal("0.1")
    assert b.promotion == "10 % \\ otoño"
    assert str(b.requested_delivery_date) == "2026-12-01"
    assert Decimal(str(c.quantity)) == Decimal("3")

    with app.uow() as uow:  # and through the mapping, as every later step reads them
        stored = uow.orders.for_document(document_id)
        assert [o.id for o in stored] == [first_id, second_id]
        assert stored[0].problems == [
            {"code": "price_mismatch", "message": "line 2: 9.99 \u2260 10.00", "field": "unit_price"}
        ]
        assert stored[0].identifiers == [{"kind": "gln", "value": "8437000100010", "role": None}]
        assert stored[1].problems == [] and stored[1].evidence == []
        assert stored[0].created_at == NOW and stored[0].confidence == 0.975
        assert [line.quantity for line in stored[0].lines] == [Decimal("12.5"), Decimal("0.001")]
        assert uow.orders.ids_for_document(document_id) == [first_id, second_id]
        assert uow.orders.decisions_for_document(document_id) == [
            (first_id, "PO-1", Decision.ACCEPT, OrderState.ACCEPTED),
            (second_id, None, Decision.REVIEW, OrderState.IN_REVIEW),
        ]


def test_a_rolled_back_transaction_leaves_no_order_and_no_line(app: App) -> None:
    document_id = _document(app)
    with app.uow() as uow:
        uow.orders.insert_new(document_id, _orders(document_id))
        uow.rollback()
    with app.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM orders")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM order_lines")).scalar() == 0


@pytest.mark.parametrize(
    "line",
    [
        # NUMERIC(20, 6) holds 14 digits before the mark: a 15-digit quantity is refused
        {"quantity": Decimal("100000000000000")},
        {"description": "a NUL\x00 in the text"},  # no text column takes one
    ],
    ids=["quantity-too-large", "nul-in-text"],
)
def test_a_value_postgresql_refuses_is_a_data_error_as_for_an_insert(
    tmp_path: Path, pg_url: str, line: dict[str, object]
) -> None:
    """Processing quarantines a document whose values the database refuses (SQLAlchemy's DataError)
    instead of retrying it: the COPY must say so in the same words as the INSERT did."""
    application = make_app(tmp_path, pg_url)
    try:
        document_id = _document(application)
        order = _orders(document_id)[1]
        order.lines = [OrderLine(position=1, sku="SKU-A", **line)]  # type: ignore[arg-type]
        with application.uow() as uow, pytest.raises(DataError):
            uow.orders.insert_new(document_id, [order])
    finally:
        application.close()


def _unsaved_line(**given: object) -> OrderLine:
    return unsaved(OrderLine, {f.name: None for f in dataclasses.fields(OrderLine)} | given)


def _unsaved_order(document_id: int) -> Order:
    """An order as processing makes one (`unsaved`: no attribute event per field), every field given."""
    values = {f.name: None for f in dataclasses.fields(Order) if f.name != "lines"}
    values |= {
        "document_id": document_id,
        "message_index": 0,
        "channel": "edi",
        "state": OrderState.ACCEPTED,
        "decision": Decision.ACCEPT,
        "confidence": 0.9,
        "created_at": NOW,
        "po_number": "PO-ñ",
        "buyer_name": "Ferretería Núñez",
        "total": Decimal("10.01"),
        "problems": [],
        "evidence": [{"field": "po_number", "confidence": 1.0, "segment": 2}],
        "identifiers": [],
    }
    lines = [
        _unsaved_line(position=1, sku="SKU-A", quantity=Decimal("2")),
        _unsaved_line(position=2, sku="SKU-B", unit_price=Decimal("0.005")),
    ]
    return unsaved(Order, values, lines=lines)


def test_an_order_made_without_its_constructor_is_stored_with_every_value_given(app: App) -> None:
    document_id = _document(app)
    order = _unsaved_order(document_id)
    assert order.po_number == "PO-ñ" and [line.sku for line in order.lines] == ["SKU-A", "SKU-B"]
    with app.uow() as uow:
        uow.orders.insert_new(document_id, [order])
        uow.commit()
    assert order.id is not None
    with app.uow() as uow:
        (stored,) = uow.orders.for_document(document_id)
        assert (stored.id, stored.po_number, stored.buyer_name) == (order.id, "PO-ñ", "Ferretería Núñez")
        assert (stored.state, stored.total, stored.customer_id) == (
            OrderState.ACCEPTED,
            Decimal("10.01"),
            None,
        )
        assert stored.evidence == [{"field": "po_number", "confidence": 1.0, "segment": 2}]
        assert [(x.position, x.sku, x.quantity, x.unit_price) for x in stored.lines] == [
            (1, "SKU-A", Decimal("2"), None),
            (2, "SKU-B", None, Decimal("0.005")),
        ]


def test_an_order_made_without_its_constructor_is_added_and_changed_as_any_new_one(app: App) -> None:
    """Through the ORM's own flush, with a value and a line changed after it was made."""
    document_id = _document(app)
    order = _unsaved_order(document_id)
    order.po_number = "PO-2"
    order.lines.append(_unsaved_line(position=3, sku="SKU-C"))
    with app.uow() as uow:
        uow.orders.add_all([order])
        uow.commit()
    with app.uow() as uow:
        (stored,) = uow.orders.for_document(document_id)
        assert stored.po_number == "PO-2" and stored.buyer_name == "Ferretería Núñez"
        assert [(x.position, x.sku) for x in stored.lines] == [(1, "SKU-A"), (2, "SKU-B"), (3, "SKU-C")]


def test_an_order_made_without_a_field_is_refused() -> None:
    with pytest.raises(ValueError, match="po_number"):
        unsaved(OrderLine, {"position": 1, "po_number": "PO-1"})


def test_a_single_order_is_stored_as_given_in_one_statement_with_its_id(app: App) -> None:
    """Most e-mails and faxes hold one order: its id comes back from the INSERT itself, with no second
    statement to read the document's ids back (the bulk path's), and the row says what the order said."""
    from sqlalchemy import event

    document_id = _document(app)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(" ".join(statement.split()))

    [alone] = _orders(document_id)[:1]
    with app.uow() as uow:
        event.listen(app.engine, "before_cursor_execute", seen)
        try:
            uow.orders.insert_new(document_id, [alone])
        finally:
            event.remove(app.engine, "before_cursor_execute", seen)
        uow.commit()
    assert alone.id is not None
    assert len([s for s in statements if s.startswith("INSERT INTO orders ")]) == 1
    assert [s for s in statements if s.startswith("SELECT") and " FROM orders" in s] == []
    with app.uow() as uow:
        [stored] = uow.orders.for_document(document_id)
    assert stored.id == alone.id and stored.po_number == "PO-1" and stored.total == Decimal("1234.50")
    assert stored.buyer_name == 'Ferretería "Núñez"\tS.L.\\Madrid'
    assert stored.state is OrderState.ACCEPTED and stored.decision is Decision.ACCEPT
    assert stored.problems == alone.problems and stored.identifiers == alone.identifiers
    assert [(line.position, line.sku, line.quantity) for line in stored.lines] == [
        (1, "SKU-A", Decimal("12.5")),
        (2, "SKU-B", Decimal("0.001")),
    ]


def test_a_report_refresh_of_several_documents_reads_their_orders_in_one_statement(app: App) -> None:
    """The refresh after a batch of e-mails is decided looks up the batch's orders once, not once per
    document; every order of every document is counted (the summary holds each order's facts)."""
    documents = [_document(app) for _ in range(3)]
    ids = []
    for document_id in documents:
        with app.uow() as uow:
            orders = _orders(document_id)
            uow.orders.insert_new(document_id, orders)
            uow.commit()
        ids += [o.id for o in orders]
    with app.uow() as uow:
        assert uow.orders.ids_for_documents(reversed(documents)) == ids  # by document, message order
    said: list[str] = []

    def heard(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        said.append(" ".join(statement.split()))

    event.listen(app.engine, "before_cursor_execute", heard)
    try:
        app.reporting.upkeep.refresh_documents(documents)
    finally:
        event.remove(app.engine, "before_cursor_execute", heard)
    assert (
        len([s for s in said if s.startswith("SELECT orders.id FROM orders WHERE orders.document_id")]) == 1
    )
    with app.uow() as uow:
        counted = uow.session.execute(text("SELECT order_id FROM report_order_facts ORDER BY 1")).scalars()
        assert list(counted) == sorted(ids)
