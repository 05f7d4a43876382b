"""Segregation of duties for money, as an auditor expects it: refunds, write-offs, supplier payments and
credit releases are a supervisor's; above `OMS_SECOND_APPROVAL_ABOVE` (50 EUR here) a second
supervisor, never the one who asked, approves before anything is posted; the books name both."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.billing.domain.returns import Receipt, Resolution, ReturnState
from core.kernel.errors import NotPermitted
from oms.bootstrap import App
from oms.cli import main
from tests.conftest import make_user
from tests.integration.billing_support import (
    card_order,
    invoices,
    new_order,
    payment,
    ship_all,
)
from tests.integration.lifecycle_support import demo_orders, drain_all, state
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal
SUPPLIER_INVOICE = {
    "supplier_id": "P-100",
    "number": "FV-1",
    "issue_date": "2026-11-20",
    "due_date": "2026-12-20",
    "net": "1000.00",
    "tax": "210.00",
}


@pytest.fixture
def books(books_second_approval: App) -> App:
    return books_second_approval


def client(app: App, name: str, role: str) -> TestClient:
    return TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app, name, role)}"})


@pytest.fixture
def people(books: App) -> tuple[TestClient, TestClient, TestClient]:
    """Ana the clerk, Marta and Sofía the supervisors."""
    return (
        client(books, "ana", "clerk"),
        client(books, "marta", "supervisor"),
        client(books, "sofia", "supervisor"),
    )


def journal(app: App, source: str) -> list[tuple[str, str]]:
    with app.uow() as uow:
        return [(e.actor, e.description) for e in uow.ledger.entries(limit=1000, source=source)]


def open_invoice(app: App) -> str:
    """A demo order shipped and invoiced, nothing paid: its invoice code."""
    first, _ = demo_orders(app)
    app.lifecycle.service.start([first], "clerk")
    ship_all(app, first)
    [invoice] = invoices(app, first)
    assert invoice.open_amount > 50  # above the threshold of these tests
    return invoice.code


def held_order(app: App) -> int:
    """An order of 1,585.10 held over C-1001's limit of 1,500."""
    app.billing.service.set_terms("C-1001", credit_limit=D("1500.00"))
    order_id = new_order(app, "C-1001", [("SIL-TRA-300", D(150)), ("GUA-NIT-L", D(80))], "big")
    app.lifecycle.service.start([order_id], "clerk")
    assert state(app, order_id) == "on_hold"
    return order_id


def test_a_clerk_takes_none_of_the_four_steps(books: App, people: tuple[TestClient, ...]) -> None:
    ana, _, _ = people
    assert ana.post("/api/billing/supplier-invoices", json=SUPPLIER_INVOICE).status_code == 201  # may record
    code, order_id = open_invoice(books), held_order(books)
    before = {s: journal(books, s) for s in ("supplier_payment", "write_off")}
    pay = {"supplier_id": "P-100", "amount": "50.00", "reference": "T-1"}
    assert ana.post("/api/billing/supplier-payments", json=pay).status_code == 403
    assert ana.post(f"/api/billing/invoices/{code}/write-off", json={}).status_code == 403
    assert ana.post(f"/api/billing/orders/{order_id}/release-credit", json={}).status_code == 403
    bill = books.billing.service  # what every page and command goes through refuses her too
    for name in ("ana", "nobody", ""):
        with pytest.raises(NotPermitted, match="only a supervisor"):
            bill.pay_supplier("P-100", D("50.00"), "EUR", "T-1", name)
        with pytest.raises(NotPermitted):
            bill.write_off(code, "no paga", name)
        with pytest.raises(NotPermitted):
            bill.release_credit_hold(order_id, name)
    assert {s: journal(books, s) for s in before} == before
    assert bill.approvals() == [] and state(books, order_id) == "on_hold"
    assert ana.get(f"/api/billing/invoices/{code}").json()["state"] == "open"


