"""Goods in against a purchase order, by the rules written out: a delivery is taken only on an order
sent to the supplier (or confirmed, or partly received); every product counted must be on the order,
with counts that are not below zero and not both zero; good units are received, damaged ones are kept
apart (never received); what comes beyond the outstanding quantity is recorded as over, and a short
delivery is taken as counted."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder
from core.purchasing.domain.receiving import Counted, apply_counts

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
D = Decimal


def order(state: PoState = PoState.CONFIRMED) -> PurchaseOrder:
    po = PurchaseOrder("PO-000012", "S-TORN", "MAD", "EUR", NOW, state=state)
    po.lines += [
        PoLine(1, "TOR-M8-40", "TE-0840Z", D(1000), D("0.085")),
        PoLine(2, "TUE-M8", "TU-08Z", D(2000), D("0.021")),
    ]
    return po


def test_good_damaged_and_over_per_line() -> None:
    po = order()
    rows = apply_counts(po, [Counted("TOR-M8-40", D(990), D(20)), Counted("TUE-M8", D(1500))])
    # bolts: 990 + 20 = 1010 arrived against 1000 outstanding: 10 over; nuts: 500 short, taken as counted
    assert rows == [
        {"sku": "TOR-M8-40", "good": "990", "damaged": "20", "over": "10"},
        {"sku": "TUE-M8", "good": "1500", "damaged": "0", "over": "0"},
    ]
    bolts, nuts = po.lines
    assert (bolts.received, bolts.damaged, bolts.outstanding) == (D(990), D(20), D(10))
    assert (nuts.received, nuts.damaged, nuts.outstanding) == (D(1500), D(0), D(500))


def test_a_second_delivery_counts_over_against_what_is_still_outstanding() -> None:
    po = order()
    apply_counts(po, [Counted("TUE-M8", D(1500))])
    [row] = apply_counts(po, [Counted("TUE-M8", D(600))])
    assert row["over"] == "100"  # 500 outstanding, 600 came
    assert po.lines[1].received == D(2100)


@pytest.mark.parametrize("state", [PoState.SENT, PoState.CONFIRMED, PoState.PARTLY_RECEIVED])
def test_goods_are_taken_on_an_order_the_supplier_has(state: PoState) -> None:
    assert apply_counts(order(state), [Counted("TUE-M8", D(1))])[0]["good"] == "1"


@pytest.mark.parametrize("state", [PoState.DRAFT, PoState.APPROVED, PoState.RECEIVED, PoState.CANCELLED])
def test_no_goods_on_an_order_not_sent_or_finished(state: PoState) -> None:
    with pytest.raises(IllegalPoTransition, match=f"PO-000012 is {state}"):
        apply_counts(order(state), [Counted("TUE-M8", D(1))])


def test_a_product_not_on_the_order_or_a_count_below_zero_or_of_nothing_is_refused() -> None:
    po = order()
    with pytest.raises(PurchasingError, match="LLA-AJ-250 is not on purchase order PO-000012"):
        apply_counts(po, [Counted("LLA-AJ-250", D(5))])
    for good, damaged in ((D(-1), D(0)), (D(5), D(-1)), (D(0), D(0))):
        with pytest.raises(PurchasingError, match=f"TUE-M8: counts must be positive, not {good}/{damaged}"):
            apply_counts(po, [Counted("TUE-M8", good, damaged)])
    assert (po.lines[1].received, po.lines[1].damaged) == (D(0), D(0))
    # only damaged units is a delivery too
    assert apply_counts(po, [Counted("TUE-M8", D(0), D(3))])[0]["damaged"] == "3"
