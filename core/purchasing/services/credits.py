"""A supplier's credit note typed in by a buyer (from paper, or a supplier that sends no EDIFACT):
kept and matched exactly as one read from their INVOIC or e-mail is, against what was invoiced and
not received; posted out of accounts payable when it matches, else left for a buyer to decide."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from core.purchasing.domain.answers import (
    AnswerKind,
    AnswerLine,
    SupplierAnswer,
    SupplierDocument,
)
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.matching import Tolerance
from core.purchasing.services.invoices import record_typed, refuse_finished
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
    tax: Decimal = Decimal(0),
    corrects: str | None = None,
    issued: date | None = None,
) -> SupplierDocument:
    """`lines`: (SKU, quantity, unit price) as the credit note reads; each SKU must be on the order."""
    po = locked(uow, ident)
    refuse_finished(po, "credit note")
    number = number.strip()
    if not number or not lines:
        raise PurchasingError("a credit note needs its number and at least one line")
    if tax < 0 or any(qty <= 0 or price < 0 for _, qty, price in lines):
        raise PurchasingError("a credit note's quantities are above zero and its prices and VAT not negative")
    unknown = [sku for sku, _, _ in lines if po.line_for(sku) is None]
    if unknown:
        raise PurchasingError(f"{', '.join(unknown)} not on purchase order {po.number}")
    if uow.purchasing.known_document(po.supplier_id, AnswerKind.CREDIT, number[:64]):
        raise PurchasingError(f"credit note {number} of {po.supplier_id} is recorded already")
    answer = SupplierAnswer(
        kind=AnswerKind.CREDIT, sender_id="", reference=number[:64], po_number=po.number, issued=issued,
        lines=tuple(AnswerLine(None, qty, sku=sku, unit_price=price) for sku, qty, price in lines),
        currency=po.currency, tax=tax, corrects=(corrects or "").strip()[:64] or None,
    )  # fmt: skip
    return record_typed(uow, po, answer, tolerance, actor, now)
