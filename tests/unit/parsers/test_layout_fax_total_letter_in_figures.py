"""A total with tax whose amount OCR read with a letter among its figures, under the subtotal.

The business rule: what the customer pays is the total with tax when the order prints one.  On a fine
fax whose "Total con IVA 723.82€" came out of OCR as "Total con IVA 7T23.82€" (and the tax label "IVA"
as "VA"), the reader found only the subtotal, which the lines add up to, and took it for the order
total; the amount under it ends in cents, so it was taken for one read, and the order was accepted
with the subtotal as the total (tuning fax modern_clean-118003, fine).  A total line whose amount is
no number, though it ends in cents, is unread: the total is doubtful and a person looks.  The same
page with the total with tax read right keeps its totals as sure as the arithmetic makes them.
"""

from __future__ import annotations

from decimal import Decimal

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page

TABLE = ((50, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROWS = [
    ((50, "Tornillo hexagonal M10x60"), (330, "1,500.00"), (430, "0.34€"), (500, "510.00€")),
    ((50, "Broca HSS 8 mm para metal"), (330, "36.00"), (430, "2.45€"), (500, "88.20€")),
]


def _order(tax_line: str, total_amount: str) -> tuple[Decimal | None, float | None, list[str]]:
    lines = [cells(40, (50, "Bricolaje Galicia S.A.")), cells(70, (50, "Pedido nº: PO56168"))]
    lines += [cells(84, (50, "Fecha: 2026/11/26")), cells(160, *TABLE)]
    lines += [cells(174 + 14 * i, *row) for i, row in enumerate(ROWS)]
    lines.append(cells(230, (380, "Subtotal"), (500, "598.20€")))
    lines.append(cells(244, (380, tax_line), (500, "125.62€")))
    lines.append(cells(258, (380, "Total con IVA"), (500, total_amount)))
    (order,) = extract_orders([page(*lines)]).orders
    found = order.evidence_for("total")
    return order.total, (found.confidence if found else None), [p.field or "" for p in order.problems]


def test_a_total_with_tax_read_with_a_letter_among_its_figures_leaves_the_total_doubtful() -> None:
    total, confidence, problems = _order("VA 21 %", "7T23.82€")
    # the subtotal the lines add up to is not what the customer pays: a person checks the total
    assert total == Decimal("598.20")
    assert confidence is not None and confidence < 0.8
    assert "total" in problems


def test_the_total_with_tax_read_right_is_the_total_and_sure() -> None:
    total, confidence, problems = _order("IVA 21 %", "723.82€")
    assert total == Decimal("723.82")
    assert confidence is not None and confidence >= 0.8
    assert "total" not in problems
