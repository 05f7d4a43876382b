"""Turning a resolved capture into an order of the OMS."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from core.capture.domain.documents import DocumentRecord
from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedLine, Evidence
from core.capture.domain.promo_codes import PROMO_REFERENCE
from core.capture.domain.resolution import LineTerms, ResolvedOrder
from core.kernel.adapters.orm import unsaved
from core.kernel.domain.model import Order, OrderLine


def _clip(value: str | None, size: int) -> str | None:
    """Keep a document's text within its column; the full text stays in the stored document."""
    return value[:size] if value is not None and len(value) > size else value


def _price(printed: Decimal | None, term: LineTerms) -> Decimal | None:
    """The line's unit price: as printed; the price before the promotion where the printed one had it
    taken off already, or where none was printed and a promotion applies (its base)."""
    if term.discount is not None and (term.promotion_in_price or printed is None):
        return term.expected_price
    return printed


def _source(term: LineTerms) -> str | None:
    """The price rule in words, saying so when the document's price had the promotion taken off."""
    if term.promotion_in_price and term.price_source:
        return f"{term.price_source}; the document's price is net of the promotion"
    return term.price_source


_ROUNDED: dict[float, float] = {}  # confidences as stored: a reader gives the same few again and again


def _rounded(confidence: float) -> float:
    found = _ROUNDED.get(confidence)
    if found is None:
        found = round(confidence, 3)
        if confidence > 0 and len(_ROUNDED) < 4096:  # not 0.0 and -0.0, equal keys written differently
            _ROUNDED[confidence] = found
    return found


def evidence_dict(item: Evidence) -> dict[str, object]:
    """Where a field was read and how sure the reader was, without the raw text (the document has it)."""
    out: dict[str, object] = {"field": item.field, "confidence": _rounded(item.confidence)}
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
    """The new order a resolved capture makes, with its lines, ready for `insert_new`."""
    captured = resolved.captured
    assert document.id is not None
    buyer, supplier, ship_to = captured.buyer, captured.supplier, captured.ship_to
    terms = resolved.terms or tuple(LineTerms() for _ in captured.lines)
    lines = zip(captured.lines, resolved.skus, terms, strict=True)
    return unsaved(
        Order,
        {
            "document_id": document.id,
            "message_index": index,
            "channel": str(document.channel),
            "state": resolved.decision.order_state,
            "decision": resolved.decision,
            "confidence": resolved.confidence,
            "created_at": now,
            "po_number": _clip(captured.po_number, 64),
            "customer_id": resolved.customer_id,
            "order_date": captured.order_date,
            "requested_delivery_date": captured.requested_delivery_date,
            "currency": _clip(captured.currency, 3),
            "buyer_party_id": _clip(buyer.party_id, 64),
            "buyer_name": _clip(buyer.name, 256),
            "supplier_party_id": _clip(supplier.party_id, 64),
            "supplier_name": _clip(supplier.name, 256),
            "ship_to_party_id": _clip(ship_to.party_id, 64),
            "ship_to_name": _clip(ship_to.name, 256),
            "ship_to_street": _clip(ship_to.street, 256),
            "ship_to_postal_code": _clip(ship_to.postal_code, 32),
            "ship_to_city": _clip(ship_to.city, 128),
            "ship_to_country": _clip(ship_to.country, 3),
            "total": captured.total,
            "partner_id": _clip(partner_id, 64),
            "message_ref": _clip(captured.message_ref, 32),
            "problems": [p.as_dict() for p in resolved.problems],
            "evidence": [evidence_dict(e) for e in captured.evidence],
            "duplicate_of": None,
            "identifiers": identifiers_rows(resolved),
            "promo_code": _clip(next((v for q, v in captured.references if q == PROMO_REFERENCE), None), 32),
            "id": None,
        },
        lines=[_line(position, line, sku, term) for position, (line, sku, term) in enumerate(lines, start=1)],
    )


def _line(position: int, line: CapturedLine, sku: str | None, term: LineTerms) -> OrderLine:
    return unsaved(
        OrderLine,
        {
            "position": position,
            "line_no": _clip(line.line_no, 16),
            "item_code": _clip(line.item_code, 64),
            "gtin": _clip(line.gtin, 14),
            "buyer_item_code": _clip(line.buyer_item_code, 64),
            "supplier_item_code": _clip(line.supplier_item_code, 64),
            "sku": sku,
            "description": _clip(line.description, 512),
            "quantity": line.quantity,
            "unit": _clip(line.unit, 16),
            # a price that already had the promotion taken off is kept as the price before it,
            # beside the discount, so the promotion is shown (and taken off) once
            "unit_price": _price(line.unit_price, term),
            "amount": line.amount,
            "requested_delivery_date": line.requested_delivery_date,
            "id": None,
            "base_quantity": term.base_quantity,
            "base_unit": _clip(term.base_unit, 16),
            "price_source": _clip(_source(term), 256),
            "discount": term.discount,
            "promotion": _clip(term.promotion, 256),
        },
    )
