"""Supplier credit notes take back out of accounts payable what a supplier invoiced and we were not
owed (units that never came, units that came damaged and are held): typed by a buyer (service, CLI,
API), sent as an EDIFACT INVOIC with BGM 381, or e-mailed as a PDF titled "Nota de crédito". A sure
one that matches is posted as the reverse of the invoice and applied to the invoice it corrects; one
that takes back more than that, or whose sums do not add up, waits for a buyer. The same credit note
twice is one. Every amount is worked out by hand from the business rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.billing.domain.ledger import GRNI, INPUT_VAT, PAYABLE
from core.billing.services import books
from core.purchasing.domain.answers import AnswerKind, SupplierDocument
from core.purchasing.domain.answers import DocumentState as DocState
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.orders import PurchaseOrder
from core.purchasing.domain.receiving import Counted
from oms.bootstrap import App
from oms.cli import main
from tests.conftest import make_user
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.helpers import arrive as arrive_edi
from tests.integration.lifecycle_support import demo_orders, drain_all
from tests.integration.purchasing_support import interchange, po, shop
from tests.integration.test_purchasing_mailed import supplier_documents
from tests.integration.test_purchasing_supplier_invoices import _sent, arrive, mailed, supplier_pdf
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal
WRENCH, PLUGS = "LLA-AJ-250", "TAC-6"  # S-HERR's AW-250 at 6.40 and WP6-100 at 1.82


@pytest.fixture
def app(supplier_mail_shop: App) -> App:
    return supplier_mail_shop


def credits(app: App) -> list[SupplierDocument]:
    return [d for d in supplier_documents(app) if d.kind is AnswerKind.CREDIT]


def open_payables(app: App, supplier: str) -> dict[str, Decimal]:
    """What each of the supplier's documents leaves open in the payables ageing, by number."""
    with app.uow() as uow:
        ageing = {a.party: a for a in books.payables(uow, date(2026, 12, 31))}
    return {i.document: i.open for i in ageing[supplier].items} if supplier in ageing else {}


def _invoiced_with_damage(app: App) -> str:
    """S-HERR's order: 4 wrenches came good and 2 damaged (held in quarantine), 12 plugs good. Their
    invoice FH-40 charges all 6 wrenches and the plugs: 6 x 6.40 + 12 x 1.82 = 38.40 + 21.84 = 60.24, VAT
    21 % 12.6504 -> 12.65, 72.89 in all; it waits (2 damaged units are not owed) and a buyer accepts it,
    so 2 wrenches, 12.80 net, are invoiced and not owed: the credit expected."""
    number, _ = _sent(app)
    app.purchasing.service.receive(number, [Counted(WRENCH, D(4), D(2)), Counted(PLUGS, D(12))], "ana")
    drain_all(app)
    lines = [(WRENCH, D(6), D("6.40")), (PLUGS, D(12), D("1.82"))]
    invoice = app.purchasing.service.type_invoice(number, "FH-40", lines, "luis", tax=D("12.65"))
    assert invoice.state == DocState.MISMATCH
    app.purchasing.service.decide_invoice(invoice.id or 0, True, "luis")
    assert account_balance(app, PAYABLE) == D("-72.89")
    wrench = po(app, number).line_for(WRENCH)
    assert wrench is not None and (wrench.credit_expected, wrench.creditable) == (D(2), D(2))
    return number


# the credit note for the 2 damaged wrenches: 2 x 6.40 = 12.80, VAT 21 % 2.688 -> 2.69, 15.49 in all;
# afterwards the supplier is owed 72.89 - 15.49 = 57.40 and input VAT is 12.65 - 2.69 = 9.96
def _credited_in_full(app: App, number: str) -> None:
    assert account_balance(app, PAYABLE) == D("-57.40")
    assert account_balance(app, INPUT_VAT) == D("9.96")
    assert account_balance(app, GRNI) == D("47.44")  # no standard costs here: 60.24 invoiced - 12.80 back
    assert open_payables(app, "S-HERR") == {"FH-40": D("57.40")}  # the invoice's open amount dropped
    wrench = po(app, number).line_for(WRENCH)
    assert wrench is not None
    assert (wrench.credited, wrench.credit_expected, wrench.creditable) == (D(2), D(0), D(0))
    assert_trial_balance_zero(app)


