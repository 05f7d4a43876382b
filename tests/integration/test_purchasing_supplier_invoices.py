"""A supplier that works by e-mail, the whole loop through the intake: the approved order goes out by
e-mail, their confirmation (a PDF), their delivery note (typed in the body) and their invoice (a PDF)
come back as e-mails and are read by the same readers as customers' orders; receiving takes the
delivery as announced, the invoice matches three ways and is posted, and the books balance. An
invoice over the price tolerance, one whose amounts do not add up, one on a closed order and the same
e-mail twice are shown too. Every amount is worked out by hand from the business rule."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from reportlab.pdfgen.canvas import Canvas

from core.billing.domain.ledger import GRNI, INPUT_VAT, INVENTORY, PAYABLE, WRITE_OFFS
from core.purchasing.domain.answers import AnswerKind, SupplierDocument
from core.purchasing.domain.answers import DocumentState as DocState
from core.purchasing.domain.errors import IllegalPoTransition
from core.purchasing.domain.landed import Charge
from core.purchasing.domain.receiving import Counted
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, make_user
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, state
from tests.integration.purchasing_support import po
from tests.integration.test_purchasing_mailed import HERR, a_pdf, processed, supplier_documents
from tests.unit.parsers.email_support import message
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal
TABLE_X = (40, 120, 330, 400, 480)  # item, description, qty, unit price, amount


@pytest.fixture
def app(supplier_mail_shop: App) -> App:
    return supplier_mail_shop


def invoice_pdf(
    number: str, po_number: str, rows: list[tuple[str, str, str, str, str]], footer: list[tuple[str, str]]
) -> bytes:
    """A supplier's invoice as their system prints it: a title, their number and date, our order, a
    table of lines and the footer's amounts."""
    head = ["Herramientas Brondby ApS, Industrivej 4, 2605 Brondby", "Invoice date: 11/12/2026"]
    headings = ("Item", "Description", "Qty", "Unit price", "Amount")
    return supplier_pdf(f"INVOICE {number}", [*head, f"Your order: {po_number}"], headings, rows, footer)


def supplier_pdf(
    title: str,
    printed: list[str],
    headings: tuple[str, ...],
    rows: list[tuple[str, ...]],
    footer: list[tuple[str, str]],
) -> bytes:
    """A supplier's document: its title, the lines under it, a table of lines under `headings` and
    the footer's labels and amounts."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842))
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(40, 800, title)
    canvas.setFont("Helvetica", 10)
    y = 780
    for text in printed:
        canvas.drawString(40, y, text)
        y -= 16
    y -= 12
    for row in [headings, *rows]:
        for x, text in zip(TABLE_X, row, strict=True):
            canvas.drawString(x, y, text)
        y -= 16
    y -= 10
    for label, amount in footer:
        canvas.drawString(380, y, label)
        canvas.drawString(480, y, amount)
        y -= 16
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def mailed(body: str, subject: str, message_id: str, pdf: bytes | None = None) -> bytes:
    msg = message(body, subject=subject, from_=f"Brøndby Sales <{HERR}>", message_id=message_id)
    if pdf is not None:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="document.pdf")
    return msg.as_bytes()


def arrive(app: App, raw: bytes) -> None:
    processed(app, mail_envelope(raw, DEMO_DAY, envelope_sender=HERR))


def invoices(app: App) -> list[SupplierDocument]:
    return [d for d in supplier_documents(app) if d.kind is AnswerKind.INVOIC]


def _sent(app: App) -> tuple[str, list[int]]:
    """The backorders raise S-HERR's proposal (6 wrenches LLA-AJ-250 = AW-250 at 6.40, 12 plugs TAC-6 =
    WP6-100 at 1.82), a buyer approves it and it goes out by e-mail."""
    orders = demo_orders(app)
    app.lifecycle.service.start(orders, "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    number = next(p.number for p in made if p.supplier_id == "S-HERR")
    app.purchasing.service.approve(number, "luis")
    drain_all(app)
    assert po(app, number).state == "sent"
    assert list((app.settings.outbox / "email").glob(f"*/PURCHASE_{number}.eml"))
    return number, orders


def _received(app: App) -> str:
    """Sent, then all of it received without any supplier's paper: 6 wrenches and 12 plugs."""
    number, _ = _sent(app)
    app.purchasing.service.receive(number, [Counted("LLA-AJ-250", D(6)), Counted("TAC-6", D(12))], "ana")
    drain_all(app)
    assert po(app, number).state == "received"
    return number


