"""Damaged goods received against a purchase order go into the stock ledger at the warehouse's
quarantine location: on hand and valued at standard cost, but never available to promise or
allocate. A buyer releases them to available stock (they then serve backorders) or writes them off
(the loss is posted to goods scrapped). On PostgreSQL, where allocation locks its rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.billing.domain.ledger import GRNI, INVENTORY, WRITE_OFFS
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.receiving import Counted
from oms.bootstrap import App
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, state
from tests.integration.purchasing_support import po, shop

pytestmark = pytest.mark.integration
D = Decimal


def _herr_order(app: App) -> tuple[str, list[int]]:
    """The demo orders wait for stock; planning proposes S-HERR's order (LLA-AJ-250 6, TAC-6 12), sent."""
    shop(app, stock=False)
    app.billing.service.set_cost("LLA-AJ-250", D("5.00"), "ana")  # no stock yet: nothing is revalued
    app.billing.service.set_cost("TAC-6", D("0.40"), "ana")
    orders = demo_orders(app)
    app.lifecycle.service.start(orders, "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    number = next(p.number for p in made if p.supplier_id == "S-HERR")
    app.purchasing.service.approve(number, "ana")
    drain_all(app)
    assert po(app, number).state == "sent"
    return number, orders


def _levels(app: App, sku: str) -> dict[str, tuple[Decimal, Decimal]]:
    with app.uow() as uow:
        return {lv.location: (lv.on_hand, lv.allocated) for lv in uow.stock.levels(sku=sku, warehouse="MAD")}


def test_ten_good_and_two_damaged_then_the_two_are_written_off(pg_app: App) -> None:
    app = pg_app
    number, _ = _herr_order(app)
    svc = app.purchasing.service
    svc.receive(number, [Counted("LLA-AJ-250", D(10), D(2))], "ana", reference="ALB-9")
    drain_all(app)
    levels = _levels(app, "LLA-AJ-250")
    assert levels["CUARENTENA"] == (D(2), D(0))
    [shelf] = [loc for loc in levels if loc != "CUARENTENA"]
    assert levels[shelf] == (D(10), D(6))  # the demo orders' 6 wrenches came off the 10 good ones
    with app.uow() as uow:
        assert uow.stock.available_to_promise(["LLA-AJ-250"]) == {"LLA-AJ-250": D(4)}  # 10 - 6; not 6
    assert [(h.sku, h.location, h.on_hand) for h in svc.held("MAD")] == [("LLA-AJ-250", "CUARENTENA", D(2))]
    # every unit received is valued at the standard 5.00: 12 x 5.00 into inventory, owed to the supplier
    assert account_balance(app, INVENTORY) == D("60.00")
    assert account_balance(app, GRNI) == D("-60.00")

    with pytest.raises(PurchasingError, match="holds 2 of LLA-AJ-250 in quarantine, not 3"):
        svc.write_off("LLA-AJ-250", "MAD", D(3), "ana")
    svc.write_off("LLA-AJ-250", "MAD", D(2), "ana")
    assert _levels(app, "LLA-AJ-250")["CUARENTENA"] == (D(0), D(0))
    assert svc.held("MAD") == []
    assert account_balance(app, WRITE_OFFS) == D("10.00")  # the loss: 2 x 5.00
    assert account_balance(app, INVENTORY) == D("50.00")
    assert_trial_balance_zero(app)


def test_damaged_units_serve_no_order_until_a_buyer_releases_them(pg_app: App) -> None:
    app = pg_app
    number, orders = _herr_order(app)
    svc = app.purchasing.service
    svc.receive(number, [Counted("TAC-6", D(0), D(12))], "ana", reference="ALB-10")  # the whole box dented
    drain_all(app)
    assert _levels(app, "TAC-6") == {"CUARENTENA": (D(12), D(0))}
    waiting = [o for o in orders if state(app, o) == "backordered"]
    assert waiting  # the order that wants TAC-6 still waits: quarantine is no stock to allocate
    assert not [a for o in orders for a in allocations(app, o) if a.sku == "TAC-6"]
    with app.uow() as uow:
        assert uow.stock.available_to_promise(["TAC-6"]) == {}  # held units count for nothing

    with pytest.raises(PurchasingError, match="the quarantine; release the goods to another place"):
        svc.release("TAC-6", "MAD", D(12), "ana", to="CUARENTENA")
    place = svc.release("TAC-6", "MAD", D(12), "ana", to="A-01")
    drain_all(app)
    assert place == "A-01"
    assert _levels(app, "TAC-6") == {"CUARENTENA": (D(0), D(0)), "A-01": (D(12), D(4))}  # the order's 4
    assert [a.quantity for o in orders for a in allocations(app, o) if a.sku == "TAC-6"] == [D(4)]
    # a transfer within the warehouse moves no value: 12 x 0.40 stays in inventory
    assert account_balance(app, INVENTORY) == D("4.80")
    assert account_balance(app, WRITE_OFFS) == D(0)
    assert_trial_balance_zero(app)
