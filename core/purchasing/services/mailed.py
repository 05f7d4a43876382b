"""Suppliers' documents that came by e-mail or fax, kept for a buyer: whose they are, which order
they name, and a buyer marking one handled or dismissing it. Nothing here changes a purchase order:
a person reads the document (its raw bytes stay with the arrival) and acts on the order by hand."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from core.kernel.errors import NotFound
from core.purchasing.domain import mailed
from core.purchasing.domain.answers import DocumentState, SupplierDocument
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.suppliers import Supplier
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork


def supplier_for(uow: PurchasingUnitOfWork, sender: str | None, kind: str) -> Supplier | None:
    """The supplier whose e-mail address or fax number `sender` is (`kind` "email" or "fax")."""
    keys = mailed.sender_keys(sender, kind)
    return mailed.supplier_of(uow.purchasing.suppliers(), keys) if keys else None


def keep(
    uow: PurchasingUnitOfWork,
    supplier_id: str,
    reference: str,
    text: str,
    document_id: int,
    detail: Mapping[str, object],
    now: datetime,
) -> SupplierDocument:
    """Keep the document waiting for a buyer, on the order its text names when that order is this
    supplier's. The same message again (the same reference) is the one kept before."""
    kind = mailed.kind_of(text)
    known = uow.purchasing.known_document(supplier_id, kind, reference[:64])
    if known is not None:
        return known
    number = mailed.po_number_in(text) or ""
    doc = SupplierDocument(
        supplier_id, kind, reference[:64], number, now, DocumentState.WAITING,
        {**detail, "excerpt": mailed.excerpt(text)}, document_id=document_id,
    )  # fmt: skip
    po = uow.purchasing.po(number) if number else None
    if po is not None and po.supplier_id == supplier_id:
        doc.po_id = po.id
        po.note("supplier-document", "system:suppliers", now, f"{kind} by {detail.get('channel')}: to read")
    uow.purchasing.add_document(doc)
    return doc


def settle(
    uow: PurchasingUnitOfWork, document_id: int, handled: bool, actor: str, now: datetime
) -> SupplierDocument:
    """A buyer read a waiting document: handled (what it asked was done) or dismissed."""
    doc = uow.purchasing.document(document_id, lock=True)
    if doc is None:
        raise NotFound(f"supplier document {document_id} does not exist")
    if doc.state is not DocumentState.WAITING:
        raise PurchasingError(
            f"supplier document {document_id} is {doc.state}; only a waiting one is settled"
        )
    doc.state = DocumentState.HANDLED if handled else DocumentState.DISMISSED
    doc.decided_by = actor
    doc.detail = {**doc.detail, "settled_at": now.isoformat()}
    return doc
