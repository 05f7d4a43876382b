"""The keys the demo clerk's review would have taken on the screen, worked out by hand: each field that
differs from what was read is reached with one key and typed over, a line added takes Alt+A, and the
approval one chord."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.capture.services.review import LineEdit
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from samples.demo.clerk import keys_to_type

D = Decimal


def read(*lines: OrderLine, po: str | None = "PED-1", customer: str | None = "C-1001") -> Order:
    return Order(
        document_id=1,
        message_index=0,
        channel="email",
        state=OrderState.IN_REVIEW,
        decision=Decision.REVIEW,
        confidence=0.5,
        created_at=datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
        po_number=po,
        customer_id=customer,
        lines=list(lines),
    )


def test_only_the_fields_that_differ_are_typed() -> None:
    order = read(
        OrderLine(1, sku=None, quantity=D("250.000"), unit_price=D("0.18")),
        OrderLine(2, sku="TUE-M8", quantity=D(250), unit_price=D("0.05")),
    )
    header = {"po_number": "PED-1", "customer_id": "C-1001"}  # both read right: nothing
    lines = [
        # the SKU not read: F8 + "TOR-M8-40" (9) = 10; 250 and 0.18 read right (250.000 is 250)
        LineEdit(1, {"sku": "TOR-M8-40", "quantity": "250", "unit_price": "0.18"}),
        # the quantity misread: F8 + "300" = 4
        LineEdit(2, {"sku": "TUE-M8", "quantity": "300", "unit_price": "0.05"}),
    ]
    assert keys_to_type(order, header, lines) == 10 + 4 + 1  # and Ctrl+Enter


def test_a_header_field_and_a_line_added() -> None:
    order = read(OrderLine(1, sku="TAC-6", quantity=D(4), unit_price=D("3.90")), customer=None)
    header = {"po_number": "PED-1", "customer_id": "C-1001"}  # customer not found: F8 + 6 = 7
    lines = [
        LineEdit(1, {"sku": "TAC-6", "quantity": "4", "unit_price": "3.90"}),
        # a line the reading missed: Alt+A, then SKU (1 + 6), quantity (1 + 1), price (1 + 4) = 15
        LineEdit(None, {"sku": "TUE-M8", "quantity": "9", "unit_price": "0.05"}),
    ]
    assert keys_to_type(order, header, lines) == 7 + 15 + 1


def test_nothing_to_change_is_the_approval_alone() -> None:
    order = read(OrderLine(1, sku="TAC-6", quantity=D(4), unit_price=D("3.90")))
    lines = [LineEdit(1, {"sku": "TAC-6", "quantity": "4", "unit_price": "3.9"})]
    assert keys_to_type(order, {"po_number": "PED-1"}, lines) == 1
