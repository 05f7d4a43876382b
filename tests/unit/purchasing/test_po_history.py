"""A purchase order's history and the refusals a buyer reads (docs/purchasing.md): every move and every
edit is written into the history with who did it, when, the step, the states before and after and a
note of at most 500 characters (a move without a note leaves it empty); a refused step says which
order, in which state, and what was asked, since the API answers it as the reason (409) and the
command line prints it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 4, 16, 30, tzinfo=UTC)
D = Decimal


def po(state: str = "draft") -> PurchaseOrder:
    order = PurchaseOrder("PO-000007", "S-HERR", "MAD", "EUR", NOW, state=PoState(state))
    order.lines.append(PoLine(1, "TOR-M8-40", "TE-0840Z", D(1000), D("0.085")))
    order.lines.append(PoLine(2, "TUE-M8", "TU-08Z", D(2000), D("0.021")))
    return order


def history(order: PurchaseOrder) -> list[tuple[object, ...]]:
    return [(e.at, e.actor, e.step, e.from_state, e.to_state, e.note) for e in order.events]


def test_a_move_is_written_with_who_when_the_step_and_both_states() -> None:
    order = po()
    order.move(PoState.APPROVED, "approve", "ana", NOW)
    order.move(PoState.SENT, "send", "luis", LATER, "by EDIFACT, interchange 12")
    assert history(order) == [
        (NOW, "ana", "approve", PoState.DRAFT, PoState.APPROVED, ""),  # no note given: none written
        (LATER, "luis", "send", PoState.APPROVED, PoState.SENT, "by EDIFACT, interchange 12"),
    ]


def test_a_note_is_kept_to_its_first_500_characters() -> None:
    long = "a" * 500 + "b" * 100
    order = po()
    order.move(PoState.APPROVED, "approve", "ana", NOW, long)
    order.note("delivery announced", "ana", NOW, long)
    assert [e.note for e in order.events] == ["a" * 500, "a" * 500]


def test_a_refused_move_names_the_order_its_state_and_the_state_asked_for() -> None:
    with pytest.raises(IllegalPoTransition) as refused:
        po("closed").move(PoState.SENT, "send", "ana", NOW)
    assert str(refused.value) == "purchase order PO-000007 is closed; it cannot become sent"


def test_an_edit_is_written_as_an_edit_by_the_buyer() -> None:
    order = po()
    order.set_quantity(2, D(2500), "ana", LATER)
    assert history(order) == [
        (LATER, "ana", "edit", PoState.DRAFT, PoState.DRAFT, "line 2 TUE-M8: 2000 -> 2500"),
    ]


def test_an_edit_of_an_order_no_longer_a_draft_is_refused_saying_so() -> None:
    with pytest.raises(IllegalPoTransition) as refused:
        po("approved").set_quantity(1, D(10), "ana", NOW)
    assert str(refused.value) == "purchase order PO-000007 is approved; only a draft is edited"


def test_a_negative_quantity_is_refused_saying_what_was_typed() -> None:
    with pytest.raises(PurchasingError) as refused:
        po().set_quantity(1, D("-5"), "ana", NOW)
    assert str(refused.value) == "a quantity cannot be negative, not -5"


def test_a_line_the_order_does_not_have_is_refused_by_its_number() -> None:
    with pytest.raises(PurchasingError) as refused:
        po().set_quantity(3, D(10), "ana", NOW)
    assert str(refused.value) == "purchase order PO-000007 has no line 3"


def test_a_receipt_is_written_with_who_received_it_when_and_the_delivery_note() -> None:
    order = po("sent")
    order.lines[0].received = D(1000)
    order.after_receipt("ana", NOW, "albarán ALB-501")  # moves: sent -> partly received
    order.lines[1].received = D(500)
    order.after_receipt("luis", LATER, "albarán ALB-502")  # still partly received: a note only
    order.lines[1].received = D(2000)
    order.after_receipt("eva", LATER, "albarán ALB-503")  # moves: partly received -> received
    assert history(order) == [
        (NOW, "ana", "receive", PoState.SENT, PoState.PARTLY_RECEIVED, "albarán ALB-501"),
        (LATER, "luis", "receive", PoState.PARTLY_RECEIVED, PoState.PARTLY_RECEIVED, "albarán ALB-502"),
        (LATER, "eva", "receive", PoState.PARTLY_RECEIVED, PoState.RECEIVED, "albarán ALB-503"),
    ]
