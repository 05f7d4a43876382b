"""Landed cost: the carriage and duties on a supplier's invoice are spread over the goods the order
brought in and raise their standard cost; the books still balance. Figures worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.billing.domain.ledger import COGS, GRNI, INPUT_VAT, INVENTORY, PAYABLE
from core.purchasing.domain.landed import Basis, Charge
from core.purchasing.domain.receiving import Counted
from oms.bootstrap import App
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.helpers import arrive
from tests.integration.lifecycle_support import demo_orders, drain_all
from tests.integration.purchasing_support import interchange, po, shop

pytestmark = pytest.mark.integration
D = Decimal


def _received(app: App) -> str:
    """S-HERR's order for the waiting demo orders (LLA-AJ-250 6 at 6.40, TAC-6 12 at 1.82), all received;
    standard costs 5.00 and 0.40, so receiving puts 6 x 5.00 + 12 x 0.40 = 34.80 into inventory."""
    shop(app, stock=False)
    app.billing.service.set_cost("LLA-AJ-250", D("5.00"), "ana")
    app.billing.service.set_cost("TAC-6", D("0.40"), "ana")
    app.lifecycle.service.start(demo_orders(app), "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    number = next(p.number for p in made if p.supplier_id == "S-HERR")
    app.purchasing.service.approve(number, "ana")
    drain_all(app)
    app.purchasing.service.receive(number, [Counted("LLA-AJ-250", D(6)), Counted("TAC-6", D(12))], "ana")
    drain_all(app)
    assert account_balance(app, INVENTORY) == D("34.80")
    return number


def _cost(app: App, sku: str) -> Decimal | None:
    with app.uow() as uow:
        product = uow.master.product(sku)
        assert product is not None
        return product.cost_price


def test_carriage_and_duties_spread_by_value_raise_the_standard_costs(app: App) -> None:
    number = _received(app)
    charges = [Charge("carriage", D("12.00")), Charge("duties", D("3.00"))]
    lines = [("LLA-AJ-250", D(6), D("6.40")), ("TAC-6", D(12), D("1.82"))]
    doc = app.purchasing.service.type_invoice(number, "FH-77", lines, "ana", charges=charges, tax=D("15.80"))
    assert doc.state == "matched"
    # goods 38.40 + 21.84 = 60.24; charges 15.00 by value: 15.00 x 38.40 / 60.24 = 9.5617… -> 9.56 for the
    # wrenches, the remainder 5.44 for the nails
    done = po(app, number)
    assert [(line.sku, line.landed) for line in done.lines] == [
        ("LLA-AJ-250", D("9.56")),
        ("TAC-6", D("5.44")),
    ]
    # all of it still on hand: 5.00 + 9.56 / 6 = 6.593333…; 0.40 + 5.44 / 12 = 0.853333…
    assert _cost(app, "LLA-AJ-250") == D("6.593333")
    assert _cost(app, "TAC-6") == D("0.853333")
    # 6 x 1.593333 = 9.559998 -> 9.56 and 12 x 0.453333 = 5.439996 -> 5.44: inventory 34.80 + 15.00
    assert account_balance(app, INVENTORY) == D("49.80")
    # the supplier is owed goods, charges and VAT: 60.24 + 15.00 + 15.80 = 91.04
    assert account_balance(app, PAYABLE) == D("-91.04")
    assert account_balance(app, INPUT_VAT) == D("15.80")
    # received at 34.80 standard, invoiced 75.24, 15.00 of it landed: 60.24 - 34.80 = 25.44 is the price
    # paid over standard, as before landed cost
    assert account_balance(app, GRNI) == D("25.44")
    assert "landed" in [e.step for e in done.events]
    assert_trial_balance_zero(app)


def test_by_quantity_and_charges_on_goods_already_gone_go_to_cost_of_sales(app: App) -> None:
    number = _received(app)
    with app.uow() as uow:
        [level] = [lv for lv in uow.stock.levels(sku="TAC-6") if lv.on_hand]
    # 8 of the 12 nails are gone before the invoice comes (a count found them missing): 4 stay on hand
    app.lifecycle.service.adjust("TAC-6", "MAD", level.location, D(-8), "ana", "count")
    lines = [("LLA-AJ-250", D(6), D("6.40")), ("TAC-6", D(12), D("1.82"))]
    app.purchasing.service.type_invoice(
        number, "FH-78", lines, "ana", charges=[Charge("carriage", D("9.00"))], basis=Basis.QUANTITY
    )
    # 9.00 x 6 / 18 = 3.00 for the wrenches, 6.00 for the nails
    assert [(line.sku, line.landed) for line in po(app, number).lines] == [
        ("LLA-AJ-250", D("3.00")), ("TAC-6", D("6.00")),
    ]  # fmt: skip
    assert _cost(app, "LLA-AJ-250") == D("5.500000")  # 5.00 + 3.00 / 6
    # the nails: 4 of the 12 still here carry 6.00 x 4 / 12 = 2.00 (0.40 + 2.00 / 4 = 0.90), the 4.00 of the
    # 8 gone is cost of sales
    assert _cost(app, "TAC-6") == D("0.900000")
    assert account_balance(app, COGS) == D("4.00")
    assert_trial_balance_zero(app)


def test_an_edifact_invoices_carriage_and_duties_come_in_as_landed_cost(app: App) -> None:
    shop(app, stock=False)
    app.billing.service.set_cost("TOR-M8-40", D("0.08"), "ana")
    app.billing.service.set_cost("TUE-M8", D("0.02"), "ana")
    app.lifecycle.service.start(demo_orders(app), "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    number = next(p.number for p in made if p.supplier_id == "S-TORN")  # TOR-M8-40 1000, TUE-M8 2000
    app.purchasing.service.approve(number, "ana")
    drain_all(app)
    counts = [Counted("TOR-M8-40", D(1000)), Counted("TUE-M8", D(2000))]
    app.purchasing.service.receive(number, counts, "ana", reference="ALB-1")
    drain_all(app)
    # goods 1000 x 0.085 + 2000 x 0.021 = 127.00; carriage 10.00 and duties 2.70 (ALC C FC / ABW, MOA 23);
    # taxable 139.70, VAT 21 % 29.34, total 169.04
    invoic = (
        f"BGM+380+FV-26-4001+9'DTM+137:20261210:102'RFF+ON:{number}'CUX+2:EUR:4'"
        "ALC+C++++FC'MOA+23:10.00'ALC+C++++ABW'MOA+23:2.70'"
        "LIN+1++8437000100102:EN'QTY+47:1000'MOA+203:85'PRI+AAA:0.085'"
        "LIN+2++8437000100126:EN'QTY+47:2000'MOA+203:42'PRI+AAA:0.021'"
        "UNS+S'MOA+79:127'MOA+125:139.70'MOA+176:29.34'MOA+77:169.04'"
    )
    arrive(app, interchange("INVOIC", invoic, "904"), "invoic.edi")
    drain_all(app)
    done = po(app, number)
    assert done.state == "invoiced"
    # by value: 12.70 x 85 / 127 = 8.50 for the bolts, 4.20 for the nuts
    assert [(line.sku, line.landed) for line in done.lines] == [
        ("TOR-M8-40", D("8.50")),
        ("TUE-M8", D("4.20")),
    ]
    assert _cost(app, "TOR-M8-40") == D("0.088500")  # 0.08 + 8.50 / 1000
    assert _cost(app, "TUE-M8") == D("0.022100")  # 0.02 + 4.20 / 2000
    with app.uow() as uow:
        [posted] = uow.billing.supplier_invoices("S-TORN")
        assert (posted["net"], posted["tax"], posted["total"]) == (D("139.70"), D("29.34"), D("169.04"))
    assert account_balance(app, PAYABLE) == D("-169.04")
    # 80.00 + 40.00 at standard on receipt, then 12.70 landed
    assert account_balance(app, INVENTORY) == D("132.70")
    assert_trial_balance_zero(app)