def test_a_typed_credit_note_for_damaged_units_takes_them_back_out_of_payables(app: App) -> None:
    number = _invoiced_with_damage(app)
    doc = app.purchasing.service.type_credit_note(
        number, "AB-1", [(WRENCH, D(2), D("6.40"))], "luis", tax=D("2.69"), corrects="FH-40"
    )
    assert (doc.kind, doc.state, doc.detail["corrects"]) == (AnswerKind.CREDIT, DocState.MATCHED, "FH-40")
    _credited_in_full(app, number)
    assert "credit" in [e.step for e in po(app, number).events]
    # the same credit note typed again is refused; the books are as they were
    with pytest.raises(PurchasingError, match="recorded already"):
        app.purchasing.service.type_credit_note(number, "AB-1", [(WRENCH, D(2), D("6.40"))], "luis")
    _credited_in_full(app, number)
    # paying the supplier what is left, 57.40, settles FH-40: the credit counts as paid on it
    make_user(app, "marta", "supervisor")
    assert app.billing.service.pay_supplier("S-HERR", D("60.00"), "EUR", "TRF-880", "marta") == D("57.40")
    assert open_payables(app, "S-HERR") == {}


def test_a_credit_note_for_units_that_never_came_is_posted_too(app: App) -> None:
    """Short, not damaged: 4 of the 6 wrenches came; the invoice charged 6 and a buyer accepted it."""
    number, _ = _sent(app)
    app.purchasing.service.receive(number, [Counted(WRENCH, D(4)), Counted(PLUGS, D(12))], "ana")
    drain_all(app)
    lines = [(WRENCH, D(6), D("6.40")), (PLUGS, D(12), D("1.82"))]
    invoice = app.purchasing.service.type_invoice(number, "FH-41", lines, "luis")  # 60.24, no VAT
    app.purchasing.service.decide_invoice(invoice.id or 0, True, "luis")
    doc = app.purchasing.service.type_credit_note(number, "AB-2", [(WRENCH, D(2), D("6.40"))], "luis")
    assert doc.state == DocState.MATCHED
    # no invoice named: applied to the supplier's oldest open one, FH-41: 60.24 - 12.80 = 47.44
    assert account_balance(app, PAYABLE) == D("-47.44")
    assert open_payables(app, "S-HERR") == {"FH-41": D("47.44")}
    assert_trial_balance_zero(app)


def test_a_credit_note_on_a_paid_invoice_stays_on_the_suppliers_account_as_a_credit(app: App) -> None:
    number = _invoiced_with_damage(app)
    make_user(app, "marta", "supervisor")  # only a supervisor pays a supplier
    paid = app.billing.service.pay_supplier("S-HERR", D("72.89"), "EUR", "TRF-881", "marta")
    assert paid == D("72.89")  # FH-40 paid in full
    doc = app.purchasing.service.type_credit_note(
        number, "AB-6", [(WRENCH, D(2), D("6.40"))], "luis", tax=D("2.69"), corrects="FH-40"
    )
    assert doc.state == DocState.MATCHED
    # nothing of FH-40 is open to take it off: the 15.49 is owed to us, and the ledger agrees
    assert account_balance(app, PAYABLE) == D("15.49")
    assert open_payables(app, "S-HERR") == {"AB-6": D("-15.49")}
    with app.uow() as uow:
        [ageing] = [a for a in books.payables(uow, date(2026, 12, 31)) if a.party == "S-HERR"]
    assert (ageing.balance, ageing.unapplied) == (D("-15.49"), D(0))
    assert_trial_balance_zero(app)


def test_a_credit_note_taking_back_more_than_was_invoiced_and_not_received_waits(app: App) -> None:
    number = _invoiced_with_damage(app)
    # 3 wrenches, but only 2 were invoiced and not owed; and the plugs at 1.50, not the ordered 1.82
    # (17.6 % off, the tolerance is 2 %), though the 12 plugs were all received and are owed
    lines = [(WRENCH, D(3), D("6.40")), (PLUGS, D(1), D("1.50"))]
    doc = app.purchasing.service.type_credit_note(number, "AB-3", lines, "luis")
    assert doc.state == DocState.MISMATCH
    assert doc.detail["differences"] == [
        "LLA-AJ-250: quantity ours 2 invoiced and not received (6 invoiced, 4 due), credit note 3",
        "TAC-6: quantity ours 0 invoiced and not received (12 invoiced, 12 due), credit note 1",
        "TAC-6: price ours 1.82, credit note 1.50",
    ]
    assert account_balance(app, PAYABLE) == D("-72.89")  # nothing taken back yet
    # a credit note naming an invoice that is not recorded waits too
    other = app.purchasing.service.type_credit_note(
        number, "AB-4", [(WRENCH, D(2), D("6.40"))], "luis", corrects="FH-999"
    )
    assert other.state == DocState.MISMATCH
    assert other.detail["differences"] == ["*: invoice ours recorded, credit note FH-999"]
    # the buyer rejects the first and accepts a correct one: posted then
    app.purchasing.service.decide_invoice(doc.id or 0, False, "luis")
    good = app.purchasing.service.type_credit_note(
        number, "AB-5", [(WRENCH, D(2), D("6.40"))], "luis", tax=D("2.69"), corrects="FH-40"
    )
    assert good.state == DocState.MATCHED
    _credited_in_full(app, number)


