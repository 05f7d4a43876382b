"""Suppliers' documents that came by e-mail or fax, kept for a buyer: whose they are, which order
they name, and a buyer marking one handled or dismissing it. An order confirmation whose text is
unambiguous (`core.purchasing.domain.confirmation`) is taken onto its order as an ORDRSP would be;
anything else is left for a person, who reads the document (its raw bytes stay with the arrival) and
acts on the order by hand."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from core.kernel.errors import NotFound
from core.purchasing.domain import mailed
from core.purchasing.domain.answers import AnswerKind, DocumentState, SupplierAnswer, SupplierDocument
from core.purchasing.domain.confirmation import read_confirmation
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.responses import apply_response
from core.purchasing.domain.suppliers import Supplier
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork

ACTOR = "system:suppliers"


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
    po = uow.purchasing.po(number, lock=True) if number else None
    if po is not None and po.supplier_id == supplier_id:
        doc.po_id = po.id
        read = read_confirmation(po, text, reference[:64]) if kind is AnswerKind.ORDRSP else None
        if isinstance(read, SupplierAnswer):  # unambiguous: taken onto the order as an ORDRSP is
            doc.detail["changes"] = apply_response(po, read, ACTOR, now)
            doc.detail["read_from_text"] = True
            doc.state = DocumentState.APPLIED
        else:
            if read is not None:
                doc.detail["not_read"] = read
            po.note("supplier-document", ACTOR, now, f"{kind} by {detail.get('channel')}: to read")
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