# goods 6 x 6.40 = 38.40 and 12 x 1.82 = 21.84 = 60.24; carriage 5.00; VAT 21 % of 65.24 = 13.7004 -> 13.70
ROWS = [
    ("AW-250", "Adjustable wrench 250 mm", "6", "6.40", "38.40"),
    ("WP6-100", "Wall plugs 6 mm", "12", "1.82", "21.84"),
]
FOOTER = [("Subtotal", "60.24"), ("Carriage", "5.00"), ("VAT 21%", "13.70"), ("Total", "78.94")]


def test_the_email_suppliers_loop_closes_with_their_invoice_read_from_the_pdf(app: App) -> None:
    number, orders = _sent(app)
    confirmation = a_pdf(
        "ORDER CONFIRMATION AB-7731", f"Your order: {number}",
        "AW-250   Adjustable wrench 250 mm   6 units   6.40", "WP6-100  Wall plugs 6 mm   12 units   1.82",
        "Delivery date: 10/12/2026",
    )  # fmt: skip
    arrive(
        app,
        mailed("Please find our confirmation attached.\n", "Your order", "<oc-1@b.example>", confirmation),
    )
    assert po(app, number).state == "confirmed"

    # their delivery note typed in the e-mail's body, a table as their mail program lays it out
    note = (
        f"DELIVERY NOTE DN-5501\nDate: 10/12/2026\nYour order: {number}\n\n"
        "Item       Description                 Qty\n"
        "AW-250     Adjustable wrench 250 mm      6\n"
        "WP6-100    Wall plugs 6 mm              12\n"
    )
    arrive(app, mailed(note, "Delivery note DN-5501", "<dn-1@b.example>"))
    (announced,) = [d for d in supplier_documents(app) if d.kind is AnswerKind.DESADV]
    assert (announced.state, announced.reference, announced.po_number) == (
        DocState.APPLIED,
        "DN-5501",
        number,
    )
    counts = app.purchasing.service.announced(number, "DN-5501")
    assert [(c.sku, c.good) for c in counts] == [
        ("LLA-AJ-250", D(6)),
        ("TAC-6", D(12)),
    ]  # their codes, our SKUs
    app.purchasing.service.receive(number, counts, "ana", reference="DN-5501")
    drain_all(app)
    assert po(app, number).state == "received"
    served = {a.sku: a.quantity for o in orders for a in allocations(app, o)}
    assert (served["LLA-AJ-250"], served["TAC-6"]) == (D(6), D(4))  # the backorders got what they wait for
    assert [state(app, o) for o in orders if state(app, o) == "backordered"]  # S-TORN's goods still to come

    pdf = invoice_pdf("FH-2001", number, ROWS, FOOTER)
    arrive(app, mailed("Our invoice is attached.\n", "Invoice FH-2001", "<inv-1@b.example>", pdf))
    (invoice,) = invoices(app)
    assert (invoice.state, invoice.reference, invoice.po_number) == (DocState.MATCHED, "FH-2001", number)
    assert invoice.detail["issued"] == date(2026, 12, 11).isoformat()
    assert po(app, number).state == "invoiced"
    # the supplier is owed goods, carriage and VAT: 60.24 + 5.00 + 13.70 = 78.94
    assert account_balance(app, PAYABLE) == D("-78.94")
    assert account_balance(app, INPUT_VAT) == D("13.70")
    assert sum((line.landed for line in po(app, number).lines), D(0)) == D("5.00")  # carriage landed
    assert_trial_balance_zero(app)

    # the same e-mail delivered again, and the invoice resent in a new e-mail: still one invoice
    arrive(app, mailed("Our invoice is attached.\n", "Invoice FH-2001", "<inv-1@b.example>", pdf))
    arrive(app, mailed("Resending our invoice.\n", "Invoice FH-2001", "<inv-2@b.example>", pdf))
    assert len(invoices(app)) == 1
    assert account_balance(app, PAYABLE) == D("-78.94")
    assert_trial_balance_zero(app)


def test_a_price_over_the_tolerance_waits_for_a_buyer_with_the_difference(app: App) -> None:
    number = _received(app)
    # the wrenches at 6.80, not 6.40: 6.25 % over, the tolerance is 2 %; 6 x 6.80 = 40.80 + 21.84 = 62.64,
    # carriage 5.00, VAT 21 % of 67.64 = 14.2044 -> 14.20, total 81.84; every sum adds up
    rows = [("AW-250", "Adjustable wrench 250 mm", "6", "6.80", "40.80"), ROWS[1]]
    footer = [("Subtotal", "62.64"), ("Carriage", "5.00"), ("VAT 21%", "14.20"), ("Total", "81.84")]
    arrive(
        app,
        mailed(
            "Invoice attached.\n",
            "Invoice FH-2002",
            "<inv-3@b.example>",
            invoice_pdf("FH-2002", number, rows, footer),
        ),
    )
    (invoice,) = invoices(app)
    assert invoice.state == DocState.MISMATCH
    (difference,) = invoice.detail["differences"]  # type: ignore[misc]
    what, ours, theirs = re.fullmatch(
        r"(.+): price ours ([\d.]+), invoice ([\d.]+)", str(difference)
    ).groups()  # type: ignore[union-attr]
    assert (what, D(ours), D(theirs)) == ("LLA-AJ-250", D("6.40"), D("6.80"))
    assert po(app, number).state == "received"  # not invoiced, nothing owed yet
    assert account_balance(app, PAYABLE) == D(0)
    # a buyer accepts it: posted as the invoice says, 62.64 + 5.00 + 14.20 = 81.84
    app.purchasing.service.decide_invoice(invoice.id or 0, True, "luis")
    assert account_balance(app, PAYABLE) == D("-81.84")
    assert_trial_balance_zero(app)