def test_a_credit_note_by_edifact_381_is_posted_once(app: App) -> None:
    made, _ = _torn_planned(app)
    number = next(p.number for p in made if p.supplier_id == "S-TORN")  # TOR-M8-40 1000, TUE-M8 2000
    app.purchasing.service.approve(number, "ana")
    drain_all(app)
    counts = [Counted("TOR-M8-40", D(900)), Counted("TUE-M8", D(2000))]  # 100 bolts short
    app.purchasing.service.receive(number, counts, "ana", reference="ALB-9")
    drain_all(app)
    # their invoice charges all 1000 bolts: 1000 x 0.085 + 2000 x 0.021 = 85.00 + 42.00 = 127.00, VAT 21 %
    # 26.67, 153.67; it waits (100 not received) and a buyer accepts it
    invoic = (
        f"BGM+380+FV-26-5001+9'DTM+137:20261210:102'RFF+ON:{number}'CUX+2:EUR:4'"
        "LIN+1++8437000100102:EN'QTY+47:1000'PRI+AAA:0.085'"
        "LIN+2++8437000100126:EN'QTY+47:2000'PRI+AAA:0.021'"
        "UNS+S'MOA+79:127.00'MOA+176:26.67'MOA+77:153.67'"
    )
    arrive_edi(app, interchange("INVOIC", invoic, "950"), "invoic.edi")
    drain_all(app)
    (invoice,) = [d for d in supplier_documents(app) if d.kind is AnswerKind.INVOIC]
    assert invoice.state == DocState.MISMATCH
    app.purchasing.service.decide_invoice(invoice.id or 0, True, "luis")
    assert account_balance(app, PAYABLE) == D("-153.67")
    # their credit note for the 100 short: 100 x 0.085 = 8.50, VAT 21 % 1.785 -> 1.79, 10.29 in all
    credit = (
        f"BGM+381+AB-26-0007+9'DTM+137:20261212:102'RFF+ON:{number}'RFF+IV:FV-26-5001'CUX+2:EUR:4'"
        "LIN+1++8437000100102:EN'QTY+47:100'PRI+AAA:0.085'"
        "UNS+S'MOA+79:8.50'MOA+176:1.79'MOA+77:10.29'"
    )
    arrive_edi(app, interchange("INVOIC", credit, "951"), "credit.edi")
    drain_all(app)
    (note,) = credits(app)
    assert (note.state, note.reference, note.detail["corrects"]) == (
        DocState.MATCHED,
        "AB-26-0007",
        "FV-26-5001",
    )
    assert account_balance(app, PAYABLE) == D("-143.38")  # 153.67 - 10.29
    assert open_payables(app, "S-TORN") == {"FV-26-5001": D("143.38")}
    # the same credit note again in a new interchange: still one
    arrive_edi(app, interchange("INVOIC", credit, "952"), "credit-again.edi")
    drain_all(app)
    assert len(credits(app)) == 1
    assert account_balance(app, PAYABLE) == D("-143.38")
    assert_trial_balance_zero(app)


