"""`/api/purchasing/…`: suppliers and their products, purchase orders with their history, planning and
the buyer's steps (a buyer's or a supervisor's), receipts, and suppliers' documents with invoice matching."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from core.kernel.domain.users import Role
from core.kernel.errors import NotFound
from core.purchasing.domain.answers import DocumentState
from core.purchasing.domain.landed import Basis, Charge
from core.purchasing.domain.orders import PoState
from core.purchasing.domain.receiving import Counted
from core.purchasing.services.receiving import QUARANTINE, po_for_gtin, sku_for_gtin
from web.deps import IdPath, UowDep, require_role
from web.fulfilment_deps import ActorDep
from web.purchasing_deps import (
    PurchasingDep,
    decide_document,
    document_json,
    ident,
    po_json,
    receipt_json,
    supplier_json,
)

router = APIRouter(prefix="/api/purchasing", tags=["purchasing"])
BUYER = [Depends(require_role(Role.BUYER))]  # money is committed: a buyer's step (or a supervisor's)


class LineEdit(BaseModel):
    quantity: Decimal = Field(ge=0)


class CountIn(BaseModel):
    sku: str | None = None
    gtin: str | None = None
    good: Decimal = Field(ge=0)
    damaged: Decimal = Field(default=Decimal(0), ge=0)


class ReceiptIn(BaseModel):
    lines: list[CountIn]
    location: str | None = None
    reference: str = ""


@router.get("/suppliers")
def suppliers(uow: UowDep) -> list[dict[str, Any]]:
    out = []
    for s in uow.purchasing.suppliers():
        item = supplier_json(s)
        item["products"] = [
            {
                "sku": o.sku,
                "supplier_item_code": o.supplier_item_code,
                "pack": str(o.pack),
                "price": str(o.price),
                "currency": o.currency,
                "lead_time_days": o.lead_time_days,
                "min_order_qty": str(o.min_order_qty),
            }
            for o in uow.purchasing.offers(s.supplier_id)
        ]
        out.append(item)
    return out


@router.get("/orders")
def orders(uow: UowDep, state: Annotated[PoState | None, Query()] = None) -> list[dict[str, Any]]:
    return [po_json(po) for po in uow.purchasing.pos(states=[state] if state else None)]


@router.get("/orders/{number}")
def order(number: str, uow: UowDep) -> dict[str, Any]:
    po = uow.purchasing.po(ident(number))
    if po is None:
        raise NotFound(f"purchase order {number} does not exist")
    out = po_json(po, full=True)
    out["receipts"] = [receipt_json(r) for r in uow.purchasing.receipts(po.id)]
    out["documents"] = [document_json(d) for d in uow.purchasing.documents(po_id=po.id)]
    return out


@router.get("/plan")
def preview(service: PurchasingDep) -> dict[str, Any]:
    plan = service.preview()
    return {
        "proposals": [
            {
                "supplier_id": p.supplier_id,
                "warehouse": p.warehouse,
                "expected_date": p.expected_date.isoformat(),
                "lines": [
                    {
                        "sku": x.sku,
                        "quantity": str(x.quantity),
                        "unit_price": str(x.unit_price),
                        "position": str(x.need.position),
                    }
                    for x in p.lines
                ],
            }
            for p in plan.proposals
        ],
        "unsourced": [
            {"sku": n.sku, "warehouse": n.warehouse, "wanted": str(n.wanted)} for n in plan.unsourced
        ],
    }


@router.post("/plan", dependencies=BUYER, status_code=201)
def plan(service: PurchasingDep, actor: ActorDep) -> list[dict[str, Any]]:
    made, _ = service.plan(actor)
    return [po_json(po, full=True) for po in made]


@router.put("/orders/{number}/lines/{line_no}", dependencies=BUYER)
def edit_line(
    number: str, line_no: IdPath, body: LineEdit, service: PurchasingDep, actor: ActorDep
) -> dict[str, Any]:
    return po_json(service.edit(ident(number), line_no, body.quantity, actor), full=True)


@router.post("/orders/{number}/receipts", status_code=201)
def receive(number: str, body: ReceiptIn, service: PurchasingDep, actor: ActorDep) -> dict[str, Any]:
    counts = []
    with service.uow_factory() as uow:  # looked up and closed before the receipt's transaction
        po = uow.purchasing.po(ident(number))
        if po is None:
            raise NotFound(f"purchase order {number} does not exist")
        for line in body.lines:
            sku = line.sku or sku_for_gtin(uow, po, line.gtin or "")
            counts.append(Counted(sku, line.good, line.damaged))
    return receipt_json(
        service.receive(po.number, counts, actor, location=body.location, reference=body.reference)
    )


class InvoiceLineIn(BaseModel):
    sku: str
    quantity: Decimal = Field(gt=0)
    price: Decimal = Field(ge=0)


class InvoiceIn(BaseModel):
    number: str = Field(min_length=1, max_length=64)
    lines: list[InvoiceLineIn] = Field(min_length=1)
    carriage: Decimal = Field(default=Decimal(0), ge=0)
    duties: Decimal = Field(default=Decimal(0), ge=0)
    tax: Decimal = Field(default=Decimal(0), ge=0)
    basis: Basis = Basis.VALUE


@router.post("/orders/{number}/invoices", dependencies=BUYER, status_code=201)
def type_invoice(number: str, body: InvoiceIn, service: PurchasingDep, actor: ActorDep) -> dict[str, Any]:
    """A supplier's invoice typed in, matched; its carriage and duties spread over the goods' cost."""
    charges = [Charge("carriage", body.carriage), Charge("duties", body.duties)]
    doc = service.type_invoice(
        ident(number), body.number, [(x.sku, x.quantity, x.price) for x in body.lines], actor,
        charges=[c for c in charges if c.amount], tax=body.tax, basis=body.basis,
    )  # fmt: skip
    return document_json(doc)


class CreditNoteIn(BaseModel):
    number: str = Field(min_length=1, max_length=64)
    lines: list[InvoiceLineIn] = Field(min_length=1)
    tax: Decimal = Field(default=Decimal(0), ge=0)
    corrects: str | None = Field(default=None, min_length=1, max_length=64)


@router.post("/orders/{number}/credit-notes", dependencies=BUYER, status_code=201)
def type_credit_note(
    number: str, body: CreditNoteIn, service: PurchasingDep, actor: ActorDep
) -> dict[str, Any]:
    """A supplier's credit note typed in: posted out of accounts payable when it takes back only what
    was invoiced and not received, at the order's price; otherwise it waits for a buyer."""
    doc = service.type_credit_note(
        ident(number), body.number, [(x.sku, x.quantity, x.price) for x in body.lines], actor,
        tax=body.tax, corrects=body.corrects,
    )  # fmt: skip
    return document_json(doc)


