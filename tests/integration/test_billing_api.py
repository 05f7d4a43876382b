"""Payments, invoices, returns and the books through the JSON API, the pages and the `oms billing`
commands."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from oms.cli import main
from tests.conftest import make_user
from tests.integration.billing_support import VISA, invoices, new_order, ship_all
from tests.integration.lifecycle_support import demo_orders, drain_all, state
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def supervisor(books: App) -> TestClient:
    token = make_user(books, "marta", "supervisor")
    return TestClient(create_app(books), headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def clerk(books: App) -> TestClient:
    token = make_user(books, "ana", "clerk")
    return TestClient(create_app(books), headers={"Authorization": f"Bearer {token}"})


def test_a_card_order_through_the_api(books: App, clerk: TestClient) -> None:
    assert clerk.get("/api/billing/customers/C-1002").json()["method"] == "card"
    r = clerk.post(
        "/api/billing/customers/C-1002/card",
        json={"number": "4000 0000 0000 0002", "expiry_month": 12, "expiry_year": 2030},
    )
    assert r.status_code == 200 and r.json() == {
        "card_brand": "visa",
        "card_last4": "0002",
        "retried_orders": [],
    }
    bad = clerk.post(
        "/api/billing/customers/C-1002/card",
        json={"number": "4242424242424241", "expiry_month": 1, "expiry_year": 2030},
    )
    assert bad.status_code == 400 and "not a card number" in bad.json()["detail"]
    order_id = new_order(books, "C-1002", [("BRO-HSS-8", D(4))], "api")
    r = clerk.post("/api/orders/allocate", json={"order_ids": [order_id]})
    assert r.json()["skipped"] == {str(order_id): "order is accepted"}  # waiting for the card
    drain_all(books)
    billing = clerk.get(f"/api/billing/orders/{order_id}").json()
    assert billing["state"] == "on_hold" and billing["payment"]["decline_code"] == "card_declined"
    assert [n["kind"] for n in billing["notices"]] == ["payment_declined"]

    r = clerk.post(
        "/api/billing/customers/C-1002/card", json={"number": VISA, "expiry_month": 12, "expiry_year": 2030}
    )
    assert r.json()["retried_orders"] == [order_id]
    drain_all(books)
    assert state(books, order_id) == "allocated"
    ship_all(books, order_id)
    billing = clerk.get(f"/api/billing/orders/{order_id}").json()
    [invoice] = billing["invoices"]
    assert billing["payment"]["state"] == "captured" and billing["payment"]["captured"] == invoice["total"]
    assert [t["kind"] for t in billing["transactions"]] == ["authorise", "authorise", "capture"]
    assert invoice["state"] == "settled" and invoice["open_amount"] == "0"
    pdf = clerk.get(f"/api/billing/invoices/{invoice['code']}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert clerk.get(f"/api/billing/invoices/{invoice['code']}").json()["lines"][0]["sku"] == "BRO-HSS-8"
    [tb] = clerk.get("/api/billing/trial-balance").json()
    assert tb["difference"] == "0" and tb["debit"] == tb["credit"]
    journal = clerk.get("/api/billing/journal", params={"source": "capture"}).json()
    assert [ln["account"] for ln in journal[0]["lines"]] == ["5729", "430"]


def test_credit_hold_released_by_a_supervisor_not_a_clerk(
    books: App, supervisor: TestClient, clerk: TestClient
) -> None:
    assert clerk.put("/api/billing/customers/C-1001/terms", json={"credit_limit": "50"}).status_code == 403
    r = supervisor.put("/api/billing/customers/C-1001/terms", json={"credit_limit": "50", "terms_days": 45})
    assert r.status_code == 200 and r.json()["credit_limit"] == "50" and r.json()["terms_days"] == 45
    first, _ = demo_orders(books)
    clerk.post("/api/orders/allocate", json={"order_ids": [first]})
    assert state(books, first) == "on_hold"
    assert (
        clerk.post(f"/api/billing/orders/{first}/release-credit", json={"note": "yo misma"}).status_code
        == 403
    )
    page = supervisor.get("/billing")
    assert (
        page.status_code == 200
        and "Release credit hold" in page.text
        and "credit limit exceeded" in page.text
    )
    r = supervisor.post(
        f"/billing/orders/{first}/release-credit", data={"note": "conocido"}, follow_redirects=False
    )
    assert r.status_code == 303 and "released" in r.headers["location"]
    assert state(books, first) == "allocated"
    again = supervisor.post(f"/api/billing/orders/{first}/release-credit", json={})
    assert again.status_code == 409


def test_a_return_credited_to_the_account_and_the_statement(books: App, clerk: TestClient) -> None:
    first, _ = demo_orders(books)
    books.lifecycle.service.start([first], "clerk")
    ship_all(books, first)
    [invoice] = invoices(books, first)
    r = clerk.post(
        "/api/billing/returns",
        json={"order_id": first, "lines": {"3": "1"}, "reason": "caja abollada", "resolution": "credit"},
    )
    assert r.status_code == 201
    rma = r.json()
    assert rma["number"].startswith("RMA-") and rma["state"] == "authorised"
    too_many = clerk.post(
        "/api/billing/returns", json={"order_id": first, "lines": {"3": "4"}, "reason": "x"}
    )
    assert too_many.status_code == 400
    r = clerk.post(
        f"/api/billing/returns/{rma['id']}/receive", json={"lines": [{"position": 3, "quantity": "1"}]}
    )
    assert r.status_code == 200 and r.json()["state"] == "settled"
    billing = clerk.get(f"/api/billing/orders/{first}").json()
    original, note = billing["invoices"]
    assert note["kind"] == "credit_note" and note["total"] == "4.72"  # one box of plugs: 3.90 + 21 %
    assert note["state"] == "settled" and original["paid"] == "4.72"  # offset against the open invoice
    [ageing] = clerk.get("/api/billing/receivables").json()
    assert ageing["party"] == "C-1001" and D(ageing["balance"]) == invoice.total - D("4.72")
    assert ageing["buckets"]["current"] == ageing["balance"]
    statement = clerk.get("/api/billing/customers/C-1001/statement").json()
    assert [ln["kind"] for ln in statement["lines"]] == ["invoice", "credit_note"]
    assert statement["closing"] == ageing["balance"]
    pdf = clerk.get("/api/billing/customers/C-1001/statement", params={"format": "pdf"})
    assert pdf.content.startswith(b"%PDF")
    page = clerk.get("/billing/customers/C-1001")
    assert page.status_code == 200 and "Ferretería Núñez S.L." in page.text and note["code"] in page.text


def test_supplier_invoices_and_payables(books: App, clerk: TestClient, supervisor: TestClient) -> None:
    body = {
        "supplier_id": "P-100",
        "number": "FV-889",
        "issue_date": "2026-11-20",
        "due_date": "2026-12-20",
        "net": "1000.00",
        "tax": "210.00",
    }
    assert clerk.post("/api/billing/supplier-invoices", json=body).status_code == 201
    assert clerk.post("/api/billing/supplier-invoices", json=body).status_code == 400  # recorded already
    payment = {"supplier_id": "P-100", "amount": "500.00", "reference": "T-1"}
    assert clerk.post("/api/billing/supplier-payments", json=payment).status_code == 403  # a supervisor's
    r = supervisor.post("/api/billing/supplier-payments", json=payment)
    assert r.status_code == 201 and r.json() == {"applied": "500.00"}
    [payable] = clerk.get("/api/billing/payables").json()
    assert (
        payable["party"] == "P-100" and payable["balance"] == "710" and payable["buckets"]["current"] == "710"
    )
    [tb] = clerk.get("/api/billing/trial-balance").json()
    assert tb["difference"] == "0"


def test_the_billing_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")

    def oms(*argv: str) -> str:
        assert main(list(argv)) == 0, argv
        return capsys.readouterr().out

    out = oms("demo")  # loads costs and terms, takes order 1 to delivered, invoiced, paid and closed
    assert re.search(r"invoiced F\d{4}-000001: net [\d.]+ \+ VAT [\d.]+ = [\d.]+ EUR", out)
    assert "paid and delivered -> closed" in out and "difference 0.00" in out
    assert "C-1001: on_account, net 30 days, limit 5000" in oms("billing", "terms", "C-1001")
    assert "C-1001: on_account, net 30 days, limit 10 EUR" in oms(
        "billing", "terms", "C-1001", "--limit", "10"
    )
    oms("allocate", "2")
    assert "on_hold" in oms("order", "2")
    # only a supervisor releases a credit hold: not a name nobody has, not a clerk
    assert main(["billing", "release-credit", "2", "--actor", "marta"]) == 2
    assert "no active supervisor" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    oms("user", "create", "marta", "--role", "clerk", "--password-stdin")
    assert main(["billing", "release-credit", "2", "--actor", "marta"]) == 2
    assert "no active supervisor" in capsys.readouterr().err
    assert "on_hold" in oms("order", "2")
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    oms("user", "create", "sofia", "--role", "supervisor", "--password-stdin")
    assert "order 2: allocated (credit hold released by sofia)" in oms(
        "billing", "release-credit", "2", "--actor", "Sofia"
    )
    assert re.search(r"F\d{4}-000001 +\S+ +C-1001", oms("billing", "invoices"))
    tb = oms("billing", "trial-balance")
    assert re.search(r"total EUR +([\d.]+) +\1 +0\.00", tb)
    assert "10.00 EUR from C-1001 recorded" in oms("billing", "pay", "C-1001", "10.00", "--ref", "TRF-9")
    assert re.search(r"C-1001 +-10\.00 +-10\.00", oms("billing", "ageing"))  # paid in advance: a credit
    statement = oms("billing", "statement", "C-1001")
    assert "closing -10.00 EUR" in statement and list(
        (tmp_path / "var" / "print" / "statements").glob("*.pdf")
    )
    assert main(["billing", "card", "C-1002", "1234", "12/30"]) == 2
    assert "not a card number" in capsys.readouterr().err


def test_the_products_file_may_carry_cost_and_vat_class(books: App) -> None:
    from core.billing.domain.ledger import GRNI, INVENTORY, STOCK_DIFFERENCES
    from core.catalog.services.masterdata import import_csv
    from core.kernel.errors import MasterDataError
    from tests.conftest import SAMPLES
    from tests.integration.billing_support import account_balance

    inventory = account_balance(books, INVENTORY)
    text = (
        "sku,name,description_en,gtin,unit,price,currency,cost_price,vat_class\n"
        "TAC-6,Taco de nailon 6 mm (caja 100),Nylon wall plug 6 mm (box of 100),8437000100140,CAJ,3.90,EUR,"
        "2.05,10\n"
        "PAN-INT,Pan integral,Wholemeal bread,,UD,1.20,EUR,0.60,superreducido\n"
    )
    import_csv(books.uow(), "products", text)
    with books.uow() as uow:
        plugs, bread = uow.master.product("TAC-6"), uow.master.product("PAN-INT")
        assert plugs is not None and bread is not None
        assert (plugs.cost_price, plugs.vat_class, bread.vat_class) == (D("2.05"), "reduced", "super_reduced")
    # 100 plugs on hand (60 + 40) went from 1.95 to 2.05: revalued by 10.00 against stock differences
    assert account_balance(books, INVENTORY) == inventory + D("10.00")
    assert account_balance(books, STOCK_DIFFERENCES) == D("-10.00") and account_balance(books, GRNI) < 0
    import_csv(books.uow(), "products", (SAMPLES / "masterdata" / "products.csv").read_text(encoding="utf-8"))
    with books.uow() as uow:  # the contract's file has no cost column: the cost stays
        plugs = uow.master.product("TAC-6")
        assert plugs is not None and plugs.cost_price == D("2.05") and plugs.vat_class == "reduced"
    with pytest.raises(MasterDataError, match="row 2"):
        import_csv(
            books.uow(),
            "products",
            "sku,name,description_en,gtin,unit,price,currency,vat_class\nX,x,,,,1,EUR,7\n",
        )
