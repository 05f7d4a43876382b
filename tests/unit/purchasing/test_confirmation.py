"""An e-mailed order confirmation read into the order only when it is unambiguous."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from core.purchasing.domain.answers import LineAction, SupplierAnswer
from core.purchasing.domain.confirmation import read_confirmation
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder

D = Decimal


def sent() -> PurchaseOrder:
    po = PurchaseOrder("PO-000007", "S-HERR", "MAD", "EUR", datetime(2026, 12, 1, tzinfo=UTC), PoState.SENT)
    po.lines = [
        PoLine(1, "LLA-AJ-250", "AW-250", D(6), D("6.40"), gtin="8437000100195"),
        PoLine(2, "TAC-6", "WP6-100", D(12), D("1.82")),
    ]
    return po


def test_both_lines_and_the_delivery_date_are_read() -> None:
    text = (
        "Order confirmation OC-55 for your PO-000007\n"
        "AW-250   Adjustable wrench 250 mm   6 units   6.40\n"
        "WP6-100  Wall plugs 6 mm (box of 100)   qty: 24\n"
        "Delivery: 09/12/2026\n"
    )
    read = read_confirmation(sent(), text, "OC-55")
    assert isinstance(read, SupplierAnswer)
    assert read.delivery_date == date(2026, 12, 9)  # day first
    assert [(x.line_no, x.quantity, x.action) for x in read.lines] == [
        (1, D(6), LineAction.ACCEPTED),  # the 250 of the code and "250 mm" is no quantity
        (2, D(24), LineAction.CHANGED),
    ]


def test_spanish_with_the_gtin_and_no_date() -> None:
    text = "Confirmamos su pedido PO-000007:\n8437000100195 llave 6 uds\nTAC-6 tacos 12 uds\n"
    read = read_confirmation(sent(), text, "C-1")
    assert isinstance(read, SupplierAnswer) and read.delivery_date is None
    assert [x.quantity for x in read.lines] == [D(6), D(12)]


def test_what_is_not_safe_to_read_says_why() -> None:
    both = "AW-250 6 units\n"  # the plugs are not named
    assert read_confirmation(sent(), both, "x") == "TAC-6 is named on 0 lines of the text, not one"
    two = "AW-250 6 units\nAW-250 2 units\nWP6-100 12 units\n"
    assert read_confirmation(sent(), two, "x") == "LLA-AJ-250 is named on 2 lines of the text, not one"
    shared = "AW-250 and WP6-100: 6 units\n"
    assert read_confirmation(sent(), shared, "x") == "LLA-AJ-250 shares a line of the text with TAC-6"
    vague = "AW-250 6 units or 12 units\nWP6-100 12 units\n"
    assert (
        read_confirmation(sent(), vague, "x")
        == "no single quantity for LLA-AJ-250 in 'AW-250 6 units or 12 units'"
    )
    dates = "AW-250 6 units, delivery 2026-12-09\nWP6-100 12 units, delivery 2026-12-15\n"
    assert read_confirmation(sent(), dates, "x") == "2 delivery dates in the text, not one"
    refused = "AW-250 6 units\nWP6-100 out of stock, 0 units\n"
    assert (
        read_confirmation(sent(), refused, "x") == "it speaks of refusing or not supplying: a buyer decides"
    )
    draft = sent()
    draft.state = PoState.DRAFT
    assert read_confirmation(draft, "AW-250 6 units\nWP6-100 12 units", "x") == (
        "PO-000007 is draft: only a sent order is confirmed"
    )
