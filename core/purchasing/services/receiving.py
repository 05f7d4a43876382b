"""Goods in against a purchase order: good units into stock through fulfilment's receipt (so they are
available at once and serve backorders oldest first, as `oms stock receive` does), damaged units
into the stock ledger at the warehouse's quarantine location: on hand and valued, never available,
until a buyer releases them or writes them off (`core.purchasing.services.quarantine`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.purchasing.domain.answers import AnswerKind
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.orders import RECEIVABLE, PurchaseOrder
from core.purchasing.domain.receiving import Counted, Receipt, apply_counts
from core.purchasing.domain.responses import find_line
from core.purchasing.services.answers import answer_of
from core.purchasing.services.orders import locked
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork

DEFAULT_LOCATION = "RECEPCION"
QUARANTINE = "CUARENTENA"


def receive(
    uow: PurchasingUnitOfWork,
    ident: int | str,
    counts: Sequence[Counted],
    actor: str,
    now: datetime,
    *,
    location: str | None = None,
    quarantine: str = QUARANTINE,
    reference: str = "",
) -> Receipt:
    """Take one delivery in; a product counted twice is added up."""
    po = locked(uow, ident)
    rows = apply_counts(po, list(counts))
    ref = (reference or po.number)[:64]
    for count in counts:
        if count.good > 0:
            place = location or uow.supply.location_of(count.sku, po.warehouse) or DEFAULT_LOCATION
            uow.goods_in.receive(
                count.sku, po.warehouse, place, count.good, actor, now, f"{po.number} {ref}"[:64]
            )
        if count.damaged > 0:
            uow.goods_in.quarantine(
                count.sku, po.warehouse, quarantine, count.damaged, actor, now, f"{po.number} {ref}"[:64]
            )
    po.after_receipt(actor, now, f"receipt {ref}")
    assert po.id is not None
    receipt = Receipt(
        po_id=po.id,
        warehouse=po.warehouse,
        location=location or "",
        quarantine_location=quarantine,
        received_at=now,
        actor=actor,
        reference=ref,
        lines=rows,
    )
    uow.purchasing.add_receipt(receipt)
    return receipt


def po_for_gtin(uow: PurchasingUnitOfWork, gtin: str) -> list[PurchaseOrder]:
    """The open purchase orders with a line of this GTIN, oldest first (the scanner's lookup)."""
    gtin = gtin.strip()
    if not gtin.isdigit():
        raise PurchasingError(f"{gtin!r} is not a GTIN")
    ids = sorted({line.po_id for line in uow.purchasing.lines_with_gtin(gtin, RECEIVABLE) if line.po_id})
    found = [uow.purchasing.po(i) for i in ids]
    return [po for po in found if po is not None]


def sku_for_gtin(uow: PurchasingUnitOfWork, po: PurchaseOrder, gtin: str) -> str:
    for line in po.lines:
        if line.gtin == gtin.strip():
            return line.sku
    product = uow.master.product_by_gtin(gtin.strip())
    if product is None or po.line_for(product.sku) is None:
        raise PurchasingError(f"GTIN {gtin} is not on purchase order {po.number}")
    return product.sku


def announced(uow: PurchasingUnitOfWork, ident: int | str, reference: str) -> list[Counted]:
    """The counts a supplier's DESADV announced for the order, to receive as announced."""
    po = uow.purchasing.po(ident)
    if po is None:
        raise PurchasingError(f"purchase order {ident} does not exist")
    advices = [
        d for d in uow.purchasing.documents(po_id=po.id, kind=AnswerKind.DESADV) if d.reference == reference
    ]
    if not advices:
        raise PurchasingError(f"no despatch advice {reference} announces goods for {po.number}")
    counts = []
    for item in answer_of(advices[0]).lines:
        line = find_line(po, item)
        if line is None:
            raise PurchasingError(f"despatch advice {reference} names a product not on {po.number}")
        counts.append(Counted(line.sku, item.quantity))
    return counts
