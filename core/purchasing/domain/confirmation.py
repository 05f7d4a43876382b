"""A supplier's order confirmation as text (an e-mail's body or its PDF): read into the purchase order's
lines and date only when it is unambiguous, otherwise left for a buyer with the reason.

Unambiguous means: every line of the order is named (their item code, our SKU or the GTIN) on exactly
one line of the text, that text line names no other of the order's products and carries exactly one
quantity (`6 uds`, `6 x`, `6 units`, `qty 6`, `cantidad: 6`), and the text gives at most one delivery
date (on a line that speaks of delivery). A text that speaks of refusing or not supplying something is
never read: a buyer decides that."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from core.purchasing.domain.answers import AnswerKind, AnswerLine, LineAction, SupplierAnswer
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder

_NUMBER = r"(\d+(?:[.,]\d+)?)"
QTY_AFTER = re.compile(_NUMBER + r"\s*(?:x|uds?\.?|units?|unidades|pcs|piezas|pzas?)(?![\w])", re.IGNORECASE)
QTY_BEFORE = re.compile(r"\b(?:qty|cantidad|cant\.|quantity)\s*:?\s*" + _NUMBER, re.IGNORECASE)
DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
DELIVERY = re.compile(r"entrega|delivery|deliver|suministro|servimos|dispatch|ship", re.IGNORECASE)
REFUSAL = re.compile(
    r"no (?:podemos|disponemos|hay)|agotad|descatalogad|rechaz|anulad|cannot|can't|unable|"
    r"out of stock|discontinued|refus|cancel",
    re.IGNORECASE,
)
READABLE = (PoState.SENT, PoState.CONFIRMED)


def read_confirmation(po: PurchaseOrder, text: str, reference: str) -> SupplierAnswer | str:
    """The confirmation as an order response to apply, or why it cannot be read safely."""
    if po.state not in READABLE:
        return f"{po.number} is {po.state}: only a sent order is confirmed"
    if not po.lines:
        return f"{po.number} has no lines"
    if REFUSAL.search(text):
        return "it speaks of refusing or not supplying: a buyer decides"
    rows = [row for row in text.splitlines() if row.strip()]
    answered: list[AnswerLine] = []
    for line in po.lines:
        codes = _codes(line)
        named = [row for row in rows if any(_names(row, c) for c in codes)]
        if len(named) != 1:
            return f"{line.sku} is named on {len(named)} lines of the text, not one"
        row = named[0]
        others = [o.sku for o in po.lines if o is not line and any(_names(row, c) for c in _codes(o))]
        if others:
            return f"{line.sku} shares a line of the text with {', '.join(others)}"
        quantity = _quantity(row, codes)
        if quantity is None:
            return f"no single quantity for {line.sku} in {row.strip()!r}"
        action = LineAction.ACCEPTED if quantity == line.quantity else LineAction.CHANGED
        answered.append(AnswerLine(line.line_no, quantity, sku=line.sku, action=action))
    days = {d for row in rows if DELIVERY.search(row) for d in _dates(row)}
    if len(days) > 1:
        return f"{len(days)} delivery dates in the text, not one"
    return SupplierAnswer(
        kind=AnswerKind.ORDRSP, sender_id="", reference=reference, po_number=po.number,
        delivery_date=next(iter(days), None), lines=tuple(answered),
    )  # fmt: skip


def _codes(line: PoLine) -> list[str]:
    return [c for c in (line.supplier_item_code, line.sku, line.gtin) if c]


def _names(row: str, code: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", row, re.IGNORECASE) is not None


def _quantity(row: str, codes: list[str]) -> Decimal | None:
    for code in codes:  # a code's own digits (AW-250, a GTIN) are no quantity
        row = re.sub(rf"(?<![\w-]){re.escape(code)}(?![\w-])", " ", row, flags=re.IGNORECASE)
    for found_date in DATE.finditer(row):
        row = row.replace(found_date.group(0), " ")
    found = {Decimal(m.group(1).replace(",", ".")) for m in QTY_AFTER.finditer(row)}
    found |= {Decimal(m.group(1).replace(",", ".")) for m in QTY_BEFORE.finditer(row)}
    return found.pop() if len(found) == 1 else None


def _dates(row: str) -> list[date]:
    out = []
    for m in DATE.finditer(row):
        try:
            if m.group(1):
                out.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            else:  # day first, as Spanish and most European suppliers write it
                out.append(date(int(m.group(6)), int(m.group(5)), int(m.group(4))))
        except ValueError:
            continue
    return out
