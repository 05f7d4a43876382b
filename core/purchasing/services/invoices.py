"""A supplier's invoice typed in by a buyer (from paper, or a supplier that sends no EDIFACT): it is
kept and matched exactly as a supplier's INVOIC is, its carriage and duties spread onto the goods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from core.purchasing.domain.answers import (
    AnswerKind,
    AnswerLine,
    DocumentState,
    SupplierAnswer,
    SupplierDocument,
)
from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError
from core.purchasing.domain.landed import Basis, Charge
from core.purchasing.domain.matching import Tolerance
from core.purchasing.domain.orders import PoState, PurchaseOrder
from core.purchasing.services.answers import answer_detail, apply_answer
from core.purchasing.services.orders import locked
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork


def typed(
    uow: PurchasingUnitOfWork,
    ident: int | str,
    number: str,
    lines: Sequence[tuple[str, Decimal, Decimal]],
    tolerance: Tolerance,
    actor: str,
    now: datetime,
    *,
    charges: Sequence[Charge] = (),
    tax: Decimal = Decimal(0),
    basis: Basis = Basis.VALUE,
    issued: date | None = None,
) -> SupplierDocument:
    """`lines`: (SKU, quantity, unit price) as the invoice reads; matched, then posted or left waiting."""
    po = locked(uow, ident)
    refuse_finished(po)
    number = number.strip()
    if not number or not lines:
        raise PurchasingError("an invoice needs its number and at least one line")
    if any(c.amount < 0 for c in charges) or tax < 0:
        raise PurchasingError("charges and VAT cannot be negative")
    if uow.purchasing.known_document(po.supplier_id, AnswerKind.INVOIC, number[:64]):
        raise PurchasingError(f"invoice {number} of {po.supplier_id} is recorded already")
    answer = SupplierAnswer(
        kind=AnswerKind.INVOIC, sender_id="", reference=number[:64], po_number=po.number, issued=issued,
        lines=tuple(AnswerLine(None, qty, sku=sku, unit_price=price) for sku, qty, price in lines),
        currency=po.currency, tax=tax, charges=tuple(c for c in charges if c.amount), basis=basis,
    )  # fmt: skip
    return record_typed(uow, po, answer, tolerance, actor, now)


def record_typed(
    uow: PurchasingUnitOfWork,
    po: PurchaseOrder,
    answer: SupplierAnswer,
    tolerance: Tolerance,
    actor: str,
    now: datetime,
) -> SupplierDocument:
    """A document a buyer typed in, kept with who typed it and matched as one read from the supplier."""
    doc = SupplierDocument(
        po.supplier_id, answer.kind, answer.reference, po.number, now, DocumentState.UNMATCHED,
        {**answer_detail(answer), "typed_by": actor}, po_id=po.id,
    )  # fmt: skip
    apply_answer(uow, po, answer, doc, tolerance, actor, now)
    uow.purchasing.add_document(doc)
    return doc


FINISHED = (PoState.CLOSED, PoState.CANCELLED)


def refuse_finished(po: PurchaseOrder, what: str = "invoice") -> None:
    """Nothing is owed on a cancelled order, and a closed one was settled: an invoice (or a credit
    note) on either is the supplier's mistake (or ours), for a buyer to take up with them, never posted."""
    if po.state in FINISHED:
        raise IllegalPoTransition(
            f"purchase order {po.number} is {po.state}; no supplier {what} is recorded against it"
        )
