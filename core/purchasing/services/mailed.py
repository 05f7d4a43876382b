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
from core.purchasing.domain.mailed import ReadDocument
from core.purchasing.domain.matching import Tolerance
from core.purchasing.domain.responses import apply_response
from core.purchasing.domain.suppliers import Supplier
from core.purchasing.services.answers import answer_detail, apply_answer
from core.purchasing.services.invoices import FINISHED
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
    read: ReadDocument | None = None,
    tolerance: Tolerance | None = None,
) -> SupplierDocument:
    """Keep the document waiting for a buyer, on the order its text names when that order is this
    supplier's; an invoice or delivery note the readers read (`read`) is taken onto its order when
    nothing about it is unsure. The same message again (the same reference) is the one kept before."""
    kind = read.kind if read is not None else mailed.kind_of(text)
    known = uow.purchasing.known_document(supplier_id, kind, reference[:64])
    if known is not None:
        return known
    if read is not None and read.answer is not None:
        return captured(uow, supplier_id, reference, read, document_id, detail, now, tolerance or Tolerance())
    number = mailed.po_number_in(text) or ""
    doc = SupplierDocument(
        supplier_id, kind, reference[:64], number, now, DocumentState.WAITING,
        {**detail, "excerpt": mailed.excerpt(text)}, document_id=document_id,
    )  # fmt: skip
    po = uow.purchasing.po(number, lock=True) if number else None
    if po is not None and po.supplier_id == supplier_id:
        doc.po_id = po.id
        confirmed = read_confirmation(po, text, reference[:64]) if kind is AnswerKind.ORDRSP else None
        if isinstance(confirmed, SupplierAnswer):  # unambiguous: taken onto the order as an ORDRSP is
            doc.detail["changes"] = apply_response(po, confirmed, ACTOR, now)
            doc.detail["read_from_text"] = True
            doc.state = DocumentState.APPLIED
        else:
            if confirmed is not None:
                doc.detail["not_read"] = confirmed
            po.note("supplier-document", ACTOR, now, f"{kind} by {detail.get('channel')}: to read")
    uow.purchasing.add_document(doc)
    return doc


def captured(
    uow: PurchasingUnitOfWork,
    supplier_id: str,
    reference: str,
    read: ReadDocument,
    document_id: int,
    detail: Mapping[str, object],
    now: datetime,
    tolerance: Tolerance,
) -> SupplierDocument:
    """An invoice or delivery note read from an e-mail or PDF: onto its order as an INVOIC (matched
    three ways, posted or left as a mismatch) or a DESADV is, when it was read surely and names one
    of this supplier's open orders; otherwise it waits for a buyer with every doubt as the reason."""
    assert read.answer is not None
    answer, doubts = read.answer, list(read.doubts)
    if answer.reference:  # the same invoice again, by another message: the one kept before
        known = uow.purchasing.known_document(supplier_id, read.kind, answer.reference[:64])
        if known is not None:
            return known
    po = uow.purchasing.po(answer.po_number, lock=True) if answer.po_number else None
    if po is None or po.supplier_id != supplier_id:
        po = None
        doubts.append(f"{answer.po_number or 'no order'} is no purchase order of {supplier_id}")
    else:
        answer, unknown = mailed.on_order(po, answer)
        if unknown and read.kind is AnswerKind.DESADV:
            doubts.append(f"{', '.join(unknown)} not on {po.number}")
        if unknown and read.kind is AnswerKind.CREDIT:
            doubts.append(f"{', '.join(unknown)} not on {po.number}")
        if read.kind is AnswerKind.INVOIC and po.state in FINISHED:
            doubts.append(f"{po.number} is {po.state}: no supplier invoice is recorded against it")
        if read.kind is AnswerKind.CREDIT and po.state in FINISHED:
            doubts.append(f"{po.number} is {po.state}: no supplier credit note is recorded against it")
    sure = po is not None and not doubts
    doc = SupplierDocument(
        supplier_id, read.kind, (answer.reference if sure else reference)[:64], answer.po_number[:35], now,
        DocumentState.UNMATCHED if sure else DocumentState.WAITING,
        {**answer_detail(answer), **detail, "message": reference, "read_from_text": True},
        document_id=document_id,
    )  # fmt: skip
    if po is not None:
        doc.po_id = po.id
    if po is not None and sure:
        apply_answer(uow, po, answer, doc, tolerance, ACTOR, now)
    else:
        doc.detail["not_read"] = "; ".join(doubts)
        if po is not None:
            po.note("supplier-document", ACTOR, now, f"{read.kind} by e-mail: to read ({doubts[0]})")
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
