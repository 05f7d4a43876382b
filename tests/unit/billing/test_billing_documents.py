"""Invoices, credit notes and statements as PDF, in the customer's language, with its accents."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pdfplumber

from core.billing.domain.invoicing import DocumentKind
from core.billing.domain.receivables import OpenItem, Statement, StatementLine, age, running
from core.billing.domain.tax import VatRegime
from outbound.print.invoice import render_invoice
from outbound.print.statement import render_statement
from tests.unit.billing.test_invoic import document, order

D = Decimal


def text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_a_spanish_invoice() -> None:
    pdf = render_invoice(document(DocumentKind.INVOICE), order())
    assert pdf.startswith(b"%PDF") and pdf == render_invoice(document(DocumentKind.INVOICE), order())
    words = text(pdf)
    for expected in (
        "FACTURA F2026-000001", "Ferretería Núñez S.L.", "NIF/IVA: ESB28123456", "Vencimiento",
        "Tornillo hexagonal M8x40 zincado", "Portes (TransLog Estándar 48h)", "Total factura (EUR) 80,29",
        "50,90 21 % (S) 10,69", "17,00 10 % (AA) 1,70", "transferencia a ES91",
    ):  # fmt: skip
        assert expected in words, expected


def test_an_english_export_invoice_paid_by_card() -> None:
    invoice = document(DocumentKind.INVOICE, VatRegime.EXPORT)
    invoice.language = "en"
    words = text(render_invoice(invoice, order(), card_last4="4242"))
    assert "INVOICE F2026-000001" in words and "Invoice total (EUR) 67.90" in words
    assert "Export, exempt from VAT" not in words  # the notes were written in Spanish when it was issued
    assert "Exportación exenta de IVA (art. 21 LIVA)." in words and "Paid by card ****4242" in words


def test_a_credit_note_names_the_invoice_it_corrects() -> None:
    words = text(
        render_invoice(document(DocumentKind.CREDIT_NOTE), order(), original=document(DocumentKind.INVOICE))
    )
    assert "FACTURA RECTIFICATIVA (ABONO) R2026-000001" in words
    assert "Rectifica la factura F2026-000001 de 27/11/2026" in words and "Motivo: RMA-2026-000001" in words
    assert "Total a abonar" in words


def test_a_statement() -> None:
    lines = running(
        D("100.00"),
        [
            StatementLine(date(2026, 11, 27), "F2026-000001", "invoice", D("80.29"), D(0)),
            StatementLine(date(2026, 11, 30), "TRF-77", "receipt", D(0), D("150.00")),
        ],
    )
    item = OpenItem(
        "C-1001", "F2026-000001", "invoice", date(2026, 11, 27), date(2026, 12, 27), D("80.29"), D("30.29")
    )
    statement = Statement("C-1001", "EUR", date(2026, 11, 1), date(2026, 11, 30), D("100.00"), lines,
                          age("C-1001", [item], D("30.29"), date(2026, 11, 30)))  # fmt: skip
    assert statement.closing == D("30.29")
    words = text(render_statement(statement, None, "es"))
    for expected in ("EXTRACTO DE CUENTA", "Saldo anterior 100,00", "Factura", "Cobro por transferencia",
                     "Saldo a su cargo 30,29", "No vencido"):  # fmt: skip
        assert expected in words, expected