class SettleIn(BaseModel):
    warehouse: str = Field(min_length=1, max_length=16)
    quantity: Decimal = Field(gt=0)
    location: str = Field(default=QUARANTINE, min_length=1, max_length=32)
    to: str | None = Field(default=None, min_length=1, max_length=32)


@router.get("/quarantine")
def quarantined(
    service: PurchasingDep, warehouse: Annotated[str | None, Query()] = None
) -> list[dict[str, Any]]:
    """Damaged goods held in quarantine: on hand and valued, never available."""
    return [
        {"sku": h.sku, "warehouse": h.warehouse, "location": h.location, "quantity": str(h.on_hand)}
        for h in service.held(warehouse)
    ]


@router.post("/quarantine/{sku}/{decision}", dependencies=BUYER)
def settle(
    sku: str,
    decision: Literal["release", "write-off"],
    body: SettleIn,
    service: PurchasingDep,
    actor: ActorDep,
) -> dict[str, Any]:
    """release: into available stock (serving backorders); write-off: off the books, the loss posted."""
    if decision == "release":
        place = service.release(sku, body.warehouse, body.quantity, actor, location=body.location, to=body.to)
        return {"sku": sku, "released": str(body.quantity), "to": place}
    service.write_off(sku, body.warehouse, body.quantity, actor, location=body.location)
    return {"sku": sku, "written_off": str(body.quantity)}


@router.post("/orders/{number}/{step}", dependencies=BUYER)
def buyer_step(
    number: str, step: Literal["approve", "drop", "close"], service: PurchasingDep, actor: ActorDep
) -> dict[str, Any]:
    steps = {"approve": service.approve, "drop": service.drop, "close": service.close}
    return po_json(steps[step](ident(number), actor), full=True)


@router.get("/gtin/{gtin}")
def orders_for_gtin(
    gtin: Annotated[str, Path(pattern=r"^\d{8,14}$", description="a GTIN-8, -12, -13 or -14")], uow: UowDep
) -> list[dict[str, Any]]:
    """The open purchase orders with this GTIN, oldest first: what a scanner receives against."""
    return [po_json(po, full=True) for po in po_for_gtin(uow, gtin)]


@router.get("/documents")
def documents(uow: UowDep, state: Annotated[DocumentState | None, Query()] = None) -> list[dict[str, Any]]:
    return [document_json(d) for d in uow.purchasing.documents(state=state)]


@router.post("/documents/{document_id}/{decision}", dependencies=BUYER)
def decide(
    document_id: IdPath,
    decision: Literal["accept", "reject", "handled", "dismiss"],
    service: PurchasingDep,
    actor: ActorDep,
) -> dict[str, Any]:
    """accept|reject a mismatched invoice; handled|dismiss a document that came by e-mail or fax."""
    return document_json(decide_document(service, document_id, decision, actor))
