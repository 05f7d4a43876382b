"""The invoice and the credit note (INVOIC D.96A, EANCOM EAN008 style) we send EDIFACT customers.

    BGM 380 invoice / 381 credit note, DTM 137 date, FTX legal wording, RFF ON order (+ DTM 171),
    RFF IV corrected invoice (credit note), NAD BY / SU (+ RFF VA) / IV (+ RFF VA) / DP, CUX,
    PAT + DTM 13 due date, ALC C FC carriage with its MOA and TAX, then per line LIN (GTIN),
    PIA (our and their code), IMD, QTY 47, MOA 203 (net of a promotion), PRI AAA, TAX, a promotion's
    ALC A DI with PCD 1 and MOA 204 (outbound.edifact.allowances); UNS, CNT 2, MOA 79 / 125 / 176 / 77,
    and per VAT rate TAX with MOA 125 (base) and MOA 124 (VAT).

Amounts are written as they were issued (already rounded to the cent) in the document's currency.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from core.billing.domain.invoicing import DocumentKind, Invoice, InvoiceLine, LineKind
from core.kernel.domain.model import Order
from outbound.edifact.allowances import allowance_segments
from outbound.edifact.ordrsp import looks_like_gln
from outbound.edifact.syntax import (
    Envelope,
    Message,
    Segment,
    date_text,
    decimal_text,
    segment,
    write_interchange,
)

INVOIC_IDENTIFIER = ("INVOIC", "D", "96A", "UN", "EAN008")
_BGM = {DocumentKind.INVOICE: "380", DocumentKind.CREDIT_NOTE: "381"}
_ORIGINAL = "9"


@dataclass(frozen=True)
class Seller:
    """Who invoices: our party id as the partner knows it, our name, address and VAT number."""

    party_id: str
    name: str = "Comanda Suministros Industriales S.L."
    vat_number: str = "ESB50123456"
    street: str = "Avenida de Cataluña 221"
    city: str = "Zaragoza"
    postal_code: str = "50014"
    country: str = "ES"


def build_invoic(
    document: Invoice,
    order: Order,
    seller: Seller,
    envelope: Envelope,
    *,
    message_ref: str = "1",
    original: Invoice | None = None,
) -> bytes:
    """One interchange holding the INVOIC of `document`."""
    message = invoic_message(document, order, seller, message_ref=message_ref, original=original)
    return write_interchange(envelope, [message])


def invoic_message(
    document: Invoice, order: Order, seller: Seller, *, message_ref: str, original: Invoice | None = None
) -> Message:
    """The INVOIC message of an invoice or credit note; `original` is the invoice a credit note corrects."""
    body: list[Segment] = [
        segment("BGM", _BGM[document.kind], document.code, _ORIGINAL),
        _dtm("137", document.issue_date),
    ]
    for note in document.notes + ([document.reason] if document.reason else []):
        body.append(segment("FTX", "AAI", None, None, _chunks(note)))
    if order.po_number:
        body.append(segment("RFF", ("ON", order.po_number.strip()[:35])))
        if order.order_date:
            body.append(_dtm("171", order.order_date))
    if document.kind is DocumentKind.CREDIT_NOTE and original is not None:
        body += [segment("RFF", ("IV", original.code)), _dtm("171", original.issue_date)]
    body.extend(_parties(document, order, seller))
    body.append(segment("CUX", ("2", document.currency, "4")))
    if document.kind is DocumentKind.INVOICE:
        days = (document.due_date - document.issue_date).days
        body += [segment("PAT", "1", None, ("5", "3", "D", str(days))), _dtm("13", document.due_date)]
    for line in document.lines:
        if line.kind is LineKind.SHIPPING:
            body += [
                segment("ALC", "C", None, None, None, ("FC",)),
                segment("MOA", ("23", decimal_text(line.net))),
                _tax(line.vat_rate, line.vat_category),
            ]
    goods = [line for line in document.lines if line.kind is LineKind.GOODS]
    for number, line in enumerate(goods, start=1):
        body.extend(_line(number, line))
    body += [
        segment("UNS", "S"),
        segment("CNT", ("2", str(len(goods)))),
        _moa("79", document.net_of(LineKind.GOODS)),
        _moa("125", document.net_total),
        _moa("176", document.tax_total),
        _moa("77", document.total),
    ]
    for tax in document.tax_amounts:
        body += [_tax(tax.rate, tax.category), _moa("125", tax.base), _moa("124", tax.tax)]
    return Message(message_ref, INVOIC_IDENTIFIER, tuple(body))


def _line(number: int, line: InvoiceLine) -> Iterator[Segment]:
    gtin = (line.gtin or "").strip()
    yield segment("LIN", str(number), None, (gtin, "EN") if gtin else None)
    codes = [
        c
        for c in (
            ((line.sku or "")[:35], "SA", "", "91"),
            ((line.buyer_item_code or "")[:35], "IN", "", "92"),
        )
        if c[0]
    ]
    if codes:
        yield segment("PIA", "5", *codes)
    yield segment("IMD", "F", None, ("", "", "", line.description[:35]))
    unit = (line.unit or "").strip().upper()
    unit = unit if 1 <= len(unit) <= 3 and unit.isascii() and unit.isalnum() else ""
    yield segment("QTY", ("47", decimal_text(line.quantity), unit))
    yield _moa("203", line.net)
    yield segment("PRI", ("AAA", decimal_text(line.unit_price)))
    if line.line_no:
        yield segment("RFF", ("LI", line.line_no.strip()[:35]))
    yield _tax(line.vat_rate, line.vat_category)
    yield from allowance_segments(line.discount, line.promotion)  # MOA 203 is net of it already


def _parties(document: Invoice, order: Order, seller: Seller) -> Iterator[Segment]:
    bill = document.bill_to
    buyer = (order.buyer_party_id or bill.get("gln") or "").strip()
    yield segment(
        "NAD", "BY", _party_id(buyer), None, (order.buyer_name or bill.get("name") or "")[:35] or None
    )
    yield segment(
        "NAD", "SU", _party_id(seller.party_id), None, seller.name[:35], seller.street[:35], seller.city[:35],
        None, seller.postal_code[:9], seller.country,
    )  # fmt: skip
    yield segment("RFF", ("VA", seller.vat_number))
    yield segment(
        "NAD", "IV", _party_id(str(bill.get("gln") or buyer)), None, str(bill.get("name") or "")[:35] or None,
        str(bill.get("street") or "")[:35] or None, str(bill.get("city") or "")[:35] or None, None,
        str(bill.get("postal_code") or "")[:9] or None, str(bill.get("country") or "") or None,
    )  # fmt: skip
    if bill.get("vat_number"):
        yield segment("RFF", ("VA", str(bill["vat_number"])))
    if order.ship_to_party_id or order.ship_to_name:
        name = (order.ship_to_name or "")[:35] or None
        yield segment("NAD", "DP", _party_id((order.ship_to_party_id or "").strip()), None, name)


def _party_id(ident: str) -> tuple[str, ...] | None:
    return (ident[:35], "", "9" if looks_like_gln(ident) else "") if ident else None


def _tax(rate: Decimal, category: str) -> Segment:
    return segment("TAX", "7", "VAT", None, None, ("", "", "", decimal_text(rate)), category)


def _moa(qualifier: str, amount: Decimal) -> Segment:
    return segment("MOA", (qualifier, decimal_text(amount)))


def _dtm(qualifier: str, value: date | datetime) -> Segment:
    return segment("DTM", (qualifier, date_text(value), "102"))


def _chunks(text: str) -> tuple[str, ...]:
    """Free text in the five 70-character components FTX C108 has."""
    clean = " ".join(text.split())
    return tuple(clean[i : i + 70] for i in range(0, min(len(clean), 350), 70))
