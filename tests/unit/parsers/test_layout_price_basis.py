"""A price printed for a hundred or a thousand units: the quantity stays as printed and the price is
read per unit.  A text layer prints every decimal mark it has, so a quantity "100" is never 1.00."""

from __future__ import annotations

import pytest

from tests.unit.parsers.doc_support import Doc, facts


@pytest.mark.parametrize("price_head", ["Precio (100 uds)", "Precio"])
def test_a_round_quantity_is_kept_when_the_price_is_for_a_hundred(price_head: str) -> None:
    # 100 × 34,00 per 100 = 34,00 and 1,00 × 34,00 = 34,00 both add up; only the first is what is printed
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7750"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 400, 490)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cantidad", price_head, "Importe"), strict=True))
    doc.row(216, *zip(xs, ("TOR-M10-60", "Tornillo M10x60", "100", "34,00", "34,00"), strict=True))
    doc.row(230, *zip(xs, ("ARA-M8", "Arandela plana M8", "1000", "2,00", "20,00"), strict=True))
    doc.row(244, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4,20", "50,40"), strict=True))
    doc.row(270, (400, "Total"), (490, "104,40"))
    order = doc.order()
    assert facts(order) == [
        ("TOR-M10-60", "100", "0.34"),
        ("ARA-M8", "1000", "0.02"),
        ("SIL-TRA-300", "12", "4.2"),
    ]
