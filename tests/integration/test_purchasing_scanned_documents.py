"""A supplier's invoice that comes as a fax (TIFF) or a scan (a PDF of page images) is read by the
OCR that reads customers' faxes (real Tesseract), then by the same supplier-document rules: posted
only when the lines, the goods, the VAT and the total agree to the cent and the three-way match
agrees; a sum read off holds it for a buyer. Also: an invoice typed in an e-mail body as sentences
("6 x AW-250 a 6,40") rather than a table, and a faxed credit note. Amounts worked out by hand."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from PIL import Image

from core.billing.domain.ledger import INPUT_VAT, PAYABLE
from core.capture.domain.documents import Channel, InboundDocument
from core.purchasing.domain.answers import AnswerKind, SupplierDocument
from core.purchasing.domain.answers import DocumentState as DocState
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder
from core.purchasing.domain.receiving import Counted
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.lifecycle_support import drain_all
from tests.integration.purchasing_support import po
from tests.integration.test_purchasing_credit_notes import credit_pdf
from tests.integration.test_purchasing_mailed import QUIM_FAX, processed, supplier_documents
from tests.integration.test_purchasing_supplier_invoices import _received, arrive, invoice_pdf, mailed

pytestmark = pytest.mark.integration
D = Decimal
DPI = 200  # a fine fax is 204 x 196; a scanner's lowest setting is 200


@pytest.fixture
def app(supplier_mail_shop: App) -> App:
    return supplier_mail_shop


def invoices(app: App) -> list[SupplierDocument]:
    return [d for d in supplier_documents(app) if d.kind is AnswerKind.INVOIC]


def page_image(pdf: bytes) -> Image.Image:
    """The printed page as a scanner or fax machine sees it: grey pixels at DPI."""
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def as_fax(pdf: bytes) -> bytes:
    """A 1-bit Group 4 TIFF, as a fax server stores a received fax."""
    out = io.BytesIO()
    page_image(pdf).point(lambda v: 255 if v > 160 else 0).convert("1").save(
        out, format="TIFF", compression="group4", dpi=(DPI, DPI)
    )
    return out.getvalue()


def as_scan(pdf: bytes) -> bytes:
    """A PDF holding only the page's picture, as a scanner makes it: no text layer."""
    out = io.BytesIO()
    page_image(pdf).save(out, format="PDF", resolution=DPI)
    return out.getvalue()


def _quim_received(app: App, sealant: int = 48) -> str:
    """A sent order to S-QUIM (a fax supplier): 48 SIL-TRA-300 (their SN-300-TR) at 1.95 and 100
    CIN-AIS-19 (CA-19-20N) at 0.38, all of it received (or `sealant` of the 48)."""
    with app.uow() as uow:
        number = uow.purchasing.next_number()
        lines = [
            PoLine(1, "SIL-TRA-300", "SN-300-TR", D(48), D("1.95")),
            PoLine(2, "CIN-AIS-19", "CA-19-20N", D(100), D("0.38")),
        ]
        uow.purchasing.add(PurchaseOrder(number, "S-QUIM", "MAD", "EUR", DEMO_DAY, PoState.SENT, lines=lines))
        uow.commit()
    counts = [Counted("SIL-TRA-300", D(sealant)), Counted("CIN-AIS-19", D(100))]
    app.purchasing.service.receive(number, counts, "ana")
    drain_all(app)
    assert po(app, number).state == ("received" if sealant == 48 else "partly_received")
    return number


# goods 48 x 1.95 = 93.60 and 100 x 0.38 = 38.00, 131.60; VAT 21 % 27.636 -> 27.64; total 159.24
QUIM_ROWS = [
    ("SN-300-TR", "Silicone sealant 300 ml", "48", "1.95", "93.60"),
    ("CA-19-20N", "Insulating tape 19 mm", "100", "0.38", "38.00"),
]


def fax_in(app: App, content: bytes, job: str) -> None:
    processed(
        app,
        InboundDocument(
            channel=Channel.FAX, content=content, received_at=DEMO_DAY, original_name=f"{job}.tif",
            sender=QUIM_FAX, external_id=job, media_type="image/tiff",
        ),
    )  # fmt: skip


def test_a_faxed_invoice_is_read_by_ocr_and_posted_when_every_sum_agrees(app: App) -> None:
    number = _quim_received(app)
    footer = [("Subtotal", "131.60"), ("VAT 21%", "27.64"), ("Total", "159.24")]
    fax_in(app, as_fax(invoice_pdf("FQ-301", number, QUIM_ROWS, footer)), "fax-job-301")
    (invoice,) = invoices(app)
    assert (invoice.state, invoice.reference, invoice.po_number) == (DocState.MATCHED, "FQ-301", number), (
        invoice.detail.get("not_read")
    )
    assert po(app, number).state == "invoiced"
    assert account_balance(app, PAYABLE) == D("-159.24")
    assert account_balance(app, INPUT_VAT) == D("27.64")
    assert_trial_balance_zero(app)


def test_a_faxed_invoice_whose_total_is_off_is_held_for_a_buyer(app: App) -> None:
    number = _quim_received(app)
    footer = [("Subtotal", "131.60"), ("VAT 21%", "27.64"), ("Total", "169.24")]  # 131.60 + 27.64 = 159.24
    fax_in(app, as_fax(invoice_pdf("FQ-302", number, QUIM_ROWS, footer)), "fax-job-302")
    (invoice,) = invoices(app)
    assert invoice.state == DocState.WAITING
    assert "= 159.24, not the total 169.24" in str(invoice.detail["not_read"])
    assert (po(app, number).state, account_balance(app, PAYABLE)) == ("received", D(0))