def _torn_planned(app: App) -> tuple[list[PurchaseOrder], list[int]]:
    orders = demo_orders(app)
    app.lifecycle.service.start(orders, "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    return made, orders


def credit_pdf(
    title: str, corrects: str, po_number: str, rows: list[tuple[str, ...]], footer: list[tuple[str, str]]
) -> bytes:
    """A supplier's credit note as their system prints it: its title and number, the invoice it
    corrects, our order, the lines taken back and the footer's amounts."""
    head = ["Herramientas Brondby ApS, Industrivej 4, 2605 Brondby", "Fecha: 14/12/2026", corrects]
    headings = ("Código", "Descripción", "Cantidad", "Precio", "Importe")
    return supplier_pdf(title, [*head, f"Su pedido: {po_number}"], headings, rows, footer)


ROW = ("AW-250", "Llave ajustable 250 mm", "2", "6,40", "12,80")


def test_an_emailed_credit_note_is_read_posted_and_kept_once(app: App) -> None:
    number = _invoiced_with_damage(app)
    footer = [("Base imponible", "12,80"), ("IVA 21%", "2,69"), ("Total", "15,49")]
    pdf = credit_pdf("NOTA DE CRÉDITO NC-55", "Rectifica la factura FH-40", number, [ROW], footer)
    arrive(app, mailed("Adjuntamos el abono.\n", "Nota de crédito NC-55", "<nc-1@b.example>", pdf))
    (note,) = credits(app)
    assert (note.state, note.reference, note.po_number, note.detail["corrects"]) == (
        DocState.MATCHED,
        "NC-55",
        number,
        "FH-40",
    )
    _credited_in_full(app, number)
    # the same e-mail again, and the credit note resent in another e-mail: still one
    arrive(app, mailed("Adjuntamos el abono.\n", "Nota de crédito NC-55", "<nc-1@b.example>", pdf))
    arrive(app, mailed("Reenviamos el abono.\n", "Abono NC-55", "<nc-2@b.example>", pdf))
    assert len(credits(app)) == 1
    _credited_in_full(app, number)


def test_an_emailed_credit_note_whose_sums_do_not_add_up_waits_for_a_buyer(app: App) -> None:
    number = _invoiced_with_damage(app)
    footer = [("Subtotal", "12.80"), ("VAT 21%", "2.69"), ("Total", "15.59")]  # 12.80 + 2.69 = 15.49
    rows = [("AW-250", "Adjustable wrench 250 mm", "2", "6.40", "12.80")]
    pdf = credit_pdf("CREDIT NOTE CN-56", "Original invoice: FH-40", number, rows, footer)
    arrive(app, mailed("Credit note attached.\n", "Credit note CN-56", "<cn-1@b.example>", pdf))
    (note,) = credits(app)
    assert note.state == DocState.WAITING
    assert "goods 12.80 + charges 0 + VAT 2.69 = 15.49, not the total 15.59" in str(note.detail["not_read"])
    assert account_balance(app, PAYABLE) == D("-72.89")  # nothing taken back


@pytest.fixture
def cli_env(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `oms` command line on the same database as the app."""
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OMS_DATABASE_URL", f"sqlite:///{tmp_path / 'oms.db'}")
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")


def test_the_command_line_types_a_credit_note_and_refuses_what_it_cannot_be(
    app: App, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _invoiced_with_damage(app)
    capsys.readouterr()
    argv = ["purchasing", "credit-note", number, "AB-9", f"{WRENCH}=2@6.40", "--tax", "2.69"]
    assert main([*argv, "--corrects", "FH-40"]) == 0
    assert f"credit note AB-9 of S-HERR on {number}: matched" in capsys.readouterr().out
    _credited_in_full(app, number)
    assert main(["purchasing", "credit-note", "PO-999999", "AB-10", f"{WRENCH}=1@6.40"]) == 2
    assert "PO-999999" in capsys.readouterr().err
    assert main(["purchasing", "credit-note", number, "AB-11", "NO-SUCH=1@1.00"]) == 2
    assert f"NO-SUCH not on purchase order {number}" in capsys.readouterr().err
    app.purchasing.service.close(number, "luis")
    assert main(["purchasing", "credit-note", number, "AB-12", f"{WRENCH}=1@6.40"]) == 2
    assert "closed; no supplier credit note is recorded" in capsys.readouterr().err
    _credited_in_full(app, number)  # none of the refused ones changed the books


def _client(app: App, user: str, role: str) -> TestClient:
    return TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app, user, role)}"})


def test_only_a_buyer_types_a_credit_note_by_the_api(app: App) -> None:
    number = _invoiced_with_damage(app)
    body = {"number": "AB-20", "lines": [{"sku": WRENCH, "quantity": "2", "price": "6.40"}], "tax": "2.69",
            "corrects": "FH-40"}  # fmt: skip
    clerk = _client(app, "ana", "clerk")
    assert clerk.post(f"/api/purchasing/orders/{number}/credit-notes", json=body).status_code == 403
    assert account_balance(app, PAYABLE) == D("-72.89")
    buyer = _client(app, "luis", "buyer")
    made = buyer.post(f"/api/purchasing/orders/{number}/credit-notes", json=body)
    assert made.status_code == 201, made.text
    assert (made.json()["kind"], made.json()["state"]) == ("credit", "matched")
    _credited_in_full(app, number)
    unknown = {**body, "number": "AB-21", "lines": [{"sku": "NO-SUCH", "quantity": "1", "price": "1"}]}
    assert buyer.post(f"/api/purchasing/orders/{number}/credit-notes", json=unknown).status_code == 400
    assert buyer.post("/api/purchasing/orders/PO-999999/credit-notes", json=body).status_code == 404
    _credited_in_full(app, number)
    lines = buyer.get(f"/api/purchasing/orders/{number}").json()["lines"]
    assert [(x["sku"], x["credited"]) for x in lines] == [(WRENCH, "2"), (PLUGS, "0")]
    page = buyer.get(f"/purchasing/orders/{number}")
    assert page.status_code == 200 and "Credited" in page.text


def test_invoice_and_credit_note_on_postgresql_leave_the_trial_balance_zero(pg_app: App) -> None:
    shop(pg_app, stock=False)
    number = _invoiced_with_damage(pg_app)
    doc = pg_app.purchasing.service.type_credit_note(
        number, "AB-30", [(WRENCH, D(2), D("6.40"))], "luis", tax=D("2.69"), corrects="FH-40"
    )
    assert doc.state == DocState.MATCHED
    _credited_in_full(pg_app, number)
