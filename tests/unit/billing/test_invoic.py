"""INVOIC written for an invoice and a credit note and read back, by pydifact and by our own reader."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.billing.domain.invoicing import Billable, DocumentKind, Invoice, LineKind, price
from core.billing.domain.tax import VatClass, VatRegime, treatment
from core.kernel.domain.model import Decision, Order, OrderState
from outbound.edifact import Envelope
from outbound.edifact.invoic import Seller, build_invoic
from parsers.edifact.parser import read_interchanges

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")
NOW = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
D = Decimal


def order() -> Order:
    return Order(
        document_id=1, message_index=0, channel="edi", state=OrderState.SHIPPED, decision=Decision.ACCEPT,
        confidence=1.0, created_at=NOW, po_number="PO-2026-00123", order_date=date(2026, 11, 26),
        buyer_party_id="8437000100010", buyer_name="Ferretería Núñez S.L.", ship_to_party_id="8437000100027",
        ship_to_name="Ferretería Núñez - Almacén", currency="EUR", id=5,
    )  # fmt: skip


def document(kind: DocumentKind, regime: VatRegime = VatRegime.DOMESTIC, number: int = 1) -> Invoice:
    general, reduced = treatment(VatClass.GENERAL, regime), treatment(VatClass.REDUCED, regime)
    items = [
        Billable("Tornillo hexagonal M8x40 zincado", D(250), D("0.18"), general, sku="TOR-M8-40",
                 gtin="8437000100102", unit="PCE", line_no="1", buyer_item_code="4711"),
        Billable("Guantes de nitrilo (caja 100)", D(2), D("8.50"), reduced, sku="GUA-NIT-L", unit="CAJ"),
    ]  # fmt: skip
    if kind is DocumentKind.INVOICE:
        items.append(
            Billable("Portes (TransLog Estándar 48h)", D(1), D("5.90"), general, kind=LineKind.SHIPPING)
        )
    priced = price(items, "EUR")
    series = "F" if kind is DocumentKind.INVOICE else "R"
    return Invoice(
        kind, series, 2026, number, NOW, NOW.date(), NOW.date() + timedelta(days=30), "C-1001", 5, "EUR",
        str(regime), "es", priced.net_total, priced.tax_total, priced.total,
        bill_to={"name": "Ferretería Núñez S.L.", "street": "Calle Mayor 12", "postal_code": "28013",
                 "city": "Madrid", "country": "ES", "vat_number": "ESB28123456", "gln": "8437000100010"},
        taxes=[t.as_dict() for t in priced.taxes], notes=list(priced.notes), lines=list(priced.lines),
        reason="RMA-2026-000001: dos cajas rotas" if kind is DocumentKind.CREDIT_NOTE else None, id=number,
    )  # fmt: skip


def envelope() -> Envelope:
    return Envelope("8437000999997", "14", "8437000100010", "14", "78", "UNOC", "3", NOW)


def segments(content: bytes) -> list[tuple[str, list[object]]]:
    [message] = list(Interchange.from_str(content.decode("latin-1")).get_messages())
    return [(s.tag, s.elements) for s in message.segments]


def test_an_invoice_parses_back_with_pydifact_to_the_same_values() -> None:
    invoice = document(DocumentKind.INVOICE)
    content = build_invoic(invoice, order(), Seller("8437000999997"), envelope())
    segs = segments(content)
    values = dict(segs)
    assert values["BGM"] == ["380", "F2026-000001", "9"]
    assert ["137", "20261127", "102"] in [e[0] for t, e in segs if t == "DTM"]
    assert ["13", "20261227", "102"] in [e[0] for t, e in segs if t == "DTM"]  # due date
    assert values["PAT"] == ["1", "", ["5", "3", "D", "30"]]
    assert ["ON", "PO-2026-00123"] in [e[0] for t, e in segs if t == "RFF"]
    nads = {e[0]: e for t, e in segs if t == "NAD"}
    assert set(nads) == {"BY", "SU", "IV", "DP"} and nads["IV"][3] == "Ferretería Núñez S.L."
    assert ["VA", "ESB28123456"] in [e[0] for t, e in segs if t == "RFF"]
    assert values["CUX"] == [["2", "EUR", "4"]]
    assert [e[0] for t, e in segs if t == "QTY"] == [["47", "250", "PCE"], ["47", "2", "CAJ"]]
    assert [e[0] for t, e in segs if t == "PRI"] == [["AAA", "0.18"], ["AAA", "8.5"]]
    taxes = [e for t, e in segs if t == "TAX"]
    assert taxes[0] == ["7", "VAT", "", "", ["", "", "", "21"], "S"]  # the carriage (ALC)
    moas = [e[0] for t, e in segs if t == "MOA"]
    # carriage 5.90, lines 45.00 and 17.00; per rate: 21 % of 50.90 = 10.69, 10 % of 17.00 = 1.70
    assert moas[:3] == [["23", "5.9"], ["203", "45"], ["203", "17"]]
    assert moas[3:7] == [["79", "62"], ["125", "67.9"], ["176", "12.39"], ["77", "80.29"]]
    assert moas[-4:] == [["125", "50.9"], ["124", "10.69"], ["125", "17"], ["124", "1.7"]]
    assert invoice.tax_total == D("12.39") and invoice.total == D("80.29")


def test_a_credit_note_is_an_invoic_381_naming_the_invoice_it_corrects() -> None:
    original = document(DocumentKind.INVOICE)
    note = document(DocumentKind.CREDIT_NOTE)
    segs = segments(build_invoic(note, order(), Seller("8437000999997"), envelope(), original=original))
    values = dict(segs)
    assert values["BGM"] == ["381", "R2026-000001", "9"]
    assert ["IV", "F2026-000001"] in [e[0] for t, e in segs if t == "RFF"]
    assert "PAT" not in values and "ALC" not in values
    assert any(t == "FTX" and "RMA-2026-000001" in str(e) for t, e in segs)


def test_an_intra_community_invoice_says_why_it_has_no_vat() -> None:
    segs = segments(
        build_invoic(document(DocumentKind.INVOICE, VatRegime.INTRA_EU), order(), Seller("X"), envelope())
    )
    assert {e[5] for t, e in segs if t == "TAX"} == {"AE"}
    [ftx] = [e for t, e in segs if t == "FTX"]
    assert ftx[0] == "AAI" and "Entrega intracomunitaria exenta" in "".join(ftx[3])


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_invoic_passes_our_own_reader_without_a_fault(kind: DocumentKind) -> None:
    content = build_invoic(
        document(kind), order(), Seller("8437000999997"), envelope(), original=document(DocumentKind.INVOICE)
    )
    result = read_interchanges(content)
    [receipt] = result.interchanges
    assert receipt.accepted and receipt.control_ref == "78"
    [message] = receipt.messages
    assert (message.type, message.version, message.release, message.association) == (
        "INVOIC",
        "D",
        "96A",
        "EAN008",
    )
    assert result.orders == ()
    assert "ñ".encode("latin-1") in content  # UNOC: Spanish letters survive
