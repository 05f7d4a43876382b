"""Turning a resolved capture into an order of the OMS."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.capture.domain.documents import DocumentRecord
from core.capture.domain.layout import PageWords
from core.capture.domain.order import Evidence
from core.capture.domain.promo_codes import PROMO_REFERENCE
from core.capture.domain.resolution import LineTerms, ResolvedOrder
from core.kernel.domain.model import Order, OrderLine


def _clip(value: str | None, size: int) -> str | None:
    """Keep a document's text within its column; the full text stays in the stored document."""
    return value[:size] if value is not None and len(value) > size else value


def _source(term: LineTerms) -> str | None:
    """The price rule in words, saying so when the document's price had the promotion taken off."""
    if term.promotion_in_price and term.price_source:
        return f"{term.price_source}; the document's price is net of the promotion"
    return term.price_source


def evidence_dict(item: Evidence) -> dict[str, object]:
    """Where a field was read and how sure the reader was, without the raw text (the document has it)."""
    out: dict[str, object] = {"field": item.field, "confidence": round(item.confidence, 3)}
    where = item.provenance
    if where.page is not None:
        out["page"] = where.page
    if where.box is not None:
        out["box"] = [round(v, 1) for v in where.box]
    if where.segment is not None:
        out["segment"] = where.segment
    return out


def identifiers_rows(resolved: ResolvedOrder) -> list[dict[str, str | None]]:
    """The identifiers that may be the customer's (see `ResolvedOrder.learnable`), kept on the order
    for what a clerk's confirmation of the customer teaches (core.capture.services.learning)."""
    return [{"kind": str(i.kind), "value": i.value[:320], "role": i.role} for i in resolved.learnable]


def pages_rows(pages: Sequence[PageWords]) -> list[dict[str, object]]:
    """Page rows for the review screen: every word with its box and confidence."""
    return [
        {
            "number": page.number,
            "width": page.width,
            "height": page.height,
            "dpi": page.dpi,
            "source": page.source,
            "rotation": page.rotation,
            "words": [
                [
                    w.text,
                    round(w.x0, 1),
                    round(w.y0, 1),
                    round(w.x1, 1),
                    round(w.y1, 1),
                    round(w.confidence, 3),
                ]
                for w in page.words
            ],
            "text": " ".join(w.text for w in page.words),
        }
        for page in pages
    ]


def order_from_resolved(
    resolved: ResolvedOrder, document: DocumentRecord, index: int, now: datetime, partner_id: str | None
) -> Order:
    captured = resolved.captured
    assert document.id is not None
    order = Order(
        document_id=document.id,
        message_index=index,
        channel=str(document.channel),
        state=resolved.decision.order_state,
        decision=resolved.decision,
        confidence=resolved.confidence,
        created_at=now,
        po_number=_clip(captured.po_number, 64),
        customer_id=resolved.customer_id,
        order_date=captured.order_date,
        requested_delivery_date=captured.requested_delivery_date,
        currency=_clip(captured.currency, 3),
        buyer_party_id=_clip(captured.buyer.party_id, 64),
        buyer_name=_clip(captured.buyer.name, 256),
        supplier_party_id=_clip(captured.supplier.party_id, 64),
        supplier_name=_clip(captured.supplier.name, 256),
        ship_to_party_id=_clip(captured.ship_to.party_id, 64),
        ship_to_name=_clip(captured.ship_to.name, 256),
        ship_to_street=_clip(captured.ship_to.street, 256),
        ship_to_postal_code=_clip(captured.ship_to.postal_code, 32),
        ship_to_city=_clip(captured.ship_to.city, 128),
        ship_to_country=_clip(captured.ship_to.country, 3),
        total=captured.total,
        partner_id=_clip(partner_id, 64),
        message_ref=_clip(captured.message_ref, 32),
        problems=[p.as_dict() for p in resolved.problems],
        evidence=[evidence_dict(e) for e in captured.evidence],
        identifiers=identifiers_rows(resolved),
        promo_code=_clip(next((v for q, v in captured.references if q == PROMO_REFERENCE), None), 32),
    )
    terms = resolved.terms or tuple(LineTerms() for _ in captured.lines)
    lines = zip(captured.lines, resolved.skus, terms, strict=True)
    for position, (line, sku, term) in enumerate(lines, start=1):
        order.lines.append(
            OrderLine(
                position=position,
                line_no=_clip(line.line_no, 16),
                item_code=_clip(line.item_code, 64),
                gtin=_clip(line.gtin, 14),
                buyer_item_code=_clip(line.buyer_item_code, 64),
                supplier_item_code=_clip(line.supplier_item_code, 64),
                sku=sku,
                description=_clip(line.description, 512),
                quantity=line.quantity,
                unit=_clip(line.unit, 16),
                # a price that already had the promotion taken off is kept as the price before it,
                # beside the discount, so the promotion is shown (and taken off) once
                unit_price=term.expected_price if term.promotion_in_price else line.unit_price,
                amount=line.amount,
                requested_delivery_date=line.requested_delivery_date,
                base_quantity=term.base_quantity,
                base_unit=_clip(term.base_unit, 16),
                price_source=_clip(_source(term), 256),
                discount=term.discount,
                promotion=_clip(term.promotion, 256),
            )
        )
    return order
