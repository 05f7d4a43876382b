"""The purchase order's state machine, with the legal moves written out here by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
D = Decimal

LEGAL = {
    ("draft", "approved"),
    ("draft", "cancelled"),
    ("approved", "sent"),
    ("approved", "cancelled"),
    ("sent", "confirmed"),
    ("sent", "partly_received"),
    ("sent", "received"),
    ("sent", "cancelled"),
    ("confirmed", "partly_received"),
    ("confirmed", "received"),
    ("confirmed", "cancelled"),
    ("partly_received", "received"),
    ("partly_received", "invoiced"),
    ("partly_received", "closed"),
    ("received", "invoiced"),
    ("received", "closed"),
    ("invoiced", "closed"),
}
STATES = [
    "draft", "approved", "sent", "confirmed", "partly_received", "received", "invoiced", "closed", "cancelled"
]  # fmt: skip


def po(state: str = "draft") -> PurchaseOrder:
    order = PurchaseOrder("PO-000001", "S-1", "MAD", "EUR", NOW, state=PoState(state))
    order.lines.append(PoLine(1, "TOR-M8-40", "TE-0840Z", D(1000), D("0.085"), gtin="8437000100102"))
    order.lines.append(PoLine(2, "TUE-M8", "TU-08Z", D(2000), D("0.021")))
    return order


@pytest.mark.parametrize("source", STATES)
@pytest.mark.parametrize("target", STATES)
def test_every_move_is_allowed_exactly_when_the_table_says(source: str, target: str) -> None:
    order = po(source)
    if (source, target) in LEGAL:
        order.move(PoState(target), "step", "ana", NOW)
        assert order.state == target
        assert (order.events[-1].from_state, order.events[-1].to_state) == (source, target)
    else:
        with pytest.raises(IllegalPoTransition):
            order.move(PoState(target), "step", "ana", NOW)
        assert order.state == source and order.events == []


def test_closed_and_cancelled_are_final() -> None:
    for final in ("closed", "cancelled"):
        assert not [t for s, t in LEGAL if s == final]
        order = po(final)
        for target in STATES:
            with pytest.raises(IllegalPoTransition):
                order.move(PoState(target), "step", "ana", NOW)


def test_only_a_draft_is_edited_and_zero_takes_the_line_off() -> None:
    order = po()
    order.set_quantity(1, D(1500), "ana", NOW)
    assert order.line(1).quantity == 1500
    order.set_quantity(2, D(0), "ana", NOW)
    assert [line.line_no for line in order.lines] == [1]
    assert [e.note for e in order.events] == ["line 1 TOR-M8-40: 1000 -> 1500", "line 2 TUE-M8: 2000 -> 0"]
    with pytest.raises(PurchasingError):
        order.set_quantity(1, D(-1), "ana", NOW)
    order.move(PoState.APPROVED, "approve", "ana", NOW)
    with pytest.raises(IllegalPoTransition):
        order.set_quantity(1, D(10), "ana", NOW)


def test_a_receipt_makes_the_order_partly_received_then_received() -> None:
    order = po("sent")
    order.lines[0].received = D(1000)
    order.after_receipt("ana", NOW, "albarán 1")
    assert order.state is PoState.PARTLY_RECEIVED  # 2000 TUE-M8 still to come
    order.lines[1].received = D(1999)
    order.lines[1].damaged = D(1)  # a damaged unit is not a delivered one
    order.after_receipt("ana", NOW, "albarán 2")
    assert order.state is PoState.PARTLY_RECEIVED
    order.lines[1].received = D(2000)
    order.after_receipt("ana", NOW, "albarán 3")
    assert order.state is PoState.RECEIVED
    assert [e.step for e in order.events] == ["receive", "receive", "receive"]
