"""A total with tax whose label OCR garbled past knowing, under the total the lines add up to.

The business rule: what the customer pays is the total with tax when the order prints one.  On a scan
whose "TOTAL PEDIDO IVA INCL." came out of OCR as "'OTAL PEDIDO IVA INCL.", the reader finds the
subtotal ("TOTAL 712,25", which the lines add up to) and no total with tax; an amount to the cent
greater than that total, printed on a line under it, may be the total the customer pays, unread.  The
total is then doubtful and a person looks (tuning fax modern_clean-120003, fine: accepted with the
subtotal for the total once nothing else held it).  Amounts under the total no greater than it (a tax)
leave it as read.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page

TABLE = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROWS = [
    ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
    ((50, "ARA-M8"), (130, "Arandela M8"), (340, "1000"), (430, "0,02"), (500, "20,00")),
]


def _total(*under: str) -> tuple[str | None, float | None]:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 26/11/2026")), cells(160, *TABLE)]
    lines += [cells(174 + 14 * i, *row) for i, row in enumerate(ROWS)]
    lines.append(cells(230, (380, "TOTAL"), (500, "65,00")))
    lines += [
        cells(244 + 14 * i, (380, text.rsplit(" ", 1)[0]), (500, text.rsplit(" ", 1)[1]))
        for i, text in enumerate(under)
    ]
    (order,) = extract_orders([page(*lines)]).orders
    found = order.evidence_for("total")
    return (str(order.total) if order.total is not None else None), (found.confidence if found else None)


def test_an_amount_greater_than_the_total_under_it_with_its_label_garbled_makes_the_total_doubtful() -> None:
    total, confidence = _total("VA 21 % 13,65", "'OTAL PEDIDO IVA INCL. 78,65")
    assert total == "65.00"
    assert confidence is not None and confidence < 0.8
    # a tax alone under it, smaller than the total, leaves the total as sure as the lines make it
    total, confidence = _total("VA 21 % 13,65")
    assert total == "65.00"
    assert confidence is not None and confidence >= 0.8
