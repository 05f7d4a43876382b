"""The order a resolved capture makes (`order_from_resolved`): what the document said, in columns that
hold it, with what resolution and the commercial terms found; the values below are written out by hand
from those rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import inspect

from core.capture.domain.documents import Channel, DocumentRecord
from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Party,
    Problem,
    ProblemCode,
    Provenance,
)
from core.capture.domain.resolution import LineTerms, ResolvedOrder
from core.capture.services.orders import order_from_resolved
from core.kernel.domain.model import Decision, OrderState
from core.orm import start_mappers

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
D = Decimal


def _resolved() -> ResolvedOrder:
    bgm = Provenance(segment=2, raw="BGM+220+PO-1+9")
    qty = Provenance(segment=9, raw="QTY+21:2:CT")
    captured = CapturedOrder(
        po_number="PO-ñ-" + "9" * 70,  # longer than the column's 64
        order_date=date(2026, 11, 25),
        currency="EUR",
        buyer=Party(party_id="8437000100010", name="Ferretería Núñez S.L."),
        ship_to=Party(name="Almacén", street="Polígono Sur, nave 4", city="Getafe", country="ES"),
        lines=(
            CapturedLine(line_no="1", gtin="18437000100109", quantity=D(2), unit="CT", unit_price=D("1.728")),
            CapturedLine(line_no="2", item_code="X-1", description="Tuerca\tM8", quantity=D("0.5")),
        ),
        references=(("PD", "OTOÑO10"),),
        message_ref="7",
        evidence=(Evidence("po_number", 0.97654, bgm), Evidence("lines[0].quantity", 1.0, qty)),
    )
    pack_and_promotion = LineTerms(
        pack_unit="CT",
        factor=D(12),
        base_quantity=D(24),
        base_unit="UD",
        expected_price=D("1.92"),
        price_source="0.16 EUR, agreed price of C-1001",
        discount=D("0.384"),
        promotion="10 % otoño",
        net_price=D("1.728"),
        promotion_in_price=True,  # the document printed the price with the promotion taken off
    )
    return ResolvedOrder(
        captured=captured,
        customer_id="C-1001",
        skus=("TOR-M8-40", None),
        problems=(Problem(ProblemCode.UNKNOWN_PRODUCT, "X-1 is not ours", field="lines[1].item_code"),),
        confidence=0.8,
        decision=Decision.REVIEW,
        terms=(pack_and_promotion, LineTerms()),
    )


def test_the_order_holds_what_the_document_said_and_what_resolution_found() -> None:
    document = DocumentRecord(channel=Channel.EDI, sha256="x", size=1, received_at=NOW, id=41)
    order = order_from_resolved(_resolved(), document, 3, NOW, "8437000100010")

    assert (order.document_id, order.message_index, order.channel) == (41, 3, "edi")
    assert (order.decision, order.state, order.confidence) == (Decision.REVIEW, OrderState.IN_REVIEW, 0.8)
    assert order.po_number == "PO-ñ-" + "9" * 59  # cut to the column's 64 characters
    assert (order.customer_id, order.partner_id, order.message_ref) == ("C-1001", "8437000100010", "7")
    assert (order.buyer_name, order.ship_to_street) == ("Ferretería Núñez S.L.", "Polígono Sur, nave 4")
    assert (order.ship_to_city, order.ship_to_country, order.supplier_name) == ("Getafe", "ES", None)
    assert order.promo_code == "OTOÑO10" and order.created_at == NOW
    problem = {"field": "lines[1].item_code", "code": "unknown_product", "message": "X-1 is not ours"}
    assert order.problems == [problem]
    # where each field was read, its confidence to three places; the raw text stays in the document
    assert order.evidence == [
        {"field": "po_number", "confidence": 0.977, "segment": 2},
        {"field": "lines[0].quantity", "confidence": 1.0, "segment": 9},
    ]
    assert order.duplicate_of is None and order.id is None

    first, second = order.lines
    assert (first.position, first.line_no, first.gtin, first.sku) == (1, "1", "18437000100109", "TOR-M8-40")
    assert (first.quantity, first.unit, first.base_quantity, first.base_unit) == (D(2), "CT", D(24), "UD")
    # the printed 1.728 had the promotion taken off: the price before it is kept, beside the discount
    assert (first.unit_price, first.discount, first.promotion) == (D("1.92"), D("0.384"), "10 % otoño")
    assert (
        first.price_source == "0.16 EUR, agreed price of C-1001; the document's price is net of the promotion"
    )
    assert (second.position, second.sku, second.item_code, second.description) == (
        2,
        None,
        "X-1",
        "Tuerca\tM8",
    )
    assert (second.unit_price, second.base_quantity, second.discount, second.price_source) == (None,) * 4


def test_the_same_order_is_made_once_the_classes_are_mapped_as_in_a_worker() -> None:
    start_mappers()
    test_the_order_holds_what_the_document_said_and_what_resolution_found()
    document = DocumentRecord(channel=Channel.EDI, sha256="x", size=1, received_at=NOW, id=41)
    order = order_from_resolved(_resolved(), document, 3, NOW, None)
    assert inspect(order).transient and [inspect(line).transient for line in order.lines] == [True, True]