def test_an_invoice_whose_amounts_do_not_add_up_is_never_posted(app: App) -> None:
    number = _received(app)
    footer = [("Subtotal", "60.24"), ("Carriage", "5.00"), ("VAT 21%", "13.70"), ("Total", "79.94")]
    arrive(
        app,
        mailed(
            "Invoice attached.\n",
            "Invoice FH-2003",
            "<inv-4@b.example>",
            invoice_pdf("FH-2003", number, ROWS, footer),
        ),
    )
    (invoice,) = invoices(app)
    assert invoice.state == DocState.WAITING
    # 60.24 + 5.00 + 13.70 = 78.94, printed 79.94
    assert "goods 60.24 + charges 5.00 + VAT 13.70 = 78.94, not the total 79.94" in str(
        invoice.detail["not_read"]
    )
    assert (po(app, number).state, account_balance(app, PAYABLE), account_balance(app, GRNI)) == (
        "received",
        D(0),
        D(0),
    )


def test_an_invoice_typed_in_the_body_is_read_like_the_pdf(app: App) -> None:
    number = _received(app)
    body = (
        f"Factura FV-118\nFecha factura: 11/12/2026\nSu pedido: {number}\n\n"
        "Código     Descripción                Cantidad   Precio   Importe\n"
        "AW-250     Llave ajustable 250 mm            6     6,40     38,40\n"
        "WP6-100    Tacos 6 mm                       12     1,82     21,84\n\n"
        "Base imponible: 60,24\nPortes: 5,00\nIVA 21%: 13,70\nTotal: 78,94\n"
    )
    arrive(app, mailed(body, "Factura FV-118", "<inv-5@b.example>"))
    (invoice,) = invoices(app)
    assert (invoice.state, invoice.reference) == (DocState.MATCHED, "FV-118")
    assert account_balance(app, PAYABLE) == D("-78.94")
    assert_trial_balance_zero(app)


def test_an_invoice_on_a_closed_order_is_refused_typed_and_waits_captured(app: App) -> None:
    number = _received(app)
    app.purchasing.service.close(number, "luis")
    lines = [("LLA-AJ-250", D(6), D("6.40"))]
    with pytest.raises(IllegalPoTransition, match="closed; no supplier invoice"):
        app.purchasing.service.type_invoice(number, "FH-9", lines, "luis")
    token = make_user(app, "luis", "buyer")
    api = TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})
    typed = {"number": "FH-9", "lines": [{"sku": "LLA-AJ-250", "quantity": "6", "price": "6.40"}]}
    refused = api.post(f"/api/purchasing/orders/{number}/invoices", json=typed)
    assert refused.status_code == 409 and "closed" in refused.json()["detail"]
    arrive(
        app,
        mailed(
            "Invoice attached.\n",
            "Invoice FH-2004",
            "<inv-6@b.example>",
            invoice_pdf("FH-2004", number, ROWS, FOOTER),
        ),
    )
    (invoice,) = invoices(app)
    assert invoice.state == DocState.WAITING
    assert f"{number} is closed: no supplier invoice is recorded against it" in str(
        invoice.detail["not_read"]
    )
    assert account_balance(app, PAYABLE) == D(0)


