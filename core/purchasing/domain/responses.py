"""Taking a supplier's order response (ORDRSP) onto our purchase order: confirmed quantities and
dates per line, a refused line at zero, a refused order cancelled."""

from __future__ import annotations

from datetime import datetime

from core.purchasing.domain.answers import AnswerKind, AnswerLine, LineAction, SupplierAnswer
from core.purchasing.domain.orders import ZERO, PoLine, PoState, PurchaseOrder


def find_line(po: PurchaseOrder, item: AnswerLine) -> PoLine | None:
    """Our line the supplier means: by SKU, GTIN or their code first, by line number last."""
    for line in po.lines:
        if (item.sku and item.sku == line.sku) or (item.gtin and item.gtin == line.gtin):
            return line
        if item.supplier_item_code and item.supplier_item_code == line.supplier_item_code:
            return line
    if item.line_no is not None:
        for line in po.lines:
            if line.line_no == item.line_no:
                return line
    return None


def apply_response(po: PurchaseOrder, answer: SupplierAnswer, actor: str, now: datetime) -> list[str]:
    """Confirm (or cancel) the order as the supplier answered; returns what changed, line by line."""
    assert answer.kind is AnswerKind.ORDRSP
    if answer.refused:
        po.move(PoState.CANCELLED, "ordrsp", actor, now, f"ORDRSP {answer.reference}: order refused")
        return ["order refused"]
    changes: list[str] = []
    for item in answer.lines:
        line = find_line(po, item)
        if line is None:
            named = item.supplier_item_code or item.sku or item.gtin or item.line_no
            changes.append(f"unknown line {named if named is not None else '?'}: ignored")
            continue
        quantity = ZERO if item.action is LineAction.REFUSED else item.quantity
        if quantity != line.quantity:
            changes.append(f"{line.sku}: {line.quantity} -> {quantity}")
        line.confirmed_quantity = quantity
        date = item.delivery_date or answer.delivery_date
        if date is not None:
            line.expected_date = date
    if answer.delivery_date is not None:
        po.expected_date = answer.delivery_date
    po.supplier_reference = answer.reference[:64]
    note = f"ORDRSP {answer.reference}" + (f": {'; '.join(changes)}" if changes else ": as ordered")
    if po.state is PoState.SENT:
        po.move(PoState.CONFIRMED, "ordrsp", actor, now, note)
    else:
        po.note("ordrsp", actor, now, note)
    return changes
