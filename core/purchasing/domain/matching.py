"""Three-way match of a supplier's invoice: each invoiced line against what we ordered (the price) and
what we received in good condition (or damaged and released since) and was not invoiced before (the
quantity), within tolerances: damaged units still held are not owed, the supplier owes us credit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from core.purchasing.domain.answers import AnswerLine, SupplierAnswer
from core.purchasing.domain.orders import ZERO, PoLine, PurchaseOrder


@dataclass(frozen=True)
class Tolerance:
    """How far an invoice may stray: price by a fraction of ours, quantity by units."""

    price: Decimal = Decimal("0.02")  # 2 % of the ordered price
    quantity: Decimal = ZERO


@dataclass(frozen=True)
class Difference:
    sku: str
    what: str  # "quantity" | "price" | "line" | "total"
    ours: str
    theirs: str
    document: str = "invoice"

    def text(self) -> str:
        return f"{self.sku}: {self.what} ours {self.ours}, {self.document} {self.theirs}"


def _line(po: PurchaseOrder, item: AnswerLine) -> PoLine | None:
    for line in po.lines:
        if item.sku and line.sku == item.sku:
            return line
        if item.gtin and line.gtin == item.gtin:
            return line
        if item.supplier_item_code and line.supplier_item_code == item.supplier_item_code:
            return line
    return None


def match(po: PurchaseOrder, invoice: SupplierAnswer, tolerance: Tolerance) -> list[Difference]:
    """The differences between the invoice and the order with its receipts; none: it matches."""
    found: list[Difference] = []
    computed = ZERO
    for item in invoice.lines:
        line = _line(po, item)
        name = item.sku or item.gtin or item.supplier_item_code or "?"
        if line is None:
            found.append(Difference(name, "line", "not ordered", str(item.quantity)))
            continue
        open_qty = line.owed - line.net_invoiced
        if item.quantity - open_qty > tolerance.quantity:
            held = f" ({line.credit_expected} damaged: credit expected)" if line.credit_expected > 0 else ""
            found.append(Difference(line.sku, "quantity", f"{open_qty} received{held}", str(item.quantity)))
        price = item.unit_price if item.unit_price is not None else line.unit_price
        if abs(price - line.unit_price) > tolerance.price * line.unit_price:
            found.append(Difference(line.sku, "price", str(line.unit_price), str(price)))
        computed += item.quantity * price
    charged = sum((c.amount for c in invoice.charges), ZERO)
    # the stated net is the goods (MOA 79), or the goods and the charges (a taxable amount, MOA 125)
    if invoice.net is not None and min(abs(invoice.net - computed), abs(invoice.net - computed - charged)) > (
        Decimal("0.01")
    ):
        found.append(Difference("*", "total", str(computed), str(invoice.net)))
    return found


def match_credit(po: PurchaseOrder, credit: SupplierAnswer, tolerance: Tolerance) -> list[Difference]:
    """The differences between a supplier's credit note and what it may take back: each line only
    units we were invoiced and do not owe (short, or damaged and not released), at the order's
    price; none: it is posted."""
    found: list[Difference] = []
    if not credit.lines:
        found.append(Difference("*", "line", "a credit note with lines", "none"))
    computed = ZERO
    for item in credit.lines:
        line = _line(po, item)
        name = item.sku or item.gtin or item.supplier_item_code or "?"
        if line is None:
            found.append(Difference(name, "line", "not ordered", str(item.quantity)))
            continue
        if item.quantity <= 0 or item.quantity - line.creditable > tolerance.quantity:
            why = (
                f"{line.creditable} invoiced and not received ({line.net_invoiced} invoiced, {line.owed} due)"
            )
            found.append(Difference(line.sku, "quantity", why, str(item.quantity)))
        price = item.unit_price if item.unit_price is not None else line.unit_price
        if abs(price - line.unit_price) > tolerance.price * line.unit_price:
            found.append(Difference(line.sku, "price", str(line.unit_price), str(price)))
        computed += item.quantity * price
    if credit.net is not None and abs(credit.net - computed) > Decimal("0.01"):
        found.append(Difference("*", "total", str(computed), str(credit.net)))
    if credit.charges:
        found.append(Difference("*", "charges", "goods only", ", ".join(c.kind for c in credit.charges)))
    return [replace(d, document="credit note") for d in found]


def book_credited(po: PurchaseOrder, credit: SupplierAnswer) -> None:
    """Count the credited quantities on the order's lines (after a match or a buyer's acceptance)."""
    for item in credit.lines:
        line = _line(po, item)
        if line is not None:
            line.credited += item.quantity


def book_invoiced(po: PurchaseOrder, invoice: SupplierAnswer) -> None:
    """Count the invoiced quantities on the order's lines (after a match or a buyer's acceptance)."""
    for item in invoice.lines:
        line = _line(po, item)
        if line is not None:
            line.invoiced += item.quantity