def test_landed_cost_is_spread_over_the_units_in_quarantine_too(app: App) -> None:
    """Standard costs 5.00 (wrench) and 0.40 (plugs); 4 wrenches good and 2 damaged, 12 plugs good."""
    app.billing.service.set_cost("LLA-AJ-250", D("5.00"), "ana")
    app.billing.service.set_cost("TAC-6", D("0.40"), "ana")
    number, _ = _sent(app)
    counts = [Counted("LLA-AJ-250", D(4), D(2)), Counted("TAC-6", D(12))]
    app.purchasing.service.receive(number, counts, "ana")
    drain_all(app)
    # received at standard, quarantine included: 6 x 5.00 + 12 x 0.40 = 34.80
    assert account_balance(app, INVENTORY) == D("34.80")
    lines = [("LLA-AJ-250", D(4), D("6.40")), ("TAC-6", D(12), D("1.82"))]  # the 4 good wrenches are owed
    doc = app.purchasing.service.type_invoice(
        number, "FH-30", lines, "luis", charges=[Charge("carriage", D("12.00"))]
    )
    assert doc.state == "matched"
    # by value over what came in, quarantine included: wrenches 6 x 6.40 = 38.40, plugs 12 x 1.82 = 21.84,
    # 60.24 in all; 12.00 x 38.40 / 60.24 = 7.649… -> 7.65 for the wrenches, the remainder 4.35 for the plugs
    assert [(line.sku, line.landed) for line in po(app, number).lines] == [
        ("LLA-AJ-250", D("7.65")),
        ("TAC-6", D("4.35")),
    ]
    # the six wrenches on hand (4 in stock, 2 held): 5.00 + 7.65 / 6 = 6.275; plugs 0.40 + 4.35 / 12 = 0.7625
    assert (_cost(app, "LLA-AJ-250"), _cost(app, "TAC-6")) == (D("6.275"), D("0.7625"))
    assert account_balance(app, INVENTORY) == D("46.80")  # 34.80 + 12.00
    # the two damaged wrenches written off carry their landed cost: 2 x 6.275 = 12.55
    app.purchasing.service.write_off("LLA-AJ-250", "MAD", D(2), "luis")
    assert account_balance(app, WRITE_OFFS) == D("12.55")
    assert account_balance(app, INVENTORY) == D("34.25")
    assert_trial_balance_zero(app)


def _cost(app: App, sku: str) -> Decimal | None:
    with app.uow() as uow:
        product = uow.master.product(sku)
        assert product is not None
        return product.cost_price


def test_damaged_units_are_not_owed_until_a_buyer_releases_them(app: App) -> None:
    number, _ = _sent(app)
    counts = [Counted("LLA-AJ-250", D(4), D(2)), Counted("TAC-6", D(12))]  # 2 wrenches came damaged
    app.purchasing.service.receive(number, counts, "ana")
    drain_all(app)
    # the supplier invoices all 6 wrenches: the 2 damaged ones are not owed while they are held
    rows = [("AW-250", "Adjustable wrench 250 mm", "6", "6.40", "38.40"), ROWS[1]]
    footer = [("Subtotal", "60.24"), ("Total", "60.24")]
    pdf = invoice_pdf("FH-2005", number, rows, footer)
    arrive(app, mailed("Invoice attached.\n", "Invoice FH-2005", "<inv-7@b.example>", pdf))
    (invoice,) = invoices(app)
    assert invoice.state == DocState.MISMATCH
    assert invoice.detail["differences"] == [
        "LLA-AJ-250: quantity ours 4 received (2 damaged: credit expected), invoice 6"
    ]
    assert account_balance(app, PAYABLE) == D(0)
    app.purchasing.service.decide_invoice(invoice.id or 0, False, "luis")  # rejected: credit asked for

    # a buyer finds the two fit and releases them: owed again, the invoice resent matches
    app.purchasing.service.release("LLA-AJ-250", "MAD", D(2), "luis")
    assert [(line.sku, line.released) for line in po(app, number).lines] == [
        ("LLA-AJ-250", D(2)),
        ("TAC-6", D(0)),
    ]
    app.purchasing.service.type_invoice(
        number, "FH-2005B", [("LLA-AJ-250", D(6), D("6.40")), ("TAC-6", D(12), D("1.82"))], "luis"
    )
    assert account_balance(app, PAYABLE) == D("-60.24")  # 6 x 6.40 + 12 x 1.82, no VAT on this one
    assert_trial_balance_zero(app)


def test_a_delivery_note_naming_a_product_not_on_the_order_waits_for_a_buyer(app: App) -> None:
    number, _ = _sent(app)
    note = a_pdf(
        "ALBARAN ALB-77", f"Su pedido: {number}", "",
        "Codigo     Descripcion                 Cantidad",
        "AW-250     Llave ajustable 250 mm      6",
        "NG-L-100   Guantes de nitrilo L        10",
    )  # fmt: skip
    arrive(app, mailed("Adjuntamos el albarán.\n", "Albarán ALB-77", "<dn-2@b.example>", note))
    (kept,) = supplier_documents(app)
    assert (kept.kind, kept.state) == (AnswerKind.DESADV, DocState.WAITING)
    assert f"NG-L-100 not on {number}" in str(kept.detail["not_read"])  # the gloves were never ordered
    assert "desadv" not in [e.step for e in po(app, number).events]  # nothing announced
