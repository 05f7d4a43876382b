"""Dependencies of purchasing's routes and pages: the purchasing service, and purchase orders and
suppliers' documents as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from core.kernel.errors import NotFound
from core.purchasing.domain.answers import SupplierDocument
from core.purchasing.domain.landed import CENT
from core.purchasing.domain.orders import PurchaseOrder
from core.purchasing.domain.receiving import Receipt
from core.purchasing.domain.suppliers import Supplier
from core.purchasing.services.purchasing import Purchasing
from web.deps import MAX_ID


def get_purchasing(request: Request) -> Purchasing:
    service: Purchasing = request.app.state.oms.purchasing.service
    return service


PurchasingDep = Annotated[Purchasing, Depends(get_purchasing)]


def ident(text: str) -> int | str:
    """A purchase order by id (digits) or by number (PO-000001); an id no database key holds is none."""
    if not text.isdigit():
        return text
    if int(text) > MAX_ID:
        raise NotFound(f"purchase order {text} does not exist")
    return int(text)


def po_json(po: PurchaseOrder, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": po.id,
        "number": po.number,
        "supplier_id": po.supplier_id,
        "warehouse": po.warehouse,
        "state": po.state.value,
        "currency": po.currency,
        "total": str(po.total),
        "created_at": po.created_at.isoformat(),
        "expected_date": po.expected_date.isoformat() if po.expected_date else None,
        "supplier_reference": po.supplier_reference,
    }
    if full:
        out["lines"] = [
            {
                "line_no": x.line_no,
                "sku": x.sku,
                "supplier_item_code": x.supplier_item_code,
                "gtin": x.gtin,
                "quantity": str(x.quantity),
                "unit_price": str(x.unit_price),
                "confirmed_quantity": None if x.confirmed_quantity is None else str(x.confirmed_quantity),
                "received": str(x.received),
                "damaged": str(x.damaged),
                "landed": str(x.landed.quantize(CENT)),  # charges spread onto it, in cents
                "invoiced": str(x.invoiced),
                "credited": str(x.credited),
                "expected_date": x.expected_date.isoformat() if x.expected_date else None,
            }
            for x in po.lines
        ]
        out["history"] = [
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "step": e.step,
                "from": e.from_state.value if e.from_state else None,
                "to": e.to_state.value,
                "note": e.note,
            }
            for e in po.events
        ]
    return out


def receipt_json(receipt: Receipt) -> dict[str, Any]:
    return {
        "id": receipt.id,
        "po_id": receipt.po_id,
        "warehouse": receipt.warehouse,
        "quarantine_location": receipt.quarantine_location,
        "received_at": receipt.received_at.isoformat(),
        "actor": receipt.actor,
        "reference": receipt.reference,
        "lines": receipt.lines,
    }


def document_json(doc: SupplierDocument) -> dict[str, Any]:
    return {
        "id": doc.id,
        "supplier_id": doc.supplier_id,
        "kind": doc.kind.value,
        "reference": doc.reference,
        "po_number": doc.po_number,
        "po_id": doc.po_id,
        "state": doc.state.value,
        "received_at": doc.received_at.isoformat(),
        "decided_by": doc.decided_by,
        "differences": doc.detail.get("differences", []),
        "document_id": doc.document_id,
        # by e-mail or fax: who sent it, what it says, and its bytes to read
        "channel": doc.detail.get("channel"),
        "sender": doc.detail.get("sender"),
        "subject": doc.detail.get("subject"),
        "excerpt": doc.detail.get("excerpt"),
        "raw": f"/api/documents/{doc.document_id}/raw" if doc.document_id is not None else None,
    }


DECISIONS = ("accept", "reject", "handled", "dismiss")  # a mismatched invoice's; a waiting document's


def decide_document(service: Purchasing, document_id: int, decision: str, actor: str) -> SupplierDocument:
    """A buyer's decision on a supplier's document: accept or reject a mismatched invoice, mark a
    document that came by e-mail or fax handled or dismiss it."""
    if decision in ("handled", "dismiss"):
        return service.settle_document(document_id, decision == "handled", actor)
    return service.decide_invoice(document_id, decision == "accept", actor)


def supplier_json(s: Supplier) -> dict[str, Any]:
    return {
        "supplier_id": s.supplier_id,
        "name": s.name,
        "channel": s.channel.value,
        "address": s.address,
        "language": s.language,
        "currency": s.currency,
        "city": s.city,
        "country": s.country,
    }