# S-HERR's order (6 AW-250 at 6.40, 12 WP6-100 at 1.82): goods 38.40 + 21.84 = 60.24; VAT 21 % 12.6504 ->
# 12.65; total 72.89
HERR_ROWS = [
    ("AW-250", "Adjustable wrench 250 mm", "6", "6.40", "38.40"),
    ("WP6-100", "Wall plugs 6 mm", "12", "1.82", "21.84"),
]


def test_a_scanned_pdf_invoice_is_posted_when_its_sums_agree(app: App) -> None:
    number = _received(app)
    footer = [("Subtotal", "60.24"), ("VAT 21%", "12.65"), ("Total", "72.89")]
    scan = as_scan(invoice_pdf("FH-3001", number, HERR_ROWS, footer))
    arrive(app, mailed("Scanned invoice attached.\n", "Scan", "<scan-1@b.example>", scan))
    (invoice,) = invoices(app)
    assert (invoice.state, invoice.reference) == (DocState.MATCHED, "FH-3001"), invoice.detail
    assert account_balance(app, PAYABLE) == D("-72.89")
    assert_trial_balance_zero(app)


def test_a_scanned_pdf_invoice_whose_lines_do_not_make_the_goods_is_held(app: App) -> None:
    number = _received(app)
    footer = [("Subtotal", "61.24"), ("VAT 21%", "12.65"), ("Total", "73.89")]  # the lines make 60.24
    scan = as_scan(invoice_pdf("FH-3002", number, HERR_ROWS, footer))
    arrive(app, mailed("Scanned invoice attached.\n", "Scan", "<scan-2@b.example>", scan))
    (invoice,) = invoices(app)
    assert invoice.state == DocState.WAITING
    assert "the lines add up to 60.24, the invoice's goods are 61.24" in str(invoice.detail["not_read"])
    assert account_balance(app, PAYABLE) == D(0)


def test_an_invoice_typed_as_sentences_in_the_body_is_read(app: App) -> None:
    number = _received(app)
    body = (
        f"Factura FV-501\nFecha factura: 11/12/2026\nSu pedido: {number}\n\n"
        "6 x AW-250 a 6,40\n12 x WP6-100 @ 1,82 = 21,84\n\n"
        "Base imponible: 60,24\nIVA 21%: 12,65\nTotal: 72,89\n"
    )
    arrive(app, mailed(body, "Factura FV-501", "<body-1@b.example>"))
    (invoice,) = invoices(app)
    assert (invoice.state, invoice.reference) == (DocState.MATCHED, "FV-501"), invoice.detail
    assert account_balance(app, PAYABLE) == D("-72.89")
    assert_trial_balance_zero(app)


def test_a_sentence_line_whose_amount_is_not_quantity_times_price_holds_the_invoice(app: App) -> None:
    number = _received(app)
    body = (
        f"Invoice INV-502\nInvoice date: 11/12/2026\nYour order: {number}\n\n"
        "6 x AW-250 @ 6.40 = 36.40\n12 x WP6-100 @ 1.82\n\n"  # 6 x 6.40 is 38.40
        "Subtotal: 60.24\nTotal: 60.24\n"
    )
    arrive(app, mailed(body, "Invoice INV-502", "<body-2@b.example>"))
    (invoice,) = invoices(app)
    assert invoice.state == DocState.WAITING
    assert "line 1 AW-250: 6 x 6.40 is not 36.40" in str(invoice.detail["not_read"])
    assert account_balance(app, PAYABLE) == D(0)


def test_a_faxed_credit_note_is_read_by_ocr_and_takes_the_short_units_back(app: App) -> None:
    number = _quim_received(app, sealant=40)  # 8 of the 48 never came
    lines = [("SIL-TRA-300", D(48), D("1.95")), ("CIN-AIS-19", D(100), D("0.38"))]
    invoice = app.purchasing.service.type_invoice(number, "FQ-9", lines, "luis", tax=D("27.64"))
    app.purchasing.service.decide_invoice(invoice.id or 0, True, "luis")  # all 48 charged, accepted
    assert account_balance(app, PAYABLE) == D("-159.24")
    # their credit note for the 8: 8 x 1.95 = 15.60, VAT 21 % 3.276 -> 3.28, 18.88 in all
    rows = [("SN-300-TR", "Silicona neutra 300 ml", "8", "1,95", "15,60")]
    footer = [("Base imponible", "15,60"), ("IVA 21%", "3,28"), ("Total", "18,88")]
    pdf = credit_pdf("ABONO AQ-7", "Rectifica la factura FQ-9", number, rows, footer)
    fax_in(app, as_fax(pdf), "fax-job-307")
    (note,) = [d for d in supplier_documents(app) if d.kind is AnswerKind.CREDIT]
    assert (note.state, note.reference, note.detail["corrects"]) == (DocState.MATCHED, "AQ-7", "FQ-9"), (
        note.detail.get("not_read")
    )
    assert account_balance(app, PAYABLE) == D("-140.36")  # 159.24 - 18.88
    assert account_balance(app, INPUT_VAT) == D("24.36")  # 27.64 - 3.28
    assert_trial_balance_zero(app)