def test_a_supervisor_alone_up_to_the_threshold(books: App, people: tuple[TestClient, ...]) -> None:
    ana, marta, _ = people
    assert ana.post("/api/billing/supplier-invoices", json=SUPPLIER_INVOICE).status_code == 201
    pay = {"supplier_id": "P-100", "amount": "50.00", "reference": "T-1"}  # not above 50
    r = marta.post("/api/billing/supplier-payments", json=pay)
    assert r.status_code == 201 and r.json() == {"applied": "50.00"}
    [(actor, description)] = journal(books, "supplier_payment")
    assert actor == "marta" and "P-100" in description
    assert books.billing.service.approvals() == []


def test_a_supplier_payment_above_the_threshold_needs_a_second_supervisor(
    books: App, people: tuple[TestClient, ...]
) -> None:
    ana, marta, sofia = people
    assert ana.post("/api/billing/supplier-invoices", json=SUPPLIER_INVOICE).status_code == 201
    r = marta.post(
        "/api/billing/supplier-payments", json={"supplier_id": "P-100", "amount": "50.01", "reference": "T-2"}
    )
    assert r.status_code == 202, r.text
    waiting = r.json()
    assert (waiting["step"], waiting["amount"], waiting["requested_by"], waiting["state"]) == (
        "supplier_payment", "50.01", "marta", "pending",
    )  # fmt: skip
    assert journal(books, "supplier_payment") == []  # nothing paid yet
    [payable] = ana.get("/api/billing/payables").json()
    assert D(payable["balance"]) == D("1210.00")
    approve = f"/api/billing/approvals/{waiting['id']}/approve"
    assert marta.post(approve).status_code == 403  # not her own request
    assert ana.post(approve).status_code == 403  # not a clerk
    assert journal(books, "supplier_payment") == []
    r = sofia.post(approve)
    assert r.status_code == 200 and (r.json()["state"], r.json()["approved_by"]) == ("approved", "sofia")
    [(actor, description)] = journal(books, "supplier_payment")
    assert actor == "marta/sofia" and "solicitado por marta, aprobado por sofia" in description
    [payable] = ana.get("/api/billing/payables").json()
    assert D(payable["balance"]) == D("1159.99")
    assert sofia.post(approve).status_code == 409  # once only: nothing paid twice
    assert len(journal(books, "supplier_payment")) == 1


def test_a_write_off_above_the_threshold_waits_for_the_second(
    books: App, people: tuple[TestClient, ...]
) -> None:
    _, marta, sofia = people
    code = open_invoice(books)
    r = marta.post(f"/api/billing/invoices/{code}/write-off", json={"note": "cliente en concurso"})
    assert r.status_code == 202 and r.json()["step"] == "write_off"
    assert journal(books, "write_off") == []
    assert sofia.post(f"/api/billing/approvals/{r.json()['id']}/approve").status_code == 200
    [(actor, description)] = journal(books, "write_off")
    assert (
        actor == "marta/sofia"
        and "aprobado por sofia" in description
        and "cliente en concurso" in description
    )
    assert sofia.get(f"/api/billing/invoices/{code}").json()["state"] == "settled"


def test_a_credit_release_above_the_threshold_names_both_in_the_order_history(
    books: App, people: tuple[TestClient, ...]
) -> None:
    _, marta, sofia = people
    order_id = held_order(books)
    r = marta.post(f"/api/billing/orders/{order_id}/release-credit", json={"note": "paga siempre"})
    assert r.status_code == 202 and (D(r.json()["amount"]), r.json()["subject"]) == (
        D("1585.10"),
        str(order_id),
    )
    assert state(books, order_id) == "on_hold"
    assert [a["id"] for a in sofia.get("/api/billing/approvals").json()] == [r.json()["id"]]
    assert sofia.post(f"/api/billing/approvals/{r.json()['id']}/approve").status_code == 200
    assert state(books, order_id) == "allocated"
    with books.uow() as uow:
        override = uow.billing.credit_override(order_id)
        released = [e for e in uow.fulfilment.events(order_id) if e.step == "release_hold"]
    assert override is not None and override.by == "marta/sofia" and "aprobado por sofia" in override.note
    assert [e.actor for e in released] == ["marta/sofia"]
    assert sofia.get("/api/billing/approvals").json() == []


