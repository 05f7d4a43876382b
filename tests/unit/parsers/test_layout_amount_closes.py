"""A row whose amount OCR read as no number, but whose figures are its quantity times its price.

The business rule: a row shaped like an order line with a figure read as no number is named to a
person (the line may be misread).  When the only such figure is the row's amount, one word whose
figures are exactly those of the quantity times the unit price, both read, to the cent ("875/00", its
decimal comma read as a stroke, for 25.000 × 0,035), the three figures agree and the line is read: the
row is not named.  An amount whose figures are any others still is.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _unread_rows(amount: str) -> list[str]:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 24/11/2026"))]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (400, "Precio"), (500, "Importe")
    )
    first = cells(174, (50, "TOR-M8-40"), (130, "Tornillo"), (340, "250"), (400, "0,18"), (500, "45,00"))
    second = cells(188, (50, "BRI-NY-200"), (130, "Brida"), (330, "25.000"), (400, "0,035"), (500, amount))
    total = cells(216, (400, "Total"), (500, "920,00"))
    (order,) = extract_orders([page(*lines, heading, first, second, total)]).orders
    assert [line.quantity for line in order.lines] == [250, 25000]
    return [u.label for u in order.unread if u.field == "lines"]


def test_an_amount_read_as_no_number_whose_figures_are_quantity_times_price_leaves_the_row_read() -> None:
    assert _unread_rows("875/00") == []
    # other figures: the row is still named to a person
    assert _unread_rows("876/00") != []