def test_refunds_follow_the_same_rule(books: App) -> None:
    make_user(books, "marta", "supervisor")
    bill = books.billing.service
    order_id = card_order(books)
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    ship_all(books, order_id)
    rma = bill.authorise_return(order_id, {1: D(2)}, "defectuosas", Resolution.REFUND, "clerk")
    assert rma.id is not None
    bill.receive_return(rma.id, [Receipt(1, D(2))], "marta")  # 30.98: within 50
    drain_all(books)
    refunded = payment(books, order_id)
    assert refunded is not None and refunded.refunded == D("30.98")
    with books.uow() as uow:
        settled = uow.billing.return_request(rma.id)
        assert settled is not None and settled.state is ReturnState.SETTLED
    assert bill.approvals() == []


def test_a_refund_above_the_threshold_is_not_approved_by_who_asked(books: App) -> None:
    make_user(books, "marta", "supervisor")
    make_user(books, "sofia", "supervisor")
    bill = books.billing.service
    order_id = card_order(books, lines=[("LLA-AJ-250", D(5))], tag="five")
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    ship_all(books, order_id)
    rma = bill.authorise_return(order_id, {1: D(5)}, "pedido duplicado", Resolution.REFUND, "clerk")
    assert rma.id is not None
    bill.receive_return(rma.id, [Receipt(1, D(5))], "marta")  # 5 x 12.80 + 21 % = 77.44: above 50
    drain_all(books)
    [waiting] = bill.approvals(pending_only=True)
    assert (waiting.step, waiting.amount, waiting.requested_by) == ("refund", D("77.44"), "marta")
    assert waiting.id is not None
    with pytest.raises(NotPermitted, match="second person"):
        bill.approve(waiting.id, "marta")
    refunds = payment(books, order_id)
    assert refunds is not None and refunds.refunded == 0 and journal(books, "refund") == []
    bill.approve(waiting.id, "sofia")
    drain_all(books)
    refunds = payment(books, order_id)
    assert refunds is not None and refunds.refunded == D("77.44")
    [(actor, _)] = journal(books, "refund")
    assert actor == "marta/sofia"


def test_the_commands_obey_the_same_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")
    monkeypatch.setenv("OMS_SECOND_APPROVAL_ABOVE", "50")

    def oms(*argv: str) -> str:
        assert main(list(argv)) == 0, argv
        return capsys.readouterr().out

    def refused(*argv: str) -> str:
        assert main(list(argv)) == 2, argv
        return capsys.readouterr().err

    for name, role in (("ana", "clerk"), ("marta", "supervisor"), ("sofia", "supervisor")):
        monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
        oms("user", "create", name, "--role", role, "--password-stdin")
    oms("billing", "supplier-invoice", "P-100", "FV-1", "1000.00", "210.00")  # a clerk's (the command's)
    pay = ("billing", "supplier-payment", "P-100")
    assert "no active supervisor" in refused(*pay, "40.00", "--ref", "T-1", "--actor", "ana")
    assert "no active supervisor" in refused(*pay, "40.00", "--ref", "T-1", "--actor", "marta-no-existe")
    assert "no active supervisor" in refused(
        "billing", "write-off", "F2026-000001", "--reason", "x", "--actor", "ana"
    )
    assert "supplier_payment" not in oms("billing", "trial-balance") and oms("billing", "approvals") == ""
    assert "40.00 EUR paid to P-100; 40.00 applied" in oms(*pay, "40.00", "--ref", "T-1", "--actor", "marta")
    out = oms(*pay, "60.00", "--ref", "T-2", "--actor", "marta")
    found = re.search(
        r"supplier_payment of 60\.00 EUR \(P-100\) waits for a second supervisor: oms billing approve (\d+)",
        out,
    )
    assert found, out
    assert re.search(r"P-100 +1170\.00", oms("billing", "ageing", "--payables"))  # 1,210 - 40: not yet 60
    assert "second person" in refused("billing", "approve", found[1], "--actor", "marta")
    assert "no active supervisor" in refused("billing", "approve", found[1], "--actor", "ana")
    assert "asked by marta, approved by sofia" in oms("billing", "approve", found[1], "--actor", "sofia")
    assert re.search(r"P-100 +1110\.00", oms("billing", "ageing", "--payables"))
    assert "asked by marta, approved by sofia" in oms("billing", "approvals", "--all")
    assert "given already" in refused("billing", "approve", found[1], "--actor", "sofia")
